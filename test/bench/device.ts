/**
 * One TV for the runtime parts of the benchmark (frames, heap, textures): a fresh Chromium profile
 * with its own sandbox (so the device id the sandbox saw is this TV's), the app served from a built
 * dist, and a probe the page runs before its own scripts that keeps Lightning's stage within reach
 * and notes the texture memory of every route drawn.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox'
import { chromiumArgs, chromiumPath } from '../browser/harness'
import { tvDeviceId } from '../browser/stack'
import type { TextureMemory } from '../../src/test-hook'

/**
 * One stay on a route, as the probe saw it at each frameEnd: texture pixels on its first and last
 * frame and the most, and the most of the stage's figure (what memoryPressure is compared with).
 */
export interface RouteVisit {
  readonly route: string
  readonly first: number
  readonly peak: number
  readonly last: number
  readonly stagePeak: number
  readonly frames: number
}

/**
 * Runs in the page before its scripts (plain JavaScript, not compiled for the page). It wraps the
 * test hook as the app installs it, keeps the stage (`__benchProbe.stage`) and at every frameEnd adds
 * the texture memory to the current route's visit. It also defines the `__name` helper that tsx's
 * compiler puts around named functions inside the callbacks this benchmark hands page.evaluate.
 */
const probe = `(() => {
  if (typeof window.__name !== 'function') window.__name = (f) => f;
  const probe = { stage: null, visits: [] };
  window.__benchProbe = probe;
  let hook;
  const onFrame = () => {
    if (!hook || typeof hook.textureMemory !== 'function') return;
    const memory = hook.textureMemory();
    const used = memory.used;
    const route = hook.route || '(before the first route)';
    let visit = probe.visits[probe.visits.length - 1];
    if (!visit || visit.route !== route) {
      visit = { route, first: used, peak: used, last: used, stagePeak: memory.stage, frames: 0 };
      probe.visits.push(visit);
    }
    visit.peak = Math.max(visit.peak, used);
    visit.stagePeak = Math.max(visit.stagePeak, memory.stage);
    visit.last = used;
    visit.frames++;
  };
  Object.defineProperty(window, '__tvApp', {
    configurable: true,
    get: () => hook,
    set: (value) => {
      hook = value;
      if (!value || typeof value.attach !== 'function') return;
      const attach = value.attach;
      value.attach = function (app) {
        probe.stage = app.stage;
        app.stage.on('frameEnd', onFrame);
        return attach.call(this, app);
      };
    },
  });
})();`

/** What the page exposes to the benchmark (the app's hook and the probe). */
export interface BenchWindow {
  __tvApp?: {
    ready: boolean
    route: string
    focusPath(): string[]
    texts(): string[]
    settled(): boolean
    textureMemory(): TextureMemory
  }
  __benchProbe?: { stage: { on(e: string, f: () => void): void; off(e: string, f: () => void): void } | null; visits: RouteVisit[] }
}

export interface Device {
  readonly page: Page
  readonly cdp: CDPSession
  readonly sandbox: Sandbox
  /** The app's URL pointed at this device's sandbox, with `pass.<key>` extras. */
  url(extra?: Record<string, string>): string
  close(): Promise<void>
}

/** The code the activation screen shows (letters and digits that cannot be misread). */
export const codeSource = '^[ACEFGHJKMNPRTWXY34679]{7}$'

export async function openDevice(appOrigin: string, work: string, sandboxOptions: SandboxOptions = {}): Promise<Device> {
  const sandbox = await startSandbox({ port: 0, mode: 'test', throttle: false, ...sandboxOptions })
  const dir = mkdtempSync(join(work, 'device-'))
  let context: BrowserContext | undefined
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1920, height: 1080 },
    })
    const page = context.pages()[0] ?? (await context.newPage())
    await page.addInitScript({ content: probe })
    const cdp = await context.newCDPSession(page)
    const owned = context
    return {
      page,
      cdp,
      sandbox,
      url: (extra = {}) =>
        `${appOrigin}/index.html?${new URLSearchParams({ 'pass.baseUrl': sandbox.origin, 'pass.activationUrl': `${sandbox.publicOrigin}/activate?code={code}`, ...extra }).toString()}`,
      async close() {
        await owned.close()
        await sandbox.stop()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await context?.close()
    await sandbox.stop()
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

type Hooked = BenchWindow

export async function waitForRoute(page: Page, route: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((r) => (window as unknown as Hooked).__tvApp?.route === r, route, { timeout })
}

/** Waits until no transition runs (focus and page transitions take up to ~0.3 s). */
export async function waitSettled(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as Hooked).__tvApp?.settled() ?? false, null, { timeout })
}

export async function waitForFocus(page: Page, ref: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (r) => {
      const path = (window as unknown as Hooked).__tvApp?.focusPath() ?? []
      return path[path.length - 1] === r
    },
    ref,
    { timeout },
  )
}

/** The code once it is on screen with its QR code's caption (drawn with it). */
export async function waitForCode(page: Page, timeout = 60_000): Promise<string> {
  const handle = await page.waitForFunction(
    (source) => {
      const texts = (window as unknown as Hooked).__tvApp?.texts() ?? []
      const code = texts.find((t) => new RegExp(source).test(t))
      return code !== undefined && texts.includes("Or scan with your phone's camera") ? code : false
    },
    codeSource,
    { timeout },
  )
  return (await handle.jsonValue()) as string
}

/** The decisions screen with every badge answered (no "Checking…" left). */
export async function waitForBadges(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const texts = (window as unknown as Hooked).__tvApp?.texts() ?? []
      return texts.includes('Included') && !texts.includes('Checking…')
    },
    null,
    { timeout },
  )
}

/** A first launch (nothing stored): the activation screen. */
export async function firstLaunch(device: Device): Promise<void> {
  await device.page.goto(device.url())
  await waitForRoute(device.page, 'activation')
}

/**
 * Two valid profiles given to this TV (as a viewer who signed in with two providers), then a
 * relaunch: the provider grid, longest validity first (Riverside Cable, then Summit Fiber, then
 * "Another provider"), the first focused.
 */
export async function relaunchOnGrid(device: Device): Promise<void> {
  const { page, sandbox } = device
  const deviceId = tvDeviceId(sandbox)
  sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 20 * 86_400_000 })
  sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 9 * 86_400_000 })
  await page.goto(device.url())
  await waitForRoute(page, 'profiles')
  await waitForFocus(page, 'Tile_Sandbox_Cable')
}

export async function openGrid(device: Device): Promise<void> {
  await firstLaunch(device)
  await relaunchOnGrid(device)
}

/** Presses a key in the page (keydown and keyup, as the remote's key events arrive). */
export async function pressInPage(page: Page, key: 'Enter' | 'Backspace' | 'ArrowRight' | 'ArrowLeft' | 'ArrowDown'): Promise<void> {
  const codes = { Enter: 13, Backspace: 8, ArrowRight: 39, ArrowLeft: 37, ArrowDown: 40 }
  await page.evaluate(
    ([k, code]) => {
      for (const type of ['keydown', 'keyup']) {
        const event = new KeyboardEvent(type, { key: k, bubbles: true, cancelable: true })
        Object.defineProperty(event, 'keyCode', { get: () => code })
        window.dispatchEvent(event)
      }
    },
    [key, codes[key]] as const,
  )
}

/** Where the app is (route, focus, texts), for the message of a part that could not finish. */
export async function whereIs(page: Page): Promise<string> {
  const at = await page
    .evaluate(() => {
      const hook = (window as unknown as Hooked).__tvApp
      return hook ? { route: hook.route, focus: hook.focusPath().join('/'), texts: hook.texts().slice(0, 12).join(' | ') } : null
    })
    .catch(() => null)
  return at ? `route ${at.route}, focus ${at.focus}, texts: ${at.texts}` : 'no test hook'
}

/** Runs `what`, naming `step` and where the app is if it fails. */
export async function step<T>(page: Page, name: string, what: () => Promise<T>): Promise<T> {
  try {
    return await what()
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
    throw new Error(`${name}: ${message} (${await whereIs(page)})`)
  }
}

export function textureMemory(page: Page): Promise<TextureMemory> {
  return page.evaluate(() => {
    const hook = (window as unknown as Hooked).__tvApp
    return hook ? hook.textureMemory() : { used: 0, stage: 0, memoryPressure: 0 }
  })
}

export function routeVisits(page: Page): Promise<RouteVisit[]> {
  return page.evaluate(() => [...((window as unknown as Hooked).__benchProbe?.visits ?? [])])
}

/** CDP: the JS heap in use after a forced garbage collection. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN
}

export const mpx = (pixels: number): string => `${(pixels / 1e6).toFixed(2)} Mpx`
