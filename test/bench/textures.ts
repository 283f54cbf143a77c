/**
 * Texture memory per screen (figures only, never asserted), as Lightning counts it (pixels of the
 * uploaded textures, `__tvApp.textureMemory()`): one TV's journey through boot, the activation
 * screen, a relaunch onto the provider grid, the decisions screen, the player and back. For every
 * route drawn: its first frame, its most, its figure once settled and its last frame, so leaving a
 * screen (the Router unloads the page and, with `gcOnUnload`, collects its textures) shows as the
 * figure falling between one screen and the next.
 */
import type { Page } from 'playwright-core'
import type { Flavour } from '../browser/harness'
import {
  firstLaunch,
  mpx,
  openDevice,
  relaunchOnGrid,
  pressInPage,
  routeVisits,
  textureMemory,
  waitForBadges,
  waitForCode,
  waitForRoute,
  waitSettled,
  type RouteVisit,
} from './device'

/** Images (logos) arrive after the screen settles: wait until the figure holds still this long. */
const steadyMs = 1000

export interface ScreenTextures {
  readonly screen: string
  /** Pixels once the screen settled and its images stopped arriving. */
  readonly settled: number
}

export interface TexturesResult {
  readonly flavour: Flavour
  readonly memoryPressure: number
  readonly screens: ScreenTextures[]
  readonly visits: RouteVisit[]
  /** Screens the journey could not reach, with why. */
  readonly missed: string[]
}

async function steady(page: Page): Promise<number> {
  await waitSettled(page)
  let last = (await textureMemory(page)).used
  let since = Date.now()
  const until = Date.now() + 15_000
  while (Date.now() < until && Date.now() - since < steadyMs) {
    await page.waitForTimeout(100)
    const now = (await textureMemory(page)).used
    if (now !== last) {
      last = now
      since = Date.now()
    }
  }
  return last
}

export async function measureTextures(appOrigin: string, flavour: Flavour, work: string): Promise<TexturesResult> {
  const device = await openDevice(appOrigin, work)
  const screens: ScreenTextures[] = []
  const missed: string[] = []
  const { page } = device
  try {
    const note = async (screen: string): Promise<void> => {
      screens.push({ screen, settled: await steady(page) })
    }
    // A first launch: boot, then the code and its QR code.
    await firstLaunch(device)
    await waitForCode(page)
    await note('activation (code and QR)')
    // Relaunched with two profiles: boot, then the grid with its logos. The probe starts again with
    // the page, so the first launch's visits are kept first.
    const firstVisits = await routeVisits(page)
    await relaunchOnGrid(device)
    await note('provider grid')
    // The first provider picked: the decisions screen with its badges.
    await pressInPage(page, 'Enter')
    await waitForRoute(page, 'decisions')
    await waitForBadges(page)
    await note('decisions (badges drawn)')
    // The first title (included) played, then Back to the titles.
    await pressInPage(page, 'Enter')
    try {
      await waitForRoute(page, 'player', 20_000)
      await note('player')
      await pressInPage(page, 'Backspace')
      await waitForRoute(page, 'decisions')
      await waitForBadges(page)
      await note('decisions again (after the player)')
    } catch (error) {
      missed.push(`player: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
    }
    const label = (prefix: string) => (v: RouteVisit) => ({ ...v, route: `${prefix}: ${v.route}` })
    const visits = [...firstVisits.map(label('launch 1')), ...(await routeVisits(page)).map(label('launch 2'))]
    return { flavour, memoryPressure: (await textureMemory(page)).memoryPressure, screens, visits, missed }
  } finally {
    await device.close()
  }
}

export function printTextures(results: readonly TexturesResult[]): void {
  for (const r of results) {
    console.log(`\ntexture memory, ${r.flavour} (Lightning's count of uploaded texture pixels; memoryPressure ${mpx(r.memoryPressure)})`)
    for (const s of r.screens) console.log(`  ${s.screen.padEnd(34)}${mpx(s.settled).padStart(12)}`)
    console.log(`  each route drawn: textures on its first frame / most / last frame; the stage's most (textures, render textures, caches)`)
    for (const v of r.visits) {
      console.log(
        `    ${v.route.padEnd(36)}${mpx(v.first).padStart(12)}${mpx(v.peak).padStart(12)}${mpx(v.last).padStart(12)}${mpx(v.stagePeak).padStart(12)}  (${v.frames} frames)`,
      )
    }
    const peak = Math.max(...r.visits.map((v) => v.stagePeak))
    console.log(`  the stage's most over the journey: ${mpx(peak)} (${((100 * peak) / r.memoryPressure).toFixed(0)} % of memoryPressure)`)
    for (const m of r.missed) console.log(`  not reached: ${m}`)
  }
}
