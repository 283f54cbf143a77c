/**
 * Platform adapters over faked globals: detection (capability, user agent, override), stable ids
 * (Tizen DUID, webOS LGUDID) and X-Device-Info fields (docs/adobe-pass.md "Headers").
 */
import { createPlatform } from '../../../../src/core/platform/detect'
import { completeDeviceInfo, encodeDeviceIdentifier, encodeDeviceInfo } from '../../../../src/core/platform/device-info'
import { detectPlatformName, platformOverride } from '../../../../src/core/platform/platform'
import { FakeClock } from '../../../support/fake-clock'
import { fakeTizen, fakeWebOs, tizenUa, webosUa } from '../../../support/platform-fakes'

const clock = new FakeClock()

describe('detection (capabilities first, user agent second, a URL override for tests)', () => {
  test('capabilities first', () => {
    expect(detectPlatformName({ webapis: { productinfo: { getDuid: () => 'x' } }, navigator: { userAgent: 'Chrome' } })).toBe('tizen')
    expect(detectPlatformName({ webOSDev: {}, navigator: { userAgent: 'Chrome' } })).toBe('webos')
    expect(detectPlatformName({ PalmSystem: {} })).toBe('webos')
  })

  test('user agent second', () => {
    expect(detectPlatformName({ navigator: { userAgent: tizenUa } })).toBe('tizen')
    expect(detectPlatformName({ navigator: { userAgent: webosUa } })).toBe('webos')
    expect(detectPlatformName({ navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120' } })).toBe('browser')
  })

  test('?platform= override only when allowed (development)', () => {
    expect(platformOverride('?a=1&platform=webos', true)).toBe('webos')
    expect(platformOverride('?platform=webos', false)).toBeUndefined()
    expect(platformOverride('?platform=amiga', true)).toBeUndefined()
    expect(createPlatform({ clock, globals: fakeTizen(), query: '?platform=browser', allowOverrides: true }).name).toBe('browser')
    expect(createPlatform({ clock, globals: fakeTizen(), query: '?platform=browser' }).name).toBe('tizen')
  })
})

describe('Tizen', () => {
  test('stable id from webapis.productinfo.getDuid (docs/architecture.md "Platforms")', async () => {
    await expect(createPlatform({ clock, globals: fakeTizen() }).stableId()).resolves.toBe('T-DUID-0001')
  })

  test('a getDuid that throws (privilege missing) means no stable id', async () => {
    const globals = fakeTizen({
      duid: () => {
        throw new Error('SecurityError')
      },
    })
    await expect(createPlatform({ clock, globals }).stableId()).resolves.toBeNull()
  })

  test('X-Device-Info fields (docs/adobe-pass.md "Headers"): TV, Samsung, Tizen family, model, firmware, connection', async () => {
    const info = await createPlatform({ clock, globals: fakeTizen({ connection: 1 }) }).deviceInfo()
    expect(info).toEqual({
      primaryHardwareType: 'TV',
      manufacturer: 'Samsung',
      vendor: 'Samsung',
      osName: 'Linux',
      osFamily: 'Tizen',
      osVendor: 'Samsung',
      model: 'UE55TU8000',
      version: 'T-MSLDEUC-1360.5',
      osVersion: '6.0',
      connectionType: 'WiFi',
      displayWidth: 1920,
      displayHeight: 1080,
    })
  })
})

describe('webOS', () => {
  test('stable id from webOSDev.LGUDID (docs/architecture.md "Platforms")', async () => {
    const fake = fakeWebOs()
    await expect(createPlatform({ clock, globals: fake.globals }).stableId()).resolves.toBe('lg-udid-0001')
  })

  test('without webOSTV-dev.js, the Luna deviceid/getIDs call', async () => {
    const fake = fakeWebOs({ lgudid: 'luna' })
    await expect(createPlatform({ clock, globals: fake.globals }).stableId()).resolves.toBe('lg-udid-luna')
  })

  test('LGUDID failing (emulator) means no stable id', async () => {
    await expect(createPlatform({ clock, globals: fakeWebOs({ lgudid: 'fail' }).globals }).stableId()).resolves.toBeNull()
  })

  test('LGUDID never answering times out on the injected clock', async () => {
    const c = new FakeClock()
    const result = createPlatform({ clock: c, globals: fakeWebOs({ lgudid: 'never' }).globals, callbackTimeoutMs: 2000 }).stableId()
    await c.advance(2000)
    await expect(result).resolves.toBeNull()
  })

  test('X-Device-Info fields: TV, LG, webOS name/family/vendor, model, versions, connection', async () => {
    const info = await createPlatform({ clock, globals: fakeWebOs({ wifi: true }).globals }).deviceInfo()
    expect(info).toEqual({
      primaryHardwareType: 'TV',
      manufacturer: 'LG',
      vendor: 'LG',
      osName: 'webOS',
      osFamily: 'webOS',
      osVendor: 'LG',
      model: 'OLED55C3',
      version: '23.20.50',
      osVersion: '8.2.0',
      connectionType: 'WiFi',
      displayWidth: 1920,
      displayHeight: 1080,
    })
  })
})

describe('browser (development)', () => {
  test('no stable id; info from the user agent', async () => {
    const platform = createPlatform({
      clock,
      globals: {
        navigator: {
          userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
          connection: { type: 'ethernet' },
        },
        screen: { width: 2560, height: 1440 },
      },
    })
    await expect(platform.stableId()).resolves.toBeNull()
    await expect(platform.deviceInfo()).resolves.toMatchObject({
      primaryHardwareType: 'Desktop',
      osName: 'Linux',
      browserName: 'Chrome',
      browserVersion: '120.0.0.0',
      connectionType: 'Ethernet',
      displayWidth: 2560,
    })
  })
})

describe('header values (docs/adobe-pass.md "Headers")', () => {
  test('AP-Device-Identifier is "fingerprint <Base64(deviceId)>"', () => {
    expect(encodeDeviceIdentifier('abc123')).toBe(`fingerprint ${Buffer.from('abc123').toString('base64')}`)
  })

  test('X-Device-Info is Base64 JSON with the required fields always present', () => {
    const info = completeDeviceInfo({ model: 'M', osName: 'webOS', manufacturer: 'LG', displayWidth: 1920 })
    const decoded = JSON.parse(Buffer.from(encodeDeviceInfo(info), 'base64').toString('utf8')) as Record<string, unknown>
    expect(decoded).toEqual({
      primaryHardwareType: 'Unknown',
      model: 'M',
      version: 'Unknown',
      manufacturer: 'LG',
      osName: 'webOS',
      osVersion: 'Unknown',
      displayWidth: 1920,
      connectionType: 'Unknown',
    })
  })

  test('non-ASCII values are UTF-8 before Base64', () => {
    const decoded = Buffer.from(encodeDeviceInfo(completeDeviceInfo({ model: 'Téléviseur ✓' })), 'base64').toString('utf8')
    expect(JSON.parse(decoded)).toMatchObject({ model: 'Téléviseur ✓' })
  })
})
