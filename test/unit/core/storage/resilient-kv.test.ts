/**
 * resilient-kv.ts over fake-indexeddb: the fallback when IndexedDB is missing, blocked or throws
 * (private mode, quota). Fake clock: a hanging open times out without waiting. A failure is never
 * final: reads try IndexedDB again after a short pause, and writes made while it does not answer
 * reach it once it does (CL-REG-2, CL-REG-3).
 */
import 'fake-indexeddb/auto'
import { MAX_TIMER_MS, type Clock } from '../../../../src/core/base/clock'
import { createIdbStore } from '../../../../src/core/storage/idb-kv'
import { StorageFailure, type KeyValueStore } from '../../../../src/core/storage/kv'
import { MemoryStore } from '../../../../src/core/storage/memory-kv'
import { createResilientStore } from '../../../../src/core/storage/resilient-kv'
import { FakeClock, flushPromises } from '../../../support/fake-clock'
import { CapturingLogger } from '../../../support/pass-client-build'
import { stallable } from '../../../support/stallable-store'

let n = 0
const uniqueDb = (): string => `resilient-kv-${++n}`

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

test('an IndexedDB timeout too long for setTimeout is clamped to MAX_TIMER_MS (it would overflow and fire at once)', async () => {
  const fake = new FakeClock()
  const delays: number[] = []
  const clock: Clock = {
    now: () => fake.now(),
    clearTimeout: (handle) => fake.clearTimeout(handle),
    setTimeout: (callback, ms) => {
      delays.push(ms)
      return fake.setTimeout(callback, ms)
    },
  }
  const hanging: KeyValueStore = { get: () => new Promise(() => undefined), set: () => new Promise(() => undefined), del: () => new Promise(() => undefined) }
  const store = createResilientStore({ primary: hanging, clock, logger: new CapturingLogger(), timeoutMs: Number.MAX_SAFE_INTEGER })
  const read = store.lookup('deviceId')
  await fake.advance(MAX_TIMER_MS)
  await expect(read).resolves.toMatchObject({ ok: false, failure: { kind: 'timeout' } })
  expect(delays).toEqual([MAX_TIMER_MS])
})

describe('createResilientStore: a failure is not final', () => {
  test('after a timeout, reads skip IndexedDB for retryAfterMs, then use it again', async () => {
    const clock = new FakeClock()
    const logger = new CapturingLogger()
    const idb = new MemoryStore()
    await idb.set('clientCredentials', 'stored')
    const gate = stallable(idb)
    const store = createResilientStore({ primary: gate.store, clock, logger, timeoutMs: 3000, retryAfterMs: 5000 })
    gate.stall()
    const first = store.lookup('clientCredentials')
    await clock.advance(3000)
    // Not known this session and IndexedDB silent: "unavailable", not "absent".
    await expect(first).resolves.toMatchObject({ ok: false, failure: { kind: 'timeout', reason: 'timeout' } })
    expect(store.degraded).toBe(true)
    // Inside the window: no new IndexedDB call, no new wait.
    await expect(store.lookup('clientCredentials')).resolves.toMatchObject({ ok: false })
    expect(gate.calls).toEqual(['get clientCredentials'])
    // The window is over and IndexedDB answers again: it is used, and the store is no longer degraded.
    gate.release()
    await clock.advance(5000)
    await expect(store.lookup('clientCredentials')).resolves.toEqual({ ok: true, value: 'stored', from: 'primary' })
    expect(gate.calls).toEqual(['get clientCredentials', 'get clientCredentials'])
    expect(store.degraded).toBe(false)
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1)
  })

  test('a probe lookup asks IndexedDB inside the skip window (one real attempt, normal timeout)', async () => {
    const clock = new FakeClock()
    const idb = new MemoryStore()
    await idb.set('clientCredentials', 'stored')
    const gate = stallable(idb)
    const store = createResilientStore({ primary: gate.store, clock, logger: new CapturingLogger(), timeoutMs: 3000, retryAfterMs: 5000 })
    gate.failNext()
    await expect(store.lookup('clientCredentials')).resolves.toMatchObject({ ok: false, failure: { reason: 'InvalidStateError' } })
    await clock.advance(1500)
    await expect(store.lookup('clientCredentials')).resolves.toMatchObject({ ok: false })
    expect(gate.calls).toHaveLength(1)
    await expect(store.lookup('clientCredentials', { probe: true })).resolves.toEqual({ ok: true, value: 'stored', from: 'primary' })
    expect(gate.calls).toHaveLength(2)
    expect(store.degraded).toBe(false)
    // A probe that stalls is still bounded by the timeout, and the window opens again.
    gate.stall()
    const stalled = store.lookup('other', { probe: true })
    await clock.advance(3000)
    await expect(stalled).resolves.toMatchObject({ ok: false, failure: { reason: 'timeout' } })
    expect(store.degraded).toBe(true)
  })

  test('a late answer of a stalled call counts as IndexedDB being back', async () => {
    const clock = new FakeClock()
    const gate = stallable(new MemoryStore())
    const store = createResilientStore({ primary: gate.store, clock, logger: new CapturingLogger(), timeoutMs: 3000 })
    gate.stall()
    const read = store.get('deviceId')
    await clock.advance(3000)
    await read
    expect(store.degraded).toBe(true)
    gate.release()
    await flushPromises()
    expect(store.degraded).toBe(false)
    await expect(store.lookup('deviceId')).resolves.toMatchObject({ ok: true, from: 'primary' })
  })

  test('a write during a stall is kept for the session and reaches IndexedDB once it answers', async () => {
    const clock = new FakeClock()
    const dbName = uniqueDb()
    const idb = createIdbStore({ dbName })
    await idb.set('accessToken', 'old')
    const gate = stallable(idb)
    const store = createResilientStore({ primary: gate.store, clock, logger: new CapturingLogger(), timeoutMs: 3000 })
    gate.stall()
    // A write while IndexedDB is healthy as far as the store knows: the caller waits at most the timeout.
    const written = store.set('accessToken', 'new')
    await clock.advance(3000)
    await written
    // A write while IndexedDB is known to be failing: the caller does not wait at all.
    await store.set('clientCredentials', 'creds')
    // This session reads its own writes, not the older IndexedDB value.
    await expect(store.get('accessToken')).resolves.toBe('new')
    await expect(createIdbStore({ dbName }).get('accessToken')).resolves.toBe('old')
    gate.release()
    await flushPromises()
    await expect(createIdbStore({ dbName }).get('accessToken')).resolves.toBe('new')
    await expect(createIdbStore({ dbName }).get('clientCredentials')).resolves.toBe('creds')
  })

  test('a write IndexedDB refused is sent again when IndexedDB next answers', async () => {
    const clock = new FakeClock()
    const idb = new MemoryStore()
    let refuse = true
    const flaky: KeyValueStore = {
      get: (key) => idb.get(key),
      set: (key, value) => (refuse ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : idb.set(key, value)),
      del: (key) => idb.del(key),
    }
    const store = createResilientStore({ primary: flaky, clock, logger: new CapturingLogger(), retryAfterMs: 5000 })
    await store.set('accessToken', 'AT')
    expect(await idb.get('accessToken')).toBeUndefined()
    refuse = false
    await clock.advance(5000)
    await store.get('deviceId') // any call IndexedDB answers
    await flushPromises()
    expect(await idb.get('accessToken')).toBe('AT')
  })

  test('a write on its way is not sent again when another call answers first (IndexedDB runs writes in order)', async () => {
    const idb = new MemoryStore()
    const sent: string[] = []
    let land: (() => void) | undefined
    const slowWrites: KeyValueStore = {
      get: (key) => idb.get(key),
      set: (key, value) => {
        sent.push(key)
        return new Promise<void>((resolve) => {
          land = () => void idb.set(key, value).then(resolve)
        })
      },
      del: (key) => idb.del(key),
    }
    const store = createResilientStore({ primary: slowWrites, clock: new FakeClock(), logger: new CapturingLogger() })
    const written = store.set('deviceId', 'D')
    await store.get('lastMvpd') // answered while the write is on its way
    await flushPromises()
    expect(sent).toEqual(['deviceId'])
    land?.()
    await written
    await store.get('lastMvpd')
    await flushPromises()
    expect(sent).toEqual(['deviceId'])
    expect(await idb.get('deviceId')).toBe('D')
  })

  test('lookup tells "absent" (IndexedDB answered) from "unavailable" (it did not)', async () => {
    const clock = new FakeClock()
    const ok = createResilientStore({ primary: new MemoryStore(), clock, logger: new CapturingLogger() })
    await expect(ok.lookup('clientCredentials')).resolves.toEqual({ ok: true, value: undefined, from: 'primary' })
    const broken = createResilientStore({
      primary: { get: () => Promise.reject(new Error('x')), set: () => Promise.resolve(), del: () => Promise.resolve() },
      clock,
      logger: new CapturingLogger(),
    })
    const result = await broken.lookup('clientCredentials')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.failure).toBeInstanceOf(StorageFailure)
  })
})
