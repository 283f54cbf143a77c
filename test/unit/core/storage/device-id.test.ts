/**
 * Device id (CL-HDR-2, CL-HDR-4): where the platform has a stable id (Tizen DUID, webOS LGUDID) the
 * id is derived from it at every launch, so storage wiped by an update (webOS) keeps the same id;
 * the stored id is used when the platform has none or does not answer within the wait, and a
 * generated id only when nothing is stored. A store that cannot be read never gets a generated id
 * written over the id it may hold.
 */
import 'fake-indexeddb/auto'
import { createHash } from 'node:crypto'
import { MAX_TIMER_MS } from '../../../../src/core/base/clock'
import { createDeviceIdentity, resolveDeviceId } from '../../../../src/core/storage/device-id'
import type { Platform } from '../../../../src/core/platform/platform'
import { createPlatform } from '../../../../src/core/platform/detect'
import { createDeviceStore, createPersistentDeviceStore, recordVersion, type DeviceIdRecord } from '../../../../src/core/storage/device-store'
import { createIdbStore } from '../../../../src/core/storage/idb-kv'
import { StorageFailure, type KeyValueStore } from '../../../../src/core/storage/kv'
import { MemoryStore } from '../../../../src/core/storage/memory-kv'
import { createResilientStore } from '../../../../src/core/storage/resilient-kv'
import { createWebStorageStore } from '../../../../src/core/storage/web-storage-kv'
import { FakeClock, flushPromises } from '../../../support/fake-clock'
import { stallable } from '../../../support/stallable-store'
import { CapturingLogger } from '../../../support/pass-client-build'
import { fakeTizen, fakeWebOs } from '../../../support/platform-fakes'

const sha = (s: string): string => createHash('sha256').update(s).digest('hex')
const clock = new FakeClock()

function setup(platform: Platform) {
  const kv = new MemoryStore()
  const logger = new CapturingLogger()
  const store = createDeviceStore({ primary: kv, logger, clock })
  return { kv, logger, store, options: { platform, store, clock, logger } }
}

test('Tizen: the id is SHA-256 of the DUID, the same at every start', async () => {
  const { options, store } = setup(createPlatform({ clock, globals: fakeTizen() }))
  const first = await resolveDeviceId(options)
  expect(first).toEqual({ id: sha('T-DUID-0001'), source: 'platform' })
  expect(await store.getDeviceId()).toEqual(first)
  await expect(resolveDeviceId(options)).resolves.toEqual(first)
})

test('webOS: the id is SHA-256 of the LGUDID; the raw id is never stored', async () => {
  const { options, kv } = setup(createPlatform({ clock, globals: fakeWebOs().globals }))
  await expect(resolveDeviceId(options)).resolves.toEqual({ id: sha('lg-udid-0001'), source: 'platform' })
  expect(JSON.stringify(await kv.get('deviceId'))).not.toContain('lg-udid-0001')
})

test('CL-HDR-4: no platform id → a generated id, persisted and reused', async () => {
  const { options, store } = setup(createPlatform({ clock, globals: { navigator: { userAgent: 'Chrome/120' } } }))
  const first = await resolveDeviceId(options)
  expect(first.source).toBe('generated')
  expect(first.id).toMatch(/^[0-9a-f]{64}$/)
  await expect(resolveDeviceId(options)).resolves.toEqual(first)
  await expect(resolveDeviceId({ ...options, store })).resolves.toEqual(first)
})

test('two devices without platform ids get different ids', async () => {
  const a = await resolveDeviceId(setup(createPlatform({ clock, globals: {} })).options)
  const b = await resolveDeviceId(setup(createPlatform({ clock, globals: {} })).options)
  expect(a.id).not.toBe(b.id)
})

test('a platform id that fails this time keeps the stored one (no silent change of identity)', async () => {
  const fake = fakeWebOs()
  const { options } = setup(createPlatform({ clock, globals: fake.globals }))
  const first = await resolveDeviceId(options)
  const failing = createPlatform({ clock, globals: fakeWebOs({ lgudid: 'fail' }).globals })
  await expect(resolveDeviceId({ ...options, platform: failing })).resolves.toEqual(first)
})

test('createDeviceIdentity resolves once and adds applicationId to the device info', async () => {
  const platform = createPlatform({ clock, globals: fakeTizen() })
  const stableId = jest.spyOn(platform, 'stableId')
  const identity = createDeviceIdentity({ ...setup(platform).options, applicationId: 'MYCHAN' })
  await Promise.all([identity.deviceId(), identity.deviceId()])
  expect(stableId).toHaveBeenCalledTimes(1)
  await expect(identity.deviceInfo()).resolves.toMatchObject({ applicationId: 'MYCHAN', primaryHardwareType: 'TV', model: 'UE55TU8000' })
})

/** A platform whose stable id arrives when the test says (or never). */
function slowPlatform() {
  let answer: (raw: string | null) => void = () => undefined
  let calls = 0
  const platform: Platform = {
    ...createPlatform({ clock, globals: {} }),
    stableId: () => {
      calls += 1
      return new Promise<string | null>((resolve) => {
        answer = resolve
      })
    },
  }
  return { platform, answer: (raw: string | null) => answer(raw), calls: () => calls }
}

const generatedId: DeviceIdRecord = { id: 'f'.repeat(64), source: 'generated' }

describe('CL-HDR-4: the platform id is derived at every launch and wins over a stored id', () => {
  test('webOS: an app update wiped IndexedDB and localStorage; LGUDID gives the same id again', async () => {
    localStorage.clear()
    const launch = (dbName: string) => {
      const c = new FakeClock()
      const logger = new CapturingLogger()
      const store = createPersistentDeviceStore({ clock: c, logger, dbName, mirrorPrefix: 'update:' })
      return resolveDeviceId({ platform: createPlatform({ clock: c, globals: fakeWebOs().globals }), store, clock: c, logger })
    }
    const before = await launch('before-update')
    localStorage.clear() // the update: a new, empty database and an empty localStorage
    await expect(launch('after-update')).resolves.toEqual(before)
    expect(before).toEqual({ id: sha('lg-udid-0001'), source: 'platform' })
  })

  test('Tizen: a stored generated id gives way to the DUID, and the stored record is updated', async () => {
    const { options, store, logger } = setup(createPlatform({ clock, globals: fakeTizen() }))
    await store.setDeviceId(generatedId)
    await expect(resolveDeviceId(options)).resolves.toEqual({ id: sha('T-DUID-0001'), source: 'platform' })
    expect(await store.getDeviceId()).toEqual({ id: sha('T-DUID-0001'), source: 'platform' })
    // The change costs the sign-ins bound to the old id: said once, without either id.
    expect(logger.lines).toEqual([{ level: 'warn', message: 'device id: the platform id replaces the stored id', fields: { stored: 'generated' } }])
    expect(logger.text()).not.toContain('f'.repeat(64))
  })

  test('webOS, slow first launch: LGUDID silent for the whole wait → a generated id, stored; next launch LGUDID answers → its id wins and is stored', async () => {
    const kv = new MemoryStore()
    const logger = new CapturingLogger()
    const slowClock = new FakeClock()
    const store = createDeviceStore({ primary: kv, logger, clock: slowClock })
    const silent = createPlatform({ clock: slowClock, globals: fakeWebOs({ lgudid: 'never' }).globals, callbackTimeoutMs: 10_000 })
    const firstLaunch = resolveDeviceId({ platform: silent, store, clock: slowClock, logger })
    await slowClock.advance(3000)
    const first = await firstLaunch
    expect(first.source).toBe('generated')
    expect(await store.getDeviceId()).toEqual(first)

    const next = await resolveDeviceId({ platform: createPlatform({ clock, globals: fakeWebOs().globals }), store, clock, logger })
    expect(next).toEqual({ id: sha('lg-udid-0001'), source: 'platform' })
    expect(await store.getDeviceId()).toEqual(next)
  })

  test('a platform that never answers: the id is settled after platformWaitMs on the clock (nothing stored → generated, stored)', async () => {
    const c = new FakeClock()
    const slow = slowPlatform()
    const logger = new CapturingLogger()
    const store = createDeviceStore({ primary: new MemoryStore(), logger, clock: c })
    let settled: DeviceIdRecord | undefined
    const result = resolveDeviceId({ platform: slow.platform, store, clock: c, logger, platformWaitMs: 2000 })
    void result.then((r) => (settled = r))
    await c.advance(1999)
    expect(settled).toBeUndefined()
    await c.advance(1)
    const id = await result
    expect(id.source).toBe('generated')
    expect(await store.getDeviceId()).toEqual(id)
    expect(c.pendingTimers).toBe(0)
  })

  test('the platform answers after the wait: this launch keeps the stored id in its headers and does not overwrite it', async () => {
    const c = new FakeClock()
    const slow = slowPlatform()
    const logger = new CapturingLogger()
    const store = createDeviceStore({ primary: new MemoryStore(), logger, clock: c })
    await store.setDeviceId(generatedId)
    const identity = createDeviceIdentity({ platform: slow.platform, store, clock: c, logger })
    const first = identity.deviceId()
    await c.advance(3000)
    await expect(first).resolves.toBe(generatedId.id)
    slow.answer('T-DUID-late')
    await flushPromises()
    await expect(identity.deviceId()).resolves.toBe(generatedId.id)
    expect(await store.getDeviceId()).toEqual(generatedId)
    expect(slow.calls()).toBe(1)
    expect(logger.text()).not.toContain('T-DUID-late')
  })

  test('the stored id and the platform are asked at once: an IndexedDB stall and a silent platform cost one wait', async () => {
    localStorage.clear()
    const c = new FakeClock()
    const logger = new CapturingLogger()
    const hanging: KeyValueStore = { get: () => new Promise(() => undefined), set: () => new Promise(() => undefined), del: () => new Promise(() => undefined) }
    const mirror = createWebStorageStore(() => localStorage, 'overlap:')
    await mirror.set('deviceId', { v: recordVersion, at: 1, data: generatedId })
    const store = createDeviceStore({ primary: createResilientStore({ primary: hanging, clock: c, logger, timeoutMs: 3000 }), mirror, logger, clock: c })
    let settled: DeviceIdRecord | undefined
    const result = resolveDeviceId({ platform: slowPlatform().platform, store, clock: c, logger })
    void result.then((r) => (settled = r))
    await c.advance(2999)
    expect(settled).toBeUndefined()
    await c.advance(1)
    await expect(result).resolves.toEqual(generatedId)
  })

  test('a wait too long for setTimeout is clamped (MAX_TIMER_MS), so it still ends', async () => {
    const delays: number[] = []
    const c = new FakeClock()
    const recording = {
      now: () => c.now(),
      clearTimeout: (h: unknown) => c.clearTimeout(h),
      setTimeout: (f: () => void, ms: number) => (delays.push(ms), c.setTimeout(f, ms)),
    }
    const logger = new CapturingLogger()
    const store = createDeviceStore({ primary: new MemoryStore(), logger, clock: c })
    const result = resolveDeviceId({ platform: slowPlatform().platform, store, clock: recording, logger, platformWaitMs: Number.MAX_SAFE_INTEGER })
    await c.advance(MAX_TIMER_MS)
    await expect(result).resolves.toMatchObject({ source: 'generated' })
    expect(delays).toEqual([MAX_TIMER_MS])
  })

  test('nothing stored: the platform id, hashed, is adopted and stored, without a warning', async () => {
    const { options, store, logger } = setup(createPlatform({ clock, globals: fakeWebOs().globals }))
    await expect(resolveDeviceId(options)).resolves.toEqual({ id: sha('lg-udid-0001'), source: 'platform' })
    expect(await store.getDeviceId()).toEqual({ id: sha('lg-udid-0001'), source: 'platform' })
    expect(logger.lines).toEqual([])
  })

  test('the platform id already stored: no write, no warning', async () => {
    const { options, kv, logger } = setup(createPlatform({ clock, globals: fakeTizen() }))
    await resolveDeviceId(options)
    const set = jest.spyOn(kv, 'set')
    await resolveDeviceId(options)
    expect(set).not.toHaveBeenCalled()
    expect(logger.lines).toEqual([])
  })
})

describe('CL-HDR-4: a store that cannot be read never gets a generated id over the id it may hold', () => {
  test('IndexedDB stalled and the mirror empty, no platform id: an id for this launch only; the id in IndexedDB survives', async () => {
    localStorage.clear()
    const dbName = 'device-id-stall'
    await createIdbStore({ dbName }).set('deviceId', { v: recordVersion, at: 1, data: generatedId })
    const c = new FakeClock(10_000)
    const logger = new CapturingLogger()
    const gate = stallable(createIdbStore({ dbName }))
    const primary = createResilientStore({ primary: gate.store, clock: c, logger, timeoutMs: 3000 })
    const store = createDeviceStore({ primary, mirror: createWebStorageStore(() => localStorage, 'stall:'), logger, clock: c })
    const browser = createPlatform({ clock: c, globals: {} })
    gate.stall()
    const launch = resolveDeviceId({ platform: browser, store, clock: c, logger })
    await c.advance(3000)
    const id = await launch
    expect(id.source).toBe('generated')
    expect(id.id).not.toBe(generatedId.id)
    expect(logger.lines.find((l) => l.message.startsWith('device id'))?.fields).toEqual({ source: 'generated', reason: 'timeout' })
    expect(logger.text()).not.toContain(id.id)
    // IndexedDB answers again: nothing was queued over the stored id, and the next launch finds it.
    gate.release()
    await flushPromises()
    await expect(createIdbStore({ dbName }).get('deviceId')).resolves.toEqual({ v: recordVersion, at: 1, data: generatedId })
    expect(localStorage.getItem('stall:deviceId')).toBeNull()
    const next = createDeviceStore({ primary: createIdbStore({ dbName }), mirror: createWebStorageStore(() => localStorage, 'stall:'), logger, clock: c })
    await expect(resolveDeviceId({ platform: browser, store: next, clock: c, logger })).resolves.toEqual(generatedId)
  })

  test('both stores unreadable, no platform id: a launch id, not stored, with a warning naming no id', async () => {
    const unreadable: KeyValueStore = {
      get: () => Promise.reject(new StorageFailure('get', 'InvalidStateError')),
      set: jest.fn(() => Promise.resolve()),
      del: () => Promise.resolve(),
    }
    const logger = new CapturingLogger()
    const store = createDeviceStore({ primary: unreadable, mirror: createWebStorageStore(() => undefined, 'p:'), logger, clock })
    const platform = createPlatform({ clock, globals: { navigator: { userAgent: 'Chrome/120' } } })
    const id = await resolveDeviceId({ platform, store, clock, logger })
    expect(id.source).toBe('generated')
    expect(unreadable.set).not.toHaveBeenCalled()
    expect(logger.lines.find((l) => l.message.startsWith('device id'))?.fields).toEqual({ source: 'generated', reason: 'InvalidStateError' })
    expect(logger.text()).not.toContain(id.id)
  })

  test('both stores unreadable, Tizen: the DUID-derived id is used and stored (it wins over any stored id)', async () => {
    const unreadable: KeyValueStore = {
      get: () => Promise.reject(new StorageFailure('get', 'InvalidStateError')),
      set: jest.fn(() => Promise.resolve()),
      del: () => Promise.resolve(),
    }
    const logger = new CapturingLogger()
    const store = createDeviceStore({ primary: unreadable, mirror: createWebStorageStore(() => undefined, 'p:'), logger, clock })
    const platform = createPlatform({ clock, globals: fakeTizen() })
    await expect(resolveDeviceId({ platform, store, clock, logger })).resolves.toEqual({ id: sha('T-DUID-0001'), source: 'platform' })
    expect(unreadable.set).toHaveBeenCalledWith('deviceId', expect.objectContaining({ data: { id: sha('T-DUID-0001'), source: 'platform' } }))
    expect(logger.text()).not.toContain(sha('T-DUID-0001'))
    expect(logger.text()).not.toContain('T-DUID-0001')
  })
})
