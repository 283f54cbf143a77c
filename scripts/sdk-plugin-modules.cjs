// Shared by rollup.es6.config.js and rollup.es5.config.js (docs/architecture.md "Build").
/**
 * The SDK's plugin modules (@lightningjs/sdk 5.5.7 and its @metrological/sdk): only the SDK's Launch
 * calls them, and only for `platformSettings.plugins`; the app launches through src/ui/launch.ts.
 * Some run code as they load (the video player's module ends in a call), which would keep them in
 * the bundle unused: declared free of side effects, they stay out unless something uses them.
 */
const sdkPluginModules =
  /node_modules\/(?:@metrological\/sdk\/(?:index\.js|src\/)|@lightningjs\/sdk\/src\/(?:Ads|AudioPlayer|MediaPlayer|Metrics|Pin|Profile|Purchase|Subtitles|TV|VideoPlayer)\/)/

module.exports = { sdkPluginModules }
