/**
 * Samsung Tizen TV. Stable id: the DUID from `webapis.productinfo.getDuid()` (tv-platforms.md
 * section 1 "Stable device identifier"; needs webapis.js and the productinfo privilege). Not
 * `webapis.adinfo`: that one is resettable.
 *
 * X-Device-Info: reference 3.3 has no Tizen `osName`, so `Linux` (Tizen is Linux-based) with
 * osFamily `Tizen` and osVendor `Samsung`, both on the restricted lists.
 */
import type { DeviceInfo } from './device-info'
import { callSafely, read, text, type Platform, type PlatformContext } from './platform'

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

export function createTizenPlatform(ctx: PlatformContext): Platform {
  const { globals } = ctx
  return {
    name: 'tizen',
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
      return Promise.resolve({
        ...info,
        ...(model ? { model } : {}),
        ...(version ? { version } : {}),
        ...(osVersion ? { osVersion } : {}),
        ...(connection ? { connectionType: connection } : {}),
        ...(typeof width === 'number' && width > 0 ? { displayWidth: width } : {}),
        ...(typeof height === 'number' && height > 0 ? { displayHeight: height } : {}),
      })
    },
  }
}
