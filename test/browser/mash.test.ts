/**
 * A remote mashed on every screen: 100 random arrows / OK / Back, 10 ms apart, from a fixed seed.
 * Afterwards the app must show a screen it knows, with complete texts (no empty provider name, no
 * "undefined"), answer the next Back, and have made a bounded number of requests (sessions,
 * authorizations, sign-outs) without meeting a single 429. Each screen starts from its own browser
 * profile (its own device), so no scenario depends on another.
 */
import type { Page } from 'playwright-core'
import { launchBrowser, openApp, screenshot, snapshot, waitForRoute, waitForText, type Browser } from './harness'
import { startStack, type Stack } from './stack'
import type { LoggedRequest } from '../sandbox'

jest.setTimeout(120_000)

const KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Backspace'] as const
/** Pages and the two dialogs (the hook names a dialog's route while it is open). */
const KNOWN = new Set(['boot', 'profiles', 'activation', 'reauth', 'decisions', 'player', 'error', 'exit', 'signOutDialog'])

let stack: Stack
const browsers: Browser[] = []

beforeAll(async () => {
  stack = await startStack()
})

// Each scenario's browser is closed after it: several software-rendered Chromiums drawing at once
// would starve the one under test.
afterEach(async () => {
  for (const browser of browsers.splice(0)) await browser.close()
  stack.sandbox.clearFaults()
})

afterAll(async () => {
  await stack?.stop()
})

/** mulberry32: a tiny seeded generator, so a failure replays exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Device {
  readonly browser: Browser
  page: Page
  /** Index into the sandbox's request log where this device began. */
  readonly from: number
  readonly query: Record<string, string>
}

/** A new TV: its own Chromium profile (empty IndexedDB, so a new device id), the app opened and ready. */
async function newDevice(extra: Record<string, string> = {}): Promise<Device> {
  const browser = await launchBrowser()
  browsers.push(browser)
  const from = stack.sandbox.requests().length
  const query = stack.tvQuery({ 'pass.pollIntervalMs': '3000', ...extra })
  const page = await browser.context.newPage()
  await openApp(page, stack.web.origin, query)
  return { browser, page, from, query }
}

/** Close the tab and open the app again on the same profile (IndexedDB kept), as a TV relaunch. */
async function relaunch(device: Device): Promise<void> {
  // The new tab first: a browser whose last tab closed (the app's "Exit" may close it) opens no more.
  const old = device.page
  device.page = await step('a new tab', device.browser.context.newPage(), 10_000)
  // A tab caught mid-exit may never confirm its close; the new tab does not depend on it.
  await withTimeout(old.close(), 5_000, 'closing the old tab').catch(() => undefined)
  await step('the relaunched app', openApp(device.page, stack.web.origin, device.query), 25_000)
}

function requestsOf(device: Device): LoggedRequest[] {
  return stack.sandbox
    .requests()
    .slice(device.from)
    .filter((r) => r.headers['ap-device-identifier'] === deviceHeader(device))
}

/** Waits until this device (not an earlier test's) has made a request matching `pattern`. */
async function waitForOwnRequest(device: Device, pattern: RegExp, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!requestsOf(device).some((r) => pattern.test(r.path))) {
    if (Date.now() > deadline) throw new Error(`this device made no request matching ${pattern} within ${timeout} ms`)
    // Polls the sandbox's request log in this process; nothing in the page waits on it.
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const headers = new WeakMap<Device, string>()
/** The AP-Device-Identifier this device sends (its first V2 request names it). */
function deviceHeader(device: Device): string | undefined {
  const known = headers.get(device)
  if (known) return known
  const first = stack.sandbox
    .requests()
    .slice(device.from)
    .find((r) => r.headers['ap-device-identifier']?.startsWith('fingerprint '))
  const header = first?.headers['ap-device-identifier']
  if (header) headers.set(device, header)
  return header
}

function deviceId(device: Device): string {
  const header = deviceHeader(device)
  if (!header) throw new Error('the device has not called Adobe Pass yet')
  return Buffer.from(header.slice('fingerprint '.length), 'base64').toString('utf8')
}

/**
 * 100 keys, 10 ms apart: the cadence of a mashed remote. Dispatched inside the page (keydown and
 * keyup on window, where Lightning listens) because a key press driven from the test process takes
 * longer than 10 ms to arrive. Stops where the keys made the app leave ("Exit" in the exit dialog).
 */
async function mash(page: Page, seed: number, count = 100): Promise<void> {
  const random = seeded(seed)
  await sendKeys(
    page,
    Array.from({ length: count }, () => KEYS[Math.floor(random() * KEYS.length)] as string),
    10,
  )
}

/** Sends `keys` in the page, one every `everyMs` by the wall clock (see mash). */
async function sendKeys(page: Page, keys: readonly string[], everyMs: number): Promise<void> {
  try {
    await withTimeout(
      page.evaluate(
        async ({ sequence, every }) => {
          const codes: Record<string, number> = { ArrowUp: 38, ArrowDown: 40, ArrowLeft: 37, ArrowRight: 39, Enter: 13, Backspace: 8 }
          const send = (type: string, key: string): void => {
            const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true })
            Object.defineProperty(event, 'keyCode', { get: () => codes[key] })
            Object.defineProperty(event, 'which', { get: () => codes[key] })
            window.dispatchEvent(event)
          }
          // Key i is due everyMs × i after the start, by the wall clock: a main thread busy drawing (as on
          // a TV) receives the keys that fell due meanwhile together, as a TV's input queue delivers them.
          const start = performance.now()
          let next = 0
          while (next < sequence.length) {
            const due = Math.min(sequence.length, Math.floor((performance.now() - start) / every) + 1)
            for (; next < due; next++) {
              if ((window as unknown as { __tvApp?: { exited?: boolean } }).__tvApp?.exited) return
              const key = sequence[next] as string
              send('keydown', key)
              send('keyup', key)
            }
            await new Promise((resolve) => setTimeout(resolve, Math.min(10, every)))
          }
        },
        { sequence: keys, every: everyMs },
      ),
      15_000,
      'the keys',
    )
  } catch (error) {
    // The page went away under the keys: only "Exit" does that.
    if (!/context was destroyed|Target closed|navigat/i.test(String(error))) throw error
  }
}

/** Rejects when `promise` has not settled within `ms` (a page that stopped answering fails the test). */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer))
}

/**
 * Every step is bounded well inside the test's own timeout, so a stuck step fails with its name
 * instead of the whole test timing out silently.
 */
function step<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  return withTimeout(promise, ms, what)
}

/**
 * The keys found "Exit": the app said so, or the page it left for has no app at all. A page that
 * does not answer within 5 s is mid-exit (leaving for about:blank) and counts as exited.
 */
async function exited(page: Page): Promise<boolean> {
  if (page.url() === 'about:blank') return true
  const answer = page.evaluate(() => {
    const hook = (window as unknown as { __tvApp?: { exited?: boolean } }).__tvApp
    return !hook || hook.exited === true
  })
  return withTimeout(answer, 5_000, 'the exit check').catch(() => true)
}

interface Hook {
  route: string
  screen: string
  routes: string[]
  exited: boolean
}

/** The app has drawn the screen it was last asked for (or a dialog over it). */
async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const hook = (window as unknown as { __tvApp?: Hook }).__tvApp
        if (!hook) return false
        return hook.route === hook.screen || hook.route === 'exit' || hook.route === 'signOutDialog'
      },
      undefined,
      { timeout: 20_000, polling: 50 },
    )
    .catch(async (error: unknown) => {
      const hook = await page.evaluate(() => {
        const h = (window as unknown as { __tvApp?: Hook }).__tvApp
        return h ? { route: h.route, screen: h.screen, routes: h.routes.slice(-12) } : null
      })
      throw new Error(`the app did not settle: ${JSON.stringify(hook)} (${String(error)})`)
    })
}

/** Texts a viewer must never read: a hole where a name goes, or a program's word for nothing. */
function incomplete(texts: readonly string[]): string[] {
  return texts.filter((text) => {
    if (/\bundefined\b|\bnull\b|\bNaN\b|\[object /.test(text)) return true
    // The grid's key hint spaces its symbols on purpose; anywhere else two spaces are a missing word.
    if (/[◀▶]/.test(text)) return false
    return / {2}/.test(text) || /\s[.,]/.test(text) || /\bwith\s*$/.test(text)
  })
}

/**
 * After the mash: a known screen with complete texts, a Back that still gets an answer, and bounded
 * requests. An app the keys made leave ("Exit" in the exit dialog) is relaunched and checked too.
 */
async function expectStillUsable(device: Device, name: string): Promise<void> {
  if (await exited(device.page)) await relaunch(device)
  await settle(device.page)
  const shot = await step('the snapshot', snapshot(device.page), 10_000)
  await step('the screenshot', screenshot(device.page, `mash-${name}`), 15_000)
  expect(KNOWN.has(shot.route)).toBe(true)
  expect(incomplete(shot.texts)).toEqual([])
  if (shot.route === 'reauth') expect(shot.texts.some((t) => /^Sign in again with \S/.test(t))).toBe(true)
  if (shot.route === 'decisions') expect(shot.texts.some((t) => /^Watching with your \S/.test(t))).toBe(true)

  // The next Back is answered: a screen or a dialog changes (Back on the first screen asks to exit).
  const before = shot.routes.length
  await step('the Back key', device.page.keyboard.press('Backspace'), 5_000)
  await device.page.waitForFunction(
    (count) => {
      const hook = (window as unknown as { __tvApp?: Hook }).__tvApp
      return !hook || hook.routes.length > count
    },
    before,
    { timeout: 10_000, polling: 50 },
  )

  const requests = requestsOf(device)
  const count = (pattern: RegExp): number => requests.filter((r) => pattern.test(`${r.method} ${r.path}`)).length
  expect(count(/^POST \/api\/v2\/MYCHAN\/sessions$/)).toBeLessThanOrEqual(3)
  expect(count(/^GET \/api\/v2\/MYCHAN\/logout\//)).toBeLessThanOrEqual(1)
  const authorizeBodies = requests.filter((r) => /\/decisions\/authorize\//.test(r.path))
  // At most 3 authorize calls per title: one play with its retry budget (CL-AUTHZ-2), however often OK is pressed.
  expect(authorizeBodies.length).toBeLessThanOrEqual(3 * 5)
  expect(requests.filter((r) => r.status === 429)).toEqual([])
}

/** A device signed in with one provider (remembered), on the decisions screen. */
async function signedInDevice(): Promise<Device> {
  const device = await newDevice()
  await waitForRoute(device.page, 'activation')
  const code = await waitForText(device.page, /^[ACEFGHJKMNPRTWXY34679]{7}$/)
  stack.sandbox.completeSignIn(code, { mvpd: 'Sandbox_Cable', user: 'viewer' })
  await waitForRoute(device.page, 'decisions')
  return device
}

test('boot: keys while the first answer is slow', async () => {
  stack.sandbox.fault({ route: 'profiles', latencyMs: 2500, count: 1 })
  const device = await newDevice()
  await waitForRoute(device.page, 'boot')
  await mash(device.page, 1)
  await expectStillUsable(device, 'boot')
  stack.sandbox.clearFaults()
})

test('activation', async () => {
  const device = await newDevice()
  await waitForRoute(device.page, 'activation')
  await mash(device.page, 2)
  await expectStillUsable(device, 'activation')
})

test('the exit dialog', async () => {
  const device = await newDevice()
  await waitForRoute(device.page, 'activation')
  await device.page.keyboard.press('Backspace')
  await waitForRoute(device.page, 'exit')
  await mash(device.page, 3)
  await expectStillUsable(device, 'exit-dialog')
})

test('the provider grid', async () => {
  const device = await newDevice()
  await waitForRoute(device.page, 'activation')
  // Two sign-ins on this TV, none remembered yet: the grid (the pending code is given up once found).
  const id = deviceId(device)
  stack.sandbox.seedProfile({ deviceId: id, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 20 * 86_400_000 })
  stack.sandbox.seedProfile({ deviceId: id, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 9 * 86_400_000 })
  await relaunch(device)
  await waitForRoute(device.page, 'profiles')
  await mash(device.page, 4)
  await expectStillUsable(device, 'grid')
})

test('reauth', async () => {
  const device = await signedInDevice()
  stack.sandbox.revokeProfile({ mvpd: 'Sandbox_Cable', deviceId: deviceId(device) })
  await relaunch(device)
  await waitForRoute(device.page, 'reauth')
  await mash(device.page, 5)
  await expectStillUsable(device, 'reauth')
})

test('the error screen while the service fails', async () => {
  stack.sandbox.fault({ route: 'profiles', status: 503, count: 0 })
  const device = await newDevice()
  await waitForRoute(device.page, 'error')
  await mash(device.page, 6)
  stack.sandbox.clearFaults()
  await expectStillUsable(device, 'error')
})

test('decisions', async () => {
  const device = await signedInDevice()
  await waitForOwnRequest(device, /\/decisions\/preauthorize\//)
  await mash(device.page, 7)
  await expectStillUsable(device, 'decisions')
})

test('the player', async () => {
  const device = await signedInDevice()
  // OK plays the focused title once the decisions screen has its titles (preauthorize answered).
  await waitForOwnRequest(device, /\/decisions\/preauthorize\//)
  await device.page.keyboard.press('Enter')
  await waitForRoute(device.page, 'player')
  await mash(device.page, 8)
  await expectStillUsable(device, 'player')
})

test('fast Back after playing a title never reaches a screen without its provider', async () => {
  const device = await signedInDevice()
  await waitForOwnRequest(device, /\/decisions\/preauthorize\//)
  for (let round = 0; round < 3; round++) {
    await device.page.keyboard.press('Enter')
    await waitForRoute(device.page, 'player')
    // About nine Back presses within a second, as reported from a living room.
    await sendKeys(
      device.page,
      Array.from({ length: 9 }, () => 'Backspace'),
      100,
    )
    await settle(device.page)
    const shot = await snapshot(device.page)
    expect(['decisions', 'exit']).toContain(shot.route)
    expect(incomplete(shot.texts)).toEqual([])
    if (shot.route === 'exit') {
      await device.page.keyboard.press('Backspace')
      await waitForRoute(device.page, 'decisions')
    }
  }
  await expectStillUsable(device, 'back-after-play')
})
