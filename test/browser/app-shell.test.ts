/**
 * The app shell in a real Chromium, keys only: it boots to a route, arrows move the focus, Enter
 * navigates, Back returns, and Back on the first screen opens the exit dialog (Samsung and LG rules).
 */
import type { Page } from 'playwright-core'
import { focused, press, screenshot, snapshot, waitForFocus, waitForRoute } from './harness'
import { stackPerTest, tvDeviceId } from './stack'

jest.setTimeout(90_000)

const stack = stackPerTest()

/**
 * A TV on the grid of providers: a first launch (no profile, so the activation screen), two valid
 * profiles given to this TV, then a relaunch. Every test starts here on its own device.
 */
async function gridTv(): Promise<Page> {
  const first = await stack().openTv()
  await waitForRoute(first, 'activation')
  const deviceId = tvDeviceId(stack().sandbox)
  stack().sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 20 * 86_400_000 })
  stack().sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 9 * 86_400_000 })
  await first.close()
  const page = await stack().openTv()
  await waitForRoute(page, 'profiles')
  // Longest validity first: Riverside Cable (20 days) before Summit Fiber (9 days).
  await waitForFocus(page, 'Tile_Sandbox_Cable')
  return page
}

test('boots to a routed screen and draws it', async () => {
  const page = await gridTv()
  const shot = await snapshot(page)
  expect(shot.ready).toBe(true)
  expect(shot.routes).toContain('profiles')
  expect(shot.texts).toContain('Choose how to watch')
  await screenshot(page, 'shell-profiles')
})

test('arrows move the focus along the grid and stop at its edges', async () => {
  const page = await gridTv()
  await press(page, 'ArrowRight')
  expect(await focused(page)).toBe('Tile_Sandbox_Fiber')
  await press(page, 'ArrowRight')
  expect(await focused(page)).toBe('AnotherProvider')
  await press(page, 'ArrowRight')
  expect(await focused(page)).toBe('AnotherProvider')
  await press(page, 'ArrowLeft')
  await press(page, 'ArrowLeft')
  expect(await focused(page)).toBe('Tile_Sandbox_Cable')
})

test('Enter on "Another provider" navigates to the activation screen, Back returns to the grid', async () => {
  const page = await gridTv()
  await press(page, 'ArrowRight')
  await press(page, 'ArrowRight')
  expect(await focused(page)).toBe('AnotherProvider')
  await press(page, 'Enter')
  await waitForRoute(page, 'activation')
  await screenshot(page, 'shell-activation')
  await press(page, 'Backspace')
  await waitForRoute(page, 'profiles')
  expect((await snapshot(page)).texts).toContain('Choose how to watch')
})

test('Back on the first screen opens the exit dialog with "Stay" focused; Back closes it', async () => {
  const page = await gridTv()
  const before = await focused(page)
  await press(page, 'Escape')
  await waitForRoute(page, 'exit')
  expect(await focused(page)).toBe('Stay')
  expect((await snapshot(page)).texts).toContain('Exit MyChannel?')
  await screenshot(page, 'shell-exit-dialog')
  await press(page, 'Backspace')
  await waitForFocus(page, before ?? '')
  expect((await snapshot(page)).focus).not.toContain('ExitDialog')
})

test('"Exit" in the dialog leaves the app', async () => {
  const page = await gridTv()
  await press(page, 'Escape')
  await waitForRoute(page, 'exit')
  await press(page, 'ArrowRight')
  expect(await focused(page)).toBe('Exit')
  // A desktop tab the page did not open cannot close itself: the app leaves for a blank page.
  await Promise.all([page.waitForURL('about:blank'), page.keyboard.press('Enter')])
  expect(page.url()).toBe('about:blank')
})
