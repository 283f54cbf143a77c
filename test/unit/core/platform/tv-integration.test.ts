/**
 * What the adapters do for the TV integration, over faked platform globals: remote keys
 * (Tizen registers them and reads their codes with getKey), exit, visibility, network and the
 * Magic Remote pointer, including platform calls that throw or are missing.
 */
import { createPlatform } from '../../../../src/core/platform/detect'
import { keyMapWith, remoteKeysOf } from '../../../../src/core/platform/keys'
import { detectPlatformName, type PlatformGlobals } from '../../../../src/core/platform/platform'
import { FakeClock } from '../../../support/fake-clock'
import { fakeTizen, fakeWebOs, tizenUa, webosUa } from '../../../support/platform-fakes'

const clock = new FakeClock()
const colourKeys = ['ColorF0Red', 'ColorF1Green', 'ColorF2Yellow', 'ColorF3Blue'] as const

/** A window-like object: an EventTarget with a document (also an EventTarget) and `close`. */
function page(extra: Record<string, unknown> = {}, hidden = false) {
  const win = new EventTarget() as EventTarget & Record<string, unknown>
  const doc = new EventTarget() as EventTarget & { hidden: boolean }
  doc.hidden = hidden
  const closed = { count: 0 }
  Object.assign(win, { document: doc, navigator: { userAgent: 'Mozilla/5.0 Chrome/120', onLine: true }, close: () => (closed.count += 1) }, extra)
  return { win, doc, closed }
}

function tizenInput(overrides: { getKey?: (name: string) => unknown; registerKey?: (name: string) => void } = {}) {
  const registered: string[] = []
  // Codes deliberately unlike the usual 403–406: the adapter must report what getKey says.
  const codes: Record<string, number> = { ColorF0Red: 1403, ColorF1Green: 1404, ColorF2Yellow: 1405, ColorF3Blue: 1406, MediaPlayPause: 10252 }
  return {
    registered,
    tvinputdevice: {
      getKey: overrides.getKey ?? ((name: string) => (name in codes ? { name, code: codes[name] } : null)),
      registerKey: overrides.registerKey ?? ((name: string) => void registered.push(name)),
    },
  }
}

describe('remote keys', () => {
  test('Tizen registers each key with tvinputdevice and reports the codes getKey gives', () => {
    const input = tizenInput()
    const { win } = page({ tizen: { tvinputdevice: input.tvinputdevice } })
    const codes = createPlatform({ clock, globals: win }).registerKeys([...colourKeys, 'MediaPlayPause'])
    expect(codes).toEqual({ ColorF0Red: 1403, ColorF1Green: 1404, ColorF2Yellow: 1405, ColorF3Blue: 1406, MediaPlayPause: 10252 })
    expect(input.registered).toEqual([...colourKeys, 'MediaPlayPause'])
  })

  test('Tizen leaves out a key that getKey does not know or registerKey refuses', () => {
    const input = tizenInput({
      registerKey: (name) => {
        if (name === 'ColorF1Green') throw new Error('NotSupportedError')
      },
    })
    const { win } = page({ tizen: { tvinputdevice: input.tvinputdevice } })
    expect(createPlatform({ clock, globals: win }).registerKeys([...colourKeys, 'MediaRewind'])).toEqual({
      ColorF0Red: 1403,
      ColorF2Yellow: 1405,
      ColorF3Blue: 1406,
    })
  })

  test('Tizen without tvinputdevice (privilege missing, or the browser override) registers nothing', () => {
    expect(createPlatform({ clock, globals: fakeTizen() }).registerKeys(colourKeys)).toEqual({})
    const throwing = page({
      tizen: {
        tvinputdevice: {
          getKey: () => {
            throw new Error('SecurityError')
          },
          registerKey: () => undefined,
        },
      },
    })
    expect(createPlatform({ clock, globals: throwing.win }).registerKeys(colourKeys)).toEqual({})
  })

  test('webOS and the browser deliver the standard codes unregistered', () => {
    expect(createPlatform({ clock, globals: fakeWebOs().globals }).registerKeys(colourKeys)).toEqual({
      ColorF0Red: 403,
      ColorF1Green: 404,
      ColorF2Yellow: 405,
      ColorF3Blue: 406,
    })
    expect(createPlatform({ clock, globals: page().win }).registerKeys(['ColorF0Red', 'MediaPlayPause'])).toEqual({ ColorF0Red: 403 })
  })

  test('the key map follows the codes the platform reported; other keys stay', () => {
    const settingsKeys = { '8': 'Back', '13': 'Enter', '403': 'Red', '404': 'Green', '461': 'Back', '10009': 'Back' }
    expect(remoteKeysOf(settingsKeys)).toEqual(['ColorF0Red', 'ColorF1Green'])
    expect(keyMapWith(settingsKeys, { ColorF0Red: 1403 })).toEqual({ '8': 'Back', '13': 'Enter', '1403': 'Red', '461': 'Back', '10009': 'Back' })
    expect(keyMapWith(settingsKeys, { ColorF0Red: 403, ColorF1Green: 404 })).toEqual(settingsKeys)
  })
})

describe('exit', () => {
  test('Tizen exits through tizen.application.getCurrentApplication().exit()', () => {
    const exit = jest.fn()
    const { win, closed } = page({ tizen: { application: { getCurrentApplication: () => ({ exit }) } } })
    createPlatform({ clock, globals: win }).exit()
    expect(exit).toHaveBeenCalledTimes(1)
    expect(closed.count).toBe(0)
  })

  test('Tizen: an exit() that throws, or no application API, falls back to window.close()', () => {
    const throwing = page({
      tizen: {
        application: {
          getCurrentApplication: () => ({
            exit: () => {
              throw new Error('UnknownError')
            },
          }),
        },
      },
    })
    expect(() => createPlatform({ clock, globals: throwing.win }).exit()).not.toThrow()
    expect(throwing.closed.count).toBe(1)
    const missing = page({ tizen: {} })
    createPlatform({ clock, globals: missing.win }).exit()
    expect(missing.closed.count).toBe(1)
  })

  test('webOS closes the window, or goes back to the platform where close is missing', () => {
    const platformBack = jest.fn()
    const { win, closed } = page({ webOS: { platformBack } })
    createPlatform({ clock, globals: win }).exit()
    expect(closed.count).toBe(1)
    expect(platformBack).not.toHaveBeenCalled()

    const noClose = page({ webOS: { platformBack } })
    delete noClose.win.close
    createPlatform({ clock, globals: noClose.win }).exit()
    expect(platformBack).toHaveBeenCalledTimes(1)
  })

  test('a browser tab that cannot close itself leaves for a blank page; one that closed does not', () => {
    const replaced: string[] = []
    const open = page({ location: { replace: (url: string) => replaced.push(url) } })
    createPlatform({ clock, globals: open.win }).exit()
    expect(open.closed.count).toBe(1)
    expect(replaced).toEqual(['about:blank'])

    const closing = page({ location: { replace: (url: string) => replaced.push(url) } })
    closing.win.close = () => Object.assign(closing.win, { closed: true })
    createPlatform({ clock, globals: closing.win }).exit()
    expect(replaced).toEqual(['about:blank'])
  })

  test('nothing to call at all never throws', () => {
    const bare = {
      webOS: {
        platformBack: () => {
          throw new Error('gone')
        },
      },
    }
    expect(() => createPlatform({ clock, globals: bare }).exit()).not.toThrow()
    expect(() => createPlatform({ clock, globals: { navigator: { userAgent: 'x' } } }).exit()).not.toThrow()
  })
})

describe('visibility (multitasking)', () => {
  test.each([
    ['browser', {}],
    ['tizen', { tizen: {} }],
    ['webos', { webOS: {} }],
  ])('%s reports hidden and shown once each, until unsubscribed', (name, extra) => {
    const { win, doc } = page(extra)
    const platform = createPlatform({ clock, globals: win })
    expect(platform.name).toBe(name)
    const seen: boolean[] = []
    const unsubscribe = platform.onVisibilityChange((hidden) => seen.push(hidden))
    doc.hidden = true
    doc.dispatchEvent(new Event('visibilitychange'))
    doc.dispatchEvent(new Event('webkitvisibilitychange'))
    doc.hidden = false
    doc.dispatchEvent(new Event('visibilitychange'))
    unsubscribe()
    unsubscribe()
    doc.hidden = true
    doc.dispatchEvent(new Event('visibilitychange'))
    expect(seen).toEqual([true, false])
  })

  test('older engines: the prefixed webkitHidden', () => {
    const { win, doc } = page({ webOS: {} })
    const prefixed = doc as unknown as { hidden?: boolean; webkitHidden?: boolean }
    delete prefixed.hidden
    const seen: boolean[] = []
    createPlatform({ clock, globals: win }).onVisibilityChange((hidden) => seen.push(hidden))
    prefixed.webkitHidden = true
    doc.dispatchEvent(new Event('webkitvisibilitychange'))
    expect(seen).toEqual([true])
  })

  test('no document (or one that refuses listeners) gives a subscription that never fires', () => {
    const refusing = {
      document: {
        addEventListener: () => {
          throw new Error('no')
        },
        removeEventListener: () => undefined,
      },
    }
    for (const globals of [{ tizen: {} }, refusing] as PlatformGlobals[]) {
      const unsubscribe = createPlatform({ clock, globals }).onVisibilityChange(() => undefined)
      expect(() => unsubscribe()).not.toThrow()
    }
  })
})

describe('network', () => {
  test('online/offline events, each change reported once', () => {
    const { win } = page({ webOS: {} })
    const seen: boolean[] = []
    const unsubscribe = createPlatform({ clock, globals: win }).onNetworkChange((online) => seen.push(online))
    win.dispatchEvent(new Event('offline'))
    win.dispatchEvent(new Event('offline'))
    win.dispatchEvent(new Event('online'))
    unsubscribe()
    win.dispatchEvent(new Event('offline'))
    expect(seen).toEqual([false, true])
  })

  test('Tizen also listens to webapis.network (gateway states read from NetworkState) and removes its listener', () => {
    let callback: ((state: number) => void) | undefined
    const removed: unknown[] = []
    const network = {
      NetworkState: { LAN_CABLE_ATTACHED: 1, LAN_CABLE_DETACHED: 2, GATEWAY_CONNECTED: 4, GATEWAY_DISCONNECTED: 5 },
      addNetworkStateChangeListener: (cb: (state: number) => void) => {
        callback = cb
        return 7
      },
      removeNetworkStateChangeListener: (id: unknown) => removed.push(id),
    }
    const { win } = page({ tizen: {}, webapis: { network } })
    const seen: boolean[] = []
    const unsubscribe = createPlatform({ clock, globals: win }).onNetworkChange((online) => seen.push(online))
    callback?.(2)
    callback?.(5)
    win.dispatchEvent(new Event('offline'))
    callback?.(4)
    unsubscribe()
    expect(seen).toEqual([false, true])
    expect(removed).toEqual([7])
  })

  test('Tizen: a webapis.network that throws still leaves the window events working', () => {
    const network = {
      NetworkState: { GATEWAY_CONNECTED: 4, GATEWAY_DISCONNECTED: 5 },
      addNetworkStateChangeListener: () => {
        throw new Error('SecurityError: network.public privilege')
      },
    }
    const { win } = page({ tizen: {}, webapis: { network } })
    const seen: boolean[] = []
    createPlatform({ clock, globals: win }).onNetworkChange((online) => seen.push(online))
    win.dispatchEvent(new Event('offline'))
    expect(seen).toEqual([false])
  })
})

describe('Magic Remote pointer (webOS)', () => {
  test('cursorStateChange on document reports the pointer hiding and coming back', () => {
    const { win, doc } = page({ webOS: {} })
    const seen: boolean[] = []
    const unsubscribe = createPlatform({ clock, globals: win }).onPointerVisibilityChange((visible) => seen.push(visible))
    doc.dispatchEvent(new CustomEvent('cursorStateChange', { detail: { visibility: false } }))
    doc.dispatchEvent(new CustomEvent('cursorStateChange', { detail: { visibility: false } }))
    doc.dispatchEvent(new CustomEvent('cursorStateChange', { detail: {} }))
    doc.dispatchEvent(new CustomEvent('cursorStateChange', { detail: { visibility: true } }))
    unsubscribe()
    doc.dispatchEvent(new CustomEvent('cursorStateChange', { detail: { visibility: false } }))
    expect(seen).toEqual([false, true])
  })

  test('Tizen and the browser have no pointer notifications; their subscriptions are inert', () => {
    for (const globals of [page({ tizen: {} }).win, page().win]) {
      const listener = jest.fn()
      const unsubscribe = createPlatform({ clock, globals }).onPointerVisibilityChange(listener)
      unsubscribe()
      expect(listener).not.toHaveBeenCalled()
    }
  })
})

describe('webOS without webOSTV.js', () => {
  test('PalmServiceBridge is detected and asked for the LGUDID', async () => {
    const calls: Array<[string, string]> = []
    class PalmServiceBridge {
      onservicecallback: ((message: string) => void) | undefined
      call(uri: string, params: string): void {
        calls.push([uri, params])
        this.onservicecallback?.(JSON.stringify({ returnValue: true, idList: [{ idType: 'LGUDID', idValue: 'lg-udid-bridge' }] }))
      }
    }
    const globals = { PalmServiceBridge, navigator: { userAgent: webosUa } }
    expect(detectPlatformName({ PalmServiceBridge })).toBe('webos')
    await expect(createPlatform({ clock, globals }).stableId()).resolves.toBe('lg-udid-bridge')
    expect(calls).toEqual([['luna://com.webos.service.sm/deviceid/getIDs', '{"idType":["LGUDID"]}']])
  })

  test('a bridge that throws, or answers garbage, means no stable id', async () => {
    class Throwing {
      call(): void {
        throw new Error('denied')
      }
    }
    class Garbage {
      onservicecallback: ((message: string) => void) | undefined
      call(): void {
        this.onservicecallback?.('not json')
      }
    }
    await expect(createPlatform({ clock, globals: { PalmServiceBridge: Throwing } }).stableId()).resolves.toBeNull()
    await expect(createPlatform({ clock, globals: { PalmServiceBridge: Garbage } }).stableId()).resolves.toBeNull()
  })
})

describe('development override', () => {
  test('?platform= picks each path in a browser with the platform globals absent', () => {
    const { win } = page({ navigator: { userAgent: tizenUa } })
    for (const name of ['browser', 'tizen', 'webos'] as const) {
      const platform = createPlatform({ clock, globals: win, query: `?platform=${name}`, allowOverrides: true })
      expect(platform.name).toBe(name)
      expect(() => platform.registerKeys(colourKeys)).not.toThrow()
      platform.onVisibilityChange(() => undefined)()
      platform.onNetworkChange(() => undefined)()
      platform.onPointerVisibilityChange(() => undefined)()
    }
  })
})
