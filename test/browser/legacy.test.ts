/**
 * The legacy (es5) build on an engine without the modern APIs the shipped scripts use: every API the
 * build found in use that Chromium 53 (webOS 4) lacks is deleted before any script runs. The list is
 * the build's own (dist/legacy-polyfills.json: the core-js modules the scripts use, and what the app's
 * polyfill module adds, kept where MDN's compat data says Chrome added them after 53), so a new use
 * of a missing API is tested as soon as it is built. The app must still boot, talk to Adobe Pass,
 * and navigate.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { openApp, press, snapshot, waitForFocus, waitForRoute, waitForText } from './harness'
import { decodeQr } from './qr'
import { stackPerTest } from './stack'

jest.setTimeout(90_000)

interface MissingApi {
  /** `Owner.member` or a global's name, e.g. `Object.hasOwn`, `Array.at`, `globalThis`. */
  readonly api: string
  /** Where it lives: `window`, `Object`, `Array.prototype`, … and its name there. */
  readonly owner: string
  readonly name: string
  /** False where even a modern engine cannot delete it (a well-known symbol): not simulated. */
  readonly deletable: boolean
}

const manifest = JSON.parse(readFileSync('dist/legacy-polyfills.json', 'utf8')) as { modules: string[]; missing: MissingApi[] }
const missing = manifest.missing.filter((m) => m.deletable)

// Runs in the page before its first script; a deletion that does not take is not recorded.
const deleteMissingApis = `
  (function (missing) {
    var removed = [];
    missing.forEach(function (m) {
      var owner = m.owner === 'window' ? window : m.owner.split('.').reduce(function (o, k) { return o && o[k]; }, window);
      try { if (owner && m.name in owner && delete owner[m.name] && !(m.name in owner)) removed.push(m.api); } catch (e) {}
    });
    window.__removedApis = removed;
  })(${JSON.stringify(missing)});
`

const stack = stackPerTest({ flavour: 'es5' })
let page: Page
let errors: string[]

// Every test has its own legacy TV: a fresh profile, the APIs deleted before the app's first script.
beforeEach(async () => {
  errors = []
  page = await stack().browser.context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  await page.addInitScript({ content: deleteMissingApis })
  await openApp(page, stack().web.origin, stack().tvQuery())
})

// A script error anywhere on the legacy engine fails the test that met it.
afterEach(() => {
  expect(errors).toEqual([])
})

test('every API the build found missing really was missing when the legacy bundle started', async () => {
  // The derived list holds at least what ky 2 uses, AbortController among it (polyfills.js's extra polyfill).
  expect(missing.map((m) => m.api)).toEqual(expect.arrayContaining(['AbortController', 'Object.hasOwn', 'Promise.finally', 'globalThis']))
  const removed = await page.evaluate(() => (window as unknown as { __removedApis: string[] }).__removedApis)
  expect(removed).toEqual(missing.map((m) => m.api))
})

test('polyfills.js gives the legacy engine an AbortController that aborts a fetch', async () => {
  await waitForRoute(page, 'activation')
  const outcome = await page.evaluate(async () => {
    const controller = new AbortController()
    const request = fetch(window.location.href, { signal: controller.signal })
    controller.abort()
    return request.then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.name : 'other'),
    )
  })
  expect(outcome).toBe('AbortError')
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
