/** Fake platform globals for Tizen and webOS (no real TV APIs in tests). */
export const tizenUa = 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36'
export const webosUa = 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager'

export function fakeTizen(overrides: { duid?: string | (() => string); connection?: number } = {}) {
  return {
    navigator: { userAgent: tizenUa },
    screen: { width: 1920, height: 1080 },
    tizen: { systeminfo: { getCapability: (key: string) => (key === 'http://tizen.org/feature/platform.version' ? '6.0' : undefined) } },
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
}

export function fakeWebOs(options: { lgudid?: 'ok' | 'fail' | 'never' | 'luna'; wifi?: boolean } = {}): WebOsFake {
  const mode = options.lgudid ?? 'ok'
  const fake: WebOsFake = { globals: {}, lgudidCalls: 0 }
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
        request: (_uri: string, { onSuccess }: Callbacks) => {
          fake.lgudidCalls += 1
          onSuccess({ returnValue: true, idList: [{ idType: 'LGUDID', idValue: 'lg-udid-luna' }] })
        },
      },
    },
  }
  return fake
}
