/**
 * Key-value persistence for core: IndexedDB through idb-keyval in its own named database, with an
 * in-memory fallback when IndexedDB is missing, blocked or throws (private mode, quota, an open that
 * never settles on some TV engines; tv-platforms.md section 5). The fallback logs one warning that
 * names the operation and the error's name, never a value.
 */
import { createStore, del as idbDel, get as idbGet, set as idbSet, type UseStore } from 'idb-keyval'
import type { Clock } from '../flow/clock'
import type { Logger } from '../platform/logger'

/** A minimal async key-value store. `get` resolves `undefined` for an absent key. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
  del(key: string): Promise<void>
}

/** Raised by a store whose backing storage failed (the resilient store turns it into a fallback). */
export class StorageFailure extends Error {
  constructor(readonly operation: string, readonly reason: string) {
    super(`storage ${operation} failed: ${reason}`)
    this.name = 'StorageFailure'
  }
}

/** Values live as long as the object: the fallback, and the store tests use. */
export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>()

  get(key: string): Promise<unknown> {
    return Promise.resolve(this.values.get(key))
  }

  set(key: string, value: unknown): Promise<void> {
    this.values.set(key, value)
    return Promise.resolve()
  }

  del(key: string): Promise<void> {
    this.values.delete(key)
    return Promise.resolve()
  }
}

export interface IdbStoreOptions {
  /**
   * The app's own database, so idb-keyval's shared default (`keyval-store`) is never touched.
   * @defaultValue `'mychannel-pass'`
   */
  readonly dbName?: string
  /** @defaultValue `'records'` */
  readonly storeName?: string
}

function errorName(error: unknown): string {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)) {
    return String((error as { name: unknown }).name)
  }
  return typeof error
}

/**
 * IndexedDB through idb-keyval. Rejects with StorageFailure when IndexedDB is absent or an operation
 * fails; use it inside createResilientStore, which adds the timeout and the fallback.
 */
export function createIdbStore(options: IdbStoreOptions = {}): KeyValueStore {
  const dbName = options.dbName ?? 'mychannel-pass'
  const storeName = options.storeName ?? 'records'
  let store: UseStore | undefined
  const run = <T>(operation: string, action: (s: UseStore) => Promise<T>): Promise<T> => {
    try {
      if (typeof indexedDB === 'undefined' || indexedDB === null) {
        return Promise.reject(new StorageFailure(operation, 'IndexedDB is not available'))
      }
      store = store ?? createStore(dbName, storeName)
      return action(store).catch((error: unknown) => {
        throw new StorageFailure(operation, errorName(error))
      })
    } catch (error) {
      // Some engines throw synchronously from indexedDB.open (e.g. SecurityError in private mode).
      return Promise.reject(new StorageFailure(operation, errorName(error)))
    }
  }
  return {
    get: (key) => run('get', (s) => idbGet(key, s)),
    set: (key, value) => run('set', (s) => idbSet(key, value, s)),
    del: (key) => run('del', (s) => idbDel(key, s)),
  }
}

/** localStorage (or any Web Storage), JSON-encoded under a prefix. Rejects with StorageFailure. */
export function createWebStorageStore(storage: () => Storage | null | undefined, prefix: string): KeyValueStore {
  const use = <T>(operation: string, action: (s: Storage) => T): Promise<T> => {
    try {
      const s = storage()
      if (!s) return Promise.reject(new StorageFailure(operation, 'Web Storage is not available'))
      return Promise.resolve(action(s))
    } catch (error) {
      return Promise.reject(new StorageFailure(operation, errorName(error)))
    }
  }
  return {
    get: (key) =>
      use('get', (s) => {
        const text = s.getItem(prefix + key)
        if (text === null) return undefined
        try {
          return JSON.parse(text) as unknown
        } catch {
          return undefined // a corrupt entry is an absent one
        }
      }),
    set: (key, value) => use('set', (s) => s.setItem(prefix + key, JSON.stringify(value))),
    del: (key) => use('del', (s) => s.removeItem(prefix + key)),
  }
}

export interface ResilientStoreOptions {
  readonly primary: KeyValueStore
  readonly clock: Clock
  readonly logger: Logger
  /**
   * An IndexedDB operation that has not settled by then counts as failed (a blocked open never does).
   * @defaultValue `3000`
   */
  readonly timeoutMs?: number
  /** Used after the primary failed. @defaultValue a new MemoryStore */
  readonly fallback?: KeyValueStore
}

/** A KeyValueStore that also says whether it is running on its fallback. */
export interface ResilientStore extends KeyValueStore {
  readonly degraded: boolean
}

/**
 * The primary store until its first failure, then the fallback for the rest of the session, with one
 * warning. Never rejects (unless the fallback itself does), so the app keeps working.
 */
export function createResilientStore(options: ResilientStoreOptions): ResilientStore {
  const { primary, clock, logger } = options
  const timeoutMs = options.timeoutMs ?? 3000
  const fallback = options.fallback ?? new MemoryStore()
  let degraded = false

  const withTimeout = <T>(operation: string, promise: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = clock.setTimeout(() => reject(new StorageFailure(operation, 'timeout')), timeoutMs)
      promise.then(
        (value) => {
          clock.clearTimeout(timer)
          resolve(value)
        },
        (error: unknown) => {
          clock.clearTimeout(timer)
          reject(error instanceof Error ? error : new StorageFailure(operation, errorName(error)))
        },
      )
    })

  const degrade = (operation: string, key: string, error: unknown): void => {
    if (degraded) return
    degraded = true
    logger.warn('storage: IndexedDB unavailable, keeping data in memory for this session', {
      operation,
      key,
      reason: error instanceof StorageFailure ? error.reason : errorName(error),
    })
  }

  const attempt = async <T>(operation: string, key: string, onPrimary: () => Promise<T>, onFallback: () => Promise<T>): Promise<T> => {
    if (!degraded) {
      try {
        return await withTimeout(operation, onPrimary())
      } catch (error) {
        degrade(operation, key, error)
      }
    }
    return onFallback()
  }

  return {
    get degraded() {
      return degraded
    },
    get: (key) => attempt('get', key, () => primary.get(key), () => fallback.get(key)),
    set: async (key, value) => {
      // Written through to the fallback too, so a later failure does not lose this session's writes.
      await fallback.set(key, value)
      await attempt('set', key, () => primary.set(key, value), () => Promise.resolve())
    },
    del: async (key) => {
      await fallback.del(key)
      await attempt('del', key, () => primary.del(key), () => Promise.resolve())
    },
  }
}
