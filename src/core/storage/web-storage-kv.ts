import { StorageFailure, toStorageFailure, type KeyValueStore } from './kv'

/** localStorage (or any Web Storage), JSON-encoded under a prefix. Rejects with StorageFailure. */
export function createWebStorageStore(storage: () => Storage | null | undefined, prefix: string): KeyValueStore {
  const use = <T>(operation: string, action: (s: Storage) => T): Promise<T> => {
    try {
      const s = storage()
      if (!s) return Promise.reject(new StorageFailure(operation, 'Web Storage is not available', 'unsupported'))
      return Promise.resolve(action(s))
    } catch (error) {
      return Promise.reject(toStorageFailure(operation, error))
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
