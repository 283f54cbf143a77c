// Minifying at the legacy syntax of legacy-targets.mjs (polyfills.js, legacy-dist.mjs), and the
// prebuilt Lightning at that syntax for an app that loads it (the start-up benchmark's blank app; the
// app's own es5 bundle holds Lightning core, rollup.es5.config.js): Lightning's es6 bundle instead of
// the CLI's copy of its "es5" bundle, which holds `const` anyway and, lowered to ES5, weighs about
// 12 KB (gzip) more than the same code at what Chromium 53 parses. esbuild lowers what Chromium 53
// lacks (class fields, `?.`, `??`); terser minifies at the same syntax. Class and function names are
// kept: Lightning names a component's states and a texture source's type by them (`state.name`,
// `constructor.name`).
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { transform } from 'esbuild'
import { minify } from 'terser'
import { legacyEcmaVersion, legacyEsbuildTarget } from './legacy-targets.mjs'

const require = createRequire(import.meta.url)

/** Minified at the legacy syntax (terser `ecma`), class and function names kept. */
export async function minifyLegacy(code, name) {
  const min = await minify(code, { ecma: legacyEcmaVersion, compress: true, mangle: true, keep_fnames: true, keep_classnames: true })
  if (!min.code) throw new Error(`terser produced nothing for ${name}`)
  return min.code
}

/**
 * Lightning's es6 bundle (dist/lightning.js, the package's `require` entry), from the same
 * @lightningjs/core the CLI copies into a dist.
 */
export const lightningEs6Source = () => require.resolve('@lightningjs/core')

/** Writes Lightning, lowered to the legacy syntax and minified, to `file`. */
export async function writeLegacyLightning(file) {
  const source = lightningEs6Source()
  const lowered = await transform(readFileSync(source, 'utf8'), { loader: 'js', target: legacyEsbuildTarget, sourcefile: source })
  writeFileSync(file, await minifyLegacy(lowered.code, file))
}

/** The same step under the name the start-up benchmark's blank app build calls it by. */
export const lowerToEs5 = writeLegacyLightning
