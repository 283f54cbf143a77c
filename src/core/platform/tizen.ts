/**
 * Samsung Tizen TV. Stable id: the DUID from `webapis.productinfo.getDuid()` (docs/architecture.md
 * "Platforms"; needs webapis.js and the productinfo privilege). Not
 * `webapis.adinfo`: that one is resettable.
 *
 * Keys beyond arrows/OK/Back arrive only once registered with tizen.tvinputdevice (privilege
 * tv.inputdevice); their codes are read with getKey, never assumed. Exit is
 * `tizen.application.getCurrentApplication().exit()` (Samsung "Return key policy": only after the
 * user confirms). Network loss is reported from both `online`/`offline` and webapis.network.
 *
 * Language: `tizen.systeminfo.getPropertyValue('LOCALE', …)` answers `{ language: 'es_US', country }`;
 * it is read again whenever the app is shown, since the TV's settings are changed while the app is
 * in the background. Without the API, or when it says nothing, the engine's navigator.language.
 *
 * Voice guidance (docs/architecture.md "Voice guidance"): Voice Guide is on when
 * `webapis.tvinfo.getMenuValue(webapis.tvinfo.TvInfoMenuKey.VOICE_GUIDE_KEY)` answers 1; re-read
 * when the app is shown again, since the setting is changed in the TV's menu. Voice Guide cannot read
 * a canvas, so the app speaks itself through `speechSynthesis` (public reports say it plays there).
 *
 * X-Device-Info: Adobe's list (docs/adobe-pass.md "Headers") has no Tizen `osName`, so `Linux` (Tizen is
 * Linux-based) with osFamily `Tizen` and osVendor `Samsung`, both on the restricted lists.
 */
import { readFields, type DeviceInfo } from './device-info'
import type { Clock } from '../base/clock'
import {
  all,
  attempt,
  callbackRequest,
  callSafely,
  distinct,
  read,
  text,
  type CallbackRequest,
  type Platform,
  type PlatformContext,
  type PlatformGlobals,
  type RemoteKeyCodes,
  type RemoteKeyName,
  type Unsubscribe,
} from './platform'
import { createSynthesisVoice } from './synthesis-voice'
import { closeWindow, isOnline, languageTagOf, navigatorLanguage, onDocumentVisibility, onWindowNetwork } from './web'

/** `webapis.network.getActiveConnectionType()`: 0 none, 1 WiFi, 2 cellular, 3 ethernet. */
function tizenConnection(value: unknown): string | undefined {
  switch (value) {
    case 1:
      return 'WiFi'
    case 2:
      return 'Cellular'
    case 3:
      return 'Ethernet'
    default:
      return undefined
  }
}

/** Registers each key with tizen.tvinputdevice; a key getKey does not know, or registerKey refuses, is left out. */
function registerTizenKeys(globals: PlatformGlobals, names: readonly RemoteKeyName[]): RemoteKeyCodes {
  const input = read(globals, 'tizen.tvinputdevice')
  const out: Partial<Record<RemoteKeyName, number>> = {}
  for (const name of names) {
    const code = read(callSafely(input, 'getKey', name), 'code')
    if (typeof code !== 'number' || !Number.isFinite(code)) continue
    if (attempt(input, 'registerKey', name)) out[name] = code
  }
  return out
}

/**
 * webapis.network.addNetworkStateChangeListener, with the GATEWAY_CONNECTED/DISCONNECTED values read
 * from webapis.network.NetworkState (other states, such as a cable event, say nothing about the
 * internet). Absent or throwing: no subscription; the window events still report.
 */
function onTizenNetworkState(globals: PlatformGlobals, report: (online: boolean) => void): Unsubscribe {
  const network = read(globals, 'webapis.network')
  const connected = read(network, 'NetworkState.GATEWAY_CONNECTED')
  const disconnected = read(network, 'NetworkState.GATEWAY_DISCONNECTED')
  if (connected === undefined || disconnected === undefined) return () => undefined
  const id = callSafely(network, 'addNetworkStateChangeListener', (state: unknown) => {
    if (state === connected) report(true)
    else if (state === disconnected) report(false)
  })
  if (id === undefined || id === null) return () => undefined
  let active = true
  return () => {
    if (!active) return
    active = false
    attempt(network, 'removeNetworkStateChangeListener', id)
  }
}

/**
 * One LOCALE read: the `language` field of the answer; an error, a throw, an odd answer or no
 * answer within `ms` falls back to navigator.language (null when that says nothing either).
 */
function readLocale(globals: PlatformGlobals, clock: Clock, ms: number): CallbackRequest<string | null> {
  const systeminfo = read(globals, 'tizen.systeminfo')
  const get = read(systeminfo, 'getPropertyValue')
  const fallback = navigatorLanguage(globals)
  if (typeof get !== 'function') return { result: Promise.resolve(fallback), cancel: () => undefined }
  return callbackRequest<string | null>(clock, ms, fallback, (deliver, failed) => {
    ;(get as (property: string, onSuccess: (value: unknown) => void, onError: (error: unknown) => void) => void).call(
      systeminfo,
      'LOCALE',
      (value) => deliver(languageTagOf(read(value, 'language')) ?? fallback),
      failed,
    )
  })
}

/** Re-reads LOCALE each time the app is shown; a read still under way is cancelled by the next one and by the unsubscribe. */
function onTizenLanguage(ctx: PlatformContext, listener: (tag: string | null) => void): Unsubscribe {
  const { globals, clock, callbackTimeoutMs } = ctx
  const report = distinct(listener)
  let pending: CallbackRequest<string | null> | undefined
  let active = true
  const visibility = onDocumentVisibility(globals, (hidden) => {
    if (hidden) return
    pending?.cancel()
    const request = readLocale(globals, clock, callbackTimeoutMs)
    pending = request
    void request.result.then((tag) => {
      if (active && pending === request) report(tag)
    })
  })
  return () => {
    if (!active) return
    active = false
    visibility()
    pending?.cancel()
  }
}

/** Voice Guide on (1); off for 0, an odd answer, a missing API or a throw. */
function voiceGuideOn(globals: PlatformGlobals): boolean {
  const tvinfo = read(globals, 'webapis.tvinfo')
  const key = read(tvinfo, 'TvInfoMenuKey.VOICE_GUIDE_KEY')
  if (key === undefined) return false
  return callSafely(tvinfo, 'getMenuValue', key) === 1
}

/** Re-reads Voice Guide each time the app is shown, reporting a change once. */
function onVoiceGuide(globals: PlatformGlobals, listener: (on: boolean) => void): Unsubscribe {
  const report = distinct(listener, voiceGuideOn(globals))
  return onDocumentVisibility(globals, (hidden) => {
    if (!hidden) report(voiceGuideOn(globals))
  })
}

export function createTizenPlatform(ctx: PlatformContext): Platform {
  const { globals, clock, callbackTimeoutMs } = ctx
  return {
    name: 'tizen',
    registerKeys: (names) => registerTizenKeys(globals, names),
    exit: () => {
      const app = callSafely(globals, 'tizen.application.getCurrentApplication')
      if (attempt(app, 'exit')) return
      closeWindow(globals)
    },
    onVisibilityChange: (listener) => onDocumentVisibility(globals, listener),
    onNetworkChange: (listener) => {
      const report = distinct(listener, isOnline(globals))
      return all([onWindowNetwork(globals, report), onTizenNetworkState(globals, report)])
    },
    // The Samsung Smart Remote pointer is plain mouse events with no show/hide notification.
    onPointerVisibilityChange: () => () => undefined,
    language: () => readLocale(globals, clock, callbackTimeoutMs).result,
    onLanguageChange: (listener) => onTizenLanguage(ctx, listener),
    voice: createSynthesisVoice(globals),
    guidance: () => Promise.resolve(voiceGuideOn(globals)),
    onGuidanceChange: (listener) => onVoiceGuide(globals, listener),
    stableId: () => Promise.resolve(text(callSafely(globals, 'webapis.productinfo.getDuid')) ?? null),
    deviceInfo: () => {
      const ua = text(read(globals, 'navigator.userAgent')) ?? ''
      const uaVersion = /Tizen ?([\d.]+)/i.exec(ua)?.[1]
      const platformVersion = text(callSafely(globals, 'tizen.systeminfo.getCapability', 'http://tizen.org/feature/platform.version'))
      const info: Partial<DeviceInfo> = {
        primaryHardwareType: 'TV',
        manufacturer: 'Samsung',
        vendor: 'Samsung',
        osName: 'Linux',
        osFamily: 'Tizen',
        osVendor: 'Samsung',
      }
      const model = text(callSafely(globals, 'webapis.productinfo.getRealModel')) ?? text(callSafely(globals, 'webapis.productinfo.getModel'))
      const version = text(callSafely(globals, 'webapis.productinfo.getFirmware')) ?? text(callSafely(globals, 'webapis.productinfo.getVersion'))
      const osVersion = platformVersion ?? uaVersion
      const connection = tizenConnection(callSafely(globals, 'webapis.network.getActiveConnectionType'))
      const width = read(globals, 'screen.width')
      const height = read(globals, 'screen.height')
      return Promise.resolve({ ...info, ...readFields({ model, version, osVersion, connectionType: connection }, width, height) })
    },
  }
}
