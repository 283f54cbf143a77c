/**
 * Client-side pacing, so that normal use never meets a 429 (docs/adobe-pass.md "Throttling").
 *
 * Adobe throttles with a token bucket per device: 1 request/s plus a one-time burst of 10 at the
 * client's first interaction. The pacer keeps its own copy of that bucket and lets a request go only
 * when the server's bucket is sure to hold a token for it:
 * - the rate token refills over `intervalMs` and starts empty on a new device, as the server's does;
 *   it is spent before the burst, so a client that keeps to the rate keeps its burst for later;
 * - the burst is one-time per device, and a relaunch cannot know whether it was spent: what is left
 *   of it persists through a RequestBudgetStore, keyed by the device identifier the headers carry
 *   (another key is another device, with a burst of its own). Without a store, or with one that
 *   fails, the pacer assumes no burst is left and keeps to the rate (its first request goes at once:
 *   a launch comes more than a second after the last request of an earlier run);
 * - requests wait in one FIFO queue on the injected Clock; an aborted request leaves the queue at
 *   once, never goes out, and the ones behind it move up;
 * - after a 429 every request is held for at least the throttle wait (`hold`), and the burst is
 *   taken as spent.
 */
import { clampTimerMs, type Clock, type TimerHandle } from '../base/clock'
import { isRecord } from '../base/guards'
import type { Logger } from '../base/logger'
import { CancelledError } from './errors'

/** What a relaunch needs to know of the device's throttle bucket. */
export interface RequestBudget {
  /** The device identifier the requests carry (AP-Device-Identifier); another key is another device. */
  readonly key: string
  /** Burst requests this device may still send on top of the rate (never more than the pacer's share). */
  readonly burstLeft: number
  /** Local epoch ms of the last request the record counts. */
  readonly at: number
}

/** Where the remaining burst persists between launches (implemented by the storage layer). */
export interface RequestBudgetStore {
  /** The stored budget; null when none was ever saved. A rejection means "unknown": no burst is assumed. */
  load(): Promise<RequestBudget | null>
  save(budget: RequestBudget): Promise<void>
}

export interface RequestPacerOptions {
  readonly clock: Clock
  readonly logger: Logger
  /** @defaultValue none: no burst is assumed, requests keep to the rate */
  readonly store?: RequestBudgetStore | undefined
  /** @defaultValue {@link PACER_INTERVAL_MS} */
  readonly intervalMs?: number
  /** @defaultValue {@link PACER_BURST} */
  readonly burst?: number
}

/**
 * One request per 1050 ms, slightly under Adobe's 1 per second: the server counts arrivals, which
 * network jitter can bunch up, and a TV clock may run a little fast.
 */
export const PACER_INTERVAL_MS = 1050

/**
 * 8 of the 10 burst requests. The two left over absorb what the pacer cannot see: requests whose
 * budget was not yet saved when the app was killed, and a relaunch within a second of the last
 * request (the rate token is then still empty on the server).
 */
export const PACER_BURST = 8

/** The longest one 429 can hold the client (Retry-After is capped the same, http.ts). */
export const MAX_HOLD_MS = 60000

/** Quiet time after the last burst request before what is left of the burst is saved. */
const SETTLE_MS = 2000

/** How long a launch waits for the stored budget before pacing without a burst. */
const LOAD_TIMEOUT_MS = 1000

interface Waiter {
  readonly resolve: () => void
  readonly reject: (error: CancelledError) => void
  readonly signal: AbortSignal | undefined
  readonly context: string
  readonly onAbort: () => void
}

export class RequestPacer {
  private readonly clock: Clock
  private readonly logger: Logger
  private readonly store: RequestBudgetStore | undefined
  private readonly intervalMs: number
  private readonly burstShare: number

  private phase: 'new' | 'loading' | 'ready' = 'new'
  private key = ''
  private readonly queue: Waiter[] = []
  private timer: TimerHandle | undefined
  /** Rate credit in ms: a token is ready at `intervalMs`. */
  private credit = 0
  private burstLeft = 0
  /** Local time `credit` was brought up to date. */
  private last = 0
  private holdUntil = 0
  private lastGrant = 0

  /** Whether saves are made at all (a store that could not be read is not written either). */
  private persist = false
  /** The burst the store holds once queued saves land; null: nothing stored for this key. */
  private persisted: number | null = null
  private settleTimer: TimerHandle | undefined
  private nextSave: RequestBudget | undefined
  private saving = false

  constructor(options: RequestPacerOptions) {
    this.clock = options.clock
    this.logger = options.logger
    this.store = options.store
    this.intervalMs = options.intervalMs ?? PACER_INTERVAL_MS
    this.burstShare = options.burst ?? PACER_BURST
  }

  /**
   * Resolves when one request for device `key` may go out; rejects with CancelledError when `signal`
   * aborts first (the place in the queue is given up, nothing is spent).
   */
  acquire(key: string, signal: AbortSignal | undefined, context: string): Promise<void> {
    if (signal?.aborted) return Promise.reject(new CancelledError(context))
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, context, onAbort: () => this.drop(waiter) }
      this.queue.push(waiter)
      signal?.addEventListener('abort', waiter.onAbort)
      this.init(key)
      this.pump()
    })
  }

  /** After a 429: nothing goes out for `ms` (at least the throttle wait), and no burst is left. */
  hold(ms: number): void {
    const now = this.clock.now()
    this.refill(now)
    this.holdUntil = Math.max(this.holdUntil, now + Math.min(MAX_HOLD_MS, clampTimerMs(ms)))
    this.credit = 0
    if (this.burstLeft > 0 || (this.persisted !== null && this.persisted > 0)) {
      this.burstLeft = 0
      this.cancelSettle()
      this.save({ key: this.key, burstLeft: 0, at: now })
    }
    this.pump()
  }

  /** Loads the budget of the first request's device (one client, one device: later keys are the same). */
  private init(key: string): void {
    if (this.phase !== 'new') return
    this.phase = 'loading'
    this.key = key
    void this.load(key).then(() => {
      this.phase = 'ready'
      this.pump()
    })
  }

  private async load(key: string): Promise<void> {
    const store = this.store
    if (!store) {
      // No history at all: no burst; the rate token is taken as full, since a launch comes more than
      // a second after the last request of an earlier run.
      this.start(0, this.intervalMs)
      return
    }
    let record: RequestBudget | null | 'timeout'
    try {
      record = await this.withTimeout(Promise.resolve().then(() => store.load()))
    } catch (error) {
      this.logger.warn('pass: request budget unreadable, pacing without a burst', { reason: error instanceof Error ? error.name : typeof error })
      this.start(0, this.intervalMs)
      return
    }
    if (record === 'timeout') {
      this.logger.warn('pass: request budget not loaded in time, pacing without a burst', { timeoutMs: LOAD_TIMEOUT_MS })
      this.start(0, this.intervalMs)
      return
    }
    this.persist = true
    const now = this.clock.now()
    if (record === null || (isBudget(record) && record.key !== key)) {
      // A device this store has not seen: its bucket is new, the rate token empty (docs/adobe-pass.md "Throttling").
      this.persisted = null
      this.start(this.burstShare, 0)
      return
    }
    if (!isBudget(record)) {
      this.logger.warn('pass: request budget record is not valid, pacing without a burst', {})
      this.start(0, this.intervalMs)
      return
    }
    const burst = Math.max(0, Math.min(this.burstShare, Math.floor(record.burstLeft)))
    this.persisted = burst
    // A record from the future (the clock was set back) gives no credit.
    this.start(burst, record.at <= now ? Math.min(this.intervalMs, now - record.at) : 0)
  }

  private start(burst: number, credit: number): void {
    this.burstLeft = burst
    this.credit = credit
    this.last = this.clock.now()
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T | 'timeout'> {
    return new Promise<T | 'timeout'>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => resolve('timeout'), clampTimerMs(LOAD_TIMEOUT_MS))
      promise.then(
        (value) => {
          this.clock.clearTimeout(timer)
          resolve(value)
        },
        (error: unknown) => {
          this.clock.clearTimeout(timer)
          reject(error)
        },
      )
    })
  }

  private drop(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter)
    if (index < 0) return
    this.queue.splice(index, 1)
    waiter.signal?.removeEventListener('abort', waiter.onAbort)
    waiter.reject(new CancelledError(waiter.context))
    this.pump()
  }

  private refill(now: number): void {
    if (now < this.last) {
      // The clock was set back: keep the hold as long as it was meant to be, mint nothing.
      this.holdUntil -= this.last - now
    } else {
      this.credit = Math.min(this.intervalMs, this.credit + (now - this.last))
    }
    this.last = now
  }

  private waitMs(now: number): number {
    if (now < this.holdUntil) return this.holdUntil - now
    if (this.credit >= this.intervalMs || this.burstLeft > 0) return 0
    return this.intervalMs - this.credit
  }

  /** Lets out every request that may go now, then waits for the next token on the clock. */
  private pump(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer)
      this.timer = undefined
    }
    if (this.phase !== 'ready') return
    for (let head = this.queue[0]; head; head = this.queue[0]) {
      const now = this.clock.now()
      this.refill(now)
      const wait = this.waitMs(now)
      if (wait > 0) {
        this.timer = this.clock.setTimeout(() => {
          this.timer = undefined
          this.pump()
        }, clampTimerMs(wait))
        return
      }
      this.queue.shift()
      head.signal?.removeEventListener('abort', head.onAbort)
      this.spend(now)
      head.resolve()
    }
  }

  private spend(now: number): void {
    this.lastGrant = now
    if (this.credit >= this.intervalMs) {
      this.credit -= this.intervalMs
      return
    }
    this.burstLeft -= 1
    if (!this.persist) return
    if (this.persisted === null || this.persisted > this.burstLeft) {
      // Written before the burst is used, so that a run killed mid-burst never leaves a record
      // promising tokens it spent: the store says "none left" until the burst settles.
      this.persisted = 0
      this.save({ key: this.key, burstLeft: 0, at: now })
    }
    // Once the burst has been quiet a while, what is really left is saved (one write per burst,
    // not one per request).
    this.cancelSettle()
    this.settleTimer = this.clock.setTimeout(() => {
      this.settleTimer = undefined
      this.persisted = this.burstLeft
      this.save({ key: this.key, burstLeft: this.burstLeft, at: this.lastGrant })
    }, clampTimerMs(SETTLE_MS))
  }

  private cancelSettle(): void {
    if (this.settleTimer === undefined) return
    this.clock.clearTimeout(this.settleTimer)
    this.settleTimer = undefined
  }

  /** One write at a time; a newer budget replaces one not yet written. */
  private save(budget: RequestBudget): void {
    if (!this.persist || !this.store) return
    this.nextSave = budget
    if (!this.saving) void this.flush(this.store)
  }

  private async flush(store: RequestBudgetStore): Promise<void> {
    this.saving = true
    try {
      for (let budget = this.nextSave; budget; budget = this.nextSave) {
        this.nextSave = undefined
        try {
          await store.save(budget)
        } catch (error) {
          // The store may still hold a larger burst: the next burst request writes "none left" again.
          this.persisted = null
          this.logger.warn('pass: request budget not saved', { reason: error instanceof Error ? error.name : typeof error })
        }
      }
    } finally {
      this.saving = false
    }
  }
}

function isBudget(value: unknown): value is RequestBudget {
  if (!isRecord(value)) return false
  const { key, burstLeft, at } = value
  return typeof key === 'string' && typeof burstLeft === 'number' && Number.isFinite(burstLeft) && typeof at === 'number' && Number.isFinite(at)
}
