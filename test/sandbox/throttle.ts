/**
 * Throttling (docs/adobe-pass.md "Throttling"): a token bucket per client of 1 request/s plus a one-time burst of
 * 10 at the first interaction; over the limit answers 429.
 *
 * The rate token starts empty, so ten requests at one instant pass and the eleventh is refused (the
 * burst is the whole allowance of a first instant). Rate tokens are spent before the burst, so a client
 * that keeps to 1 request/s keeps its burst for later. A refused request costs nothing, so the next
 * token is at most 1 s away from the first 429 ("the throttle ends 1 s after the first 429"), and the
 * section's worked example holds exactly (0–2.2 s pass, 2.4/2.6/2.8 s refused, 3.1 s passes).
 */

interface Bucket {
  rate: number
  burst: number
  last: number
}

export const RATE_PER_SECOND = 1
export const BURST = 10
/** Longest wait after a 429 before a request passes again (one rate token). */
export const RECOVERY_MS = 1000 / RATE_PER_SECOND

export class Throttle {
  private readonly buckets = new Map<string, Bucket>()
  enabled: boolean
  /** Admin switch: answer 429 to this many upcoming requests whatever the buckets hold. */
  forced429 = 0

  constructor(enabled: boolean) {
    this.enabled = enabled
  }

  /** True when the request may pass; false means answer 429. */
  take(key: string, now: number): boolean {
    if (this.forced429 > 0) {
      this.forced429 -= 1
      return false
    }
    if (!this.enabled) return true
    let b = this.buckets.get(key)
    if (!b) {
      b = { rate: 0, burst: BURST, last: now }
      this.buckets.set(key, b)
    }
    // A clock shifted backwards must not mint tokens.
    const elapsed = Math.max(0, now - b.last)
    b.rate = Math.min(1, b.rate + (elapsed * RATE_PER_SECOND) / 1000)
    b.last = now
    if (b.rate >= 1) {
      b.rate -= 1
      return true
    }
    if (b.burst > 0) {
      b.burst -= 1
      return true
    }
    return false
  }

  reset(): void {
    this.buckets.clear()
    this.forced429 = 0
  }
}
