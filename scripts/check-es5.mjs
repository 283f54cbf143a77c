// Every script of the legacy dist must parse as ES5 (Chromium 53 on webOS 4): a single arrow
// function or `const` left in a bundle is a black screen on those TVs.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'acorn'

const root = process.argv[2] ?? 'dist/es5'
const files = []
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (name.endsWith('.js')) files.push(path)
  }
}
walk(root)
if (files.length === 0) {
  console.error(`no JavaScript files under ${root}: build first`)
  process.exit(1)
}
let failed = 0
for (const file of files) {
  try {
    parse(readFileSync(file, 'utf8'), { ecmaVersion: 5, sourceType: 'script' })
    console.log(`ES5 ok: ${file}`)
  } catch (error) {
    failed += 1
    console.error(`NOT ES5: ${file}: ${error.message}`)
  }
}
// Inline scripts of index.html run on the same engine.
const html = readFileSync(join(root, 'index.html'), 'utf8')
for (const [, body] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
  try {
    parse(body, { ecmaVersion: 5, sourceType: 'script' })
  } catch (error) {
    failed += 1
    console.error(`NOT ES5: inline script of index.html: ${error.message}`)
  }
}
console.log(`${files.length - failed} of ${files.length} files parse as ES5`)
process.exit(failed ? 1 : 0)
