/**
 * Time as the app sees it. Injected everywhere (flow timers, expiry checks) so tests run on a fake
 * clock and the TV's own clock, which may be hours off, never decides an expiry alone.
 */
export type TimerHandle = unknown

export interface Clock {
  /** Local epoch milliseconds. */
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

/**
 * The longest delay setTimeout holds (2^31 - 1 ms, about 24.8 days). A longer one overflows and fires
 * at once, so a far deadline (a profile valid for months) would fire, re-arm and spin.
 */
export const MAX_TIMER_MS = 2147483647

/** A delay setTimeout can hold: at least 0, at most MAX_TIMER_MS; NaN reads as 0. */
export function clampTimerMs(ms: number): number {
  if (!(ms > 0)) return 0
  return Math.min(ms, MAX_TIMER_MS)
}

// The one place real timers are allowed: everything else receives this through injection.
/* eslint-disable no-restricted-globals */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, clampTimerMs(ms)),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}
/* eslint-enable no-restricted-globals */

/**
 * Server time from HTTP Date headers: keeps the offset between the server's clock and ours so
 * `serverNow()` can judge notAfter values (profiles, sessions, tokens) in the server's terms.
 */
export class ServerTime {
  private offsetMs = 0

  constructor(private readonly clock: Clock) {}

  /** Record a response's Date header, read when the response arrived (`receivedAt`, local ms). */
  observeDateHeader(dateHeader: string | null | undefined, receivedAt: number = this.clock.now()): void {
    if (!dateHeader) return
    const serverMs = Date.parse(dateHeader)
    if (Number.isNaN(serverMs)) return
    // A Date header has one-second resolution: ignore offsets inside that noise.
    const offset = serverMs - receivedAt
    this.offsetMs = Math.abs(offset) < 1000 ? 0 : offset
  }

  /**
   * Record a server clock reading from a response body (a token's created_at, a new session's
   * notBefore), for when no Date header is readable (browsers hide it cross-origin unless exposed).
   */
  observeServerTime(serverMs: number, receivedAt: number = this.clock.now()): void {
    if (!Number.isFinite(serverMs)) return
    const offset = serverMs - receivedAt
    this.offsetMs = Math.abs(offset) < 1000 ? 0 : offset
  }

  /** Adopt an offset learnt on an earlier launch (stored with the access token) until a fresher reading. */
  adoptOffset(offsetMs: number): void {
    if (Number.isFinite(offsetMs)) this.offsetMs = offsetMs
  }

  get offset(): number {
    return this.offsetMs
  }

  now(): number {
    return this.clock.now() + this.offsetMs
  }
}
