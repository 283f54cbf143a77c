/**
 * The legacy (es5) build on an engine without the modern APIs ky 2 and the app use: they are deleted
 * before any script runs, as on Chromium 53/56 (webOS 4, Tizen 4). The app must still boot, talk to
 * Adobe Pass, and navigate.
 */
import type { Page } from 'playwright-core'
import { openApp, press, snapshot, waitForFocus, waitForRoute, waitForText } from './harness'
import { decodeQr } from './qr'
import { stackPerTest } from './stack'

jest.setTimeout(90_000)

const deleteModernApis = `
  (function () {
    var removed = [];
    function drop(owner, name, label) { try { if (delete owner[name]) removed.push(label); } catch (e) {} }
    drop(Object, 'hasOwn', 'Object.hasOwn');
    drop(Object, 'fromEntries', 'Object.fromEntries');
    drop(String.prototype, 'replaceAll', 'String.prototype.replaceAll');
    drop(Array.prototype, 'at', 'Array.prototype.at');
    drop(Promise.prototype, 'finally', 'Promise.prototype.finally');
    drop(window, 'AbortController', 'AbortController');
    drop(window, 'AbortSignal', 'AbortSignal');
    // Chromium 53/56's Request has no signal either: fetch cannot be aborted natively.
    drop(Request.prototype, 'signal', 'Request.prototype.signal');
    drop(window, 'globalThis', 'globalThis');
    window.__removedApis = removed;
  })();
`

const stack = stackPerTest({ flavour: 'es5' })
let page: Page
let errors: string[]

// Every test has its own legacy TV: a fresh profile, the APIs deleted before the app's first script.
beforeEach(async () => {
  errors = []
  page = await stack().browser.context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  await page.addInitScript({ content: deleteModernApis })
  await openApp(page, stack().web.origin, stack().tvQuery())
})

// A script error anywhere on the legacy engine fails the test that met it.
afterEach(() => {
  expect(errors).toEqual([])
})

test('the APIs really were missing when the legacy bundle started', async () => {
  const removed = await page.evaluate(() => (window as unknown as { __removedApis: string[] }).__removedApis)
  expect(removed).toEqual(
    expect.arrayContaining([
      'Object.hasOwn',
      'Object.fromEntries',
      'String.prototype.replaceAll',
      'Array.prototype.at',
      'Promise.prototype.finally',
      'AbortController',
      'globalThis',
    ]),
  )
})

test('boots, creates a session over ky and shows a code', async () => {
  await waitForRoute(page, 'activation')
  const code = await waitForText(page, /^[ACEFGHJKMNPRTWXY34679]{7}$/)
  expect(
    stack()
      .sandbox.requests()
      .some((r) => r.method === 'POST' && r.path === '/api/v2/MYCHAN/sessions'),
  ).toBe(true)
  expect(code).toHaveLength(7)
  // The QR code is drawn by the legacy bundle too, and a phone can read it.
  const shot = await page.screenshot({ path: 'test-artifacts/screenshots/legacy-activation.png' })
  expect(decodeQr(shot)).toBe(stack().sandbox.activationUrl(code))
})

test('navigates: Back opens the exit dialog, Back closes it, and a finished sign-in reaches decisions', async () => {
  await waitForRoute(page, 'activation')
  await press(page, 'Escape')
  await waitForRoute(page, 'exit')
  await press(page, 'Backspace')
  await waitForFocus(page, 'NewCode')
  const code = await waitForText(page, /^[ACEFGHJKMNPRTWXY34679]{7}$/)
  stack().sandbox.completeSignIn(code, { mvpd: 'Sandbox_Sat' })
  await waitForRoute(page, 'decisions', 30_000)
  expect((await snapshot(page)).texts.join(' ')).toMatch(/Northstar Satellite/)
  expect(errors).toEqual([])
})
