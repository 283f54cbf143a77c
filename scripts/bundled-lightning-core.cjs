// Shared by rollup.es6.config.js and rollup.es5.config.js (docs/architecture.md "Build").
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')

/**
 * Lightning core from its ES modules, in the app bundle, instead of the prebuilt one the CLI aliases
 * '@lightningjs/core' to (`window.lng`): '@lightningjs/core' is src/ui/lightning/core.ts, the members
 * the app uses, and only that module reaches the package itself, so the rest of the core tree-shakes
 * out.
 */
const coreModule = path.join(root, 'src/ui/lightning/core.ts')
// By the project's node_modules path, as the CLI resolves every other package (rollup runs with
// --preserveSymlinks), so the source maps and the bundle report name it like the others.
const coreEntry = path.join(root, 'node_modules/@lightningjs/core/dist/src/index.js')

const coreDir = path.dirname(coreEntry)

/**
 * Core modules neither the app nor the SDK runs, replaced by the stand-ins in
 * src/ui/lightning/left-out (each says why it is safe; test/unit/ui/lightning/left-out.test.ts
 * checks that nothing asks for them and that each path still exists in the core).
 * @type {ReadonlyArray<readonly [string, string]>} [core module under dist/src, stand-in]
 */
const leftOut = [
  ['animation/AnimationManager.mjs', 'src/ui/lightning/left-out/animation-manager.ts'],
  ['platforms/browser/ImageWorker.mjs', 'src/ui/lightning/left-out/image-worker.ts'],
  ['renderer/spark/SparkRenderer.mjs', 'src/ui/lightning/left-out/spark-renderer.ts'],
  ['textures/TextTextureRendererAdvanced.js', 'src/ui/lightning/left-out/text-renderer-advanced.ts'],
]
const standIns = new Map(leftOut.map(([core, standIn]) => [path.join(coreDir, core), path.join(root, standIn)]))

/**
 * The resolver, which then removes the prebuilt core the CLI has already copied into the flavour
 * (`script`: lightning.min.js for es6, lightning.es5.min.js for es5) and its tag in index.html.
 * @param {string} script
 * @param {string} configName the config that uses it, for its errors
 * @returns {import('rollup').Plugin}
 */
function bundledCore(script, configName) {
  const escaped = script.replace(/\./g, '\\.')
  const tag = new RegExp(`\\s*<script src="\\./js/${escaped}"></script>`)
  return {
    name: 'bundled-lightning-core',
    resolveId(source, importer) {
      if (importer && source.startsWith('.') && importer.startsWith(coreDir)) return standIns.get(path.resolve(path.dirname(importer), source)) ?? null
      if (source !== '@lightningjs/core' && source !== 'wpe-lightning') return null
      return importer === coreModule ? coreEntry : coreModule
    },
    writeBundle(options) {
      const js = options.file ? path.dirname(options.file) : options.dir
      fs.rmSync(path.join(js, script), { force: true })
      fs.rmSync(path.join(js, `${script}.map`), { force: true })
      const html = path.join(js, '..', 'index.html')
      if (!fs.existsSync(html)) return
      const page = fs.readFileSync(html, 'utf8')
      // A rebuild into the same folder (npm start) finds the tag already gone.
      if (tag.test(page)) fs.writeFileSync(html, page.replace(tag, ''))
      else if (page.includes(script)) throw new Error(`${configName}: ${html} loads ${script} in a way this config does not know`)
    },
  }
}

module.exports = { bundledCore, coreModule, coreEntry, leftOut }
