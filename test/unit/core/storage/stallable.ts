import type { KeyValueStore } from '../../../../src/core/storage/kv'

/** A primary whose calls can be held (an IndexedDB that stalls) and released later, in order. */
export function stallable(inner: KeyValueStore) {
  let stalled = false
  let held: Array<() => void> = []
  const calls: string[] = []
  const run = <T>(name: string, action: () => Promise<T>): Promise<T> => {
    calls.push(name)
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
  }
}
