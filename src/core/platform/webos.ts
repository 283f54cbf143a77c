/**
 * LG webOS TV. Stable id: LGUDID through webOSTV-dev.js `webOSDev.LGUDID`, else the Luna call
 * `luna://com.webos.service.sm` `deviceid/getIDs` {idType: ["LGUDID"]} through webOS.service or, without
 * webOSTV.js, the engine's PalmServiceBridge (docs/architecture.md
 * "Platforms"; webOS 3.0+, absent in the emulator). Callbacks that never answer time out on
 * the injected clock and count as "no id".
 *
 * Back (461) reaches the app because appinfo.json sets disableBackHistoryAPI. Exit after the user
 * confirms is window.close() (webOS 6+ entry-page rule), `webOS.platformBack()` where that is
 * unavailable. The Magic Remote pointer is mouse events; `cursorStateChange` on document says when it
 * hides (arrow keys) and comes back (webOS 3.0+, docs/architecture.md "Platforms").
 *
 * Language: the settings service's `localeInfo` (`luna://com.webos.settingsservice`
 * getSystemSettings, `settings.localeInfo.locales.UI`, e.g. 'es-US'); a subscription to the same
 * call reports a change made while the app runs, and the request's cancel() releases it. Without
 * webOSTV.js, the engine's navigator.language and `languagechange`.
 *
 * Voice guidance (docs/architecture.md "Voice guidance"): Audio Guidance is the settings service's
 * `audioGuidance` ('on'/'off', category 'option'), read and subscribed like the locale, through
 * webOS.service or PalmServiceBridge; the voice is `luna://com.webos.service.tts` (luna-voice.ts).
 * appinfo.json declares `accessibility.supportsAudioGuidance`.
 */
import { readFields, type DeviceInfo } from './device-info'
import { attempt, distinct, fromCallback, listen, read, text, type Platform, type PlatformContext, type PlatformGlobals, type Unsubscribe } from './platform'
import { lunaCall } from './luna'
import { createLunaVoice } from './luna-voice'
import { closeWindow, isOnline, languageTagOf, navigatorLanguage, onDocumentVisibility, onNavigatorLanguage, onWindowNetwork, standardKeys } from './web'

const settingsService = 'luna://com.webos.settingsservice'

type LunaRequest = (uri: string, options: Record<string, unknown>) => unknown

/** webOS.service.request bound to its owner, or undefined without webOSTV.js. */
function lunaRequest(globals: PlatformGlobals): LunaRequest | undefined {
  const service = read(globals, 'webOS.service')
  const request = read(service, 'request')
  return typeof request === 'function' ? (uri, options) => (request as LunaRequest).call(service, uri, options) : undefined
}

/** The UI locale in a getSystemSettings answer, or null (an answer about other keys, or an odd value). */
function uiLocale(res: unknown): string | null {
  return languageTagOf(read(res, 'settings.localeInfo.locales.UI'))
}

/** The settings subscription: each answer that names the UI locale is reported once per change. */
function onLocaleSettings(request: LunaRequest, listener: (tag: string | null) => void): Unsubscribe {
  const report = distinct(listener)
  let active = true
  let handle: unknown
  try {
    handle = request(settingsService, {
      method: 'getSystemSettings',
      parameters: { keys: ['localeInfo'], subscribe: true },
      onSuccess: (res: unknown) => {
        const tag = uiLocale(res)
        if (active && tag !== null) report(tag)
      },
      // A failed subscription only means no live change: the language read at start-up stays.
      onFailure: () => undefined,
    })
  } catch {
    return () => undefined
  }
  return () => {
    if (!active) return
    active = false
    attempt(handle, 'cancel')
  }
}

const guidanceParameters = { category: 'option', keys: ['audioGuidance'] }

/** 'on' → true, 'off' → false; anything else (another key's answer, an odd value) says nothing. */
function audioGuidanceOf(res: unknown): boolean | undefined {
  const value = read(res, 'settings.audioGuidance')
  if (value === 'on') return true
  if (value === 'off') return false
  return undefined
}

/** The audioGuidance subscription: each answer that names it is reported once per change. */
function onAudioGuidance(globals: PlatformGlobals, listener: (on: boolean) => void): Unsubscribe {
  const report = distinct(listener)
  let active = true
  const call = lunaCall(
    globals,
    settingsService,
    'getSystemSettings',
    { ...guidanceParameters, subscribe: true },
    {
      onSuccess: (res) => {
        const on = audioGuidanceOf(res)
        if (active && on !== undefined) report(on)
      },
      // A failed subscription only means no live change: the value read at start-up stays.
      onFailure: () => undefined,
    },
  )
  return () => {
    if (!active) return
    active = false
    call?.cancel()
  }
}

/** The LGUDID in a `deviceid/getIDs` answer (`idList[0].idValue`), or null. */
function firstLgudid(res: unknown): string | null {
  const list = read(res, 'idList')
  const first: unknown = Array.isArray(list) ? list[0] : undefined
  return text(read(first, 'idValue')) ?? null
}

export function createWebOsPlatform(ctx: PlatformContext): Platform {
  const { globals, clock, callbackTimeoutMs } = ctx

  const lgudid = (): Promise<string | null> => {
    const dev = read(globals, 'webOSDev')
    if (typeof read(dev, 'LGUDID') === 'function') {
      return fromCallback<string | null>(clock, callbackTimeoutMs, null, (deliver, failed) => {
        ;(read(dev, 'LGUDID') as (o: unknown) => void).call(dev, {
          onSuccess: (res: unknown) => deliver(text(read(res, 'id')) ?? null),
          onFailure: failed,
        })
      })
    }
    const service = read(globals, 'webOS.service')
    if (typeof read(service, 'request') === 'function') {
      return fromCallback<string | null>(clock, callbackTimeoutMs, null, (deliver, failed) => {
        ;(read(service, 'request') as (uri: string, o: unknown) => void).call(service, 'luna://com.webos.service.sm', {
          method: 'deviceid/getIDs',
          parameters: { idType: ['LGUDID'] },
          onSuccess: (res: unknown) => deliver(firstLgudid(res)),
          onFailure: failed,
        })
      })
    }
    // Without webOSTV.js: the engine's own bridge, which webOSTV.js wraps (one call, one callback).
    const Bridge = read(globals, 'PalmServiceBridge')
    if (typeof Bridge === 'function') {
      return fromCallback<string | null>(clock, callbackTimeoutMs, null, (deliver, failed) => {
        const bridge = new (Bridge as new () => Record<string, unknown>)()
        bridge.onservicecallback = (message: unknown) => {
          let res: unknown
          try {
            res = typeof message === 'string' ? JSON.parse(message) : message
          } catch {
            failed()
            return
          }
          deliver(firstLgudid(res))
        }
        if (!attempt(bridge, 'call', 'luna://com.webos.service.sm/deviceid/getIDs', JSON.stringify({ idType: ['LGUDID'] }))) failed()
      })
    }
    return Promise.resolve(null)
  }

  const systemInfo = (): Promise<Record<string, unknown> | null> => {
    const webOS = read(globals, 'webOS')
    if (typeof read(webOS, 'deviceInfo') !== 'function') return Promise.resolve(null)
    return fromCallback<Record<string, unknown> | null>(clock, callbackTimeoutMs, null, (deliver) => {
      ;(read(webOS, 'deviceInfo') as (cb: (info: unknown) => void) => void).call(webOS, (info) =>
        deliver(typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : null),
      )
    })
  }

  const connection = (): Promise<string | undefined> => {
    const conn = read(globals, 'webOSDev.connection')
    if (typeof read(conn, 'getStatus') !== 'function') return Promise.resolve(undefined)
    return fromCallback<string | undefined>(clock, callbackTimeoutMs, undefined, (deliver, failed) => {
      ;(read(conn, 'getStatus') as (o: unknown) => void).call(conn, {
        onSuccess: (res: unknown) => {
          if (read(res, 'wired.state') === 'connected') deliver('Ethernet')
          else if (read(res, 'wifi.state') === 'connected') deliver('WiFi')
          else deliver(undefined)
        },
        onFailure: failed,
        subscribe: false,
      })
    })
  }

  const language = (): Promise<string | null> => {
    const request = lunaRequest(globals)
    const fallback = navigatorLanguage(globals)
    if (!request) return Promise.resolve(fallback)
    return fromCallback<string | null>(clock, callbackTimeoutMs, fallback, (deliver, failed) => {
      request(settingsService, {
        method: 'getSystemSettings',
        parameters: { keys: ['localeInfo'] },
        onSuccess: (res: unknown) => deliver(uiLocale(res) ?? fallback),
        onFailure: failed,
      })
    })
  }

  const guidance = (): Promise<boolean> =>
    fromCallback<boolean>(clock, callbackTimeoutMs, false, (deliver, failed) => {
      const call = lunaCall(globals, settingsService, 'getSystemSettings', guidanceParameters, {
        onSuccess: (res) => deliver(audioGuidanceOf(res) ?? false),
        onFailure: failed,
      })
      if (!call) failed()
    })

  return {
    name: 'webos',
    language,
    voice: createLunaVoice(globals),
    guidance,
    onGuidanceChange: (listener) => onAudioGuidance(globals, listener),
    onLanguageChange: (listener) => {
      const request = lunaRequest(globals)
      return request ? onLocaleSettings(request, listener) : onNavigatorLanguage(globals, listener)
    },
    stableId: lgudid,
    registerKeys: (names) => standardKeys(names),
    exit: () => {
      if (closeWindow(globals)) return
      attempt(globals, 'webOS.platformBack')
    },
    onVisibilityChange: (listener) => onDocumentVisibility(globals, listener),
    onNetworkChange: (listener) => onWindowNetwork(globals, distinct(listener, isOnline(globals))),
    onPointerVisibilityChange: (listener) => {
      const report = distinct(listener)
      return listen(read(globals, 'document'), 'cursorStateChange', (event) => {
        const visible = read(event, 'detail.visibility')
        if (typeof visible === 'boolean') report(visible)
      })
    },
    deviceInfo: async () => {
      const [info, connectionType] = await Promise.all([systemInfo(), connection()])
      const ua = text(read(globals, 'navigator.userAgent')) ?? ''
      const major = text(read(info, 'versionMajor'))
      const minor = text(read(info, 'versionMinor'))
      const osVersion = text(read(info, 'sdkVersion')) ?? (major ? `${major}${minor ? '.' + minor : ''}` : /Web0S[/ ]?([\d.]+)/i.exec(ua)?.[1])
      const model = text(read(info, 'modelName')) ?? text(read(info, 'modelNameAscii'))
      const version = text(read(info, 'version'))
      const width = read(info, 'screenWidth') ?? read(globals, 'screen.width')
      const height = read(info, 'screenHeight') ?? read(globals, 'screen.height')
      const out: Partial<DeviceInfo> = {
        primaryHardwareType: 'TV',
        manufacturer: 'LG',
        vendor: 'LG',
        osName: 'webOS',
        osFamily: 'webOS',
        osVendor: 'LG',
        ...readFields({ model, version, osVersion, connectionType }, width, height),
      }
      return out
    },
  }
}
