/** IndexedDB through idb-keyval, in the app's own named database. */
import { createStore, del as idbDel, get as idbGet, set as idbSet, type UseStore } from 'idb-keyval'
import { StorageFailure, toStorageFailure, type KeyValueStore } from './kv'

export interface IdbStoreOptions {
  /**
   * The app's own database, so idb-keyval's shared default (`keyval-store`) is never touched.
   * @defaultValue `'mychannel-pass'`
   */
  readonly dbName?: string
  /** @defaultValue `'records'` */
  readonly storeName?: string
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
        return Promise.reject(new StorageFailure(operation, 'IndexedDB is not available', 'unsupported'))
      }
      store = store ?? createStore(dbName, storeName)
      return action(store).catch((error: unknown) => {
        throw toStorageFailure(operation, error)
      })
    } catch (error) {
      // Some engines throw synchronously from indexedDB.open (e.g. SecurityError in private mode).
      return Promise.reject(toStorageFailure(operation, error))
    }
  }
  return {
    get: (key) => run('get', (s) => idbGet(key, s)),
    set: (key, value) => run('set', (s) => idbSet(key, value, s)),
    del: (key) => run('del', (s) => idbDel(key, s)),
  }
}
