/**
 * The Lightning SDK's plugins (video player, ads, media player, purchase, pin, TV, profile) stay out
 * of the es6 app bundle: the app launches through src/ui/launch.ts, not the SDK's Launch, and
 * rollup.es6.config.js declares those modules free of side effects (docs/architecture.md "Build").
 * Each is recognised by a string literal of its own module, which minification keeps.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const bundle = join('dist', 'es6', 'js', 'appBundle.js')

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

  test('is not in dist/es6/js/appBundle.js', () => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` first`)
    expect(readFileSync(bundle, 'utf8')).not.toContain(marker)
  })
})
