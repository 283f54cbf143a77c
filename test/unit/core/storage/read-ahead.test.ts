/**
 * The device store's early reads (read-ahead.ts): the access token and the request budget are read
 * as the store is wrapped; the first call takes that read, later calls read again, and a write or
 * clear made before the first call is never hidden by the older early read.
 */
import { createDeviceStore, type AccessTokenRecord, type ClientCredentials, type RequestBudget } from '../../../../src/core/storage/device-store'
import type { KeyValueStore } from '../../../../src/core/storage/kv'
import { MemoryStore } from '../../../../src/core/storage/memory-kv'
import { withReadAhead } from '../../../../src/core/storage/read-ahead'
import { FakeClock } from '../../../support/fake-clock'
import { CapturingLogger } from '../../../support/pass-client-build'

const token = (accessToken: string): AccessTokenRecord => ({
  accessToken,
  createdAt: 1_000,
  expiresAt: 90_000,
  offsetMs: 0,
  origin: 'https://api.auth.adobe.com',
  clientId: 'client-1',
})

const budget = (burstLeft: number): RequestBudget => ({ key: 'device-1', burstLeft, at: 1_000 })

const credentials = (clientId: string): ClientCredentials => ({ clientId, clientSecret: 'secret', origin: 'https://api.auth.adobe.com' })

/** A device store over memory whose primary counts its reads by key. */
async function device(stored: { token?: AccessTokenRecord; budget?: RequestBudget; client?: ClientCredentials } = {}) {
  const memory = new MemoryStore()
  const reads: string[] = []
  const primary: KeyValueStore = {
    get: (key) => {
      reads.push(key)
      return memory.get(key)
    },
    set: (key, value) => memory.set(key, value),
    del: (key) => memory.del(key),
  }
  const store = createDeviceStore({ primary, logger: new CapturingLogger(), clock: new FakeClock(1_000) })
  if (stored.token) await store.setAccessToken(stored.token)
  if (stored.budget) await store.setRequestBudget(stored.budget)
  if (stored.client) await store.setClientCredentials(stored.client)
  reads.length = 0
  return { store, reads }
}

const count = (reads: string[], word: string): number => reads.filter((key) => key.toLowerCase().includes(word)).length

test('the token and the budget are read at once; the first calls take those reads, later calls read again', async () => {
  const { store, reads } = await device({ token: token('AT-1'), budget: budget(4) })
  const ahead = withReadAhead(store)
  expect(count(reads, 'token')).toBe(1)
  expect(count(reads, 'budget')).toBe(1)

  expect((await ahead.getAccessToken())?.accessToken).toBe('AT-1')
  expect((await ahead.getRequestBudget())?.burstLeft).toBe(4)
  expect(count(reads, 'token')).toBe(1)
  expect(count(reads, 'budget')).toBe(1)

  await ahead.getAccessToken()
  await ahead.getRequestBudget()
  expect(count(reads, 'token')).toBe(2)
  expect(count(reads, 'budget')).toBe(2)
})

test('a write or clear before the first call drops the early read', async () => {
  const { store } = await device({ token: token('AT-1'), budget: budget(4) })
  const written = withReadAhead(store)
  await written.setAccessToken(token('AT-2'))
  await written.setRequestBudget(budget(1))
  expect((await written.getAccessToken())?.accessToken).toBe('AT-2')
  expect((await written.getRequestBudget())?.burstLeft).toBe(1)

  const cleared = withReadAhead(store)
  await cleared.clearAccessToken()
  expect(await cleared.getAccessToken()).toBeNull()
})

test('nothing stored reads as nothing, early or not', async () => {
  const { store } = await device()
  const ahead = withReadAhead(store)
  expect(await ahead.getAccessToken()).toBeNull()
  expect(await ahead.getRequestBudget()).toBeNull()
  expect(await ahead.getLastMvpd()).toBeNull()
})

test('the client credentials are read at once too, and a new registration before the first call is never hidden by the early read', async () => {
  const { store, reads } = await device({ client: credentials('client-1') })
  const ahead = withReadAhead(store)
  expect(count(reads, 'credentials')).toBe(1)
  expect(await ahead.readClientCredentials()).toEqual({ status: 'found', value: credentials('client-1') })
  expect(count(reads, 'credentials')).toBe(1)
  // Later reads ask the store again (DCR's second read after an unreadable store must be a real one).
  await ahead.readClientCredentials()
  expect(count(reads, 'credentials')).toBe(2)

  const registered = withReadAhead(store)
  await registered.setClientCredentials(credentials('client-2'))
  expect(await registered.readClientCredentials()).toEqual({ status: 'found', value: credentials('client-2') })
  const cleared = withReadAhead(store)
  await cleared.clearClientCredentials()
  expect((await cleared.readClientCredentials()).status).toBe('absent')
})
