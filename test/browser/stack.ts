/**
 * The whole stack for a browser test file: the sandbox over loopback, a dist served over loopback,
 * and a Chromium profile. `tvQuery()` points the app at this sandbox through the `pass.*` overrides.
 */
import type { Page } from 'playwright-core'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox'
import type { StaticServer } from '../support/static-server'
import { launchBrowser, openApp, serveDist, type Browser, type Flavour } from './harness'

export interface Stack {
  readonly sandbox: Sandbox
  readonly web: StaticServer
  readonly browser: Browser
  /** `pass.<key>` overrides pointing the app at this sandbox, plus any extras. */
  tvQuery(extra?: Record<string, string>): Record<string, string>
  /** A new tab with the TV app open and ready (same profile: IndexedDB is shared between tabs). */
  openTv(extra?: Record<string, string>): Promise<Page>
  stop(): Promise<void>
}

export async function startStack(options: { flavour?: Flavour; sandbox?: SandboxOptions } = {}): Promise<Stack> {
  const sandbox = await startSandbox({ port: 0, mode: 'test', ...options.sandbox })
  const web = await serveDist(options.flavour ?? 'es6')
  const browser = await launchBrowser()
  const tvQuery = (extra: Record<string, string> = {}): Record<string, string> => ({
    'pass.baseUrl': sandbox.origin,
    'pass.activationUrl': `${sandbox.publicOrigin}/activate?code={code}`,
    ...extra,
  })
  return {
    sandbox,
    web,
    browser,
    tvQuery,
    async openTv(extra) {
      const page = await browser.context.newPage()
      await openApp(page, web.origin, tvQuery(extra))
      return page
    },
    async stop() {
      await browser.close()
      await web.stop()
      await sandbox.stop()
    },
  }
}

/** The raw device id the TV sent (decoded from `AP-Device-Identifier: fingerprint <Base64>`). */
export function tvDeviceId(sandbox: Sandbox): string {
  for (const r of sandbox.requests()) {
    const header = r.headers['ap-device-identifier']
    if (header?.startsWith('fingerprint ')) return Buffer.from(header.slice('fingerprint '.length), 'base64').toString('utf8')
  }
  throw new Error('the TV has not sent AP-Device-Identifier yet')
}

/** Requests the sandbox recorded whose "METHOD path" matches, e.g. /^GET \/api\/v2\/MYCHAN\/profiles$/. */
export function requestsMatching(sandbox: Sandbox, pattern: RegExp): number {
  return sandbox.requests().filter((r) => pattern.test(`${r.method} ${r.path}`)).length
}

/**
 * Waits until `condition()` holds. It reads state in this process (the sandbox's request log, its
 * faults), checked every 50 ms, failing after `timeout` with `what` in the message.
 */
export async function waitUntil(condition: () => boolean, what: string, timeout = 20000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Waits until the sandbox has recorded at least `count` requests matching `pattern` (its request
 * log is the signal). Returns the number seen. The log is this test's own when the stack is too
 * (`stackPerTest`); otherwise pass a `count` above what was logged before the step.
 */
export async function waitForRequests(sandbox: Sandbox, pattern: RegExp, count = 1, timeout = 20000): Promise<number> {
  await waitUntil(() => requestsMatching(sandbox, pattern) >= count, `${count} request(s) matching ${pattern}`, timeout).catch(() => {
    throw new Error(`waited ${timeout} ms for ${count} request(s) matching ${pattern}; saw ${requestsMatching(sandbox, pattern)}`)
  })
  return requestsMatching(sandbox, pattern)
}

/**
 * A fresh stack for every test of the enclosing describe block (or file): its own sandbox (empty
 * request log, no faults, denies or degradations, clock offset 0), its own dist server and its own
 * Chromium profile (a new device id), stopped after the test. No test sees what another left.
 */
export function stackPerTest(options: Parameters<typeof startStack>[0] = {}): () => Stack {
  let current: Stack | undefined
  beforeEach(async () => {
    current = await startStack(options)
  })
  afterEach(async () => {
    const stack = current
    current = undefined
    await stack?.stop()
  })
  return () => {
    if (!current) throw new Error('stackPerTest: no stack outside a test')
    return current
  }
}

/** What a TV tab showed since it opened: every visible text, and each route with when it was drawn. */
export interface ScreenRecord {
  texts: string[]
  routes: Array<{ route: string; at: number }>
}

/**
 * Runs in the page before the app (and again after a reload): reads the test hook on every frame, so
 * a text shown for a moment between two checks of a test is still on record.
 */
function recordScreen(): void {
  const record: ScreenRecord = { texts: [], routes: [] }
  const seen = new Set<string>()
  const target = window as unknown as { __screenRecord?: ScreenRecord; __tvApp?: { ready: boolean; route: string; texts(): string[] } }
  target.__screenRecord = record
  const tick = (): void => {
    const hook = target.__tvApp
    if (hook?.ready) {
      const last = record.routes[record.routes.length - 1]
      if (last?.route !== hook.route) record.routes.push({ route: hook.route, at: Date.now() })
      for (const text of hook.texts()) {
        if (!seen.has(text)) {
          seen.add(text)
          record.texts.push(text)
        }
      }
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** Like `openTv`, with the tab recording what it shows (read it with `screenRecord`). */
export async function openRecordedTv(stack: Stack, extra?: Record<string, string>): Promise<Page> {
  const page = await stack.browser.context.newPage()
  await page.addInitScript(recordScreen)
  await openApp(page, stack.web.origin, stack.tvQuery(extra))
  return page
}

/** What the tab has shown since it was opened or last reloaded. */
export function screenRecord(page: Page): Promise<ScreenRecord> {
  return page.evaluate(() => {
    const record = (window as unknown as { __screenRecord?: ScreenRecord }).__screenRecord
    return record ? { texts: [...record.texts], routes: [...record.routes] } : { texts: [], routes: [] }
  })
}

/** The request log as lines ("12.34 GET /api/v2/… 200", seconds since `since`), for failure messages and reports. */
export function requestTrail(sandbox: Sandbox, since = sandbox.requests()[0]?.time ?? 0): string {
  return sandbox
    .requests()
    .map((r) => `${((r.time - since) / 1000).toFixed(2)} ${r.method} ${r.path} ${r.status}`)
    .join('\n')
}
