/**
 * The decisions screen in a real Chromium against the sandbox, keys only (docs/architecture.md, "Screens"):
 * badges from one preauthorize, a permit on the player stand-in, a deny with its message, the
 * authentication action back to reauth, sign-out then relaunch, and switching provider.
 * Request counts come from the sandbox's log: the minimum per viewer action.
 */
import type { Page, Request } from 'playwright-core'
import { focused, press, screenshot, snapshot, waitForFocus, waitForRoute, waitForText } from './harness'
import { requestsMatching, stackPerTest, tvDeviceId, waitForRequests } from './stack'

jest.setTimeout(120_000)

const PREAUTHORIZE = /^POST \/api\/v2\/MYCHAN\/decisions\/preauthorize\//
const AUTHORIZE = /^POST \/api\/v2\/MYCHAN\/decisions\/authorize\//
const LOGOUT = /^GET \/api\/v2\/MYCHAN\/logout\//
const CONFIGURATION = /^GET \/api\/v2\/MYCHAN\/configuration$/
const SESSIONS = /^POST \/api\/v2\/MYCHAN\/sessions$/

// Throttling is covered elsewhere; here it would only add waits between relaunches.
const stack = stackPerTest({ sandbox: { throttle: false } })
let page: Page
let deviceId: string

/**
 * Close the TV tab and open it again: the app starts from what it persisted (IndexedDB is shared).
 * The request log starts afresh, so counts are of what the relaunched app asked for.
 */
async function relaunch(): Promise<void> {
  await page.close()
  stack().sandbox.clearRequests()
  page = await stack().openTv()
}

const count = (pattern: RegExp): number => requestsMatching(stack().sandbox, pattern)

/**
 * Resolves when the page's next authorize request has finished or failed (within 10 s), or when none
 * has even started within `quietMs`: a Back that arrives while the request waits its turn (the
 * request pacer, the token) abandons the check before anything is sent, which is just as final.
 */
function authorizeSettled(tab: Page, quietMs = 3000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const isAuthorize = (r: Request): boolean => r.method() === 'POST' && /\/decisions\/authorize\//.test(r.url())
    const timer = setTimeout(() => done(new Error('the authorize request did not settle within 10 s')), 10_000)
    // Bounded negative check: no authorize request starting within quietMs means none was sent.
    const quiet = setTimeout(() => done(), quietMs)
    const started = (r: Request): void => {
      if (isAuthorize(r)) clearTimeout(quiet)
    }
    const match = (r: Request): void => {
      if (isAuthorize(r)) done()
    }
    function done(error?: Error): void {
      clearTimeout(timer)
      clearTimeout(quiet)
      tab.off('request', started)
      tab.off('requestfinished', match)
      tab.off('requestfailed', match)
      if (error) reject(error)
      else resolve()
    }
    tab.on('request', started)
    tab.on('requestfinished', match)
    tab.on('requestfailed', match)
  })
}

/** Moves the focus along the row to the card of `resource`. */
async function focusCard(resource: string): Promise<void> {
  const ref = `Card_${resource.replace(/[^A-Za-z0-9_]/g, '_')}`
  for (let i = 0; i < 6 && (await focused(page)) !== ref; i++) await press(page, 'ArrowRight')
  expect(await focused(page)).toBe(ref)
}

async function waitForBadges(): Promise<void> {
  // Every card has left "Checking…" once the one preauthorize has answered.
  await page.waitForFunction(() => {
    const hook = (window as unknown as { __tvApp?: { texts(): string[] } }).__tvApp
    const texts = hook?.texts() ?? []
    return texts.includes('Included') && !texts.includes('Checking…')
  })
}

/**
 * Every test starts on its own TV: a first launch (activation), a Riverside Cable profile of the
 * "basic" package (it lacks mychannel-sports, see the sandbox's test users), then a relaunch onto
 * the titles with their badges and the first card focused.
 */
beforeEach(async () => {
  page = await stack().openTv()
  await waitForRoute(page, 'activation')
  deviceId = tvDeviceId(stack().sandbox)
  stack().sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', user: 'basic', ttlMs: 20 * 86_400_000 })
  await relaunch()
  await waitForRoute(page, 'decisions')
  await waitForBadges()
  await waitForFocus(page, 'Card_mychannel_live')
})

test('CL-PREAUTHZ-1, CL-PREAUTHZ-3: one preauthorize for the row gives the badges; the provider is shown', async () => {
  const { texts } = await snapshot(page)
  expect(texts).toContain('Watching with your Riverside Cable subscription')
  expect(texts.filter((t) => t === 'Included')).toHaveLength(4)
  expect(texts).toContain('Not in your package') // the preauthorization's reason (preauthorization_denied_by_mvpd)
  expect(count(PREAUTHORIZE)).toBe(1)
  expect(count(AUTHORIZE)).toBe(0) // badges never authorize playback
  await screenshot(page, 'decisions-badges')
})

test('CL-AUTHZ-1: OK on a title authorizes it (one request) and shows the media token validity; every play asks again', async () => {
  await press(page, 'Enter')
  await waitForRoute(page, 'player')
  await waitForText(page, /^Playback would start now$/)
  await waitForText(page, /^Confirmed by your TV provider\. If it hasn't started within 7 minutes, choose the title again\.$/)
  const { texts, focus } = await snapshot(page)
  expect(texts).toContain('MyChannel Live')
  expect(focus[focus.length - 1]).toBe('BackToTitles')
  // The media token itself is never on screen.
  expect(texts.join(' ')).not.toMatch(/[A-Za-z0-9+/]{40,}={0,2}/)
  expect(count(AUTHORIZE)).toBe(1)
  await screenshot(page, 'decisions-player')
  await press(page, 'Backspace')
  await waitForRoute(page, 'decisions')
  await waitForFocus(page, 'Card_mychannel_live')
  await press(page, 'Enter')
  await waitForRoute(page, 'player')
  expect(count(AUTHORIZE)).toBe(2)
  await press(page, 'Enter') // "Back to titles"
  await waitForRoute(page, 'decisions')
  // Back on the row: the badges stay, nothing is preauthorized again (CL-PREAUTHZ-3).
  expect(count(PREAUTHORIZE)).toBe(1)
})

test('CL-AUTHZ-2, CL-AUTHZ-R2: a deny shows what happened, the provider words and what to do; no logout (CL-LOGOUT-R1)', async () => {
  const before = count(AUTHORIZE)
  await focusCard('mychannel-sports')
  await press(page, 'Enter')
  const notice = await waitForText(page, /isn't part of your Riverside Cable package/)
  expect(notice).toContain('Contact Riverside Cable to add it, or choose another title.')
  expect(notice).toContain('Riverside Cable says:')
  await waitForText(page, /^Reference: authorization_denied_by_mvpd · /)
  expect((await snapshot(page)).route).toBe('decisions')
  expect(await focused(page)).toBe('Card_mychannel_sports')
  expect(count(AUTHORIZE) - before).toBe(1)
  expect(count(LOGOUT)).toBe(0)
  await screenshot(page, 'decisions-deny')
  // The message belongs to Sports Center: it steps aside while another title is focused.
  await press(page, 'ArrowLeft')
  expect((await snapshot(page)).texts.join(' ')).not.toMatch(/isn't part of your Riverside Cable package/)
  await press(page, 'ArrowRight')
  await waitForText(page, /isn't part of your Riverside Cable package/)
})

test('Back from the player lands on the title that was played, even far along the row', async () => {
  await focusCard('mychannel-kids')
  await press(page, 'Enter')
  await waitForRoute(page, 'player')
  await press(page, 'Backspace')
  await waitForRoute(page, 'decisions')
  await waitForFocus(page, 'Card_mychannel_kids')
  expect(await focused(page)).toBe('Card_mychannel_kids')
  // Down always lands on "Switch provider", so Down + OK can never sign out by surprise.
  await press(page, 'ArrowDown')
  expect(await focused(page)).toBe('Switch')
  await press(page, 'ArrowRight')
  await press(page, 'ArrowUp')
  await press(page, 'ArrowDown')
  expect(await focused(page)).toBe('Switch')
  // Up returns to the row where the focus left it: one step left of Kids is Sports Center.
  await press(page, 'ArrowUp')
  await press(page, 'ArrowLeft')
  expect(await focused(page)).toBe('Card_mychannel_sports')
})

test('OK then Back at once: the check is abandoned, the titles stay, no exit dialog and no player', async () => {
  expect(await focused(page)).toBe('Card_mychannel_live')
  const seen = (await snapshot(page)).routes.length
  // The provider takes its time answering, so Back surely arrives while the check is pending.
  stack().sandbox.fault({ route: 'decisions/authorize', latencyMs: 1500, count: 1 })
  const sent = count(AUTHORIZE)
  // The abandoned request settling in the page (answered, or aborted by the app), or never leaving,
  // is the signal that its answer had its chance to change things.
  const settled = authorizeSettled(page)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Backspace')
  await settled
  // Negative check: the app handles an answer within a few frames; 200 ms more gives an abandoned
  // answer time to (wrongly) open the player before the checks below.
  await page.waitForTimeout(200)
  await press(page, 'ArrowRight')
  expect(count(AUTHORIZE) - sent).toBeLessThanOrEqual(1)
  const { route, routes, focus } = await snapshot(page)
  expect(route).toBe('decisions')
  expect(routes.slice(seen)).not.toContain('player')
  expect(focus).not.toContain('ExitDialog')
  expect(await focused(page)).toBe('Card_mychannel_news')
  // Back with nothing pending is the app's Back again: the exit dialog.
  await press(page, 'Backspace')
  await waitForRoute(page, 'exit')
  await press(page, 'Backspace')
  await waitForRoute(page, 'decisions')
  expect(await focused(page)).toBe('Card_mychannel_news')
})

test('CL-PREAUTHZ-1: a title preauthorized as included is still authorized on play, and a deny then wins', async () => {
  stack().sandbox.deny({ resource: 'mychannel-news', mvpd: 'Sandbox_Cable', code: 'authorization_denied_by_parental_controls' })
  await focusCard('mychannel-news')
  await press(page, 'Enter')
  await waitForText(page, /^Parental controls on your Riverside Cable account block Evening News/)
  expect((await snapshot(page)).route).toBe('decisions')
})

test('CL-AUTHZ-2: action authentication (profile invalidated) sends the viewer to reauth with the cached provider', async () => {
  stack().sandbox.revokeProfile({ mvpd: 'Sandbox_Cable', deviceId })
  await press(page, 'Enter')
  await waitForRoute(page, 'reauth')
  await waitForText(page, /^Sign in again with Riverside Cable$/)
  expect(count(LOGOUT)).toBe(0)
  await screenshot(page, 'decisions-reauth-after-authentication')
})

test('CL-LOGOUT-1: Sign out calls logout once, says it finished on this TV; relaunch lands on reauth', async () => {
  await press(page, 'ArrowDown')
  expect(await focused(page)).toBe('Switch')
  await press(page, 'ArrowRight')
  expect(await focused(page)).toBe('SignOut')
  // Sign out asks first, with Cancel focused: OK there keeps the viewer signed in.
  await press(page, 'Enter')
  await waitForRoute(page, 'signOutDialog')
  expect(await focused(page)).toBe('Cancel')
  expect((await snapshot(page)).texts).toContain('Sign out of Riverside Cable on this TV?')
  await screenshot(page, 'decisions-sign-out-dialog')
  await press(page, 'Enter')
  await waitForRoute(page, 'decisions')
  expect(count(LOGOUT)).toBe(0)
  await press(page, 'Enter') // Sign out again, then confirm
  await waitForRoute(page, 'signOutDialog')
  await press(page, 'ArrowRight')
  expect(await focused(page)).toBe('ConfirmSignOut')
  await press(page, 'Enter')
  await waitForRoute(page, 'reauth')
  // Riverside Cable answers logout/interactive with a URL the TV cannot open (docs/adobe-pass.md, CL-LOGOUT-1).
  await waitForText(page, /^You're signed out$/)
  await waitForText(page, /^You've signed out of Riverside Cable on this TV\./)
  expect(count(LOGOUT)).toBe(1)
  await screenshot(page, 'decisions-signed-out')
  // The provider is kept, the profile is gone: the next launch asks for that provider, offers it
  // again and remembers that the viewer signed out (not "your sign-in has ended").
  await relaunch()
  await waitForRoute(page, 'reauth')
  await waitForText(page, /^Sign in again with Riverside Cable$/)
  await waitForText(page, /^You signed out of Riverside Cable on this TV\./)
  expect((await snapshot(page)).texts.join('\n')).not.toMatch(/has ended/)
  expect(count(LOGOUT)).toBe(0)
  expect(count(/^GET \/api\/v2\/MYCHAN\/profiles\/Sandbox_Cable$/)).toBe(1)
})

test('Switch provider with two profiles: the grid, focused on the other provider; picking it shows its titles', async () => {
  stack().sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 9 * 86_400_000 })
  await relaunch()
  await waitForRoute(page, 'decisions')
  await waitForText(page, /^Watching with your Riverside Cable subscription$/)
  const configurations = count(CONFIGURATION)
  await press(page, 'ArrowDown')
  await press(page, 'Enter') // Switch provider
  await waitForRoute(page, 'profiles')
  await waitForFocus(page, 'Tile_Sandbox_Fiber')
  expect(await focused(page)).toBe('Tile_Sandbox_Fiber')
  // The grid names its providers from the configuration (CL-CFG-1): that request belongs to the grid.
  await waitForRequests(stack().sandbox, CONFIGURATION, configurations + 1)
  await screenshot(page, 'decisions-switch-grid')
  // Back on this grid keeps the sign-in the viewer came from (no exit dialog, no request).
  const requestsBefore = stack().sandbox.requests().length
  await press(page, 'Backspace')
  await waitForRoute(page, 'decisions')
  await waitForText(page, /^Watching with your Riverside Cable subscription$/)
  expect(
    stack()
      .sandbox.requests()
      .slice(requestsBefore)
      .filter((r) => !/preauthorize/.test(r.path)),
  ).toEqual([])
  await press(page, 'ArrowDown')
  await press(page, 'Enter') // Switch provider again
  await waitForFocus(page, 'Tile_Sandbox_Fiber')
  const before = count(PREAUTHORIZE)
  await press(page, 'Enter')
  await waitForRoute(page, 'decisions')
  await waitForText(page, /^Watching with your Summit Fiber subscription$/)
  await waitForBadges()
  expect(count(PREAUTHORIZE) - before).toBe(1)
  expect(count(LOGOUT)).toBe(0)
})

test("a degraded permit plays and says access was granted for now (the decision's source)", async () => {
  stack().sandbox.degrade({ mvpd: 'Sandbox_Cable' })
  await press(page, 'Enter')
  await waitForRoute(page, 'player')
  const note = await waitForText(page, /access was granted for now/)
  expect(note).toBe('Your TV provider could not be reached, so access was granted for now.')
  expect((await snapshot(page)).texts).toContain('Playback would start now')
  await press(page, 'Backspace')
  await waitForRoute(page, 'decisions')
})

test('Switch provider with only this profile goes to activation without a provider; Back returns to the titles', async () => {
  const sessionsBefore = count(SESSIONS)
  await press(page, 'ArrowDown')
  await press(page, 'Enter')
  await waitForRoute(page, 'activation')
  await waitForText(page, /^Sign in with your TV provider$/)
  // No provider preselected (docs/architecture.md, "Flow"): the session is created without mvpd.
  await waitForRequests(stack().sandbox, SESSIONS, sessionsBefore + 1)
  await press(page, 'Backspace')
  await waitForRoute(page, 'decisions')
  await waitForText(page, /^Watching with your Riverside Cable subscription$/)
  expect(count(LOGOUT)).toBe(0)
})
