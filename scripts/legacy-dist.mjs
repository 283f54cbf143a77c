// What the legacy dist needs after `lng dist --es5` (the everyday build and the store build alike):
// the CLI's generic polyfills.js replaced, under the same name so index.html loads it first as before,
// by the core-js modules the shipped app bundle (Lightning core inside, rollup.es5.config.js) uses and the
// polyfills core-js has none for, such as AbortController (legacy-polyfills.mjs). A manifest beside the
// flavour folder, never shipped, records the modules and the APIs the legacy engines lack
// (legacy-missing-apis.mjs), for the legacy browser test and the log.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { minifyLegacy } from './lower-lightning-es5.mjs'
import { bundlePolyfills, coreJsVersion, extraPolyfills, polyfillSources, selectPolyfills, usedPolyfills } from './legacy-polyfills.mjs'
import { missingApis } from './legacy-missing-apis.mjs'
import { legacyTargets, modernTargets } from './legacy-targets.mjs'

/** The manifest's path for a legacy flavour folder such as dist/es5. */
export const legacyManifestPath = (dir) => join(dirname(dir), 'legacy-polyfills.json')

export async function finishLegacyDist(dir) {
  const js = join(dir, 'js')
  const used = usedPolyfills([join(js, 'appBundle.es5.js'), ...polyfillSources()])
  const { modules, dropped } = selectPolyfills(used)
  writeFileSync(join(js, 'polyfills.js'), await minifyLegacy(await bundlePolyfills(modules), 'polyfills.js'))
  // A missing API an extra polyfill installs is named by its package, not by the app's module.
  const installer = new Map(extraPolyfills.flatMap((p) => p.apis.map((api) => [api, p.module])))
  const missing = missingApis(modules).map((m) => (installer.has(m.api) ? { ...m, from: installer.get(m.api) } : m))
  const extras = extraPolyfills.map((p) => p.module)
  const manifest = { coreJs: coreJsVersion, targets: legacyTargets, modernTargets, modules, extras, missing, dropped }
  writeFileSync(legacyManifestPath(dir), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}
