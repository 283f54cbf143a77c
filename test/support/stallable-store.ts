import type { KeyValueStore } from '../../src/core/storage/kv'

/**
 * A primary whose calls can be held (an IndexedDB that stalls) and released later, in order, or
 * left hanging for good; or whose next calls fail with an engine error.
 */
export function stallable(inner: KeyValueStore) {
  let stalled = false
  let failures = 0
  let held: Array<() => void> = []
  const calls: string[] = []
  const run = <T>(name: string, action: () => Promise<T>): Promise<T> => {
    calls.push(name)
    if (failures > 0) {
      failures -= 1
      return Promise.reject(new DOMException('the database connection is closing', 'InvalidStateError'))
    }
    if (!stalled) return action()
    return new Promise<T>((resolve, reject) => held.push(() => action().then(resolve, reject)))
  }
  const store: KeyValueStore = {
    get: (key) => run(`get ${key}`, () => inner.get(key)),
    set: (key, value) => run(`set ${key}`, () => inner.set(key, value)),
    del: (key) => run(`del ${key}`, () => inner.del(key)),
  }
  return {
    store,
    calls,
    stall: () => {
      stalled = true
    },
    /** IndexedDB answers again: the held calls run, in the order they were made. */
    release: () => {
      stalled = false
      const waiting = held
      held = []
      waiting.forEach((go) => go())
    },
    /** New calls are answered again; the held ones never settle (an open that never completes). */
    resume: () => {
      stalled = false
      held = []
    },
    /** The next `count` calls fail at once with an engine error; later calls are answered. */
    failNext: (count = 1) => {
      failures = count
    },
  }
}
