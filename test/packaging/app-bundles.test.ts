/**
 * What the es6 flavour's bundle holds (docs/architecture.md "Build").
 *
 * Lightning core is bundled from its ES modules (src/ui/lightning/core.ts): the prebuilt
 * lightning.min.js is neither shipped nor loaded.
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

test('Lightning core is in the app bundle, and index.html loads that bundle alone', () => {
  const scripts = [...built(join(root, 'index.html')).matchAll(/<script src="([^"]+)"/g)].map(([, src]) => src)
  expect(scripts).toEqual(['./js/appBundle.js'])
  expect(readdirSync(join(root, 'js')).filter((f) => f.endsWith('.js'))).toEqual(['appBundle.js'])
  // A string of the core's Stage, kept by minification.
  expect(built(bundle)).toContain('[Lightning] Using canvas2d renderer')
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
