// Lightning's "es5" bundle still holds `const` (see the README, "Supported engines"), which the check-es5 step rejects.
// Lower it once, after the build, to the legacy targets and syntax of legacy-targets.mjs: Babel's
// forceAllTransforms gives ES5 syntax even where the target engines would parse newer code.
import { readFileSync, writeFileSync } from 'node:fs'
import { transformSync } from '@babel/core'
import { minify } from 'terser'
import { legacyEcmaVersion, legacyTargets } from './legacy-targets.mjs'

/** Minified at the legacy syntax (terser `ecma`), function names kept as the CLI keeps them. */
export async function minifyLegacy(code, name) {
  const min = await minify(code, { ecma: legacyEcmaVersion, compress: true, mangle: true, keep_fnames: true })
  if (!min.code) throw new Error(`terser produced nothing for ${name}`)
  return min.code
}

export async function lowerToEs5(file) {
  const source = readFileSync(file, 'utf8')
  const lowered = transformSync(source, {
    babelrc: false,
    configFile: false,
    compact: true,
    sourceType: 'script',
    presets: [['@babel/preset-env', { targets: legacyTargets, forceAllTransforms: true, modules: false }]],
  })
  if (!lowered?.code) throw new Error(`babel produced nothing for ${file}`)
  writeFileSync(file, await minifyLegacy(lowered.code, file))
}
