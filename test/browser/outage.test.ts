/**
 * The sign-in service goes down while the TV shows a code (the sandbox stops listening: connection
 * refused, the browser still online). After three failed polls the error screen says so and counts
 * down to an automatic retry; the TV recovers by itself once the service is back, polling the same
 * code (no new session), without a burst and without a single 429. "Try again" acts at once.
 */
import type { Page, Request } from 'playwright-core'
import type { LoggedRequest } from '../sandbox'
import { focused, press, screenshot, snapshot, waitForRoute, waitForText } from './harness'
import { openRecordedTv, requestTrail, requestsMatching, screenRecord, startStack, waitForRequests, type Stack } from './stack'

jest.setTimeout(150_000)

const POLL_INTERVAL_MS = 3000
/** Drawing and a paced request on a loaded machine. */
const MARGIN_MS = 2500
const tvOptions = { 'pass.pollIntervalMs': String(POLL_INTERVAL_MS) }
const codePattern = /^[ACEFGHJKMNPRTWXY34679]{7}$/
const SESSIONS = /^POST \/api\/v2\/MYCHAN\/sessions$/
const pollPath = (code: string): RegExp => new RegExp(`^GET /api/v2/MYCHAN/profiles/code/${code}$`)
const retryLine = /^Trying again in (\d+) seconds?…$/
/** The countdown of the second automatic retry (10 s ± 20 %): the first one has failed. */
const secondRetryLine = /^Trying again in ([7-9]|1[0-2]) seconds…$/
const SERVICE_DOWN = "We can't reach the sign-in service"

/** Requests closer than this are a burst (the client paces to one per 1050 ms after its burst). */
const BURST_GAP_MS = 900

/** Sandbox-clock arrival times of requests matching `pattern`. */
function arrivals(stack: Stack, pattern: RegExp): number[] {
  return stack.sandbox
    .requests()
    .filter((r) => pattern.test(`${r.method} ${r.path}`))
    .map((r) => r.time)
}

/** A CORS preflight and the request it cleared: one call from the app, two entries in the log. */
function isPreflightPair(first: LoggedRequest, second: LoggedRequest): boolean {
  return first.method === 'OPTIONS' && second.method !== 'OPTIONS' && first.path === second.path
}

/** Gaps between consecutive logged requests, each with the pair it separates. */
function gapsOf(log: LoggedRequest[]): Array<{ ms: number; pair: string; preflight: boolean }> {
  return log.slice(1).map((second, i) => {
    const first = log[i] as LoggedRequest
    return { ms: second.time - first.time, pair: `${first.method} ${first.path} → ${second.method} ${second.path}`, preflight: isPreflightPair(first, second) }
  })
}

/** What the browser tried to send (refused connections never reach the sandbox's log). */
function watchAttempts(page: Page): {
  sent: Array<{ url: string; method: string; at: number }>
  failed: Array<{ url: string; method: string; at: number; error: string }>
} {
  const sent: Array<{ url: string; method: string; at: number }> = []
  const failed: Array<{ url: string; method: string; at: number; error: string }> = []
  page.on('request', (r: Request) => sent.push({ url: r.url(), method: r.method(), at: Date.now() }))
  page.on('requestfailed', (r: Request) => failed.push({ url: r.url(), method: r.method(), at: Date.now(), error: r.failure()?.errorText ?? '' }))
  return { sent, failed }
}

/**
 * Runs a scenario; a failure also says what the TV showed (route, texts, routes drawn, a screenshot
 * named `<name>-failure`) and what the sandbox received.
 */
async function explained(stack: Stack, tv: Page, name: string, scenario: () => Promise<void>): Promise<void> {
  try {
    await scenario()
  } catch (error) {
    const open = !tv.isClosed()
    const shot = open ? await screenshot(tv, `${name}-failure`).catch(() => '(no screenshot)') : '(tab closed)'
    const seen = open ? await snapshot(tv).catch(() => null) : null
    const record = open ? await screenRecord(tv).catch(() => null) : null
    const message = error instanceof Error ? error.message : String(error)
    const details = [
      `route: ${seen?.route}; texts: ${JSON.stringify(seen?.texts)}`,
      `routes drawn: ${JSON.stringify(record?.routes)}`,
      `screenshot: ${shot}`,
      `requests:\n${requestTrail(stack.sandbox)}`,
    ]
    throw new Error(`${message}\n\n${details.join('\n')}`, { cause: error })
  }
}

/** The screen the app was last asked to show (the drawn route follows it). */
function askedFor(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __tvApp: { screen: string } }).__tvApp.screen)
}

/** Activation with a code that has been polled once (the steady state before the outage). */
async function activationPolling(stack: Stack): Promise<{ tv: Page; code: string }> {
  const tv = await openRecordedTv(stack, tvOptions)
  await waitForRoute(tv, 'activation')
  const code = await waitForText(tv, codePattern)
  await waitForRequests(stack.sandbox, pollPath(code), 1, POLL_INTERVAL_MS + MARGIN_MS * 2)
  return { tv, code }
}

describe('the sandbox stopped across two automatic retries then restarted', () => {
  let stack: Stack

  beforeAll(async () => {
    // Throttling on (the default): a burst after the outage would meet a 429.
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('the TV recovers by itself and the sandbox records no burst', async () => {
    const { sandbox } = stack
    const { tv, code } = await activationPolling(stack)
    const attempts = watchAttempts(tv)
    await explained(stack, tv, 'outage', async () => {
      const suspendedAt = Date.now()
      await sandbox.suspend()

      // Three polls refused, one interval apart: then the error screen, counting down to a retry.
      await waitForRoute(tv, 'error', POLL_INTERVAL_MS * 3 + MARGIN_MS * 3)
      const errorAt = (await screenRecord(tv)).routes.find((r) => r.route === 'error')?.at ?? Date.now()
      const refusedPolls = attempts.failed.filter((f) => f.method === 'GET' && f.url.endsWith(`/profiles/code/${code}`) && f.at <= errorAt)
      expect(refusedPolls).toHaveLength(3)
      expect(errorAt - suspendedAt).toBeGreaterThanOrEqual(POLL_INTERVAL_MS * 2 - 500)
      await waitForText(tv, new RegExp(`^${SERVICE_DOWN}$`))
      const first = Number(retryLine.exec(await waitForText(tv, retryLine))?.[1])
      expect(first).toBeGreaterThanOrEqual(1)
      expect(first).toBeLessThanOrEqual(6) // 5 s ± 20 %
      expect(await focused(tv)).toBe('TryAgain')
      await screenshot(tv, 'outage-error-retrying')

      // The service stays down until the first automatic retry has failed too (about 15 s in): the
      // signal is the second wait on screen (10 s ± 20 %), not the wall clock.
      await waitForText(tv, secondRetryLine, 30_000)
      expect((await snapshot(tv)).route).toBe('error')
      await screenshot(tv, 'outage-error-second-wait')
      const duringOutage = await screenRecord(tv)
      // Backing off: the waits shown so far are the first (5 s) and the second (10 s), ± 20 %.
      const countdowns = duringOutage.texts.map((t) => Number(retryLine.exec(t)?.[1] ?? NaN)).filter((n) => !Number.isNaN(n))
      expect(Math.max(...countdowns)).toBeLessThanOrEqual(12)
      // While down, the TV keeps knocking gently: polls an interval apart, then one per automatic
      // retry (5 s, 10 s…): no request sooner than a poll interval after the one before.
      const knocks = attempts.sent.filter((a) => a.at >= suspendedAt && a.method !== 'OPTIONS').map((a) => a.at)
      expect(knocks.length).toBeGreaterThanOrEqual(3)
      expect(knocks.length).toBeLessThanOrEqual(5)
      knocks.slice(1).forEach((at, i) => expect(at - (knocks[i] as number)).toBeGreaterThanOrEqual(POLL_INTERVAL_MS - 100))

      const logFrom = sandbox.requests().length
      const pollsBefore = requestsMatching(sandbox, pollPath(code))
      await sandbox.resume()
      const resumedAt = sandbox.now()

      // Back by itself, no key pressed: the same code polled again (the next automatic retry is at
      // most 60 s away), and the activation screen with that code.
      await waitForRequests(sandbox, pollPath(code), pollsBefore + 1, 70_000)
      const recoveredAt = arrivals(stack, pollPath(code)).find((t) => t >= resumedAt) as number
      await waitForRoute(tv, 'activation', MARGIN_MS * 2)
      await waitForText(tv, new RegExp(`^${code}$`))
      // Polling carries on at its interval (two more polls: the window the burst check looks at).
      await waitForRequests(sandbox, pollPath(code), pollsBefore + 3, (POLL_INTERVAL_MS + MARGIN_MS) * 2)
      // The retry that found the service back was already scheduled: at most the 60 s cap away.
      expect(recoveredAt - resumedAt).toBeLessThan(60_000 + MARGIN_MS)
      const { routes, texts } = await screenRecord(tv)
      expect(texts.filter((t) => codePattern.test(t))).toEqual([code])
      expect(routes.filter((r) => r.at >= recoveredAt).map((r) => r.route)).not.toContain('error')
      await screenshot(tv, 'outage-recovered')

      const log = sandbox.requests()
      expect(log.filter((r) => r.status === 429)).toEqual([])
      const after = log.slice(logFrom)
      const gaps = gapsOf(after)
      expect(gaps.filter((g) => g.ms < BURST_GAP_MS && !g.preflight)).toEqual([])
      expect(requestsMatching(sandbox, SESSIONS)).toBe(1)

      // The sign-in finishes on the phone: the TV follows within a poll interval.
      sandbox.completeSignIn(code, { mvpd: 'Sandbox_Harbor', user: 'viewer' })
      await waitForRoute(tv, 'decisions', POLL_INTERVAL_MS + MARGIN_MS * 2)
      await waitForText(tv, /^Watching with your Harbor TV subscription$/)
      expect(sandbox.requests().filter((r) => r.status === 429)).toEqual([])
      expect(requestsMatching(sandbox, SESSIONS)).toBe(1)
      await screenshot(tv, 'outage-signed-in')
    })
  })
})

describe('"Try again" on the outage screen', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('acts at once: a poll of the same code well before the automatic retry, and the screen changes', async () => {
    const { sandbox } = stack
    const { tv, code } = await activationPolling(stack)
    await explained(stack, tv, 'outage-try-again', async () => {
      await sandbox.suspend()
      await waitForRoute(tv, 'error', POLL_INTERVAL_MS * 3 + MARGIN_MS * 3)
      // The first automatic retry fails too; the second wait (10 s ± 20 %) leaves time to act.
      const line = await waitForText(tv, secondRetryLine, 30_000)
      const autoRetryIn = Number(retryLine.exec(line)?.[1])
      await sandbox.resume()
      expect(await focused(tv)).toBe('TryAgain')
      const pollsBefore = requestsMatching(sandbox, pollPath(code))
      const pressedAt = sandbox.now()
      await press(tv, 'Enter')
      await waitForRequests(sandbox, pollPath(code), pollsBefore + 1, 2000)
      const polledAt = arrivals(stack, pollPath(code)).find((t) => t >= pressedAt) as number
      expect(polledAt - pressedAt).toBeLessThan(2000)
      expect(polledAt - pressedAt).toBeLessThan((autoRetryIn - 1) * 1000)
      // The app asks for the activation screen at once; drawing it (the QR code) may take longer.
      expect(await askedFor(tv)).toBe('activation')
      await waitForRoute(tv, 'activation', MARGIN_MS * 2)
      await waitForText(tv, new RegExp(`^${code}$`))
      await screenshot(tv, 'outage-try-again')
      expect(requestsMatching(sandbox, SESSIONS)).toBe(1)
      expect(sandbox.requests().filter((r) => r.status === 429)).toEqual([])
    })
  })
})
