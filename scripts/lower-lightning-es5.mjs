// Lightning's "es5" bundle still holds `const` (see the README, "Supported engines"), which the check-es5 step rejects
// and which Chromium before 49 cannot parse in sloppy mode. Lower it to real ES5 once, after the build.
import { readFileSync, writeFileSync } from 'node:fs'
import { transformSync } from '@babel/core'
import { minify } from 'terser'

export async function lowerToEs5(file) {
  const source = readFileSync(file, 'utf8')
  const lowered = transformSync(source, {
    babelrc: false,
    configFile: false,
    compact: true,
    sourceType: 'script',
    presets: [['@babel/preset-env', { targets: { chrome: '38' }, modules: false, bugfixes: true }]],
  })
  if (!lowered?.code) throw new Error(`babel produced nothing for ${file}`)
  const min = await minify(lowered.code, { ecma: 5, compress: true, mangle: true, keep_fnames: true })
  if (!min.code) throw new Error(`terser produced nothing for ${file}`)
  writeFileSync(file, min.code)
}
