/**
 * Desktop browser (development): no stable hardware id, so the device id is generated and persisted
 * (CL-HDR-4); device info from the user agent and the Network Information API where present. The
 * same paths as on a TV with the platform globals absent: keys arrive unregistered, exit closes the
 * window, visibility, network and language (`navigator.language`, `languagechange`) come from the
 * standard APIs, and there is no Magic Remote. The voice is `speechSynthesis`; a browser has no
 * guidance setting, so guidance is off unless `?voiceGuidance=on` forces it (docs/architecture.md
 * "Voice guidance").
 */
import { readFields, type DeviceInfo } from './device-info'
import { callSafely, distinct, read, text, type Platform, type PlatformContext } from './platform'
import { createSynthesisVoice } from './synthesis-voice'
import { closeWindow, isOnline, navigatorLanguage, onDocumentVisibility, onNavigatorLanguage, onWindowNetwork, standardKeys } from './web'

function browserOs(ua: string): { osName: string; osVersion?: string } {
  const windows = /Windows NT ([\d.]+)/.exec(ua)
  if (windows) return { osName: 'Windows', osVersion: windows[1] as string }
  const android = /Android ([\d.]+)/.exec(ua)
  if (android) return { osName: 'Android', osVersion: android[1] as string }
  if (/CrOS/.test(ua)) return { osName: 'Chrome OS' }
  const mac = /Mac OS X ([\d_.]+)/.exec(ua)
  if (mac) return { osName: 'Mac OS', osVersion: (mac[1] as string).replace(/_/g, '.') }
  if (/Linux/.test(ua)) return { osName: 'Linux' }
  return { osName: 'Unknown' }
}

function browserName(ua: string): { browserName?: string; browserVersion?: string } {
  const patterns: Array<[string, RegExp]> = [
    ['Edge', /Edg\/([\d.]+)/],
    ['Firefox', /Firefox\/([\d.]+)/],
    ['Chrome', /Chrom(?:e|ium)\/([\d.]+)/],
    ['Safari', /Version\/([\d.]+).*Safari/],
  ]
  for (const [name, re] of patterns) {
    const m = re.exec(ua)
    if (m) return { browserName: name, browserVersion: m[1] as string }
  }
  return {}
}

/** Network Information API type → X-Device-Info connectionType. */
export function connectionTypeOf(value: unknown): string | undefined {
  switch (value) {
    case 'wifi':
      return 'WiFi'
    case 'ethernet':
      return 'Ethernet'
    case 'cellular':
      return 'Cellular'
    default:
      return undefined
  }
}

export function createBrowserPlatform(ctx: PlatformContext): Platform {
  const { globals } = ctx
  return {
    name: 'browser',
    stableId: () => Promise.resolve(null),
    registerKeys: (names) => standardKeys(names),
    exit: () => {
      closeWindow(globals)
      // A tab the page did not open cannot close itself: leave the app for a blank page instead, so
      // "Exit" visibly exits during development too.
      if (read(globals, 'closed') !== true) callSafely(globals, 'location.replace', 'about:blank')
    },
    onVisibilityChange: (listener) => onDocumentVisibility(globals, listener),
    onNetworkChange: (listener) => onWindowNetwork(globals, distinct(listener, isOnline(globals))),
    onPointerVisibilityChange: () => () => undefined,
    language: () => Promise.resolve(navigatorLanguage(globals)),
    onLanguageChange: (listener) => onNavigatorLanguage(globals, listener),
    voice: createSynthesisVoice(globals),
    guidance: () => Promise.resolve(false),
    onGuidanceChange: () => () => undefined,
    deviceInfo: () => {
      const ua = text(read(globals, 'navigator.userAgent')) ?? ''
      const os = browserOs(ua)
      const browser = browserName(ua)
      const info: Partial<DeviceInfo> = {
        primaryHardwareType: 'Desktop',
        model: browser.browserName ?? 'Browser',
        version: browser.browserVersion ?? 'Unknown',
        osName: os.osName,
        osVersion: os.osVersion ?? 'Unknown',
        connectionType: connectionTypeOf(read(globals, 'navigator.connection.type')) ?? 'Unknown',
        ...browser,
      }
      const width = read(globals, 'screen.width')
      const height = read(globals, 'screen.height')
      return Promise.resolve({ ...info, ...readFields({}, width, height) })
    },
  }
}
