/**
 * What the app bundles of both flavours hold (docs/architecture.md "Build").
 *
 * Lightning core is bundled from its ES modules (src/ui/lightning/core.ts): the prebuilt
 * lightning.min.js (es6) and lightning.es5.min.js (es5) are neither shipped nor loaded.
 *
 * The Lightning SDK's plugins (video player, ads, media player, purchase, pin, TV, profile) stay out
 * of both app bundles: the app launches through src/ui/launch.ts, not the SDK's Launch, and
 * both rollup configs declare those modules free of side effects (scripts/sdk-plugin-modules.cjs) (docs/architecture.md "Build").
 * Each is recognised by a string literal of its own module, which minification keeps.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join('dist', 'es6')
const bundle = join(root, 'js', 'appBundle.js')

function built(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`)
  return readFileSync(file, 'utf8')
}

// es5: the polyfills of the engines it lacks load first (scripts/legacy-dist.mjs).
test.each([
  ['es6', ['appBundle.js']],
  ['es5', ['polyfills.js', 'appBundle.es5.js']],
] as const)('dist/%s: Lightning core is in the app bundle, and index.html loads %j alone, in order', (flavour, files) => {
  const dir = join('dist', flavour)
  const scripts = [...built(join(dir, 'index.html')).matchAll(/<script src="([^"]+)"/g)].map(([, src]) => src)
  expect(scripts).toEqual(files.map((f) => `./js/${f}`))
  expect(readdirSync(join(dir, 'js')).filter((f) => f.endsWith('.js'))).toEqual([...files].sort())
  // A string of the core's Stage, kept by minification.
  expect(built(join(dir, 'js', files[files.length - 1] ?? ''))).toContain('[Lightning] Using canvas2d renderer')
})

const plugins = [
  ['VideoPlayer', '@metrological/sdk/src/VideoPlayer/index.js', '$videoPlayerEvent'],
  ['Ads', '@lightningjs/sdk/src/Ads/index.js', 'Calculated quartiles times'],
  ['MediaPlayer', '@lightningjs/sdk/src/MediaPlayer/index.js', '$mediaplayerEncrypted'],
  ['Purchase', '@metrological/sdk/src/Purchase/index.js', '/assets/:id/signature'],
  ['Pin', '@metrological/sdk/src/Pin/index.js', 'Incorrect pin'],
  ['TV', '@metrological/sdk/src/TV/index.js', 'No channel number supplied'],
  ['Profile', '@metrological/sdk/src/Profile/helpers.js', 'https://geolocation-db.com/json/'],
] as const

describe.each(plugins)('the SDK plugin %s', (_name, module, marker) => {
  test('is recognised by a string of its own module', () => {
    expect(readFileSync(join('node_modules', module), 'utf8')).toContain(`'${marker}'`)
  })

  test.each([bundle, join('dist', 'es5', 'js', 'appBundle.es5.js')])('is not in %s', (file) => {
    expect(built(file)).not.toContain(marker)
  })
})
