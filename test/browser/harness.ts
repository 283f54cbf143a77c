/**
 * Real-browser harness: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * a built dist served over loopback, readiness and key presses observed through the app's test hook
 * (window.__tvApp, present in every build except the store packages). No fixed sleeps.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serveFolder, type StaticServer } from '../support/static-server'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const screenshotDir = join('test-artifacts', 'screenshots')

/** The headless Chromium flags every browser test and the start-up benchmark launch with (software WebGL). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--window-size=1920,1080',
]

export interface Browser {
  readonly context: BrowserContext
  close(): Promise<void>
}

/** A fresh Chromium profile per call (IndexedDB starts empty unless a test reuses the context). */
export async function launchBrowser(): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'tv-chromium-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1920, height: 1080 },
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type Flavour = 'es6' | 'es5'

export function serveDist(flavour: Flavour): Promise<StaticServer> {
  return serveFolder(join('dist', flavour))
}

export interface TvHookSnapshot {
  ready: boolean
  route: string
  routes: string[]
  focus: string[]
  texts: string[]
}

/** Opens the app and waits for its first routed frame. `query` holds `pass.<key>` overrides. */
export async function openApp(page: Page, origin: string, query: Record<string, string> = {}): Promise<void> {
  const search = new URLSearchParams(query).toString()
  await page.goto(`${origin}/index.html${search ? `?${search}` : ''}`)
  await page.waitForFunction(() => (window as unknown as { __tvApp?: { ready: boolean } }).__tvApp?.ready === true, null, { timeout: 20000 })
}

export function snapshot(page: Page): Promise<TvHookSnapshot> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __tvApp: { route: string; routes: string[]; focusPath(): string[]; texts(): string[]; ready: boolean } }).__tvApp
    return { ready: hook.ready, route: hook.route, routes: [...hook.routes], focus: hook.focusPath(), texts: hook.texts() }
  })
}

/** Waits until the app shows `route` (after the page's frame was drawn). */
export async function waitForRoute(page: Page, route: string, timeout = 20000): Promise<void> {
  await page.waitForFunction((r) => (window as unknown as { __tvApp?: { route: string } }).__tvApp?.route === r, route, { timeout })
}

/** Waits until some visible text on screen satisfies `predicate` (given as a RegExp source). */
export async function waitForText(page: Page, pattern: RegExp, timeout = 20000): Promise<string> {
  const handle = await page.waitForFunction(
    ([source, flags]) => {
      const hook = (window as unknown as { __tvApp?: { texts(): string[] } }).__tvApp
      const re = new RegExp(source, flags)
      return hook?.texts().find((t) => re.test(t)) ?? false
    },
    [pattern.source, pattern.flags] as const,
    { timeout },
  )
  return (await handle.jsonValue()) as string
}

/** Presses a key and waits for two frames so focus changes and navigations have been applied. */
export async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key)
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
      }),
  )
}

/** Waits until the focused component's ref is `ref` (the last entry of the focus path). */
export async function waitForFocus(page: Page, ref: string, timeout = 10000): Promise<void> {
  await page.waitForFunction(
    (r) => {
      const path = (window as unknown as { __tvApp?: { focusPath(): string[] } }).__tvApp?.focusPath() ?? []
      return path[path.length - 1] === r
    },
    ref,
    { timeout },
  )
}

export async function focused(page: Page): Promise<string | undefined> {
  const { focus } = await snapshot(page)
  return focus[focus.length - 1]
}

/** Saves a PNG under test-artifacts/screenshots (git-ignored) after transitions have settled. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  // Focus and page transitions animate for up to ~0.3 s: wait until Lightning reports no running
  // transitions rather than sleeping.
  await page
    .waitForFunction(() => (window as unknown as { __tvApp?: { settled(): boolean } }).__tvApp?.settled() ?? true, null, { timeout: 5000 })
    .catch(() => undefined)
  await page.screenshot({ path })
  return path
}
