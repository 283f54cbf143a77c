// Production dist: dist/es6 (Chromium 80+) and dist/es5 (the legacy engines of legacy-targets.mjs),
// settings baked into each index.html. The CLI writes index.html only into a fresh folder, so start clean.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { distSizes, formatSizes } from './sizes.mjs'
import { finishLegacyDist } from './legacy-dist.mjs'
import { withFontPreload } from './font-preload.mjs'

const started = Date.now()
rmSync('dist', { recursive: true, force: true })
const result = spawnSync('npx', ['lng', 'dist', '--es6', '--es5'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, NODE_ENV: 'production' },
  encoding: 'utf8',
})
if (result.status !== 0 || /✖|error/i.test(result.stdout ?? '')) {
  process.stdout.write(result.stdout ?? '')
  process.stderr.write(result.stderr ?? '')
  console.error('build failed')
  process.exit(1)
}
const legacy = await finishLegacyDist('dist/es5')
// The app has no favicon: say so, instead of a browser asking for /favicon.ico (a 404 at every launch).
// Then the font preloads, so the fonts the first frame waits for are fetched while the bundles load
// (CORS ones: dist is served over http; a page run from file:// takes `cors: false`).
for (const flavour of ['es6', 'es5']) {
  const file = `dist/${flavour}/index.html`
  let html = readFileSync(file, 'utf8')
  if (!html.includes('rel="icon"')) html = html.replace('<meta charset="UTF-8" />', '<meta charset="UTF-8" />\n        <link rel="icon" href="data:," />')
  writeFileSync(file, withFontPreload(html, `dist/${flavour}`))
}
const seconds = ((Date.now() - started) / 1000).toFixed(1)
console.log(`built dist/es6 and dist/es5 in ${seconds} s`)
console.log(formatSizes(distSizes('dist')))
console.log(
  `dist/es5/js/polyfills.js: core-js ${legacy.coreJs}, ${legacy.modules.length} modules for chrome ${legacy.targets.chrome}: ${legacy.modules.join(' ')}`,
)
console.log(`missing on chrome ${legacy.targets.chrome}: ${legacy.missing.map((m) => m.api).join(', ')}`)
