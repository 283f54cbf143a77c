/**
 * The sandbox's second-screen sign-in in a real Chromium at phone size: arrive from the QR code URL,
 * confirm the code, pick a TV provider, fail then pass the stand-in login, reach the done page; the
 * TV's poll of profiles/code/{code} then returns the profile (docs/architecture.md, "Sandbox").
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { BrowserContext, chromium, Page } from 'playwright-core'

import { Sandbox, startSandbox } from '../sandbox/index'
import { TestClient } from '../sandbox/helpers/client'
import { chromiumPath } from './harness'

jest.setTimeout(60_000)

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

let sandbox: Sandbox
let client: TestClient
let context: BrowserContext
let page: Page
let profileDir: string

beforeAll(async () => {
  sandbox = await startSandbox({ throttle: false })
  client = await new TestClient(sandbox.origin).bootstrap()
  profileDir = mkdtempSync(join(tmpdir(), 'sandbox-chromium-'))
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ARGS,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  })
  page = context.pages()[0] ?? (await context.newPage())
})

afterAll(async () => {
  await context?.close()
  await sandbox?.stop()
  if (profileDir) rmSync(profileDir, { recursive: true, force: true })
})

test('a viewer signs in on a phone and the TV poll returns the profile', async () => {
  const tv = 'tv-browser-second-screen'
  const session = (await client.createSession(tv)).json
  const poll = async (): Promise<Record<string, unknown>> =>
    (await client.call('GET', `/api/v2/MYCHAN/profiles/code/${session.code}`, { headers: client.tv(tv) })).json.profiles

  // 1. The QR code holds the activation URL with the code filled in.
  await page.goto(sandbox.activationUrl(session.code))
  await expect(page.locator('input[name="code"]').inputValue()).resolves.toBe(session.code)
  // Phone-sized: the page does not scroll sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)

  // 2. Confirm the code: no provider was chosen on the TV, so the picker comes next.
  await Promise.all([page.waitForURL(/\/activate\/provider\?code=/), page.getByRole('button', { name: 'Continue' }).click()])
  await expect(page.getByRole('heading', { name: 'Choose your TV provider' }).isVisible()).resolves.toBe(true)
  await expect(page.locator('.providers li').count()).resolves.toBeGreaterThanOrEqual(6)
  // Logos come from the sandbox itself and load.
  const logoLoaded = await page
    .locator('.providers img')
    .first()
    .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)
  expect(logoLoaded).toBe(true)
  expect(await poll()).toEqual({})

  // 3. Pick a provider: resume + authenticate URL + 302 to the stand-in login.
  await Promise.all([page.waitForURL(/\/mvpd\/Sandbox_Fiber\/login\?code=/), page.getByRole('button', { name: 'Summit Fiber' }).click()])

  // 4. A wrong password is refused with a message, and nothing is signed in.
  await page.fill('#username', 'viewer')
  await page.fill('#password', 'wrong')
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()])
  await expect(page.getByRole('alert').textContent()).resolves.toContain("That user name and password don't match")
  expect(await poll()).toEqual({})

  // 5. The right one lands on the done page.
  await page.fill('#password', 'sandbox')
  await Promise.all([page.waitForURL(/\/activate\/done\?code=/), page.getByRole('button', { name: 'Sign in' }).click()])
  await expect(page.getByRole('heading', { name: "You're signed in" }).isVisible()).resolves.toBe(true)

  // 6. The TV's next poll finds the profile.
  const profiles = await poll()
  expect(profiles.Sandbox_Fiber).toMatchObject({ issuer: 'Sandbox_Fiber', type: 'regular' })
  expect(client.violations).toEqual([])
})
