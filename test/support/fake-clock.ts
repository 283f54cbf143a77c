/**
 * A manual Clock for tests: time moves only when a test says so, and `advance` fires due timers in
 * order (due time, then scheduling order), letting promise callbacks settle after each one so work
 * a timer starts can schedule the next timer inside the same advance. No real waiting.
 */
import type { Clock, TimerHandle } from '../../src/core/base/clock'

interface Timer {
  readonly id: number
  readonly due: number
  readonly callback: () => void
}

export class FakeClock implements Clock {
  static maxTimersPerAdvance = 10_000
  private time: number
  private nextId = 1
  private readonly timers = new Map<number, Timer>()

  /**
   * `overflowLikeBrowsers`: a delay over 2^31 - 1 ms fires at once, as setTimeout does in browsers
   * and TV engines, so a test can catch a far deadline passed to a timer unclamped.
   */
  constructor(
    startMs = 0,
    private readonly options: { overflowLikeBrowsers?: boolean } = {},
  ) {
    this.time = startMs
  }

  now(): number {
    return this.time
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++
    const overflowed = this.options.overflowLikeBrowsers === true && ms > 2147483647
    this.timers.set(id, { id, due: this.time + (overflowed ? 0 : Math.max(0, ms)), callback })
    return id
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number)
  }

  /** Timers still waiting to fire. */
  get pendingTimers(): number {
    return this.timers.size
  }

  /** Local time the earliest pending timer fires, if any. */
  nextDue(): number | undefined {
    return this.earliest()?.due
  }

  /** Move time forward by `ms`, firing every timer that falls due on the way (each at its due time). */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms
    await flushPromises()
    let fired = 0
    for (let timer = this.earliest(); timer && timer.due <= target; timer = this.earliest()) {
      // A timer that keeps re-arming itself at the same instant would hang the test run instead of failing it.
      if (++fired > FakeClock.maxTimersPerAdvance) {
        throw new Error(`FakeClock: more than ${FakeClock.maxTimersPerAdvance} timers fired in one advance (a timer loop?)`)
      }
      this.timers.delete(timer.id)
      this.time = timer.due
      timer.callback()
      await flushPromises()
    }
    this.time = target
    await flushPromises()
  }

  /** Set the local clock without firing anything (e.g. the TV's clock being corrected). */
  jumpTo(ms: number): void {
    this.time = ms
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined
    for (const timer of this.timers.values()) {
      if (!best || timer.due < best.due || (timer.due === best.due && timer.id < best.id)) best = timer
    }
    return best
  }
}

/** Let every pending promise callback run (a macrotask turn; no time passes on any clock). */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}
