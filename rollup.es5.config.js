// The es5 app bundle at the legacy targets (scripts/legacy-targets.mjs: Chromium 53) instead of the
// Lightning CLI's Chrome 39, with Lightning core bundled from its ES modules as in the es6 flavour.
// The CLI merges this file into its es5 rollup config when LNG_CUSTOM_ROLLUP=true (its
// docs/commands/build.md, "Rollup Custom Config"); the merge appends plugins, so its own Babel step
// (preset-env at Chrome 39, with the spread and parameters transforms) and terser cannot be left out
// by listing others. Instead the plugin below swaps them, in rollup's `options` hook
// (https://rollupjs.org/plugin-development/#options), in place: Babel at the legacy targets (classes,
// generators, spread and default parameters stay; async functions become generators; what Chromium 53
// cannot parse, such as object spread, `?.` and class fields, is still lowered), over every module,
// Lightning core's in node_modules too (the plugin has no include/exclude); terser at the legacy
// syntax with class names kept. It also puts first the resolver that bundles Lightning core instead
// of the CLI's alias to the prebuilt lightning.es5.min.js. docs/architecture.md "Build".
const { createRequire } = require('node:module')
const { join } = require('node:path')
const { pathToFileURL } = require('node:url')
const { sdkPluginModules } = require('./scripts/sdk-plugin-modules.cjs')
const { bundledCore } = require('./scripts/bundled-lightning-core.cjs')
const { swapCliPlugins } = require('./scripts/swap-cli-plugins.cjs')

// The CLI's own copies of the plugins, as rollup.es6.config.js takes them.
const cliRequire = createRequire(require.resolve('@lightningjs/cli/package.json'))
const { babel } = cliRequire('@rollup/plugin-babel')
const { terser } = cliRequire('rollup-plugin-terser')

const extensions = ['.js', '.ts', '.mjs']
const minify = process.env.LNG_BUILD_MINIFY === 'true' || process.env.NODE_ENV === 'production'

const legacy = () => import(pathToFileURL(join(__dirname, 'scripts', 'legacy-targets.mjs')).href)

const replacements = {
  babel: async () => {
    const { legacyTargets } = await legacy()
    return babel({
      presets: [['@babel/preset-env', { targets: legacyTargets, bugfixes: true, modules: false }], ['@babel/preset-typescript']],
      extensions,
      babelHelpers: 'bundled',
    })
  },
  // Class names kept: Lightning names states by their class (StateMachine._getStateName) and an
  // element's type by its constructor, ky and the storage guard tell errors by `cls.name`; with the
  // classes left as classes at ES2016 that is all the CLI's keep_fnames kept that anything reads.
  terser: async () => {
    const { legacyEcmaVersion } = await legacy()
    return minify ? terser({ ecma: legacyEcmaVersion, keep_classnames: true, keep_fnames: false, compress: { passes: 2 } }) : null
  },
}

module.exports = {
  plugins: [
    swapCliPlugins({
      name: 'legacy-targets',
      configName: 'rollup.es5.config.js',
      replacements,
      required: minify ? Object.keys(replacements) : ['babel'],
      first: bundledCore('lightning.es5.min.js', 'rollup.es5.config.js'),
      dropSelf: true,
    }),
  ],
  // As in rollup.es6.config.js: the SDK's unused plugin modules stay out of the bundle.
  treeshake: { moduleSideEffects: (id) => !sdkPluginModules.test(id.replace(/\\/g, '/')) },
}
