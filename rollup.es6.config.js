// The es6 flavour's rollup config (README "Supported engines": Chromium 80+), read by the Lightning CLI
// because .env sets LNG_CUSTOM_ROLLUP=true (the CLI's build.md, "Rollup Custom Config"). The CLI
// deep-merges this object into its own config, and deepmerge concatenates arrays, so plugins listed
// here would run after its own: its TypeScript (tsconfig's ES2019 target), Babel (preset-env at
// `safari 12.0` plus the class-properties plugin) and terser would still lower and minify first.
// The `options` hook below therefore swaps those three for the same plugins set for the flavour's
// engines, in place, keeping every other plugin and the order, and puts first a resolver that bundles
// Lightning core instead of the CLI's alias to the prebuilt one. docs/architecture.md "Build".
const { createRequire } = require('node:module')
const { sdkPluginModules } = require('./scripts/sdk-plugin-modules.cjs')
const { swapCliPlugins } = require('./scripts/swap-cli-plugins.cjs')
const { bundledCore: bundledLightningCore } = require('./scripts/bundled-lightning-core.cjs')

// The CLI's own copies of the plugins, whatever the project itself depends on.
const cliRequire = createRequire(require.resolve('@lightningjs/cli/package.json'))
const { babel } = cliRequire('@rollup/plugin-babel')
const typescript = cliRequire('@rollup/plugin-typescript')
const babelPresetEnv = cliRequire('@babel/preset-env')
const babelPresetTypescript = cliRequire('@babel/preset-typescript')
const { terser } = cliRequire('rollup-plugin-terser')

/**
 * The es6 flavour's engines: `modernTargets` of scripts/legacy-targets.mjs (an ES module, which this
 * CommonJS file cannot require on every Node the project supports; a packaging test keeps the two equal).
 */
const modernTargets = { chrome: '80' }

/** The ECMAScript edition Chrome 80 runs in full (optional chaining and `??` came with it). */
const modernEcmaVersion = 2020

const minify = process.env.LNG_BUILD_MINIFY === 'true' || process.env.NODE_ENV === 'production'

const replacements = {
  // Sources go to ES2022 so TypeScript lowers nothing Babel would not; Babel then lowers only what
  // Chrome 80 lacks (private methods, logical assignment). Class fields keep TypeScript's assignment
  // semantics, as at ES2019: a field must never shadow an accessor of Lightning's Component.
  typescript: () => typescript({ target: 'ES2022', useDefineForClassFields: false }),
  babel: () =>
    babel({
      presets: [[babelPresetEnv, { targets: modernTargets, bugfixes: true }], [babelPresetTypescript]],
      extensions: ['.js', '.ts'],
      babelHelpers: 'bundled',
    }),
  // Class names kept: Lightning names states by their class (StateMachine._getStateName) and an
  // element's type by its constructor, ky and the storage guard tell errors by `cls.name`. Nothing
  // reads a plain function's name, so, unlike the CLI's keep_fnames, those are mangled.
  terser: () => (minify ? terser({ ecma: modernEcmaVersion, keep_classnames: true, keep_fnames: false, compress: { passes: 2 } }) : null),
}

// Lightning core from its ES modules instead of the prebuilt lightning.min.js (scripts/bundled-lightning-core.cjs).
const bundledCore = bundledLightningCore('lightning.min.js', 'rollup.es6.config.js')

const modernFlavour = swapCliPlugins({
  name: 'modern-flavour',
  configName: 'rollup.es6.config.js',
  replacements,
  required: minify ? Object.keys(replacements) : ['typescript', 'babel'],
  first: bundledCore,
})

module.exports = {
  plugins: [modernFlavour],
  treeshake: { moduleSideEffects: (id) => !sdkPluginModules.test(id.replace(/\\/g, '/')) },
}
