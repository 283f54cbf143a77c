/**
 * A relaunch while the viewer is signing in on the phone: the TV shows the same code and polls it
 * again soon, with no new session; a code the TV gave up on ("Get a new code", expired, signed in)
 * never comes back. Relaunch = the tab closed and a new one opened on the same profile (IndexedDB
 * kept), or the page reloaded. Counts and times come from the sandbox's request log; what the TV
 * showed comes from a record the page keeps frame by frame (a code shown for a moment still counts).
 */
import type { Page } from 'playwright-core'
import { focused, press, screenshot, snapshot, waitForRoute, waitForText } from './harness'
import { openRecordedTv, requestTrail, requestsMatching, screenRecord, startStack, waitForRequests, waitUntil, type Stack } from './stack'

jest.setTimeout(150_000)

const POLL_INTERVAL_MS = 3000
/** Drawing and a paced request on a loaded machine: what "at once" may take in wall time. */
const MARGIN_MS = 2500
const tvOptions = { 'pass.pollIntervalMs': String(POLL_INTERVAL_MS) }
const codePattern = /^[ACEFGHJKMNPRTWXY34679]{7}$/
const SESSIONS = /^POST \/api\/v2\/MYCHAN\/sessions$/
const PROFILES = /^GET \/api\/v2\/MYCHAN\/profiles$/
const pollPath = (code: string): RegExp => new RegExp(`^GET /api/v2/MYCHAN/profiles/code/${code}$`)
const exactly = (text: string): RegExp => new RegExp(`^${text}$`)
const otherCode = (code: string): RegExp => new RegExp(`^(?!${code}$)[ACEFGHJKMNPRTWXY34679]{7}$`)

/** The codes a tab has shown since it opened (or was reloaded). */
async function codesShown(page: Page): Promise<string[]> {
  return (await screenRecord(page)).texts.filter((t) => codePattern.test(t))
}

/** When the tab last started to show `route` (local ms), from its record. */
async function shownAt(page: Page, route: string): Promise<number> {
  const entry = (await screenRecord(page)).routes.filter((r) => r.route === route).pop()
  if (!entry) throw new Error(`the tab never showed ${route}`)
  return entry.at
}

/** Sandbox-clock arrival times of requests matching `pattern`. */
function arrivals(stack: Stack, pattern: RegExp): number[] {
  return stack.sandbox
    .requests()
    .filter((r) => pattern.test(`${r.method} ${r.path}`))
    .map((r) => r.time)
}

/**
 * Presses `key` until `done()` holds (read from the sandbox in this process), one press every
 * 250 ms at most and for `timeout` ms in all: for a control that ignores presses for a while.
 */
async function pressUntil(page: Page, key: string, done: () => boolean, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`pressed ${key} for ${timeout} ms without ${what}`)
    await press(page, key)
    await waitUntil(done, what, 250).catch(() => undefined)
  }
}

/** Close the TV tab and open another on the same browser profile (the app starts from what it kept). */
async function relaunch(stack: Stack, page: Page): Promise<Page> {
  await page.close()
  return openRecordedTv(stack, tvOptions)
}

/** Reload the TV tab in place and wait for the app's first routed frame again. */
async function reload(_stack: Stack, page: Page): Promise<Page> {
  await page.reload()
  await page.waitForFunction(() => (window as unknown as { __tvApp?: { ready: boolean } }).__tvApp?.ready === true, null, { timeout: 20_000 })
  return page
}

/**
 * Runs a scenario; a failure also says what the TV showed (route, texts, routes drawn, a screenshot
 * named `<name>-failure`) and what the sandbox received.
 */
async function explained(stack: Stack, tv: () => Page, name: string, scenario: () => Promise<void>): Promise<void> {
  try {
    await scenario()
  } catch (error) {
    const page = tv()
    const open = !page.isClosed()
    const shot = open ? await screenshot(page, `${name}-failure`).catch(() => '(no screenshot)') : '(tab closed)'
    const seen = open ? await snapshot(page).catch(() => null) : null
    const record = open ? await screenRecord(page).catch(() => null) : null
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

/**
 * The whole story with one way of relaunching: the code survives the relaunch, is polled again
 * soon, the phone's sign-in is picked up, and after that a relaunch lands on decisions without it.
 */
async function resumesTheSameCode(stack: Stack, again: (stack: Stack, page: Page) => Promise<Page>, name: string): Promise<void> {
  const { sandbox } = stack
  let tv = await openRecordedTv(stack, tvOptions)
  await explained(
    stack,
    () => tv,
    name,
    async () => {
      await waitForRoute(tv, 'activation')
      const code = await waitForText(tv, codePattern)
      expect(requestsMatching(sandbox, SESSIONS)).toBe(1)
      await screenshot(tv, `${name}-first-launch`)

      const pollsBefore = requestsMatching(sandbox, pollPath(code))
      const relaunchedAt = sandbox.now()
      tv = await again(stack, tv)
      await waitForRoute(tv, 'activation')
      await waitForText(tv, exactly(code))
      const activationAt = await shownAt(tv, 'activation')
      await waitForRequests(sandbox, pollPath(code), pollsBefore + 1, POLL_INTERVAL_MS + MARGIN_MS)
      const poll = arrivals(stack, pollPath(code)).find((t) => t >= relaunchedAt) as number
      // Polled with the code on screen, not an interval later: the app first asks for the profiles
      // (the sign-in may have finished while it was off), then polls as soon as the pacer lets it.
      expect(poll - activationAt).toBeLessThan(MARGIN_MS)
      const profiles = arrivals(stack, PROFILES).filter((t) => t >= relaunchedAt)
      expect(profiles).toHaveLength(1)
      expect(poll - (profiles[0] as number)).toBeLessThan(MARGIN_MS)
      expect(requestsMatching(sandbox, SESSIONS)).toBe(1)
      expect(await codesShown(tv)).toEqual([code])
      expect(await focused(tv)).toBe('NewCode')
      await screenshot(tv, `${name}-resumed`)

      // The viewer finishes on the phone: the TV follows within a poll interval (plus the time to draw).
      sandbox.completeSignIn(code, { mvpd: 'Sandbox_Fiber', user: 'viewer' })
      const signedInAt = Date.now()
      await waitForRoute(tv, 'decisions', POLL_INTERVAL_MS + MARGIN_MS * 2)
      expect(Date.now() - signedInAt).toBeLessThan(POLL_INTERVAL_MS + MARGIN_MS * 2)
      await waitForText(tv, /^Watching with your Summit Fiber subscription$/)

      // Signed in: a further relaunch goes to decisions and never shows or polls that code again.
      const pollsDone = requestsMatching(sandbox, pollPath(code))
      tv = await again(stack, tv)
      await waitForRoute(tv, 'decisions')
      await waitForText(tv, /^Watching with your Summit Fiber subscription$/)
      // Negative check: nothing signals a poll that does not happen, so wait one more interval and a second.
      await tv.waitForTimeout(POLL_INTERVAL_MS + 1000)
      expect(requestsMatching(sandbox, pollPath(code))).toBe(pollsDone)
      expect(await codesShown(tv)).toEqual([])
      expect((await screenRecord(tv)).routes.map((r) => r.route)).not.toContain('activation')
      expect(requestsMatching(sandbox, SESSIONS)).toBe(1)
      await screenshot(tv, `${name}-signed-in`)
    },
  )
}

describe('a relaunch during activation resumes the same code', () => {
  let stack: Stack

  beforeEach(async () => {
    stack = await startStack()
  })
  afterEach(async () => {
    await stack?.stop()
  })

  test('tab closed and opened again: the same code, polled soon, no new session; signed in, it never comes back', async () => {
    await resumesTheSameCode(stack, relaunch, 'relaunch-tab')
  })

  test('page reloaded: the same code, polled soon, no new session; signed in, it never comes back', async () => {
    await resumesTheSameCode(stack, reload, 'relaunch-reload')
  })
})

describe('"Get a new code" then a relaunch', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('shows the new code; the old one is never polled once the new one exists', async () => {
    const { sandbox } = stack
    let tv = await openRecordedTv(stack, tvOptions)
    await explained(
      stack,
      () => tv,
      'relaunch-new-code',
      async () => {
        await waitForRoute(tv, 'activation')
        const oldCode = await waitForText(tv, codePattern)
        expect(await focused(tv)).toBe('NewCode')
        // The button ignores presses for 5 s after a code was made (no trail of codes from a mashed
        // OK): OK is pressed until the sandbox sees the second session, and ignored presses must not
        // make a third one.
        await pressUntil(tv, 'Enter', () => requestsMatching(sandbox, SESSIONS) >= 2, 'a second session')
        const newCode = await waitForText(tv, otherCode(oldCode))
        const sessions = arrivals(stack, SESSIONS)
        expect(sessions).toHaveLength(2)
        const newSessionAt = sessions[1] as number
        expect((await snapshot(tv)).texts).not.toContain(oldCode)

        tv = await relaunch(stack, tv)
        await waitForRoute(tv, 'activation')
        await waitForText(tv, exactly(newCode))
        await waitForRequests(sandbox, pollPath(newCode), 1, POLL_INTERVAL_MS + MARGIN_MS)
        expect(await codesShown(tv)).toEqual([newCode])
        await screenshot(tv, 'relaunch-new-code')
        const newPolls = requestsMatching(sandbox, pollPath(newCode))
        // The new code is still polled: its next poll comes a whole poll interval later, and an old-code
        // poll, if the TV still made them, would have come within that interval too.
        await waitForRequests(sandbox, pollPath(newCode), newPolls + 1, 2 * POLL_INTERVAL_MS + MARGIN_MS)
        expect(arrivals(stack, pollPath(oldCode)).filter((t) => t >= newSessionAt)).toEqual([])
        expect(requestsMatching(sandbox, SESSIONS)).toBe(2)
      },
    )
  })
})

describe('a relaunch after the code expired', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('makes a new code and never shows the old one', async () => {
    const { sandbox } = stack
    let tv = await openRecordedTv(stack, tvOptions)
    await explained(
      stack,
      () => tv,
      'relaunch-expired',
      async () => {
        await waitForRoute(tv, 'activation')
        const oldCode = await waitForText(tv, codePattern)
        const session = (sandbox.snapshot().sessions as Array<{ code: string; notAfter: number }>).find((s) => s.code === oldCode)
        const notAfter = session?.notAfter ?? 0
        expect(notAfter).toBeGreaterThan(sandbox.now())

        // Control: while more than half a minute is left, a relaunch still shows this code.
        tv = await relaunch(stack, tv)
        await waitForText(tv, exactly(oldCode))
        expect(requestsMatching(sandbox, SESSIONS)).toBe(1)
        await tv.close()

        // The TV stays off until the code has expired: the sandbox's clock moves past the code's
        // notAfter instead of the test sleeping through its lifetime. The TV judges the code in server
        // time (the next describe shows it), learnt afresh from the first answer after the launch.
        sandbox.setClockOffset(notAfter - sandbox.now() + 1000)
        expect(sandbox.now()).toBeGreaterThan(notAfter)

        const pollsBefore = requestsMatching(sandbox, pollPath(oldCode))
        tv = await openRecordedTv(stack, tvOptions)
        await waitForRoute(tv, 'activation')
        const newCode = await waitForText(tv, otherCode(oldCode))
        expect(requestsMatching(sandbox, SESSIONS)).toBe(2)
        await waitForRequests(sandbox, pollPath(newCode), 1, POLL_INTERVAL_MS + MARGIN_MS)
        expect(await codesShown(tv)).toEqual([newCode])
        expect(requestsMatching(sandbox, pollPath(oldCode))).toBe(pollsBefore)
        await screenshot(tv, 'relaunch-after-expiry')
      },
    )
  })
})

describe('a relaunch when the server says the code has expired', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('the TV judges the remembered code in server time: a new code, the old one never shown or polled', async () => {
    const { sandbox } = stack
    let tv = await openRecordedTv(stack, tvOptions)
    await explained(
      stack,
      () => tv,
      'relaunch-server-expired',
      async () => {
        await waitForRoute(tv, 'activation')
        const oldCode = await waitForText(tv, codePattern)
        await tv.close()
        // While the TV is off the server's clock moves past the code's 30 minutes; the TV's does not.
        sandbox.setClockOffset(31 * 60_000)
        const pollsBefore = requestsMatching(sandbox, pollPath(oldCode))
        tv = await openRecordedTv(stack, tvOptions)
        await waitForRoute(tv, 'activation')
        const newCode = await waitForText(tv, otherCode(oldCode))
        await waitForRequests(sandbox, pollPath(newCode), 1, POLL_INTERVAL_MS + MARGIN_MS)
        expect(await codesShown(tv)).toEqual([newCode])
        expect(requestsMatching(sandbox, pollPath(oldCode))).toBe(pollsBefore)
        expect(requestsMatching(sandbox, SESSIONS)).toBe(2)
      },
    )
  })
})
