/**
 * Typed, versioned records (device-store.ts): invalid records read as absent, never thrown; the
 * device id and last provider survive the loss of one store (CL-HDR-4, CL-CFG-2); profile parts
 * persist (CL-AUTHN-4).
 */
import 'fake-indexeddb/auto'
import { createDeviceStore, createPersistentDeviceStore, recordVersion } from '../../../../src/core/storage/device-store'
import { createWebStorageStore, MemoryStore, StorageFailure, type KeyValueStore } from '../../../../src/core/storage/kv'
import { FakeClock } from '../../../support/fake-clock'
import { CapturingLogger } from '../support/build'

let n = 0
const uniqueDb = (): string => `device-store-${++n}`

test('records round-trip with their version; CL-CFG-2 and CL-AUTHN-4 records keep their fields', async () => {
  const kv = new MemoryStore()
  const store = createDeviceStore({ primary: kv, logger: new CapturingLogger() })
  await store.setLastMvpd({ id: 'Cable', displayName: 'Cable Co', logoUrl: 'https://x/c.png' })
  await store.setProfile({ mvpd: 'Cable', attributes: { userID: { value: 'u', state: 'plain' } }, notAfter: 5 })
  expect(await store.getLastMvpd()).toEqual({ id: 'Cable', displayName: 'Cable Co', logoUrl: 'https://x/c.png' })
  expect(await store.getProfile()).toEqual({ mvpd: 'Cable', attributes: { userID: { value: 'u', state: 'plain' } }, notAfter: 5 })
  expect(await kv.get('lastMvpd')).toEqual({ v: recordVersion, data: { id: 'Cable', displayName: 'Cable Co', logoUrl: 'https://x/c.png' } })
  await store.clearProfile()
  expect(await store.getProfile()).toBeNull()
})

test.each([
  ['an older version', { v: 0, data: { id: 'Cable', displayName: 'C' } }],
  ['a corrupt record', 'garbage'],
  ['a record of the wrong shape', { v: recordVersion, data: { id: 42 } }],
  ['a record without data', { v: recordVersion }],
])('%s reads as absent, with a warning naming only the key', async (_, raw) => {
  const kv = new MemoryStore()
  await kv.set('lastMvpd', raw)
  const logger = new CapturingLogger()
  const store = createDeviceStore({ primary: kv, logger })
  await expect(store.getLastMvpd()).resolves.toBeNull()
  expect(logger.lines[0]?.fields).toEqual({ key: 'lastMvpd' })
})

test('a store whose reads and writes throw never rejects: records read as absent', async () => {
  const broken: KeyValueStore = {
    get: () => Promise.reject(new StorageFailure('get', 'InvalidStateError')),
    set: () => Promise.reject(new StorageFailure('set', 'InvalidStateError')),
    del: () => Promise.reject(new StorageFailure('del', 'InvalidStateError')),
  }
  const store = createDeviceStore({ primary: broken, logger: new CapturingLogger() })
  await expect(store.setAccessToken({ accessToken: 'AT-secret', createdAt: 1, expiresAt: 2, offsetMs: 0, origin: 'o', clientId: 'c' })).resolves.toBeUndefined()
  await expect(store.getAccessToken()).resolves.toBeNull()
})

test('CL-HDR-4: the device id and last provider survive the loss of IndexedDB (mirror in localStorage) and heal it', async () => {
  localStorage.clear()
  const clock = new FakeClock()
  const first = createPersistentDeviceStore({ clock, logger: new CapturingLogger(), dbName: uniqueDb(), mirrorPrefix: 'app:' })
  await first.setDeviceId({ id: 'abc', source: 'generated' })
  await first.setLastMvpd({ id: 'Cable', displayName: 'Cable Co' })
  await first.setAccessToken({ accessToken: 'AT', createdAt: 1, expiresAt: 2, offsetMs: 0, origin: 'o', clientId: 'c' })
  // An update wiped IndexedDB: a new database, same localStorage.
  const dbName = uniqueDb()
  const second = createPersistentDeviceStore({ clock, logger: new CapturingLogger(), dbName, mirrorPrefix: 'app:' })
  expect(await second.getDeviceId()).toEqual({ id: 'abc', source: 'generated' })
  expect(await second.getLastMvpd()).toEqual({ id: 'Cable', displayName: 'Cable Co' })
  // Not mirrored: secrets stay out of localStorage.
  expect(await second.getAccessToken()).toBeNull()
  expect(JSON.stringify(localStorage)).not.toContain('"AT"')
  // Healed: the IndexedDB copy is back even if localStorage is lost next.
  localStorage.clear()
  expect(await createPersistentDeviceStore({ clock, logger: new CapturingLogger(), dbName, mirrorPrefix: 'app:' }).getDeviceId()).toEqual({ id: 'abc', source: 'generated' })
})

test('CL-HDR-4: the device id survives the loss of localStorage (IndexedDB still has it)', async () => {
  localStorage.clear()
  const clock = new FakeClock()
  const dbName = uniqueDb()
  await createPersistentDeviceStore({ clock, logger: new CapturingLogger(), dbName }).setDeviceId({ id: 'xyz', source: 'platform' })
  localStorage.clear()
  expect(await createPersistentDeviceStore({ clock, logger: new CapturingLogger(), dbName }).getDeviceId()).toEqual({ id: 'xyz', source: 'platform' })
})

test('localStorage that throws on access (some private modes) does not break the store', async () => {
  const store = createDeviceStore({
    primary: new MemoryStore(),
    mirror: createWebStorageStore(() => {
      throw new DOMException('denied', 'SecurityError')
    }, 'p:'),
    logger: new CapturingLogger(),
  })
  await store.setDeviceId({ id: 'd', source: 'generated' })
  expect(await store.getDeviceId()).toEqual({ id: 'd', source: 'generated' })
})
