import type { KeyValueStore } from './kv'

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
