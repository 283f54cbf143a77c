// The es5 app bundle at the legacy targets (scripts/legacy-targets.mjs: Chromium 53) instead of the
// Lightning CLI's Chrome 39. The CLI merges this file into its es5 rollup config when
// LNG_CUSTOM_ROLLUP=true (its docs/commands/build.md, "Rollup Custom Config"); the merge appends
// plugins, so its own Babel step (preset-env at Chrome 39, with the spread and parameters
// transforms) cannot be left out by listing another. Instead the plugin below swaps it, in rollup's
// `options` hook (https://rollupjs.org/plugin-development/#options), for the same Babel step at the
// legacy targets: classes, generators, spread and default parameters stay; async functions become
// generators; what Chromium 53 cannot parse (object spread, `?.`, class fields…) is still lowered.
const { babel } = require('@rollup/plugin-babel')
const { join } = require('node:path')
const { pathToFileURL } = require('node:url')
const { sdkPluginModules } = require('./scripts/sdk-plugin-modules.cjs')

const extensions = ['.js', '.ts', '.mjs']

async function legacyBabel() {
  const { legacyTargets } = await import(pathToFileURL(join(__dirname, 'scripts', 'legacy-targets.mjs')).href)
  return babel({
    presets: [['@babel/preset-env', { targets: legacyTargets, bugfixes: true, modules: false }], ['@babel/preset-typescript']],
    extensions,
    babelHelpers: 'bundled',
  })
}

module.exports = {
  plugins: [
    {
      name: 'legacy-targets',
      async options(options) {
        const plugins = [options.plugins].flat()
        const at = plugins.findIndex((plugin) => plugin && plugin.name === 'babel')
        if (at < 0) throw new Error("rollup.es5.config.js: the CLI's es5 config has no Babel step to set the legacy targets of")
        const replacement = await legacyBabel()
        // Rollup runs the `options` hooks of the plugins it started with, so the new step's runs here.
        await replacement.options.call(this, options)
        plugins[at] = replacement
        return { ...options, plugins: plugins.filter((plugin) => !plugin || plugin.name !== 'legacy-targets') }
      },
    },
  ],
  // As in rollup.es6.config.js: the SDK's unused plugin modules stay out of the bundle.
  treeshake: { moduleSideEffects: (id) => !sdkPluginModules.test(id.replace(/\\/g, '/')) },
}
