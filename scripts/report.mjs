// `npm run report`: what each source module adds to the built app bundles (minified bytes, from their
// source maps, by source-map-explorer), after `npm run build`. Writes dist/report/<flavour>.json
// (every module) and prints the top contributors by module and by package. Never shipped: dist/report
// is beside the flavour folders, not in them.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { explore } from 'source-map-explorer'

const bundles = { es6: 'dist/es6/js/appBundle.js', es5: 'dist/es5/js/appBundle.es5.js' }
const top = Number(process.argv[2] ?? 15)
const out = join('dist', 'report')
const kb = (n) => `${(n / 1024).toFixed(1)} KB`

/** A module's package (node_modules/<name> or <@scope/name>), else its folder under src. */
export function owner(source) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)
  if (pkg) return pkg[1]
  const src = /(?:^|\/)(src\/(?:[^/]+\/)?[^/]+?)(?:\/|$)/.exec(source)
  return src ? src[1] : source
}

mkdirSync(out, { recursive: true })
for (const [flavour, bundle] of Object.entries(bundles)) {
  if (!existsSync(bundle) || !existsSync(`${bundle}.map`)) {
    console.error(`${bundle} or its .map is missing: run \`npm run build\` first`)
    process.exit(1)
  }
  const result = await explore([bundle, `${bundle}.map`], { output: { format: 'json' }, noBorderChecks: true })
  const [entry] = result.bundles
  if (!entry || 'error' in entry) throw new Error(`source-map-explorer could not read ${bundle}`)
  const modules = Object.entries(entry.files)
    .map(([source, { size }]) => ({ source: source.replace(/^(\.\.\/)+/, ''), bytes: size }))
    .sort((a, b) => b.bytes - a.bytes)
  const packages = new Map()
  for (const m of modules) packages.set(owner(m.source), (packages.get(owner(m.source)) ?? 0) + m.bytes)
  const byPackage = [...packages].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes)
  writeFileSync(join(out, `${flavour}.json`), `${JSON.stringify({ bundle, totalBytes: entry.totalBytes, modules, byPackage }, null, 2)}\n`)
  console.log(`\n${bundle}: ${kb(entry.totalBytes)} minified, ${modules.length} modules (${join(out, `${flavour}.json`)})`)
  console.log(`  top ${top} modules:`)
  for (const m of modules.slice(0, top)) console.log(`    ${kb(m.bytes).padStart(9)}  ${m.source}`)
  console.log(`  top ${top} packages and source folders:`)
  for (const p of byPackage.slice(0, top)) console.log(`    ${kb(p.bytes).padStart(9)}  ${p.name}`)
}
