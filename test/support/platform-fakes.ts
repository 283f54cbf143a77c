/** Fake platform globals for Tizen and webOS (no real TV APIs in tests). */
export const tizenUa = 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36'
export const webosUa = 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager'

/**
 * How the fake `tizen.systeminfo.getPropertyValue('LOCALE', …)` behaves: answers `{ language }`,
 * calls the error callback, throws, or never calls back; a function is asked again at every call.
 */
export type FakeTizenLocale = { readonly language: unknown } | 'error' | 'throws' | 'never'

export function fakeTizen(overrides: { duid?: string | (() => string); connection?: number; locale?: FakeTizenLocale | (() => FakeTizenLocale) } = {}) {
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
}

/** A getSystemSettings answer naming the UI locale. */
export const localeAnswer = (ui: unknown) => ({ returnValue: true, settings: { localeInfo: { locales: { UI: ui, TV: 'en-US' }, clock: '24' } } })

/**
 * `settings`: what `luna://com.webos.settingsservice` getSystemSettings answers (`fail` calls onFailure,
 * `never` never calls back, `throws` throws from request); default `localeAnswer('en-US')`.
 */
export function fakeWebOs(
  options: { lgudid?: 'ok' | 'fail' | 'never' | 'luna'; wifi?: boolean; settings?: { answer: unknown } | 'fail' | 'never' | 'throws' } = {},
): WebOsFake {
  const mode = options.lgudid ?? 'ok'
  const settings = options.settings ?? { answer: localeAnswer('en-US') }
  const fake: WebOsFake = {
    globals: {},
    lgudidCalls: 0,
    settingsSubscribers: [],
    settingsCancelled: 0,
    pushSettings: (res) => fake.settingsSubscribers.slice().forEach((deliver) => deliver(res)),
  }
  type Request = Callbacks & { method?: string; parameters?: { subscribe?: boolean } }
  const settingsRequest = ({ onSuccess, onFailure, parameters }: Request) => {
    if (settings === 'throws') throw new Error('service unavailable')
    const deliver = (res: unknown): void => onSuccess(res)
    if (parameters?.subscribe === true) fake.settingsSubscribers.push(deliver)
    if (settings === 'fail') onFailure({ returnValue: false, errorCode: -1, errorText: 'Unknown method' })
    else if (settings !== 'never') onSuccess(settings.answer)
    return {
      cancel: () => {
        fake.settingsCancelled += 1
        const at = fake.settingsSubscribers.indexOf(deliver)
        if (at >= 0) fake.settingsSubscribers.splice(at, 1)
      },
    }
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
          const { onSuccess } = request
          fake.lgudidCalls += 1
          onSuccess({ returnValue: true, idList: [{ idType: 'LGUDID', idValue: 'lg-udid-luna' }] })
        },
      },
    },
  }
  return fake
}
