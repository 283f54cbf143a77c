/**
 * Device id (CL-HDR-2, CL-HDR-4): the hashed platform id where there is one, else a generated id
 * persisted (and mirrored by the store) so it stays the same across starts.
 */
import { createHash } from 'node:crypto'
import { createDeviceIdentity, resolveDeviceId } from '../../../../src/core/platform/device-id'
import type { Platform } from '../../../../src/core/platform/platform'
import { createPlatform } from '../../../../src/core/platform/detect'
import { createDeviceStore } from '../../../../src/core/storage/device-store'
import { MemoryStore } from '../../../../src/core/storage/kv'
import { FakeClock } from '../../../support/fake-clock'
import { CapturingLogger } from '../support/build'
import { fakeTizen, fakeWebOs } from './fakes'

const sha = (s: string): string => createHash('sha256').update(s).digest('hex')
const clock = new FakeClock()

function setup(platform: Platform) {
  const kv = new MemoryStore()
  const logger = new CapturingLogger()
  const store = createDeviceStore({ primary: kv, logger })
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
