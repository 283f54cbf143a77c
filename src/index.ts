/**
 * Composition root (design.md section 1): builds the platform, storage, clock, Adobe Pass client and
 * flow runner, and hands them to the UI. The only file that imports both halves.
 */
import './polyfills/legacy'
import { Launch, type AppData, type Lightning, type PlatformSettings } from '@lightningjs/sdk'
import {
  consoleLogger,
  createDecisionsController,
  createDeviceIdentity,
  createFlowRunner,
  createPassClient,
  createPersistentDeviceStore,
  createPlatform,
  parsePassSettings,
  systemClock,
  type DeviceStore,
  type FlowStore,
  type PassSettings,
} from './core'
import { createApp } from './ui/App'
import { createDecisionsScreens } from './ui/decisions-screens'
import { createSignInScreens } from './ui/signin-screens'
import { staticScreens } from './ui/static-screens'
import { safeFontLoader } from './ui/theme/fonts'
import { installTestHook } from './test-hook'
import type { AppServices } from './ui/screens'

/** Store packages switch the `?pass.<key>=` and `?platform=` overrides off (design.md section 4). */
const allowOverrides = process.env.APP_STORE_BUILD !== 'true'

function flowStoreOf(store: DeviceStore): FlowStore {
  return {
    loadLastMvpd: () => store.getLastMvpd(),
    saveLastMvpd: (mvpd) => store.setLastMvpd(mvpd),
    forgetLastMvpd: () => store.clearLastMvpd(),
    saveProfileParts: (parts) => store.setProfile(parts),
  }
}

/** Leaves the app as each platform wants (tv-platforms.md): Tizen exit(), webOS close, else close the tab. */
function exitApp(): void {
  const g = globalThis as unknown as {
    tizen?: { application?: { getCurrentApplication?: () => { exit(): void } } }
    webOS?: { platformBack?: () => void }
    __tvApp?: { exited: boolean }
  }
  if (g.__tvApp) g.__tvApp.exited = true
  try {
    const tizenApp = g.tizen?.application?.getCurrentApplication?.()
    if (tizenApp) {
      tizenApp.exit()
      return
    }
  } catch {
    // Fall through to the generic close.
  }
  window.close()
}

export default function (
  appSettings: Lightning.Application.Options & { pass?: unknown },
  platformSettings: PlatformSettings,
  appData: AppData,
) {
  const query = typeof location !== 'undefined' ? location.search : ''
  const hook = allowOverrides ? installTestHook(window as unknown as Record<string, unknown>) : undefined

  let services: AppServices
  let start = (): void => undefined
  let settings: PassSettings | undefined
  try {
    settings = parsePassSettings(appSettings.pass, query, allowOverrides)
  } catch (error) {
    consoleLogger.warn('settings: appSettings.pass is not usable', { error: String(error) })
  }

  if (settings) {
    const clock = systemClock
    const logger = consoleLogger
    const platform = createPlatform({ clock, query, allowOverrides })
    const store = createPersistentDeviceStore({ clock, logger })
    const identity = createDeviceIdentity({ platform, store, clock, logger, applicationId: settings.serviceProvider })
    const client = createPassClient({ settings, store, identity, clock, logger })
    const runner = createFlowRunner({
      client,
      store: flowStoreOf(store),
      clock,
      settings: { activationUrl: settings.activationUrl, pollIntervalMs: settings.pollIntervalMs },
      logger,
    })
    const signIn = createSignInScreens({ runner, client, settings, warn: (m) => logger.warn(m) })
    const decisions = createDecisionsController({
      client,
      resources: settings.resources,
      onReauthenticate: () => runner.send({ type: 'reauthenticate' }),
      onSignedOut: (outcome) => runner.send({ type: 'signedOut', outcome }),
      logger,
    })
    const screens = createDecisionsScreens({ signIn, runner, decisions })
    services = { screens, exitApp }
    start = () => {
      // Polling pauses while the app is hidden and the flow recovers when the network returns.
      document.addEventListener('visibilitychange', () => runner.send({ type: document.hidden ? 'hidden' : 'visible' }))
      window.addEventListener('online', () => runner.send({ type: 'online' }))
      window.addEventListener('offline', () => runner.send({ type: 'offline' }))
      runner.start()
    }
  } else {
    // A broken configuration still gets a screen that says so, never a black one.
    services = { screens: staticScreens.configurationError(), exitApp }
  }

  const App = createApp(services, hook)
  const app = Launch(App, appSettings, { ...platformSettings, fontLoader: safeFontLoader } as PlatformSettings, appData)
  ;(hook as unknown as { attach?(a: unknown): void } | undefined)?.attach?.(app)
  start()
  return app
}
