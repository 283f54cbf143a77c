import { Registry } from '@lightningjs/sdk'

/**
 * A once-a-second tick owned by a page (a countdown): started when the page is shown, stopped when
 * it is left or detached, so no interval outlives the screen that needed it.
 */
export class SecondTicker {
  private handle: ReturnType<typeof Registry.setInterval> | undefined

  constructor(private readonly tick: () => void) {}

  /** Ticks now and every second after; a second start replaces the first. */
  start(): void {
    this.stop()
    this.handle = Registry.setInterval(() => this.tick(), 1000)
    this.tick()
  }

  stop(): void {
    if (this.handle === undefined) return
    Registry.clearInterval(this.handle)
    this.handle = undefined
  }
}
