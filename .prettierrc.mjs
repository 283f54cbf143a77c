// Formatting as the code is already written: no semicolons, single quotes, trailing commas, parens
// around every arrow parameter. Lines run long here (99% of lines are under 152 characters); 160 is
// the width at which formatting the tree rewrites the fewest files and lines.
export default {
  semi: false,
  singleQuote: true,
  trailingComma: 'all',
  arrowParens: 'always',
  printWidth: 160,
}
