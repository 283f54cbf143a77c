/**
 * The JS heap after an hour on the activation screen (figures only, never asserted): a first launch
 * with the page's clock faked (playwright's `page.clock`, installed before navigating; time flows
 * normally until the code is on screen), then the clock paused and moved on one poll interval at a
 * time with `fastForward`, which fires each timer due in the step once: the poll (its request to the
 * sandbox is real), the countdown's tick, one frame. (`runFor` would fire every frame of the step as
 * well, about 20 s of wall clock per simulated 5 s on a busy 2-core machine.) The heap is read after
 * a forced garbage collection at the start and at the end, and without one every 5 simulated
 * minutes for the trend. The sandbox's codes live longer than the hour here (its default is 30 minutes), so the screen
 * keeps polling one code rather than expiring it.
 */
import type { Page } from 'playwright-core'
import type { Flavour } from '../browser/harness'
import { heapAfterGc, openDevice, textureMemory, waitForCode, waitForRoute, waitSettled, type BenchWindow } from './device'

/** An hour by default; BENCH_HEAP_MINUTES sets another length (a longer run tells a plateau from a leak). */
const simulatedMs = (Number(process.env.BENCH_HEAP_MINUTES) || 60) * 60 * 1000
/** settings.json appSettings.pass.pollIntervalMs (CL-AUTHN-3: 3–5 s). */
const pollIntervalMs = 5000
const sessionTtlMs = Math.max(3 * 60 * 60 * 1000, 2 * simulatedMs)
const pollPath = /\/profiles\/code\/[^/]+$/
const trendEveryMs = 5 * 60 * 1000

export interface HeapResult {
  readonly flavour: Flavour
  readonly simulatedMinutes: number
  readonly polls: number
  readonly heapStart: number
  readonly heapEnd: number
  readonly ratio: number
  /**
   * After a forced GC once the first 5 simulated minutes (60 polls) ran: the poll path's code and
   * type feedback are in the heap by then, so the end against this is the growth over the hour.
   */
  readonly heapWarm: number
  readonly ratioWarm: number
  /** Texture pixels at the start and at the end (the countdown redraws its text). */
  readonly texturesStart: number
  readonly texturesEnd: number
  /** The route at the end (still `activation` if the screen kept polling). */
  readonly routeEnd: string
  readonly wallSeconds: number
  /** At the start and the end: Lightning's texture sources (uploaded, in its lookup map), where growth on this screen would show. */
  readonly counts: { start: Counts; end: Counts }
  /** Heap in use (no forced GC) every 5 simulated minutes. */
  readonly trend: Array<{ minute: number; heapUsed: number }>
}

interface Counts {
  uploadedTextures: number
  lookupTextures: number
}

function counts(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const stage = (window as unknown as BenchWindow).__benchProbe?.stage as
      { textureManager?: { _uploadedTextureSources?: unknown[]; textureSourceHashmap?: Map<string, unknown> } } | null | undefined
    return {
      uploadedTextures: stage?.textureManager?._uploadedTextureSources?.length ?? -1,
      lookupTextures: stage?.textureManager?.textureSourceHashmap?.size ?? -1,
    }
  })
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`

/** Lets the page run what the last step started (the poll's response and what follows it). */
async function drain(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.evaluate(() => new Promise<void>((resolve) => queueMicrotask(resolve)))
}

export async function measureHeap(appOrigin: string, flavour: Flavour, work: string): Promise<HeapResult> {
  const device = await openDevice(appOrigin, work, { sessionTtlMs })
  const { page, cdp, sandbox } = device
  const polls = (): number => sandbox.requests().filter((r) => r.method === 'GET' && pollPath.test(r.path)).length
  try {
    await page.clock.install()
    await page.goto(device.url({ 'pass.pollIntervalMs': String(pollIntervalMs) }))
    await waitForRoute(page, 'activation')
    await waitForCode(page)
    await waitSettled(page)
    // From here the page's time moves only when this script moves it.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000)
    await drain(page)
    const heapStart = await heapAfterGc(cdp)
    const texturesStart = (await textureMemory(page)).used
    const pollsStart = polls()
    const countsStart = await counts(page)
    const started = Date.now()
    const trend: HeapResult['trend'] = []
    let heapWarm = NaN
    for (let elapsed = 0; elapsed < simulatedMs; elapsed += pollIntervalMs) {
      if (elapsed === trendEveryMs) heapWarm = await heapAfterGc(cdp)
      if (elapsed % trendEveryMs === 0) {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage')
        trend.push({ minute: elapsed / 60_000, heapUsed: usedSize })
        if (elapsed > 0) console.log(`    ${flavour}: ${elapsed / 60_000} simulated min, ${polls() - pollsStart} polls, heap ${mb(usedSize)}`)
      }
      const before = polls()
      await page.clock.fastForward(pollIntervalMs)
      // The poll due in this step went out: wait (real time) for it to reach the sandbox and its
      // answer to be handled, so the next one is scheduled before the clock moves on.
      const deadline = Date.now() + 5000
      while (polls() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5))
      await new Promise((resolve) => setTimeout(resolve, 20))
      await drain(page)
    }
    const wallSeconds = (Date.now() - started) / 1000
    const heapEnd = await heapAfterGc(cdp)
    const texturesEnd = (await textureMemory(page)).used
    const routeEnd = await page.evaluate(() => (window as unknown as BenchWindow).__tvApp?.route ?? '')
    return {
      flavour,
      simulatedMinutes: simulatedMs / 60_000,
      polls: polls() - pollsStart,
      heapStart,
      heapEnd,
      ratio: heapEnd / heapStart,
      heapWarm,
      ratioWarm: heapEnd / heapWarm,
      texturesStart,
      texturesEnd,
      routeEnd,
      wallSeconds,
      counts: { start: countsStart, end: await counts(page) },
      trend,
    }
  } finally {
    await device.close()
  }
}

export function printHeap(results: readonly HeapResult[]): void {
  console.log(`\nJS heap on the activation screen, after a forced GC, over simulated polling (goal: flat within 5 %)`)
  for (const r of results) {
    const pct = (ratio: number): string => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`
    const goal = (ratio: number): string => (Math.abs(ratio - 1) <= 0.05 ? 'met' : 'not met')
    console.log(
      `  ${r.flavour}: ${r.simulatedMinutes} min, ${r.polls} polls: start ${mb(r.heapStart)}, after 5 min ${mb(r.heapWarm)}, end ${mb(r.heapEnd)}: end/start ${pct(r.ratio)} (${goal(r.ratio)}), end/5 min ${pct(r.ratioWarm)} (${goal(r.ratioWarm)})`,
    )
    console.log(
      `    textures ${(r.texturesStart / 1e6).toFixed(2)} → ${(r.texturesEnd / 1e6).toFixed(2)} Mpx; ends on ${r.routeEnd}; ${r.wallSeconds.toFixed(0)} s wall clock`,
    )
    const c = r.counts
    console.log(
      `    Lightning texture sources uploaded ${c.start.uploadedTextures} → ${c.end.uploadedTextures}, in its lookup map ${c.start.lookupTextures} → ${c.end.lookupTextures}`,
    )
  }
}
