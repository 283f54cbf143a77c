/**
 * IndexedDB that never fails for good: an in-memory session copy answers when IndexedDB is missing,
 * blocked or throws (private mode, quota, an open that never settles on some TV engines), IndexedDB
 * is tried again after a short pause, and every write keeps trying to reach it. Warnings name the
 * operation, the key and the error's name, never a value (docs/architecture.md "Storage").
 */
import { clampTimerMs, type Clock } from '../base/clock'
import type { Logger } from '../base/logger'
import { StorageFailure, toStorageFailure, type KeyValueStore } from './kv'
import { MemoryStore } from './memory-kv'

export interface ResilientStoreOptions {
  readonly primary: KeyValueStore
  readonly clock: Clock
  readonly logger: Logger
  /**
   * An IndexedDB operation that has not settled by then counts as failed for that call (a blocked
   * open never settles); if it answers later, the answer still counts as IndexedDB being back.
   * @defaultValue `3000`
   */
  readonly timeoutMs?: number
  /**
   * After a failure, reads skip IndexedDB for this long (a short circuit breaker, so a stalled
   * engine does not cost every read the whole timeout); the next read after it tries again.
   * Writes are always sent.
   * @defaultValue `5000`
   */
  readonly retryAfterMs?: number
  /** The session copy: every write, and every value IndexedDB answered. @defaultValue a new MemoryStore */
  readonly fallback?: KeyValueStore
}

/**
 * What a read found. `ok: true` is an answer to rely on (`value` undefined: absent), `from` says
 * where it came from: IndexedDB, or the session copy (a value written or read earlier this session).
 * `ok: false`: IndexedDB did not answer and the session copy knows nothing of the key, so the
 * record may well exist; "absent" and "unavailable" must not look alike.
 */
export type Lookup =
  { readonly ok: true; readonly value: unknown; readonly from: 'primary' | 'session' } | { readonly ok: false; readonly failure: StorageFailure }

/** How one `lookup` treats the circuit breaker. */
export interface LookupOptions {
  /**
   * Ask IndexedDB even while reads skip it after a failure (one real attempt, bounded by the normal
   * timeout). For a read whose "could not be read" answer costs more than the wait, such as the
   * second look at the client credentials before registering again (DCR FAQ 9). A key with a
   * pending write still answers from the session copy, which is newer.
   * @defaultValue `false`
   */
  readonly probe?: boolean
}

/** A KeyValueStore that also says whether it is running on its session copy. */
export interface ResilientStore extends KeyValueStore {
  /** True from a failure of IndexedDB until it answers again. */
  readonly degraded: boolean
  /** `get` that tells "absent" from "could not be read" (`get` resolves undefined for both). */
  lookup(key: string, options?: LookupOptions): Promise<Lookup>
}

/** A store that can tell "absent" from "could not be read" (createResilientStore's). */
export function canLookup(store: KeyValueStore): store is KeyValueStore & Pick<ResilientStore, 'lookup'> {
  return typeof (store as Partial<ResilientStore>).lookup === 'function'
}

/**
 * IndexedDB (the primary) with a session copy, never failing for good:
 * 1. Every call is bounded by `timeoutMs`; a call that fails or times out is answered from the
 *    session copy, and reads skip IndexedDB for `retryAfterMs`, then try it again.
 * 2. Writes go to the session copy and to IndexedDB (write-through). A write IndexedDB has not
 *    confirmed (refused, or timed out) stays pending and is sent again as soon as IndexedDB answers
 *    any call (a late answer of a timed-out call counts), so a write made during a stall is not
 *    lost; a write still on its way is not sent twice.
 * 3. A read of a key with a pending write answers from the session copy (newer than IndexedDB).
 *    A `probe` lookup asks IndexedDB even while reads skip it (see LookupOptions).
 * One warning per outage (when IndexedDB stops answering), a debug line when it is back. Never
 * rejects (unless the session copy itself does), so the app keeps working.
 */
export function createResilientStore(options: ResilientStoreOptions): ResilientStore {
  const { primary, clock, logger } = options
  const timeoutMs = options.timeoutMs ?? 3000
  const retryAfterMs = options.retryAfterMs ?? 5000
  const session = options.fallback ?? new MemoryStore()
  /** Keys whose current value the session copy holds (written, or read from IndexedDB, this session). */
  const known = new Set<string>()
  /** Keys written this session that IndexedDB has not confirmed, with the generation of the write. */
  const pending = new Map<string, number>()
  /** Keys with a write sent and neither answered nor timed out: a flush leaves them to that write. */
  const inFlight = new Map<string, number>()
  let generation = 0
  let degraded = false
  let lastFailure: StorageFailure | undefined
  /** Reads skip IndexedDB until then (local ms); 0 while it answers. */
  let skipUntil = 0
  let flushing = false

  const failed = (operation: string, key: string, error: unknown): StorageFailure => {
    const failure = toStorageFailure(operation, error)
    lastFailure = failure
    skipUntil = clock.now() + retryAfterMs
    if (!degraded) {
      degraded = true
      logger.warn('storage: IndexedDB not answering, using the session copy and retrying', {
        operation,
        key,
        reason: failure.reason,
      })
    }
    return failure
  }

  const answered = (): void => {
    skipUntil = 0
    if (degraded) {
      degraded = false
      logger.debug('storage: IndexedDB answers again', { pending: pending.size })
    }
    flush()
  }

  /**
   * One IndexedDB call, bounded by the timeout. `confirmed` runs whenever the call succeeds, in
   * time or late; a late success also counts as IndexedDB answering again.
   */
  const call = <T>(operation: string, action: () => Promise<T>, confirmed?: () => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let late = false
      const timer = clock.setTimeout(() => {
        late = true
        reject(new StorageFailure(operation, 'timeout', 'timeout'))
      }, clampTimerMs(timeoutMs))
      let underway: Promise<T>
      try {
        underway = action()
      } catch (error) {
        underway = Promise.reject(error)
      }
      underway.then(
        (value) => {
          confirmed?.()
          if (late) {
            answered()
            return
          }
          clock.clearTimeout(timer)
          resolve(value)
        },
        (error: unknown) => {
          if (late) return // already reported as a timeout
          clock.clearTimeout(timer)
          reject(toStorageFailure(operation, error))
        },
      )
    })

  /** One write of `key` has an answer, or has timed out (a blocked call may never settle). */
  const settled = (key: string): void => {
    const left = (inFlight.get(key) ?? 1) - 1
    if (left > 0) inFlight.set(key, left)
    else inFlight.delete(key)
  }

  /** Sends the session copy's value of `key` to IndexedDB; settles when that is known to work or not. */
  const send = async (key: string, operation: 'set' | 'del', value: unknown): Promise<void> => {
    const mine = pending.get(key)
    const confirm = (): void => {
      if (pending.get(key) === mine) pending.delete(key)
    }
    inFlight.set(key, (inFlight.get(key) ?? 0) + 1)
    try {
      await call(operation, () => (operation === 'set' ? primary.set(key, value) : primary.del(key)), confirm)
      settled(key)
      answered()
    } catch (error) {
      settled(key)
      failed(operation, key, error)
    }
  }

  /**
   * Sends every pending write again (the session copy holds the newest value of each), except those
   * still on their way: IndexedDB runs writes in order, so a second copy behind the first would
   * only delay every request queued after it (at start-up each read's answer would otherwise send
   * every write in flight again).
   */
  function flush(): void {
    if (flushing) return
    const keys = Array.from(pending.keys()).filter((key) => !inFlight.has(key))
    if (keys.length === 0) return
    flushing = true
    const resend = async (key: string): Promise<void> => {
      const value = await session.get(key)
      await send(key, value === undefined ? 'del' : 'set', value)
    }
    void Promise.all(keys.map((key) => resend(key).catch((error: unknown) => void failed('set', key, error)))).then(() => {
      flushing = false
    })
  }

  const write = async (key: string, operation: 'set' | 'del', value: unknown): Promise<void> => {
    // The session copy first, so a failure of IndexedDB does not lose this session's writes.
    await (operation === 'set' ? session.set(key, value) : session.del(key))
    known.add(key)
    pending.set(key, ++generation)
    const sent = send(key, operation, value)
    // While IndexedDB is known to be failing the write is still sent, but the caller does not wait.
    if (clock.now() >= skipUntil) await sent
  }

  const fromSession = async (key: string): Promise<Lookup | undefined> =>
    known.has(key) ? { ok: true, value: await session.get(key), from: 'session' } : undefined

  const lookup = async (key: string, lookupOptions: LookupOptions = {}): Promise<Lookup> => {
    if (pending.has(key)) return { ok: true, value: await session.get(key), from: 'session' }
    if (!lookupOptions.probe && clock.now() < skipUntil) {
      return (await fromSession(key)) ?? { ok: false, failure: lastFailure ?? new StorageFailure('get', 'unavailable') }
    }
    let value: unknown
    try {
      value = await call('get', () => primary.get(key))
    } catch (error) {
      const failure = failed('get', key, error)
      return (await fromSession(key)) ?? { ok: false, failure }
    }
    answered()
    if (!pending.has(key)) {
      // Kept for the rest of the session, so a later stall still finds it.
      await (value === undefined ? session.del(key) : session.set(key, value))
      known.add(key)
    }
    return { ok: true, value, from: 'primary' }
  }

  return {
    get degraded() {
      return degraded
    },
    lookup,
    get: async (key) => {
      const found = await lookup(key)
      return found.ok ? found.value : undefined
    },
    set: (key, value) => write(key, 'set', value),
    del: (key) => write(key, 'del', undefined),
  }
}
