/**
 * Typed, versioned records (device-store.ts): invalid records read as absent, never thrown; every
 * record but the profile cache survives the loss or a stall of one store (CL-HDR-4, CL-CFG-2,
 * CL-REG-2, CL-REG-3); "absent" and "could not be read" are told apart; a clear stays cleared
 * (tombstones); profile parts persist (CL-AUTHN-4); the pending session, the sign-out and the
 * request budget are kept for the flow and the HTTP layer.
 */
import 'fake-indexeddb/auto'
import {
  createDeviceStore,
  createPersistentDeviceStore,
  recordVersion,
  type AccessTokenRecord,
  type ClientCredentials,
  type PendingSessionRecord,
  type RequestBudget,
  type SignedOutRecord,
} from '../../../../src/core/storage/device-store'
import { createIdbStore } from '../../../../src/core/storage/idb-kv'
import { StorageFailure, type KeyValueStore } from '../../../../src/core/storage/kv'
import { MemoryStore } from '../../../../src/core/storage/memory-kv'
import { createResilientStore } from '../../../../src/core/storage/resilient-kv'
import { createWebStorageStore } from '../../../../src/core/storage/web-storage-kv'
import { FakeClock, flushPromises } from '../../../support/fake-clock'
import { CapturingLogger } from '../../../support/pass-client-build'
import { stallable } from '../../../support/stallable-store'

let n = 0
const uniqueDb = (): string => `device-store-${++n}`

/** A device with nothing stored yet: the localStorage mirror emptied and a database of its own. */
function newDevice(): string {
  localStorage.clear()
  return uniqueDb()
}

/** An access token of the client registered in these tests. */
const token: AccessTokenRecord = {
  accessToken: 'AT-do-not-log',
  createdAt: 1_000,
  expiresAt: 90_000,
  offsetMs: 0,
  origin: 'https://api.auth.adobe.com',
  clientId: 'client-1',
}

type Launch = ReturnType<typeof launch>

/** One launch: IndexedDB (own database, can stall) behind the resilient store, localStorage as mirror. */
function launch(dbName: string, options: { mirror?: KeyValueStore; start?: number } = {}) {
  const clock = new FakeClock(options.start ?? 0)
  const logger = new CapturingLogger()
  const gate = stallable(createIdbStore({ dbName }))
  const primary = createResilientStore({ primary: gate.store, clock, logger, timeoutMs: 3000, retryAfterMs: 5000 })
  const store = createDeviceStore({ primary, mirror: options.mirror ?? createWebStorageStore(() => localStorage, 'app:'), logger, clock })
  return { clock, logger, gate, primary, store }
}

/** IndexedDB stalls, `op` runs and the resilient store's 3 s timeout passes: what `op` settled to. */
async function pastStall<T>(l: Pick<Launch, 'clock' | 'gate' | 'store'>, op: (store: Launch['store']) => Promise<T>): Promise<T> {
  l.gate.stall()
  const result = op(l.store)
  await l.clock.advance(3000)
  return result
}

test('records round-trip with their version; CL-CFG-2 and CL-AUTHN-4 records keep their fields', async () => {
  const kv = new MemoryStore()
  const store = createDeviceStore({ primary: kv, logger: new CapturingLogger(), clock: new FakeClock() })
  await store.setLastMvpd({ id: 'Cable', displayName: 'Cable Co', logoUrl: 'https://x/c.png' })
  await store.setProfile({ mvpd: 'Cable', attributes: { userID: { value: 'u', state: 'plain' } }, notAfter: 5 })
  expect(await store.getLastMvpd()).toEqual({ id: 'Cable', displayName: 'Cable Co', logoUrl: 'https://x/c.png' })
  expect(await store.getProfile()).toEqual({ mvpd: 'Cable', attributes: { userID: { value: 'u', state: 'plain' } }, notAfter: 5 })
  expect(await kv.get('lastMvpd')).toEqual({ v: recordVersion, at: 0, data: { id: 'Cable', displayName: 'Cable Co', logoUrl: 'https://x/c.png' } })
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
  const store = createDeviceStore({ primary: kv, logger, clock: new FakeClock() })
  await expect(store.getLastMvpd()).resolves.toBeNull()
  expect(logger.lines[0]?.fields).toEqual({ key: 'lastMvpd' })
})

test('a store whose reads and writes throw never rejects: records read as absent', async () => {
  const broken: KeyValueStore = {
    get: () => Promise.reject(new StorageFailure('get', 'InvalidStateError')),
    set: () => Promise.reject(new StorageFailure('set', 'InvalidStateError')),
    del: () => Promise.reject(new StorageFailure('del', 'InvalidStateError')),
  }
  const store = createDeviceStore({ primary: broken, logger: new CapturingLogger(), clock: new FakeClock() })
  await expect(store.setAccessToken({ accessToken: 'AT-secret', createdAt: 1, expiresAt: 2, offsetMs: 0, origin: 'o', clientId: 'c' })).resolves.toBeUndefined()
  await expect(store.getAccessToken()).resolves.toBeNull()
})

test('CL-HDR-4, CL-REG-3: the device id, last provider and access token survive the loss of IndexedDB (mirror in localStorage) and heal it', async () => {
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
  // Mirrored too since a lost token or lost credentials cost the viewer's sign-ins (DCR FAQ 9).
  expect(await second.getAccessToken()).toEqual({ accessToken: 'AT', createdAt: 1, expiresAt: 2, offsetMs: 0, origin: 'o', clientId: 'c' })
  // Healed: the IndexedDB copy is back even if localStorage is lost next.
  localStorage.clear()
  expect(await createPersistentDeviceStore({ clock, logger: new CapturingLogger(), dbName, mirrorPrefix: 'app:' }).getDeviceId()).toEqual({
    id: 'abc',
    source: 'generated',
  })
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
    clock: new FakeClock(),
  })
  await store.setDeviceId({ id: 'd', source: 'generated' })
  expect(await store.getDeviceId()).toEqual({ id: 'd', source: 'generated' })
})

describe('CL-REG-2, CL-REG-3: a slow or broken IndexedDB does not make the credentials read as absent', () => {
  const credentials: ClientCredentials = { clientId: 'client-1', clientSecret: 'SECRET-do-not-log', origin: 'https://api.auth.adobe.com', issuedAt: 5 }
  const prefix = 'app:'

  /** A normal first launch: registered, token obtained, both written to IndexedDB and the mirror. */
  async function registered(): Promise<string> {
    const dbName = newDevice()
    const first = launch(dbName)
    await first.store.setClientCredentials(credentials)
    await first.store.setAccessToken(token)
    return dbName
  }

  test('a stalled IndexedDB get at start-up: the stored credentials and token come from the mirror (no new registration)', async () => {
    const { clock, logger, gate, store } = launch(await registered())
    await expect(pastStall({ clock, gate, store }, (s) => s.readClientCredentials())).resolves.toEqual({ status: 'found', value: credentials })
    // The get* shape the client uses today answers the stored credentials too, without another wait.
    await expect(store.getClientCredentials()).resolves.toEqual(credentials)
    await expect(store.getAccessToken()).resolves.toEqual(token)
    expect(logger.text()).not.toContain('SECRET-do-not-log')
    expect(logger.text()).not.toContain('AT-do-not-log')
  })

  test('after the stall, IndexedDB is used again', async () => {
    const dbName = await registered()
    const { clock, gate, primary, store } = launch(dbName)
    await pastStall({ clock, gate, store }, (s) => s.getClientCredentials())
    expect(primary.degraded).toBe(true)
    gate.release()
    await clock.advance(5000)
    // The mirror is lost now: only IndexedDB can answer, and it does.
    localStorage.clear()
    const before = gate.calls.length
    await expect(store.getClientCredentials()).resolves.toEqual(credentials)
    expect(gate.calls.slice(before)).toEqual(['get clientCredentials'])
    expect(primary.degraded).toBe(false)
  })

  test('a sign-in during a stall: the new token reaches IndexedDB once it answers, and the mirror at once', async () => {
    const dbName = await registered()
    const { clock, gate, store } = launch(dbName)
    await pastStall({ clock, gate, store }, (s) => s.getAccessToken())
    const renewed: AccessTokenRecord = { ...token, accessToken: 'AT-2-do-not-log', createdAt: 2_000, expiresAt: 95_000 }
    await store.setAccessToken(renewed)
    gate.release()
    await flushPromises()
    await expect(createIdbStore({ dbName }).get('accessToken')).resolves.toEqual({ v: recordVersion, at: 3000, data: renewed })
    // The next normal launch reads the renewed token, not the old one (DCR FAQ 9).
    await expect(launch(dbName).store.getAccessToken()).resolves.toEqual(renewed)
  })

  const mirrored = (key: string): unknown => JSON.parse(localStorage.getItem(prefix + key) ?? 'null')
  const renewedCredentials: ClientCredentials = { ...credentials, clientId: 'client-2', clientSecret: 'SECRET-2-do-not-log' }

  test('a write during an IndexedDB stall reaches the mirror at once, not after the IndexedDB timeout', async () => {
    const { gate, store } = launch(await registered(), { start: 60_000 })
    gate.stall()
    void store.setClientCredentials(renewedCredentials)
    await flushPromises()
    // No clock time has passed: an app closed now still has the new credentials in the mirror.
    expect(mirrored('clientCredentials')).toEqual({ v: recordVersion, at: 60_000, data: renewedCredentials })
  })

  test('an IndexedDB write lost in a stall (app closed): on the next launch the newer mirror wins and heals IndexedDB', async () => {
    const dbName = await registered()
    const during = launch(dbName, { start: 60_000 })
    during.gate.stall()
    // E.g. registered again during the stall; IndexedDB never answers before the app is closed.
    const write = during.store.setClientCredentials(renewedCredentials)
    await during.clock.advance(3000)
    await write
    await expect(createIdbStore({ dbName }).get('clientCredentials')).resolves.toEqual({ v: recordVersion, at: 0, data: credentials })
    const next = launch(dbName, { start: 120_000 })
    await expect(next.store.readClientCredentials()).resolves.toEqual({ status: 'found', value: renewedCredentials })
    await expect(createIdbStore({ dbName }).get('clientCredentials')).resolves.toEqual({ v: recordVersion, at: 60_000, data: renewedCredentials })
    expect(mirrored('clientCredentials')).toEqual({ v: recordVersion, at: 60_000, data: renewedCredentials })
  })

  test('IndexedDB newer than the mirror (a mirror write failed): IndexedDB wins and the mirror is brought up to date', async () => {
    const dbName = await registered()
    await createIdbStore({ dbName }).set('clientCredentials', { v: recordVersion, at: 5_000, data: renewedCredentials })
    await expect(launch(dbName).store.readClientCredentials()).resolves.toEqual({ status: 'found', value: renewedCredentials })
    expect(mirrored('clientCredentials')).toEqual({ v: recordVersion, at: 5_000, data: renewedCredentials })
  })

  test('records without a stamp (written by earlier versions) still read, as the oldest', async () => {
    const dbName = newDevice()
    // Both unstamped and different: IndexedDB wins, as before stamps.
    await createIdbStore({ dbName }).set('clientCredentials', { v: recordVersion, data: credentials })
    localStorage.setItem(prefix + 'clientCredentials', JSON.stringify({ v: recordVersion, data: renewedCredentials }))
    await expect(launch(dbName).store.readClientCredentials()).resolves.toEqual({ status: 'found', value: credentials })
    // An unstamped IndexedDB record against a stamped mirror: the mirror was written later.
    localStorage.setItem(prefix + 'clientCredentials', JSON.stringify({ v: recordVersion, at: 1, data: renewedCredentials }))
    await expect(launch(dbName).store.readClientCredentials()).resolves.toEqual({ status: 'found', value: renewedCredentials })
  })

  test('a TV clock set back still stamps a new write later than the record it replaces', async () => {
    const dbName = await registered()
    await createIdbStore({ dbName }).set('clientCredentials', { v: recordVersion, at: 100_000, data: credentials })
    localStorage.setItem(prefix + 'clientCredentials', JSON.stringify({ v: recordVersion, at: 100_000, data: credentials }))
    // This launch's clock reads 0 (behind the stored stamp); the write is lost in a stall.
    const during = launch(dbName, { start: 0 })
    await during.store.readClientCredentials()
    await pastStall(during, (s) => s.setClientCredentials(renewedCredentials))
    await expect(launch(dbName, { start: 0 }).store.readClientCredentials()).resolves.toEqual({ status: 'found', value: renewedCredentials })
  })

  test('a corrupt record in IndexedDB with a good mirror: the mirror wins and heals IndexedDB', async () => {
    const dbName = await registered()
    await createIdbStore({ dbName }).set('clientCredentials', 'garbage')
    const { store, logger } = launch(dbName)
    await expect(store.readClientCredentials()).resolves.toEqual({ status: 'found', value: credentials })
    await expect(createIdbStore({ dbName }).get('clientCredentials')).resolves.toEqual({ v: recordVersion, at: 0, data: credentials })
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.fields)).toEqual([{ key: 'clientCredentials' }])
  })

  test('credentials stored before they were mirrored are copied to the mirror on read', async () => {
    const dbName = newDevice()
    await createIdbStore({ dbName }).set('clientCredentials', { v: recordVersion, data: credentials })
    await expect(launch(dbName).store.getClientCredentials()).resolves.toEqual(credentials)
    // IndexedDB stalls on the next launch: the mirror has them now.
    const next = launch(dbName)
    await expect(pastStall(next, (s) => s.getClientCredentials())).resolves.toEqual(credentials)
  })

  test('IndexedDB stalled and the mirror unreadable: "unavailable", not "absent"; get* answers null with a warning', async () => {
    const dbName = await registered()
    const brokenMirror = createWebStorageStore(() => {
      throw new DOMException('denied', 'SecurityError')
    }, prefix)
    const { clock, logger, gate, store } = launch(dbName, { mirror: brokenMirror })
    await expect(pastStall({ clock, gate, store }, (s) => s.readClientCredentials())).resolves.toMatchObject({
      status: 'unavailable',
      failure: { reason: 'timeout' },
    })
    await expect(store.getClientCredentials()).resolves.toBeNull()
    expect(logger.lines.find((l) => l.message.includes('unreadable'))?.fields).toEqual({ key: 'clientCredentials', operation: 'get', reason: 'timeout' })
  })

  test('IndexedDB stalled and the mirror empty (credentials may be in IndexedDB only): "unavailable"', async () => {
    const dbName = newDevice()
    await createIdbStore({ dbName }).set('clientCredentials', { v: recordVersion, data: credentials })
    const { clock, gate, store } = launch(dbName)
    await expect(pastStall({ clock, gate, store }, (s) => s.readClientCredentials())).resolves.toMatchObject({ status: 'unavailable' })
  })

  test('CL-HDR-4: the device id with IndexedDB stalled and the mirror empty is "unavailable" (it may be in IndexedDB only), both unreadable too', async () => {
    const dbName = newDevice()
    await createIdbStore({ dbName }).set('deviceId', { v: recordVersion, at: 1, data: { id: 'stored-id', source: 'generated' } })
    const slow = launch(dbName)
    await expect(pastStall(slow, (s) => s.readDeviceId())).resolves.toMatchObject({ status: 'unavailable', failure: { reason: 'timeout' } })
    const brokenMirror = createWebStorageStore(() => undefined, prefix)
    const worse = launch(uniqueDb(), { mirror: brokenMirror })
    await expect(pastStall(worse, (s) => s.readDeviceId())).resolves.toMatchObject({ status: 'unavailable' })
  })

  test('"absent" when IndexedDB answers and the mirror is empty, and on an engine without IndexedDB', async () => {
    localStorage.clear()
    await expect(launch(uniqueDb()).store.readClientCredentials()).resolves.toEqual({ status: 'absent' })
    const saved = globalThis.indexedDB
    // @ts-expect-error simulating an engine without IndexedDB
    delete globalThis.indexedDB
    try {
      const { store } = launch(uniqueDb())
      await expect(store.readClientCredentials()).resolves.toEqual({ status: 'absent' })
      // localStorage alone then keeps them across launches.
      await store.setClientCredentials(credentials)
      await expect(launch(uniqueDb()).store.readClientCredentials()).resolves.toEqual({ status: 'found', value: credentials })
    } finally {
      globalThis.indexedDB = saved
    }
  })

  test('warnings of IndexedDB and of the mirror never carry the client secret or the access token', async () => {
    localStorage.clear()
    const quotaMirror: KeyValueStore = {
      get: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      set: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      del: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    }
    const { clock, logger, gate, store } = launch(uniqueDb(), { mirror: quotaMirror })
    await pastStall({ clock, gate, store }, (s) => Promise.all([s.setClientCredentials(credentials), s.setAccessToken(token)]))
    const reads = Promise.all([store.getClientCredentials(), store.getAccessToken()])
    await clock.advance(3000)
    await reads
    expect(logger.lines.filter((l) => l.level === 'warn').length).toBeGreaterThanOrEqual(3)
    expect(logger.text()).not.toContain('SECRET-do-not-log')
    expect(logger.text()).not.toContain('AT-do-not-log')
    expect(logger.text()).not.toContain('client-1')
  })
})

/** The localStorage mirror, whose writes can be refused (a full quota) while reads still work. */
function refusingMirror() {
  const inner = createWebStorageStore(() => localStorage, 'app:')
  const state = { refuse: false, sets: 0 }
  const refuse = (): Promise<void> => Promise.reject(new DOMException('full', 'QuotaExceededError'))
  const store: KeyValueStore = {
    get: (key) => inner.get(key),
    set: (key, value) => (state.sets++, state.refuse ? refuse() : inner.set(key, value)),
    del: (key) => (state.refuse ? refuse() : inner.del(key)),
  }
  return { store, state }
}

const rawMirror = (key: string): unknown => JSON.parse(localStorage.getItem('app:' + key) ?? 'null')
const cable = { id: 'Cable', displayName: 'Cable Co' }

describe('a cleared record stays cleared: a clear that reached one store is not undone by the other (tombstones)', () => {
  test('a clear during an IndexedDB stall, the app closed before IndexedDB answered: the next launch reads absent and heals IndexedDB', async () => {
    const dbName = newDevice()
    const first = launch(dbName)
    await first.store.setLastMvpd(cable)
    await first.store.setAccessToken(token)
    const during = launch(dbName, { start: 60_000 })
    await pastStall(during, (s) => Promise.all([s.clearLastMvpd(), s.clearAccessToken()]))
    // IndexedDB never saw the clears: it still holds the old records.
    await expect(createIdbStore({ dbName }).get('lastMvpd')).resolves.toMatchObject({ data: cable })
    const next = launch(dbName, { start: 120_000 })
    await expect(next.store.getLastMvpd()).resolves.toBeNull()
    await expect(next.store.getAccessToken()).resolves.toBeNull()
    await expect(createIdbStore({ dbName }).get('lastMvpd')).resolves.toEqual({ v: recordVersion, at: 60_000, deleted: true })
    await expect(createIdbStore({ dbName }).get('accessToken')).resolves.toEqual({ v: recordVersion, at: 60_000, deleted: true })
    expect(next.logger.text()).not.toContain('AT-do-not-log')
  })

  test('a clear the mirror refused (quota) while IndexedDB took it: the mirror’s old copy does not come back, and the mirror is brought up to date', async () => {
    const dbName = newDevice()
    const mirror = refusingMirror()
    await launch(dbName, { mirror: mirror.store }).store.setAccessToken(token)
    mirror.state.refuse = true
    await launch(dbName, { mirror: mirror.store, start: 60_000 }).store.clearAccessToken()
    mirror.state.refuse = false
    await expect(launch(dbName, { mirror: mirror.store, start: 120_000 }).store.getAccessToken()).resolves.toBeNull()
    expect(rawMirror('accessToken')).toEqual({ v: recordVersion, at: 60_000, deleted: true })
  })

  test('a record written after a clear wins over the tombstone, even with the TV clock set back', async () => {
    const dbName = newDevice()
    await launch(dbName, { start: 100_000 }).store.clearLastMvpd()
    const behind = launch(dbName, { start: 0 })
    await expect(behind.store.getLastMvpd()).resolves.toBeNull()
    await behind.store.setLastMvpd(cable)
    expect(rawMirror('lastMvpd')).toEqual({ v: recordVersion, at: 100_001, data: cable })
    await expect(launch(dbName, { start: 0 }).store.getLastMvpd()).resolves.toEqual(cable)
  })

  test('the profile cache (IndexedDB only) clears with a tombstone too', async () => {
    const kv = new MemoryStore()
    const store = createDeviceStore({ primary: kv, logger: new CapturingLogger(), clock: new FakeClock(7) })
    await store.setProfile({ mvpd: 'Cable', attributes: {}, notAfter: 5 })
    await store.clearProfile()
    await expect(store.getProfile()).resolves.toBeNull()
    await expect(kv.get('profile')).resolves.toEqual({ v: recordVersion, at: 8, deleted: true })
  })
})

describe('the pending sign-in session, the sign-out and the request budget', () => {
  const pending: PendingSessionRecord = {
    code: 'YKR0M2T',
    notAfter: 1_800_000,
    mvpd: { id: 'Cable', displayName: 'Cable Co', logoUrl: 'https://x/c.png' },
    origin: 'https://api.auth.adobe.com',
    serviceProvider: 'MYCHAN',
    createdAt: 0,
  }
  const signedOut: SignedOutRecord = { mvpd: 'Cable', at: 42 }
  const budget: RequestBudget = { key: 'https://api.auth.adobe.com', burstLeft: 7, at: 43 }

  test('each is mirrored: a relaunch while IndexedDB stalls still finds it (the viewer may be on the phone)', async () => {
    const dbName = newDevice()
    const first = launch(dbName)
    await first.store.setPendingSession(pending)
    await first.store.setSignedOut(signedOut)
    await first.store.setRequestBudget(budget)
    const next = launch(dbName)
    await expect(pastStall(next, (s) => Promise.all([s.getPendingSession(), s.getSignedOut(), s.getRequestBudget()]))).resolves.toEqual([
      pending,
      signedOut,
      budget,
    ])
    // IndexedDB alone keeps them too (the mirror lost).
    localStorage.clear()
    const alone = launch(dbName)
    await expect(Promise.all([alone.store.getPendingSession(), alone.store.getSignedOut(), alone.store.getRequestBudget()])).resolves.toEqual([
      pending,
      signedOut,
      budget,
    ])
  })

  test('a session without a provider round-trips with mvpd null', async () => {
    const store = createDeviceStore({ primary: new MemoryStore(), logger: new CapturingLogger(), clock: new FakeClock() })
    await store.setPendingSession({ ...pending, mvpd: null })
    await expect(store.getPendingSession()).resolves.toEqual({ ...pending, mvpd: null })
  })

  test('clearPendingSession and clearSignedOut stay cleared, also on a relaunch whose IndexedDB stalls', async () => {
    const dbName = newDevice()
    const first = launch(dbName)
    await first.store.setPendingSession(pending)
    await first.store.setSignedOut(signedOut)
    await first.store.clearPendingSession()
    await first.store.clearSignedOut()
    await expect(first.store.getPendingSession()).resolves.toBeNull()
    const next = launch(dbName)
    await expect(pastStall(next, (s) => Promise.all([s.getPendingSession(), s.getSignedOut()]))).resolves.toEqual([null, null])
  })

  test.each([
    ['an empty code', { ...pending, code: '' }],
    ['a code with whitespace', { ...pending, code: 'YKR 0M2T' }],
    ['notAfter not after createdAt', { ...pending, notAfter: 0 }],
    ['notAfter as text', { ...pending, notAfter: '1800000' }],
    ['createdAt missing', { ...pending, createdAt: undefined }],
    ['an origin that is not a URL', { ...pending, origin: 'api.auth.adobe.com' }],
    ['serviceProvider missing', { ...pending, serviceProvider: undefined }],
    ['mvpd missing (neither a provider nor null)', { ...pending, mvpd: undefined }],
    ['a provider that fails validation', { ...pending, mvpd: { id: 42, displayName: 'Cable Co' } }],
  ])('a pending session with %s reads as absent, with a warning naming only the key', async (_, data) => {
    const kv = new MemoryStore()
    await kv.set('pendingSession', { v: recordVersion, at: 1, data: JSON.parse(JSON.stringify(data)) })
    const logger = new CapturingLogger()
    const store = createDeviceStore({ primary: kv, logger, clock: new FakeClock() })
    await expect(store.getPendingSession()).resolves.toBeNull()
    expect(logger.lines).toEqual([{ level: 'warn', message: 'storage: ignoring a record that fails validation', fields: { key: 'pendingSession' } }])
  })

  test.each([
    ['signedOut', { mvpd: '', at: 1 }],
    ['signedOut', { mvpd: 'Cable' }],
    ['requestBudget', { key: 'k', burstLeft: -1, at: 1 }],
    ['requestBudget', { key: 'k', burstLeft: '3', at: 1 }],
    ['requestBudget', { key: '', burstLeft: 3, at: 1 }],
    ['requestBudget', { key: 'k', burstLeft: 3 }],
  ])('a malformed %s record %j reads as absent', async (key, data) => {
    const kv = new MemoryStore()
    await kv.set(key, { v: recordVersion, at: 1, data })
    const store = createDeviceStore({ primary: kv, logger: new CapturingLogger(), clock: new FakeClock() })
    await expect(key === 'signedOut' ? store.getSignedOut() : store.getRequestBudget()).resolves.toBeNull()
  })

  test('setRequestBudget is cheap: updates made while a write is under way collapse into one write of the latest', async () => {
    const gate = stallable(new MemoryStore())
    const mirror = new MemoryStore()
    const mirrorSet = jest.spyOn(mirror, 'set')
    const store = createDeviceStore({ primary: gate.store, mirror, logger: new CapturingLogger(), clock: new FakeClock() })
    gate.stall()
    const writes = Array.from({ length: 10 }, (_, i) => store.setRequestBudget({ ...budget, burstLeft: 9 - i, at: 100 + i }))
    await flushPromises()
    expect(gate.calls).toEqual(['set requestBudget'])
    gate.release()
    await Promise.all(writes)
    expect(gate.calls).toEqual(['set requestBudget', 'set requestBudget'])
    expect(mirrorSet).toHaveBeenCalledTimes(2)
    await expect(store.getRequestBudget()).resolves.toEqual({ ...budget, burstLeft: 0, at: 109 })
  })
})

test("peekMirror answers the mirror's copy at once, even while IndexedDB stalls: the value, null for a clear, undefined for nothing", async () => {
  const l = launch(newDevice())
  const provider = { id: 'ExampleCable', displayName: 'Example Cable' }
  await l.store.setLastMvpd(provider)
  await l.store.clearSignedOut()
  l.gate.stall()
  expect(await l.store.peekMirror('lastMvpd')).toEqual(provider)
  expect(await l.store.peekMirror('signedOut')).toBeNull()
  expect(await l.store.peekMirror('pendingSession')).toBeUndefined()
  // The mirror alone was asked: no IndexedDB read is waiting.
  expect(l.gate.calls.filter((call) => call.startsWith('get'))).toEqual([])
})
