/**
 * Launches the Lightning app as the SDK's `Launch` does (@lightningjs/sdk 5.5.7,
 * src/Launch/index.js), without its plugin set-up: that part runs only for
 * `platformSettings.plugins`, which this app never sets, yet importing it puts the video player, ads,
 * metrics, TV, purchase, pin and profile plugins in the bundle (docs/architecture.md "Build").
 * What stays: the SDK's settings, utils, metadata and storage set-up, the Application (stage options,
 * keys, fonts through `App.getFonts` and the platform's `fontLoader`), and the shared modules the
 * SDK's own plugins read (its Log, Settings and Lightning).
 */
import { Lightning, Log, Settings, type AppData, type PlatformSettings } from '@lightningjs/sdk'
import Application from '@lightningjs/sdk/src/Application/index.js'
import { initSettings } from '@lightningjs/sdk/src/Settings/index.js'
import { initStorage } from '@lightningjs/sdk/src/Storage/index.js'
import { initUtils } from '@lightningjs/sdk/src/Utils/index.js'
import { initLightningSdkPlugin, initMetadata } from '@metrological/sdk'

export function launch(
  App: Lightning.Component.Constructor,
  appSettings: Lightning.Application.Options,
  platformSettings: PlatformSettings,
  appData?: AppData,
): Lightning.Application {
  initSettings(appSettings, platformSettings)
  initUtils(platformSettings)
  initMetadata(appSettings)
  initStorage()
  const RootApp = Application(App, appData, platformSettings)
  // The SDK's Application sends its "loaded" metric through these (no metrics plugin: it is logged).
  initLightningSdkPlugin.log = Log
  initLightningSdkPlugin.settings = Settings
  initLightningSdkPlugin.lightning = Lightning
  const app = new RootApp(appSettings)
  initLightningSdkPlugin.appInstance = app
  return app
}
