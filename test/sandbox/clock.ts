/**
 * The sandbox's notion of "now": a time source plus an offset the admin API can shift (clock-skew
 * demos, session/profile expiry without sleeping). Every expiry and throttle check reads this clock.
 */
export class SandboxClock {
  private offsetMs = 0

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offsetMs
  }

  get offset(): number {
    return this.offsetMs
  }

  setOffset(offsetMs: number): void {
    this.offsetMs = offsetMs
  }
}
