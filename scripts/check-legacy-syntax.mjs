// `npm run check:legacy-syntax [dist/es5]`: every script of a legacy dist parses at the legacy syntax
// (legacy-syntax.mjs); exits 1 with file:line:column of each that does not.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { checkLegacyDist } from './legacy-syntax.mjs'
import { legacyEcmaVersion, legacyTargets } from './legacy-targets.mjs'

const root = process.argv[2] ?? 'dist/es5'
if (!existsSync(join(root, 'index.html'))) {
  console.error(`${root}/index.html is missing: build first`)
  process.exit(1)
}
const { checked, failures } = checkLegacyDist(root)
if (!checked.some((c) => c.endsWith('.js'))) {
  console.error(`no JavaScript files under ${root}: build first`)
  process.exit(1)
}
for (const failure of failures) console.error(`NOT ES${legacyEcmaVersion}: ${failure}`)
const level = `ES${legacyEcmaVersion} (what Chrome ${legacyTargets.chrome} parses)`
console.log(`${checked.length - failures.length} of ${checked.length} scripts parse as ${level}`)
process.exit(failures.length ? 1 : 0)
