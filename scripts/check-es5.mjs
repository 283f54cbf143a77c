// Every script of the legacy dist must parse as ES5 (the legacy syntax of legacy-targets.mjs): a
// single construct the oldest TV engine cannot run is a black screen there.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'acorn'
import { legacyEcmaVersion } from './legacy-targets.mjs'

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
    parse(readFileSync(file, 'utf8'), { ecmaVersion: legacyEcmaVersion, sourceType: 'script' })
    console.log(`ES${legacyEcmaVersion} ok: ${file}`)
  } catch (error) {
    failed += 1
    console.error(`NOT ES${legacyEcmaVersion}: ${file}: ${error.message}`)
  }
}
// Inline scripts of index.html run on the same engine.
const html = readFileSync(join(root, 'index.html'), 'utf8')
for (const [, body] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
  try {
    parse(body, { ecmaVersion: legacyEcmaVersion, sourceType: 'script' })
  } catch (error) {
    failed += 1
    console.error(`NOT ES${legacyEcmaVersion}: inline script of index.html: ${error.message}`)
  }
}
console.log(`${files.length - failed} of ${files.length} files parse as ES${legacyEcmaVersion}`)
process.exit(failed ? 1 : 0)
