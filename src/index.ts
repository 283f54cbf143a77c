/**
 * Composition root (docs/architecture.md "Layers"): builds the platform, storage, clock, Adobe Pass
 * client and flow runner, and hands them to the UI. The only file that imports both halves; it
 * imports the core modules it wires directly, while the UI sees core only through src/core/index.ts.
 */
import './polyfills/legacy'
import type { AppData, Lightning, PlatformSettings } from '@lightningjs/sdk'
import { systemClock } from './core/base/clock'
import { consoleLogger, errorFields } from './core/base/logger'
import { parsePassSettings, type PassSettings } from './core/base/settings'
import { createTeardown } from './core/base/teardown'
import { createDecisionsController } from './core/decisions'
import { createFlowRunner, type FlowListener, type FlowRunner, type FlowStore } from './core/flow'
import { createPassClient } from './core/pass/client'
import type { RequestBudget } from './core/pass/pacer'
import { createPlatform } from './core/platform/detect'
import { keyMapWith, remoteKeysOf } from './core/platform/keys'
import { guidanceOverride, readGuidance, watchGuidance } from './core/platform/guidance'
import { languageOverride, readLanguage, watchLanguage } from './core/platform/language'
import { distinct, type Voice } from './core/platform/platform'
import { createSpeech } from './core/speech'
import { createDeviceIdentity } from './core/storage/device-id'
import { createPersistentDeviceStore, type DeviceStore } from './core/storage/device-store'
import { withReadAhead } from './core/storage/read-ahead'
import { createApp } from './ui/App'
import { launch } from './ui/launch'
import { currentLanguage, languageOf, setLanguage } from './ui/copy'
import { createDecisionsScreens } from './ui/model/decisions/source'
import { createSignInScreens } from './ui/model/signin/source'
import { staticScreens } from './ui/model/static-source'
import { safeFontLoader } from './ui/theme/fonts'
import { installTestHook, type TvAppHook } from './test-hook'
import type { AppServices } from './ui/model/screen'

/** Store packages switch the `?pass.<key>=`, `?platform=`, `?lang=` and `?voiceGuidance=` overrides off (docs/architecture.md "Settings"). */
const allowOverrides = process.env.APP_STORE_BUILD !== 'true'

/** Longest wait for the TV's language before the flow starts; after it the copy stays English. */
const languageTimeoutMs = 1000

/** Longest wait for the TV's guidance setting; nothing waits for it, and until it answers the app is silent. */
const guidanceTimeoutMs = 3000

/** The utterance language of the copy in use (docs/architecture.md "Voice guidance"). */
const speechLanguage = (): string => (currentLanguage() === 'es' ? 'es-US' : 'en-US')

/** The voice, with each utterance also noted on the test hook (development and test builds only). */
function recordedVoice(voice: Voice, hook: TvAppHook): Voice {
  return {
    speak: (text, options) => {
      hook.spoken.push({ text, lang: options.lang, interrupt: options.interrupt })
      return voice.speak(text, options)
    },
    cancel: () => voice.cancel(),
  }
}

/** Hands the TV's language tag (raw, or null when unknown) to the UI's copy. */
function applyLanguage(tag: string | null): void {
  setLanguage(languageOf(tag))
}

/**
 * The flow's store over the device store. A pending sign-in belongs to the Adobe Pass environment
 * it was made with: another origin or service provider (settings changed) reads as none.
 */
function flowStoreOf(store: DeviceStore, settings: PassSettings): FlowStore {
  const origin = settings.baseUrl
  const { serviceProvider } = settings
  return {
    loadLastMvpd: () => store.getLastMvpd(),
    // The mirror alone, for the first screen: the real reads above still decide what the flow does.
    peekReturningProvider: async () => {
      const [mvpd, pending, signedOut] = await Promise.all([store.peekMirror('lastMvpd'), store.peekMirror('pendingSession'), store.peekMirror('signedOut')])
      return pending || signedOut ? null : (mvpd ?? null)
    },
    saveLastMvpd: (mvpd) => store.setLastMvpd(mvpd),
    forgetLastMvpd: () => store.clearLastMvpd(),
    saveProfileParts: (parts) => store.setProfile(parts),
    loadPendingSession: async () => {
      const record = await store.getPendingSession()
      if (!record || record.origin !== origin || record.serviceProvider !== serviceProvider) return null
      return { code: record.code, notAfter: record.notAfter, createdAt: record.createdAt, mvpd: record.mvpd }
    },
    savePendingSession: (pending) => store.setPendingSession({ ...pending, origin, serviceProvider }),
    clearPendingSession: () => store.clearPendingSession(),
    loadSignedOut: async () => (await store.getSignedOut())?.mvpd ?? null,
    saveSignedOut: (mvpd) => store.setSignedOut({ mvpd, at: clockNow() }),
    clearSignedOut: () => store.clearSignedOut(),
  }
}

const clockNow = (): number => systemClock.now()

/**
 * The runner as the sign-in screens see it: its changes reach them only once `ready` has settled
 * (the TV's language applied, so a screen is never presented in the wrong language), then the
 * state at that moment and every change after it.
 */
function heldUntil(ready: Promise<unknown>, runner: FlowRunner): Pick<FlowRunner, 'subscribe' | 'getState' | 'send' | 'serverNow'> {
  let released = false
  const waiting = new Set<FlowListener>()
  const release = (): void => {
    released = true
    for (const listener of [...waiting]) listener(runner.getState())
    waiting.clear()
  }
  void ready.then(release, release)
  return {
    subscribe(listener) {
      if (!released) waiting.add(listener)
      const unsubscribe = runner.subscribe((state) => {
        if (released) listener(state)
      })
      return () => {
        waiting.delete(listener)
        unsubscribe()
      }
    },
    getState: () => runner.getState(),
    send: (input) => runner.send(input),
    serverNow: () => runner.serverNow(),
  }
}

export default function (appSettings: Lightning.Application.Options & { pass?: unknown }, platformSettings: PlatformSettings, appData: AppData) {
  const query = typeof location !== 'undefined' ? location.search : ''
  const hook = allowOverrides ? installTestHook(window as unknown as Record<string, unknown>) : undefined
  const platform = createPlatform({ clock: systemClock, query, allowOverrides })
  // Asked first, so the TV answers while the rest is built; the screens follow the flow once it has (or the wait ends).
  const forcedLanguage = languageOverride(query, allowOverrides)
  const language = readLanguage(platform, systemClock, { timeoutMs: languageTimeoutMs, override: forcedLanguage })
  let left = false
  const useLanguage = (tag: string | null): void => {
    if (hook) hook.language = tag
    applyLanguage(tag)
  }
  // A change reported while the app runs is used by the next screen shown; the tag already in use is not applied again.
  let languageChanged: (tag: string | null) => void = useLanguage
  // The composition root owns the platform subscriptions, the flow runner and the screen sources;
  // leaving the app releases them, newest first (screens, then the runner, then the subscriptions).
  const owned = createTeardown()
  // Voice guidance (docs/architecture.md "Voice guidance"): the speech service starts silent and is
  // switched on when the TV's setting answers; nothing on the start-up path waits for it.
  const speech = createSpeech({
    voice: hook ? recordedVoice(platform.voice, hook) : platform.voice,
    clock: systemClock,
    language: speechLanguage,
    enabled: false,
    logger: consoleLogger,
  })
  const useGuidance = (on: boolean): void => {
    if (hook) hook.guidance = on
    speech.setEnabled(on)
  }
  const forcedGuidance = guidanceOverride(query, allowOverrides)
  // A change the subscription reports is newer than the first read, whichever arrives first.
  let guidanceReported = false
  owned.add(() => speech.dispose())
  owned.add(
    watchGuidance(
      platform,
      (on) => {
        guidanceReported = true
        useGuidance(on)
      },
      { override: forcedGuidance },
    ),
  )
  void readGuidance(platform, systemClock, { timeoutMs: guidanceTimeoutMs, override: forcedGuidance }).then((on) => {
    if (!left && !guidanceReported) useGuidance(on)
  })
  /** The exit dialog's "Exit": Tizen application exit(), webOS window.close(), a browser tab close. */
  const exitApp = (): void => {
    left = true
    try {
      owned.run()
    } catch (error) {
      consoleLogger.warn('app: a release failed while leaving', errorFields(error))
    }
    if (hook) hook.exited = true
    platform.exit()
  }
  // Settles once the copy is in the TV's language (or the wait ended): what the sign-in screens wait for.
  const languageApplied = language.then((tag) => {
    // Leaving the app before the TV answered: nothing is started any more.
    if (left) return
    languageChanged = distinct(useLanguage, tag)
    useLanguage(tag)
    // The language follows the TV (webOS settings subscription, Tizen on resume, browser languagechange).
    owned.add(watchLanguage(platform, (tag) => languageChanged(tag), { override: forcedLanguage }))
  })
  // Keys beyond arrows/OK/Back (settings.json appSettings.keys) are registered with the platform and
  // mapped at the codes it reports (Tizen: tvinputdevice.getKey).
  const configuredKeys = (appSettings.keys ?? {}) as unknown as Record<string, string>
  const keys = keyMapWith(configuredKeys, platform.registerKeys(remoteKeysOf(configuredKeys)))

  let services: AppServices
  let settings: PassSettings | undefined
  try {
    settings = parsePassSettings(appSettings.pass, query, allowOverrides)
  } catch (error) {
    consoleLogger.warn('settings: appSettings.pass is not usable', { error: String(error) })
  }

  if (settings) {
    const clock = systemClock
    const logger = consoleLogger
    // The token and the request budget, which the first request reads one after the other, are read now.
    const store = withReadAhead(createPersistentDeviceStore({ clock, logger }))
    const identity = createDeviceIdentity({ platform, store, clock, logger, applicationId: settings.serviceProvider })
    // The device identifier is derived (platform id, SHA-256) while the store is read, not after the
    // token: every Adobe Pass request waits for it (docs/architecture.md "Time").
    void identity.deviceId().catch(() => undefined)
    void identity.deviceInfo().catch(() => undefined)
    // The throttle's one-time burst is remembered across launches (docs/adobe-pass.md "Throttling").
    const requestBudget = { load: () => store.getRequestBudget(), save: (budget: RequestBudget) => store.setRequestBudget(budget) }
    const client = createPassClient({ settings, store, identity, clock, logger, requestBudget })
    const runner = createFlowRunner({
      client,
      store: flowStoreOf(store, settings),
      clock,
      settings: { activationUrl: settings.activationUrl, pollIntervalMs: settings.pollIntervalMs },
      logger,
    })
    // The screens follow the flow once the copy's language is known; the flow itself does not wait.
    const signIn = createSignInScreens({ runner: heldUntil(languageApplied, runner), settings, now: () => clock.now() })
    const decisions = createDecisionsController({
      client,
      resources: settings.resources,
      onReauthenticate: () => runner.send({ type: 'reauthenticate' }),
      onSignedOut: (outcome) => runner.send({ type: 'signedOut', outcome }),
      logger,
    })
    const screens = createDecisionsScreens({ signIn, runner, decisions })
    services = { screens, exitApp }
    // Polling pauses while the app is hidden and the flow recovers when the network returns.
    owned.add(platform.onVisibilityChange((hidden) => runner.send({ type: hidden ? 'hidden' : 'visible' })))
    owned.add(platform.onNetworkChange((online) => runner.send({ type: online ? 'online' : 'offline' })))
    // Added after the subscriptions, so released before them: the screens stop listening, then
    // the runner aborts its requests and timers (FlowRunner.stop), then the platform lets go.
    owned.add(() => runner.stop())
    owned.add(() => signIn.dispose())
    owned.add(() => screens.dispose())
    // Started as the bundle runs, before Lightning's first frame and the TV's language: reading the
    // store, the token and the profile request overlap the app's own start (docs/architecture.md "Time").
    runner.start()
  } else {
    // A broken configuration still gets a screen that says so, never a black one.
    services = { screens: staticScreens.configurationError(), exitApp }
  }

  // Magic Remote (webOS): the App keeps the focus in step with the pointer showing and hiding.
  const App = createApp({ ...services, speech, pointerVisibility: (listener) => platform.onPointerVisibilityChange(listener) }, hook)
  const app = launch(App, { ...appSettings, keys }, { ...platformSettings, fontLoader: safeFontLoader } as PlatformSettings, appData)
  ;(hook as unknown as { attach?(a: unknown): void } | undefined)?.attach?.(app)
  return app
}
