/**
 * kv.ts over fake-indexeddb: the app's own database, and the fallback when IndexedDB is missing,
 * blocked or throws (private mode, quota). Fake clock: a hanging open times out without waiting.
 */
import 'fake-indexeddb/auto'
import { createIdbStore, createResilientStore, MemoryStore, StorageFailure, type KeyValueStore } from '../../../../src/core/storage/kv'
import { FakeClock } from '../../../support/fake-clock'
import { CapturingLogger } from '../support/build'

let n = 0
const uniqueDb = (): string => `test-db-${++n}`

test('values round-trip through IndexedDB in the app’s own named database', async () => {
  const dbName = uniqueDb()
  const store = createIdbStore({ dbName })
  await store.set('k', { v: 1, data: { a: [1, 2] } })
  expect(await store.get('k')).toEqual({ v: 1, data: { a: [1, 2] } })
  // A second store object over the same database sees the value (it is persisted, not in memory).
  expect(await createIdbStore({ dbName }).get('k')).toEqual({ v: 1, data: { a: [1, 2] } })
  await store.del('k')
  expect(await store.get('k')).toBeUndefined()
  const names = (await indexedDB.databases()).map((d) => d.name)
  expect(names).toContain(dbName)
  expect(names).not.toContain('keyval-store')
})

describe('createResilientStore', () => {
  const failing = (reason: string): KeyValueStore => ({
    get: () => Promise.reject(new StorageFailure('get', reason)),
    set: () => Promise.reject(new StorageFailure('set', reason)),
    del: () => Promise.reject(new StorageFailure('del', reason)),
  })

  test('IndexedDB missing: memory fallback, one warning without values, the app keeps working', async () => {
    const saved = globalThis.indexedDB
    // @ts-expect-error simulating an engine without IndexedDB
    delete globalThis.indexedDB
    try {
      const logger = new CapturingLogger()
      const store = createResilientStore({ primary: createIdbStore({ dbName: uniqueDb() }), clock: new FakeClock(), logger })
      await store.set('accessToken', { secret: 'value-that-must-not-be-logged' })
      expect(await store.get('accessToken')).toEqual({ secret: 'value-that-must-not-be-logged' })
      await store.set('other', 1)
      expect(store.degraded).toBe(true)
      expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1)
      expect(logger.lines[0]?.fields).toMatchObject({ operation: 'set', key: 'accessToken', reason: 'IndexedDB is not available' })
      expect(logger.text()).not.toContain('value-that-must-not-be-logged')
    } finally {
      globalThis.indexedDB = saved
    }
  })

  test('a blocked IndexedDB (an operation that never settles) times out on the clock and falls back', async () => {
    const clock = new FakeClock()
    const logger = new CapturingLogger()
    const hanging: KeyValueStore = { get: () => new Promise(() => undefined), set: () => new Promise(() => undefined), del: () => new Promise(() => undefined) }
    const store = createResilientStore({ primary: hanging, clock, logger, timeoutMs: 3000 })
    const read = store.get('deviceId')
    await clock.advance(2999)
    expect(store.degraded).toBe(false)
    await clock.advance(1)
    await expect(read).resolves.toBeUndefined()
    expect(store.degraded).toBe(true)
    expect(logger.lines[0]?.fields).toMatchObject({ reason: 'timeout' })
  })

  test('quota or private-mode errors on write: the value is still readable for this session', async () => {
    const logger = new CapturingLogger()
    const store = createResilientStore({ primary: failing('QuotaExceededError'), clock: new FakeClock(), logger, fallback: new MemoryStore() })
    await expect(store.set('lastMvpd', { id: 'Cable' })).resolves.toBeUndefined()
    await expect(store.get('lastMvpd')).resolves.toEqual({ id: 'Cable' })
    expect(logger.lines[0]?.fields).toMatchObject({ reason: 'QuotaExceededError' })
  })

  test('a healthy primary gets every write and no warning', async () => {
    const primary = new MemoryStore()
    const logger = new CapturingLogger()
    const store = createResilientStore({ primary, clock: new FakeClock(), logger })
    await store.set('a', 1)
    expect(await primary.get('a')).toBe(1)
    expect(logger.lines).toHaveLength(0)
  })
})
