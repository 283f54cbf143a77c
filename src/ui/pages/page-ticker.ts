import { Registry } from '@lightningjs/sdk'

/**
 * A tick owned by a page (a countdown's second, a spinner's step): started when the page is shown,
 * stopped when it is left or detached, so no interval outlives the screen that needed it.
 */
export class PageTicker {
  private handle: ReturnType<typeof Registry.setInterval> | undefined

  /** @param everyMs the interval between ticks; a second by default */
  constructor(
    private readonly tick: () => void,
    private readonly everyMs = 1000,
  ) {}

  /** Ticks now and every `everyMs` after; a second start replaces the first. */
  start(): void {
    this.stop()
    this.handle = Registry.setInterval(() => this.tick(), this.everyMs)
    this.tick()
  }

  stop(): void {
    if (this.handle === undefined) return
    Registry.clearInterval(this.handle)
    this.handle = undefined
  }
}
