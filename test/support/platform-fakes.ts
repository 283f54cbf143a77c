/** Fake platform globals for Tizen and webOS (no real TV APIs in tests). */
export const tizenUa = 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36'
export const webosUa = 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager'

/**
 * How the fake `tizen.systeminfo.getPropertyValue('LOCALE', …)` behaves: answers `{ language }`,
 * calls the error callback, throws, or never calls back; a function is asked again at every call.
 */
export type FakeTizenLocale = { readonly language: unknown } | 'error' | 'throws' | 'never'

/**
 * How the fake `webapis.tvinfo.getMenuValue(VOICE_GUIDE_KEY)` answers: a value (1 on, 0 off), a
 * throw, or no tvinfo at all; a function is asked again at every call.
 */
export type FakeVoiceGuide = number | 'throws' | 'missing'

export function fakeTizen(
  overrides: {
    duid?: string | (() => string)
    connection?: number
    locale?: FakeTizenLocale | (() => FakeTizenLocale)
    voiceGuide?: FakeVoiceGuide | (() => FakeVoiceGuide)
  } = {},
) {
  const locale = (): FakeTizenLocale => {
    const value = overrides.locale ?? { language: 'en_US' }
    return typeof value === 'function' ? value() : value
  }
  const getPropertyValue = (property: string, onSuccess: (value: unknown) => void, onError?: (error: unknown) => void): void => {
    const behaviour = property === 'LOCALE' ? locale() : 'error'
    if (behaviour === 'throws') throw new Error('TypeMismatchError')
    if (behaviour === 'error') onError?.({ name: 'NotSupportedError', message: 'not supported' })
    else if (behaviour !== 'never') onSuccess({ ...behaviour, country: 'US' })
  }
  const voiceGuide = (): FakeVoiceGuide => {
    const value = overrides.voiceGuide ?? 0
    return typeof value === 'function' ? value() : value
  }
  const tvinfo = {
    TvInfoMenuKey: { CAPTION_ONOFF_KEY: 0, VOICE_GUIDE_KEY: 15 },
    getMenuValue: (key: unknown): unknown => {
      const value = voiceGuide()
      if (value === 'throws') throw new Error('SecurityError')
      return key === 15 ? value : 0
    },
  }
  return {
    navigator: { userAgent: tizenUa },
    screen: { width: 1920, height: 1080 },
    tizen: {
      systeminfo: {
        getCapability: (key: string) => (key === 'http://tizen.org/feature/platform.version' ? '6.0' : undefined),
        getPropertyValue,
      },
    },
    webapis: {
      productinfo: {
        getDuid: typeof overrides.duid === 'function' ? overrides.duid : () => overrides.duid ?? 'T-DUID-0001',
        getRealModel: () => 'UE55TU8000',
        getModel: () => '20_MUSEL_UHD',
        getFirmware: () => 'T-MSLDEUC-1360.5',
      },
      network: { getActiveConnectionType: () => overrides.connection ?? 3 },
      ...(overrides.voiceGuide === 'missing' ? {} : { tvinfo }),
    },
  }
}

export interface WebOsFake {
  globals: Record<string, unknown>
  lgudidCalls: number
  /** Subscribed getSystemSettings calls not yet cancelled. */
  readonly settingsSubscribers: Array<(res: unknown) => void>
  /** How many settings requests were cancelled. */
  settingsCancelled: number
  /** Sends a settings-service answer to every live subscription (a change in the TV's settings). */
  pushSettings(res: unknown): void
  /** Subscribed audioGuidance requests not yet cancelled. */
  readonly guidanceSubscribers: Array<(res: unknown) => void>
  /** Sends an audioGuidance answer ('on', 'off', or anything) to every live audioGuidance subscription. */
  pushGuidance(value: unknown): void
  /** Every `luna://com.webos.service.tts` request, in order. */
  readonly ttsCalls: Array<{ readonly method: string; readonly parameters: Record<string, unknown> }>
}

/** A getSystemSettings answer for the audioGuidance key. */
export const guidanceAnswer = (value: unknown) => ({ returnValue: true, method: 'getSystemSettings', settings: { audioGuidance: value } })

/** A getSystemSettings answer naming the UI locale. */
export const localeAnswer = (ui: unknown) => ({ returnValue: true, settings: { localeInfo: { locales: { UI: ui, TV: 'en-US' }, clock: '24' } } })

/**
 * `settings`: what `luna://com.webos.settingsservice` getSystemSettings answers (`fail` calls onFailure,
 * `never` never calls back, `throws` throws from request); default `localeAnswer('en-US')`.
 */
export function fakeWebOs(
  options: {
    lgudid?: 'ok' | 'fail' | 'never' | 'luna'
    wifi?: boolean
    settings?: { answer: unknown } | 'fail' | 'never' | 'throws'
    /** What getSystemSettings answers for keys ['audioGuidance'] (default 'off'). */
    audioGuidance?: { answer: unknown } | 'fail' | 'never' | 'throws'
    /** How the tts service answers: 'ok' (default), 'fail' every call, 'refusesLanguage' a call carrying `language`. */
    tts?: 'ok' | 'fail' | 'refusesLanguage'
  } = {},
): WebOsFake {
  const mode = options.lgudid ?? 'ok'
  const settings = options.settings ?? { answer: localeAnswer('en-US') }
  const audioGuidance = options.audioGuidance ?? { answer: guidanceAnswer('off') }
  const fake: WebOsFake = {
    globals: {},
    lgudidCalls: 0,
    settingsSubscribers: [],
    settingsCancelled: 0,
    pushSettings: (res) => fake.settingsSubscribers.slice().forEach((deliver) => deliver(res)),
    guidanceSubscribers: [],
    pushGuidance: (value) => fake.guidanceSubscribers.slice().forEach((deliver) => deliver(guidanceAnswer(value))),
    ttsCalls: [],
  }
  type Request = Callbacks & { method?: string; parameters?: { subscribe?: boolean; keys?: unknown } }
  const settingsRequest = ({ onSuccess, onFailure, parameters }: Request) => {
    const guidance = Array.isArray(parameters?.keys) && parameters.keys.includes('audioGuidance')
    const behaviour = guidance ? audioGuidance : settings
    const subscribers = guidance ? fake.guidanceSubscribers : fake.settingsSubscribers
    if (behaviour === 'throws') throw new Error('service unavailable')
    const deliver = (res: unknown): void => onSuccess(res)
    if (parameters?.subscribe === true) subscribers.push(deliver)
    if (behaviour === 'fail') onFailure({ returnValue: false, errorCode: -1, errorText: 'Unknown method' })
    else if (behaviour !== 'never') onSuccess(behaviour.answer)
    return {
      cancel: () => {
        fake.settingsCancelled += 1
        const at = subscribers.indexOf(deliver)
        if (at >= 0) subscribers.splice(at, 1)
      },
    }
  }
  const ttsRequest = ({ method, parameters, onSuccess, onFailure }: Callbacks & { method: string; parameters: Record<string, unknown> }) => {
    fake.ttsCalls.push({ method, parameters })
    const refused = options.tts === 'fail' || (options.tts === 'refusesLanguage' && 'language' in parameters)
    if (refused) onFailure({ returnValue: false, errorCode: -1000, errorText: 'schema validation failed' })
    else onSuccess({ returnValue: true })
  }
  type Callbacks = { onSuccess: (r: unknown) => void; onFailure: (e: unknown) => void }
  const webOSDev: Record<string, unknown> = {
    connection: {
      getStatus: ({ onSuccess }: Callbacks) =>
        onSuccess({
          isInternetConnectionAvailable: true,
          wired: { state: options.wifi ? 'disconnected' : 'connected' },
          wifi: { state: options.wifi ? 'connected' : 'disconnected' },
        }),
    },
  }
  if (mode !== 'luna') {
    webOSDev.LGUDID = ({ onSuccess, onFailure }: Callbacks) => {
      fake.lgudidCalls += 1
      if (mode === 'ok') onSuccess({ id: 'lg-udid-0001' })
      else if (mode === 'fail') onFailure({ errorCode: 'ERROR.000', errorText: 'not supported' })
    }
  }
  fake.globals = {
    navigator: { userAgent: webosUa },
    screen: { width: 1920, height: 1080 },
    webOSDev,
    webOS: {
      deviceInfo: (cb: (info: unknown) => void) =>
        cb({ modelName: 'OLED55C3', version: '23.20.50', sdkVersion: '8.2.0', screenWidth: 1920, screenHeight: 1080 }),
      service: {
        request: (uri: string, request: Request) => {
          if (uri === 'luna://com.webos.settingsservice') return settingsRequest(request)
          if (uri === 'luna://com.webos.service.tts') return ttsRequest(request as never)
          const { onSuccess } = request
          fake.lgudidCalls += 1
          onSuccess({ returnValue: true, idList: [{ idType: 'LGUDID', idValue: 'lg-udid-luna' }] })
        },
      },
    },
  }
  return fake
}

/** One PalmServiceBridge in a fake: the URL and parameters it was called with. */
export interface BridgeCall {
  readonly url: string
  readonly parameters: unknown
  cancelled: boolean
  /** Sends a message to this bridge's callback, as the engine does (a JSON string). */
  answer(res: unknown): void
}

/**
 * A fake `PalmServiceBridge` constructor (webOS without webOSTV.js): records each call; `respond`
 * says what the service answers at once (undefined: nothing yet; a test answers later).
 */
export function fakePalmBridge(respond: (url: string, parameters: unknown) => unknown = () => ({ returnValue: true })) {
  const calls: BridgeCall[] = []
  class PalmServiceBridge {
    onservicecallback?: (message: string) => void
    private record?: BridgeCall
    call(url: string, json: string): void {
      const parameters: unknown = JSON.parse(json)
      const record: BridgeCall = {
        url,
        parameters,
        cancelled: false,
        answer: (res) => {
          if (!record.cancelled) this.onservicecallback?.(typeof res === 'string' ? res : JSON.stringify(res))
        },
      }
      this.record = record
      calls.push(record)
      const res = respond(url, parameters)
      if (res !== undefined) record.answer(res)
    }
    cancel(): void {
      if (this.record) this.record.cancelled = true
    }
  }
  return { PalmServiceBridge, calls }
}

/** A fake Web Speech API: `speechSynthesis` and `SpeechSynthesisUtterance` as an engine exposes them. */
export function fakeSpeechSynthesis(options: { voices?: ReadonlyArray<{ lang: string; name: string; default?: boolean }>; speakThrows?: boolean } = {}) {
  class SpeechSynthesisUtterance {
    lang = ''
    voice: unknown = null
    onend: (() => void) | null = null
    onerror: (() => void) | null = null
    constructor(readonly text: string) {}
  }
  const state = { spoken: [] as SpeechSynthesisUtterance[], cancels: 0 }
  const speechSynthesis = {
    getVoices: () => options.voices ?? [],
    speak: (utterance: SpeechSynthesisUtterance) => {
      if (options.speakThrows) throw new Error('synthesis unavailable')
      state.spoken.push(utterance)
    },
    cancel: () => {
      state.cancels += 1
      // Engines end the utterances they drop with an error event.
      for (const utterance of state.spoken.splice(0)) utterance.onerror?.()
    },
  }
  return { globals: { speechSynthesis, SpeechSynthesisUtterance }, state }
}

/**
 * A `document` in `globals` whose visibility the test switches: the returned function sets `hidden`
 * and dispatches `visibilitychange`, as a TV does when the app is sent to the background and back.
 */
export function visibilityOf(globals: Record<string, unknown>): (hidden: boolean) => void {
  const doc = new EventTarget() as EventTarget & { hidden: boolean }
  doc.hidden = false
  globals.document = doc
  return (hidden) => {
    doc.hidden = hidden
    doc.dispatchEvent(new Event('visibilitychange'))
  }
}
