/**
 * The app shell in a real Chromium, keys only: it boots to a route, arrows move the focus, Enter
 * navigates, Back returns, and Back on the first screen opens the exit dialog (Samsung and LG rules).
 */
import type { Page } from 'playwright-core'
import { focused, press, screenshot, snapshot, waitForFocus, waitForRoute } from './harness'
import { startStack, tvDeviceId, type Stack } from './stack'

jest.setTimeout(90_000)

let stack: Stack
let page: Page

beforeAll(async () => {
  stack = await startStack()
  // First launch: no profile, so the app lands on the activation screen.
  page = await stack.openTv()
  await waitForRoute(page, 'activation')
  // Give this TV two valid profiles, then relaunch it: the grid of providers.
  const deviceId = tvDeviceId(stack.sandbox)
  stack.sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 20 * 86_400_000 })
  stack.sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 9 * 86_400_000 })
  await page.close()
  page = await stack.openTv()
})

afterAll(async () => {
  await stack?.stop()
})

test('boots to a routed screen and draws it', async () => {
  await waitForRoute(page, 'profiles')
  const shot = await snapshot(page)
  expect(shot.ready).toBe(true)
  expect(shot.routes).toContain('profiles')
  expect(shot.texts).toContain('Choose how to watch')
  await screenshot(page, 'shell-profiles')
})

test('arrows move the focus along the grid and stop at its edges', async () => {
  await waitForRoute(page, 'profiles')
  // Longest validity first: Riverside Cable (20 days) before Summit Fiber (9 days).
  await waitForFocus(page, 'Tile_Sandbox_Cable')
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
  await waitForRoute(page, 'profiles')
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
  await waitForRoute(page, 'profiles')
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
  await waitForRoute(page, 'profiles')
  await press(page, 'Escape')
  await waitForRoute(page, 'exit')
  await press(page, 'ArrowRight')
  expect(await focused(page)).toBe('Exit')
  // A desktop tab the page did not open cannot close itself: the app leaves for a blank page.
  await Promise.all([page.waitForURL('about:blank'), page.keyboard.press('Enter')])
  expect(page.url()).toBe('about:blank')
})
