/**
 * Device id (CL-HDR-2, CL-HDR-4): once an id is stored it is kept, whatever its source; with nothing
 * stored, the hashed platform id where there is one, else a generated id, persisted (and mirrored by
 * the store) so it stays the same across starts.
 */
import { createHash } from 'node:crypto'
import { createDeviceIdentity, resolveDeviceId } from '../../../../src/core/platform/device-id'
import type { Platform } from '../../../../src/core/platform/platform'
import { createPlatform } from '../../../../src/core/platform/detect'
import { createDeviceStore } from '../../../../src/core/storage/device-store'
import { createWebStorageStore, MemoryStore, StorageFailure, type KeyValueStore } from '../../../../src/core/storage/kv'
import { FakeClock } from '../../../support/fake-clock'
import { CapturingLogger } from '../support/build'
import { fakeTizen, fakeWebOs } from './fakes'

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

describe('CL-HDR-4: a stored id is kept across launches, even when the platform id answers later', () => {
  test('webOS, slow first launch: LGUDID times out, a generated id is stored; next launch LGUDID answers and the stored id is kept', async () => {
    const kv = new MemoryStore()
    const logger = new CapturingLogger()
    const store = createDeviceStore({ primary: kv, logger, clock })
    const slowClock = new FakeClock()
    const slow = createPlatform({ clock: slowClock, globals: fakeWebOs({ lgudid: 'never' }).globals, callbackTimeoutMs: 3000 })
    const firstLaunch = resolveDeviceId({ platform: slow, store, clock: slowClock, logger })
    await slowClock.advance(3000)
    const first = await firstLaunch
    expect(first.source).toBe('generated')

    const answering = fakeWebOs()
    const next = await resolveDeviceId({ platform: createPlatform({ clock, globals: answering.globals }), store, clock, logger })
    expect(next).toEqual(first)
    expect(next.id).not.toBe(sha('lg-udid-0001'))
    expect(await store.getDeviceId()).toEqual(first)
    // The stored id answers first: no platform call, no 3 s wait, and nothing says sign-ins are lost.
    expect(answering.lgudidCalls).toBe(0)
    expect(logger.lines).toEqual([])
    expect(logger.text()).not.toMatch(/lost|switching/i)
  })

  test('a stored generated id is kept on Tizen too, where the DUID is available', async () => {
    const { options, store } = setup(createPlatform({ clock, globals: fakeTizen() }))
    await store.setDeviceId({ id: 'f'.repeat(64), source: 'generated' })
    await expect(resolveDeviceId(options)).resolves.toEqual({ id: 'f'.repeat(64), source: 'generated' })
  })

  test('nothing stored: the platform id, hashed, is adopted and stored', async () => {
    const { options, store, logger } = setup(createPlatform({ clock, globals: fakeWebOs().globals }))
    await expect(resolveDeviceId(options)).resolves.toEqual({ id: sha('lg-udid-0001'), source: 'platform' })
    expect(await store.getDeviceId()).toEqual({ id: sha('lg-udid-0001'), source: 'platform' })
    expect(logger.lines).toEqual([])
  })

  test('a store that cannot be read at all: a session id, not stored over an id the store may hold', async () => {
    const unreadable: KeyValueStore = {
      get: () => Promise.reject(new StorageFailure('get', 'InvalidStateError')),
      set: jest.fn(() => Promise.resolve()),
      del: () => Promise.resolve(),
    }
    const logger = new CapturingLogger()
    const store = createDeviceStore({ primary: unreadable, mirror: createWebStorageStore(() => undefined, 'p:'), logger, clock })
    const platform = createPlatform({ clock, globals: fakeTizen() })
    await expect(resolveDeviceId({ platform, store, clock, logger })).resolves.toEqual({ id: sha('T-DUID-0001'), source: 'platform' })
    expect(unreadable.set).not.toHaveBeenCalled()
    const warning = logger.lines.find((l) => l.message.startsWith('device id'))
    expect(warning?.fields).toEqual({ source: 'platform', reason: 'InvalidStateError' })
    expect(logger.text()).not.toContain(sha('T-DUID-0001'))
    expect(logger.text()).not.toContain('T-DUID-0001')
  })
})
