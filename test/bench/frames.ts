/**
 * Frame times while focus moves (figures only, never asserted): on the provider grid and on the
 * decisions screen's titles row, at 4x CPU, a scripted sequence of Right/Left presses dispatched in
 * the page at a fixed cadence (so CDP latency does not shape it), and the stage's frame events
 * timed meanwhile: the frame's work (frameStart → frameEnd: update and render), the interval between
 * frames (everything the main thread did, key handling included), and the key handlers themselves.
 */
import type { Flavour } from '../browser/harness'
import {
  openDevice,
  openGrid,
  percentile,
  pressInPage,
  step,
  waitForBadges,
  waitForFocus,
  waitForRoute,
  waitSettled,
  type BenchWindow,
  type Device,
} from './device'

export const framesRate = 4
const presses = 40
const cadenceMs = 150
/** Frames after the last press still belong to it (its focus transition runs up to ~0.3 s). */
const tailMs = 500
/** A 60 Hz frame. */
export const frameBudgetMs = 1000 / 60

interface Sequence {
  /** ms per frame, frameStart → frameEnd. */
  work: number[]
  /** ms between consecutive frameStarts. */
  intervals: number[]
  /** ms each keydown + keyup took to dispatch (the focus change runs inside). */
  handlers: number[]
  /** How many presses moved the focus. */
  moved: number
}

export interface FrameFigures {
  readonly frames: number
  readonly workP50: number
  readonly workP95: number
  readonly intervalP50: number
  readonly intervalP95: number
  /** Intervals longer than 1.5 frames: a frame was dropped. */
  readonly dropped: number
  readonly keyP50: number
  readonly keyP95: number
  readonly moved: number
  readonly presses: number
}

export interface FramesResult {
  readonly flavour: Flavour
  readonly rate: number
  readonly grid: FrameFigures
  readonly titles: FrameFigures
}

/** Right then Left across `items` focusable items, back and forth, `presses` presses. */
function bounce(items: number): Array<'ArrowRight' | 'ArrowLeft'> {
  const one = [...Array<'ArrowRight'>(items - 1).fill('ArrowRight'), ...Array<'ArrowLeft'>(items - 1).fill('ArrowLeft')]
  return Array.from({ length: presses }, (_, i) => one[i % one.length] ?? 'ArrowRight')
}

/** Runs in the page: the presses at a fixed cadence, timed against the stage's frame events. */
async function runSequence(device: Device, keys: ReadonlyArray<'ArrowRight' | 'ArrowLeft'>): Promise<Sequence> {
  await device.cdp.send('Emulation.setCPUThrottlingRate', { rate: framesRate })
  try {
    return await device.page.evaluate(
      async ([sequence, cadence, tail]) => {
        const w = window as unknown as BenchWindow
        const stage = w.__benchProbe?.stage
        const hook = w.__tvApp
        if (!stage || !hook) throw new Error('the stage or the test hook is missing')
        const work: number[] = []
        const intervals: number[] = []
        const handlers: number[] = []
        let started = 0
        let previous = 0
        const onStart = (): void => {
          started = performance.now()
          if (previous) intervals.push(started - previous)
          previous = started
        }
        const onEnd = (): void => {
          if (started) work.push(performance.now() - started)
          started = 0
        }
        const focusOf = (): string => hook.focusPath().join('/')
        const wait = (until: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, until - performance.now())))
        stage.on('frameStart', onStart)
        stage.on('frameEnd', onEnd)
        let moved = 0
        try {
          const t0 = performance.now()
          for (let i = 0; i < sequence.length; i++) {
            // A fixed cadence from the first press, so a slow press does not push the later ones.
            await wait(t0 + i * cadence)
            const key = sequence[i] ?? 'ArrowRight'
            const before = focusOf()
            const at = performance.now()
            for (const type of ['keydown', 'keyup']) {
              const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true })
              Object.defineProperty(event, 'keyCode', { get: () => (key === 'ArrowRight' ? 39 : 37) })
              window.dispatchEvent(event)
            }
            handlers.push(performance.now() - at)
            if (focusOf() !== before) moved++
          }
          await wait(performance.now() + tail)
        } finally {
          stage.off('frameStart', onStart)
          stage.off('frameEnd', onEnd)
        }
        return { work, intervals, handlers, moved }
      },
      [keys, cadenceMs, tailMs] as const,
    )
  } finally {
    await device.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  }
}

function figuresOf(s: Sequence): FrameFigures {
  return {
    frames: s.work.length,
    workP50: percentile(s.work, 50),
    workP95: percentile(s.work, 95),
    intervalP50: percentile(s.intervals, 50),
    intervalP95: percentile(s.intervals, 95),
    dropped: s.intervals.filter((i) => i > 1.5 * frameBudgetMs).length,
    keyP50: percentile(s.handlers, 50),
    keyP95: percentile(s.handlers, 95),
    moved: s.moved,
    presses: s.handlers.length,
  }
}

/** The grid (two providers and "Another provider"), then the decisions screen's five titles. */
export async function measureFrames(appOrigin: string, flavour: Flavour, work: string): Promise<FramesResult> {
  const device = await openDevice(appOrigin, work)
  try {
    const { page } = device
    await step(page, 'to the grid', async () => {
      await openGrid(device)
      await waitSettled(page)
    })
    const grid = figuresOf(await runSequence(device, bounce(3)))

    // The sequence ends where it began (whole back-and-forth rounds): pick the first tile, the
    // decisions screen, focus on the first title.
    await step(page, 'to the decisions screen', async () => {
      await waitForFocus(page, 'Tile_Sandbox_Cable')
      await pressInPage(page, 'Enter')
      await waitForRoute(page, 'decisions')
      await waitForBadges(page)
      await waitSettled(page)
    })
    const titles = figuresOf(await runSequence(device, bounce(5)))
    return { flavour, rate: framesRate, grid, titles }
  } finally {
    await device.close()
  }
}

const f1 = (n: number): string => (Number.isNaN(n) ? '–' : n.toFixed(1))

export function printFrames(results: readonly FramesResult[]): void {
  console.log(
    `\nframe times while focus moves (${presses} presses every ${cadenceMs} ms, ${framesRate}x CPU; ms; goal: work p95 ≤ ${frameBudgetMs.toFixed(1)})`,
  )
  console.log(
    `  ${'screen'.padEnd(18)}${'frames'.padStart(7)}${'work p50/p95'.padStart(16)}${'interval p50/p95'.padStart(19)}${'dropped'.padStart(9)}${'key p50/p95'.padStart(15)}${'moved'.padStart(9)}`,
  )
  for (const r of results) {
    for (const [name, f] of [
      ['grid', r.grid],
      ['titles row', r.titles],
    ] as const) {
      const goal = f.workP95 <= frameBudgetMs ? 'met' : 'not met'
      console.log(
        `  ${`${r.flavour} ${name}`.padEnd(18)}${String(f.frames).padStart(7)}${`${f1(f.workP50)} / ${f1(f.workP95)}`.padStart(16)}${`${f1(f.intervalP50)} / ${f1(f.intervalP95)}`.padStart(19)}${String(f.dropped).padStart(9)}${`${f1(f.keyP50)} / ${f1(f.keyP95)}`.padStart(15)}${`${f.moved}/${f.presses}`.padStart(9)}  ${goal}`,
      )
    }
  }
}
