// Shared by rollup.es6.config.js and rollup.es5.config.js (docs/architecture.md "Build").
/**
 * A rollup plugin whose `options` hook swaps the Lightning CLI's own plugins, by name, for the
 * project's: the CLI deep-merges a root config into its own and appends its plugins, so plugins
 * listed there would only run after the CLI's (https://rollupjs.org/plugin-development/#options).
 * `replacements` maps a plugin name to a maker (sync or async; null leaves the plugin out),
 * `required` names those the CLI's config must have, `first` goes before all the others, and
 * `dropSelf` removes this plugin from the list once it has run. Every other plugin keeps its place.
 */
function swapCliPlugins({ name, configName, replacements, required, first, dropSelf = false }) {
  return {
    name,
    async options(options) {
      const found = new Set()
      const replaced = new Set()
      const plugins = []
      for (const plugin of [options.plugins].flat()) {
        if (dropSelf && plugin && plugin.name === name) continue
        const make = plugin && replacements[plugin.name]
        if (!make) {
          plugins.push(plugin)
          continue
        }
        found.add(plugin.name)
        const replacement = await make()
        if (!replacement) continue
        replaced.add(replacement)
        plugins.push(replacement)
      }
      const missing = required.filter((plugin) => !found.has(plugin))
      if (missing.length > 0) throw new Error(`${configName}: the CLI's config has no ${missing.join(', ')} plugin to replace`)
      // Rollup has already run the other plugins' `options` hooks; the replacements' (Babel sets up
      // its file filter in it) run here, as theirs would have.
      let next = { ...options, plugins: [first, ...plugins] }
      for (const plugin of plugins) {
        if (!replaced.has(plugin) || typeof plugin.options !== 'function') continue
        next = (await plugin.options.call(this, next)) ?? next
      }
      return next
    },
  }
}

module.exports = { swapCliPlugins }
