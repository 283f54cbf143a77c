/**
 * The key-value seam of storage and how its stores fail. The stores: memory-kv.ts (the session copy
 * and tests), idb-kv.ts (IndexedDB), web-storage-kv.ts (the localStorage mirror) and resilient-kv.ts
 * (IndexedDB with a timeout, a circuit breaker and the session copy; docs/architecture.md "Storage").
 */
import { errorName } from '../base/logger'

/** A minimal async key-value store. `get` resolves `undefined` for an absent key. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
  del(key: string): Promise<void>
}

/**
 * Why a storage operation failed: `unsupported` (no IndexedDB or Web Storage in this engine at all),
 * `timeout` (no answer in time; it may still answer later) or `failed` (the engine raised an error).
 */
export type StorageFailureKind = 'unsupported' | 'timeout' | 'failed'

/** Raised by a store whose backing storage failed (the resilient store turns it into a fallback). */
export class StorageFailure extends Error {
  constructor(
    readonly operation: string,
    /** The error's name or a fixed phrase; never a stored value. */
    readonly reason: string,
    readonly kind: StorageFailureKind = 'failed',
  ) {
    super(`storage ${operation} failed: ${reason}`)
    this.name = 'StorageFailure'
  }
}

/** True for a StorageFailure, also one from another realm (checked by name, as ky's guards do). */
export function isStorageFailure(error: unknown): error is StorageFailure {
  return error instanceof StorageFailure || (error instanceof Error && error.name === 'StorageFailure' && 'operation' in error)
}

/** `error` as a StorageFailure of `operation`: kept when it is one, else named by the error's name. */
export function toStorageFailure(operation: string, error: unknown): StorageFailure {
  return isStorageFailure(error) ? error : new StorageFailure(operation, errorName(error))
}
