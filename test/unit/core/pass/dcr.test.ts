/**
 * DCR (docs/adobe-pass.md "Dynamic Client Registration"): credentials registered once and persisted (CL-REG-2), the token
 * persisted and reused until shortly before expiry in server time (CL-REG-3, CL-REG-R1), a 401
 * refreshing once and retrying once, never re-registering to refresh.
 */
import 'fake-indexeddb/auto'
import { createDeviceStore, recordVersion, type ClientCredentials, type DeviceStore } from '../../../../src/core/storage/device-store'
import { MemoryStore } from '../../../../src/core/storage/memory-kv'
import { createIdbStore } from '../../../../src/core/storage/idb-kv'
import { createResilientStore } from '../../../../src/core/storage/resilient-kv'
import { createWebStorageStore } from '../../../../src/core/storage/web-storage-kv'
import { accessTokens, clientSecret, sessionAnswer } from '../../../support/fake-adobe'
import { rig, settle, testSettings, type Rig } from '../../../support/pass-rig'
import { flushPromises } from '../../../support/fake-clock'
import { stallable } from '../../../support/stallable-store'

const profilesPath = '/api/v2/MYCHAN/profiles'
const empty = { status: 200, json: { profiles: {} } }
const unauthorized = { status: 401, json: { status: 401, code: 'invalid_access_token_client_application', action: 'application-registration' } }

/** The client's first call (profiles, none found): it registers and obtains the token, both stored. */
async function firstCall(r: Rig): Promise<void> {
  r.adobe.script('GET', profilesPath, empty)
  await r.client.retrieveProfiles()
  await flushPromises() // the writes behind it land
}

test('CL-REG-2, CL-REG-3: one registration and one token for many calls, never a token per call', async () => {
  const { client, adobe } = rig()
  adobe.script('GET', profilesPath, empty)
  await Promise.all([client.retrieveProfiles(), client.retrieveProfiles(), client.retrieveProfiles()])
  await client.retrieveProfiles()
  expect(adobe.count('POST', '/o/client/register')).toBe(1)
  expect(adobe.count('POST', '/o/client/token')).toBe(1)
  expect(adobe.count('GET', profilesPath)).toBe(4)
})

test('CL-REG-2, CL-REG-3: a second start with the same store makes zero DCR calls', async () => {
  const r = rig()
  await firstCall(r)
  const before = r.adobe.dcr().length
  const second = r.restart()
  await second.retrieveProfiles()
  expect(before).toBe(2)
  expect(r.adobe.dcr()).toHaveLength(2)
  expect(r.adobe.requests[r.adobe.requests.length - 1]?.headers['authorization']).toBe(`Bearer ${accessTokens[0]}`)
})

test('CL-REG-R1: a token close to expiry is refreshed before use, with the stored credentials', async () => {
  const r = rig({ tokenRefreshMarginMs: 300000 })
  r.adobe.tokenTtlS = 3600
  await firstCall(r)
  await r.clock.advance(3600000 - 300000 - 1000) // still outside the 5 min margin
  await r.client.retrieveProfiles()
  expect(r.adobe.count('POST', '/o/client/token')).toBe(1)
  await r.clock.advance(2000) // now inside the margin
  await r.client.retrieveProfiles()
  expect(r.adobe.count('POST', '/o/client/token')).toBe(2)
  expect(r.adobe.count('POST', '/o/client/register')).toBe(1)
  const last = r.adobe.requests[r.adobe.requests.length - 1]
  expect(last?.headers['authorization']).toBe(`Bearer ${accessTokens[1]}`)
  // No 401 was needed: the refresh was proactive.
  expect(r.adobe.v2().every((q) => q.path === profilesPath)).toBe(true)
})

test('CL-REG-R1: a persisted token is judged in server time (TV clock 2 h ahead of the server)', async () => {
  const r = rig()
  r.adobe.skewMs = -2 * 3600000
  await firstCall(r)
  // Local time says the 6 h token is 2 h older than it is; server time says it is fresh.
  await r.clock.advance(3 * 3600000)
  const second = r.restart()
  await second.retrieveProfiles()
  expect(r.adobe.count('POST', '/o/client/token')).toBe(1)
})

test('CL-REG-R1: a 401 refreshes the token once and retries the request once', async () => {
  const { client, adobe, clock } = rig()
  adobe.script('GET', profilesPath, unauthorized, empty)
  await expect(settle(clock, client.retrieveProfiles())).resolves.toEqual([])
  const calls = adobe.requests.map((q) => `${q.method} ${q.path} ${q.headers['authorization'] ?? ''}`.trim())
  expect(calls).toEqual([
    'POST /o/client/register',
    'POST /o/client/token',
    `GET ${profilesPath} Bearer ${accessTokens[0]}`,
    'POST /o/client/token',
    `GET ${profilesPath} Bearer ${accessTokens[1]}`,
  ])
})

test('a second 401 goes to the caller: no loop, no re-registration', async () => {
  const { client, adobe, clock } = rig()
  adobe.script('GET', profilesPath, unauthorized)
  await expect(settle(clock, client.retrieveProfiles())).rejects.toMatchObject({ kind: 'pass', httpStatus: 401, action: 'application-registration' })
  expect(adobe.count('GET', profilesPath)).toBe(2)
  expect(adobe.count('POST', '/o/client/token')).toBe(2)
  expect(adobe.count('POST', '/o/client/register')).toBe(1)
})

test('concurrent 401s share one refresh', async () => {
  const { client, adobe, clock } = rig()
  let n = 0
  adobe.on((q) => (q.path === profilesPath ? (q.headers['authorization'] === `Bearer ${accessTokens[0]}` ? unauthorized : empty) : undefined))
  adobe.on((q) => (q.path === profilesPath ? ((n += 1), undefined) : undefined))
  await settle(clock, Promise.all([client.retrieveProfiles(), client.retrieveProfiles()]))
  expect(n).toBe(4)
  expect(adobe.count('POST', '/o/client/token')).toBe(2)
})

test('invalid_client from the token endpoint: new credentials, once (docs/adobe-pass.md "Dynamic Client Registration")', async () => {
  const r = rig()
  await firstCall(r)
  await r.store.clearAccessToken()
  r.adobe.script(
    'POST',
    '/o/client/token',
    { status: 400, json: { error: 'invalid_client' } },
    { status: 201, json: { access_token: 'AT-after-reregistration', created_at: r.clock.now(), expires_in: 21600, token_type: 'bearer' } },
  )
  const second = r.restart()
  await second.retrieveProfiles()
  expect(r.adobe.count('POST', '/o/client/register')).toBe(2)
  expect(r.adobe.requests[r.adobe.requests.length - 1]?.headers['authorization']).toBe('Bearer AT-after-reregistration')
})

test('credentials of another server are not reused (a ?pass.baseUrl override)', async () => {
  const r = rig()
  await r.store.setClientCredentials({ clientId: 'other', clientSecret: 'other-secret', origin: 'https://sp.auth.adobe.com' })
  await firstCall(r)
  expect(r.adobe.count('POST', '/o/client/register')).toBe(1)
  expect(new URLSearchParams(r.adobe.requests[1]?.body).get('client_id')).toBe('client-1')
})

test('a token without created_at or Date header still expires on time', async () => {
  const r = rig()
  r.adobe.sendDate = false
  r.adobe.script('POST', '/o/client/token', { status: 201, json: { access_token: 'AT-x', expires_in: 600, token_type: 'bearer' } })
  await firstCall(r)
  await r.clock.advance(600000)
  await r.client.retrieveProfiles()
  expect(r.adobe.count('POST', '/o/client/token')).toBe(2)
})

describe('server time without a readable Date header (CORS may hide it)', () => {
  const HOUR = 3600000
  const profile = (notAfter: number) => ({ notBefore: notAfter - 10 * HOUR, notAfter, issuer: 'Cable', type: 'regular', attributes: {} })

  test('a relaunch reusing the stored token judges expiry with the offset stored with it (server 3 h ahead)', async () => {
    const r = rig()
    r.adobe.sendDate = false
    r.adobe.skewMs = 3 * HOUR
    await firstCall(r)
    expect(r.client.serverNow() - r.clock.now()).toBe(3 * HOUR) // learnt from created_at
    const second = r.restart()
    const local = r.clock.now()
    // Valid by the TV's clock, ended an hour ago by the server's: dropped.
    r.adobe.script('GET', `${profilesPath}/Cable`, { json: { profiles: { Cable: profile(local + 2 * HOUR) } } })
    await expect(second.retrieveProfileForMvpd('Cable')).resolves.toBeNull()
    expect(r.adobe.dcr()).toHaveLength(2) // the stored token was reused
    expect(second.serverNow() - r.clock.now()).toBe(3 * HOUR)
  })

  test('a relaunch: a profile the TV clock thinks expired is kept (server 3 h behind)', async () => {
    const r = rig()
    r.adobe.sendDate = false
    r.adobe.skewMs = -3 * HOUR
    await firstCall(r)
    const second = r.restart()
    r.adobe.script('GET', `${profilesPath}/Cable`, { json: { profiles: { Cable: profile(r.clock.now() - HOUR) } } })
    await expect(second.retrieveProfileForMvpd('Cable')).resolves.toMatchObject({ mvpd: 'Cable' })
  })

  test("a new session's notBefore is read as the server clock when no Date header is readable", async () => {
    const r = rig()
    r.adobe.sendDate = false
    const skew = 2 * HOUR
    // A token without created_at: nothing else tells the client the server's time.
    r.adobe.script('POST', '/o/client/token', { status: 201, json: { access_token: 'AT-x', expires_in: 21600, token_type: 'bearer' } })
    r.adobe.on((q) =>
      q.method === 'POST' && q.path === '/api/v2/MYCHAN/sessions'
        ? {
            json: sessionAnswer('C', { notBefore: String(r.clock.now() + skew), notAfter: String(r.clock.now() + skew + 30 * 60000) }),
          }
        : undefined,
    )
    const session = await r.client.createSession({})
    expect(r.client.serverNow() - r.clock.now()).toBe(skew)
    expect((session.notAfter as number) - r.client.serverNow()).toBe(30 * 60000)
  })

  test('a readable Date header wins over a session notBefore', async () => {
    const r = rig()
    r.adobe.skewMs = HOUR
    r.adobe.script('POST', '/api/v2/MYCHAN/sessions', { json: sessionAnswer('C', { notBefore: String(r.clock.now() - 5 * HOUR) }) })
    await r.client.createSession({})
    expect(r.client.serverNow() - r.clock.now()).toBe(HOUR)
  })
})

test('CL-REG-2: storage that cannot be read at start-up is read again before registering (no new registration)', async () => {
  const r = rig()
  await firstCall(r)
  expect(r.adobe.count('POST', '/o/client/register')).toBe(1)
  // The next launch finds IndexedDB and its mirror unreadable for a moment.
  const realRead = r.store.readClientCredentials.bind(r.store)
  let stalls = 1
  r.store.readClientCredentials = () => (stalls-- > 0 ? Promise.resolve({ status: 'unavailable', failure: new Error('stalled') as never }) : realRead())
  await r.store.clearAccessToken()
  const second = r.restart()
  await settle(r.clock, second.retrieveProfiles())
  expect(r.adobe.count('POST', '/o/client/register')).toBe(1)
  expect(r.adobe.count('POST', '/o/client/token')).toBe(2)
})

test('CL-REG-2: storage that stays unreadable: registers again, with a warning naming no secret', async () => {
  const r = rig()
  r.adobe.script('GET', profilesPath, empty)
  r.store.readClientCredentials = () => Promise.resolve({ status: 'unavailable', failure: new Error('broken') as never })
  await settle(r.clock, r.client.retrieveProfiles())
  expect(r.adobe.count('POST', '/o/client/register')).toBe(1)
  expect(r.logger.lines.some((l) => l.level === 'warn' && /cannot be read; registering/.test(l.message))).toBe(true)
  const stored = await r.store.getClientCredentials()
  expect(r.logger.text()).not.toContain(stored?.clientSecret ?? 'no secret stored')
})

describe('CL-REG-2: every read of the credentials reaches IndexedDB (real store, DCR FAQ 9)', () => {
  let n = 0
  const stored: ClientCredentials = { clientId: 'client-stored', clientSecret: 'SECRET-stored-do-not-log', origin: testSettings().baseUrl }

  /**
   * A launch over the app's real store: IndexedDB (can stall or fail) behind the resilient store with
   * its default timeout and circuit breaker, localStorage as mirror. The credentials are in IndexedDB
   * only (stored before they were mirrored) and there is no stored token, so the first look at
   * storage (the token) trips the breaker before the credentials are read.
   */
  async function launch(retryAfterMs?: number) {
    localStorage.clear()
    const dbName = `dcr-probe-${++n}`
    await createIdbStore({ dbName }).set('clientCredentials', { v: recordVersion, data: stored })
    const gate = stallable(createIdbStore({ dbName }))
    const r = rig({
      makeStore: (clock, logger) =>
        createDeviceStore({
          primary: createResilientStore({ primary: gate.store, clock, logger, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }),
          mirror: createWebStorageStore(() => localStorage, 'app:'),
          logger,
          clock,
        }),
    })
    r.adobe.script('GET', profilesPath, empty)
    return { r, gate }
  }

  const tokenRequests = (r: Rig) => r.adobe.requests.filter((q) => q.path === '/o/client/token').map((q) => new URLSearchParams(q.body).get('client_id'))

  test('IndexedDB fails once at start-up, then answers: the stored credentials are used, no second registration', async () => {
    const { r, gate } = await launch()
    gate.failNext()
    await settle(r.clock, r.client.retrieveProfiles())
    expect(r.adobe.count('POST', '/o/client/register')).toBe(0)
    expect(tokenRequests(r)).toEqual(['client-stored'])
    expect(r.logger.text()).not.toContain('SECRET-stored-do-not-log')
  })

  test('IndexedDB stalls past the timeout at start-up, then answers new calls: no second registration', async () => {
    const { r, gate } = await launch()
    gate.stall()
    const profiles = r.client.retrieveProfiles()
    // The token read times out at 3 s; reads now skip IndexedDB until 8 s, past the 1.5 s second look.
    await r.clock.advance(3000)
    gate.resume()
    await settle(r.clock, profiles)
    expect(r.adobe.count('POST', '/o/client/register')).toBe(0)
    expect(tokenRequests(r)).toEqual(['client-stored'])
    expect(r.adobe.requests[r.adobe.requests.length - 1]?.headers['authorization']).toBe(`Bearer ${accessTokens[0]}`)
  })

  // DCR waits 1.5 s between its two reads; the store's skip window after a failure may be shorter
  // or far longer. Neither may decide the outcome: each credentials read asks IndexedDB itself.
  test.each([1000, 5000, 60000])(
    'IndexedDB fails the token read and the first credentials read, skip window %i ms: no second registration',
    async (retryAfterMs) => {
      const { r, gate } = await launch(retryAfterMs)
      gate.failNext(2)
      await settle(r.clock, r.client.retrieveProfiles())
      expect(r.adobe.count('POST', '/o/client/register')).toBe(0)
      expect(tokenRequests(r)).toEqual(['client-stored'])
      expect(gate.calls.filter((c) => c === 'get clientCredentials')).toHaveLength(2)
    },
  )

  test('inside a long skip window the first credentials read already finds them (no wait, no warning)', async () => {
    const { r, gate } = await launch(60000)
    gate.failNext(1)
    await settle(r.clock, r.client.retrieveProfiles())
    expect(r.adobe.count('POST', '/o/client/register')).toBe(0)
    expect(gate.calls.filter((c) => c === 'get clientCredentials')).toHaveLength(1)
    expect(r.logger.lines.some((l) => /cannot be read; registering/.test(l.message))).toBe(false)
  })
})

describe('persisting never holds the caller up (credentials and token written behind, in order)', () => {
  /**
   * The rig's store with its DCR writes held: each starts (and is listed in `started`) but lands only
   * when the test releases it, or never. Reads answer from the records that have landed.
   */
  function heldWrites(inner: DeviceStore) {
    const started: string[] = []
    const landed: string[] = []
    const held: Array<() => Promise<void>> = []
    const hold =
      <A extends unknown[]>(name: string, write: (...args: A) => Promise<void>) =>
      (...args: A): Promise<void> => {
        started.push(name)
        return new Promise<void>((resolve) =>
          held.push(() =>
            write(...args).then(() => {
              landed.push(name)
              resolve()
            }),
          ),
        )
      }
    const store: DeviceStore = {
      ...inner,
      setClientCredentials: hold('set credentials', (c: ClientCredentials) => inner.setClientCredentials(c)),
      clearClientCredentials: hold('clear credentials', () => inner.clearClientCredentials()),
      setAccessToken: hold('set token', (t: Parameters<DeviceStore['setAccessToken']>[0]) => inner.setAccessToken(t)),
      clearAccessToken: hold('clear token', () => inner.clearAccessToken()),
    }
    /** Lets the oldest held write land, then lets the next one start. */
    const releaseNext = async (): Promise<void> => {
      const next = held.shift()
      if (next) await next()
      await flushPromises()
    }
    return { store, started, landed, releaseNext, held: () => held.length }
  }

  /** A rig whose store is `heldWrites` over a memory device store that outlives one launch. */
  function heldRig() {
    const built: { gate?: ReturnType<typeof heldWrites> } = {}
    const r = rig({
      makeStore: (clock, logger) => {
        built.gate = heldWrites(createDeviceStore({ primary: new MemoryStore(), logger, clock }))
        return built.gate.store
      },
    })
    const gate = built.gate
    if (!gate) throw new Error('store not built')
    return { r, gate }
  }

  test('writes that never land: the token is handed over and the V2 call goes out with it', async () => {
    const { r, gate } = heldRig()
    r.adobe.script('GET', profilesPath, empty)
    await expect(settle(r.clock, r.client.retrieveProfiles())).resolves.toEqual([])
    expect(r.adobe.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['POST /o/client/register', 'POST /o/client/token', `GET ${profilesPath}`])
    expect(r.adobe.requests[2]?.headers['authorization']).toBe(`Bearer ${accessTokens[0]}`)
    // One write in flight; the rest wait behind it.
    expect(gate.started).toEqual(['set credentials'])
    expect(gate.landed).toEqual([])
  })

  test('later calls use the credentials and token in memory while their writes have not landed', async () => {
    const { r, gate } = heldRig()
    r.adobe.script('GET', profilesPath, unauthorized, empty, empty)
    // The 401 refreshes the token: with the credentials from memory, not by registering again.
    await expect(settle(r.clock, r.client.retrieveProfiles())).resolves.toEqual([])
    await r.client.retrieveProfiles()
    expect(r.adobe.count('POST', '/o/client/register')).toBe(1)
    expect(r.adobe.requests.filter((q) => q.path === '/o/client/token').map((q) => new URLSearchParams(q.body).get('client_id'))).toEqual([
      'client-1',
      'client-1',
    ])
    expect(r.adobe.requests[r.adobe.requests.length - 1]?.headers['authorization']).toBe(`Bearer ${accessTokens[1]}`)
    expect(gate.landed).toEqual([])
  })

  test('concurrent callers share one registration and one token request while the writes hang', async () => {
    const { r, gate } = heldRig()
    r.adobe.script('GET', profilesPath, empty)
    await settle(r.clock, Promise.all([r.client.retrieveProfiles(), r.client.retrieveProfiles(), r.client.retrieveProfiles()]))
    expect(r.adobe.count('POST', '/o/client/register')).toBe(1)
    expect(r.adobe.count('POST', '/o/client/token')).toBe(1)
    expect(r.adobe.count('GET', profilesPath)).toBe(3)
    expect(gate.started).toEqual(['set credentials'])
  })

  test('the writes land one at a time, credentials first, the token clear collapsed into the token write', async () => {
    const { r, gate } = heldRig()
    await firstCall(r)
    expect(gate.started).toEqual(['set credentials'])
    await gate.releaseNext()
    expect(gate.landed).toEqual(['set credentials'])
    expect(gate.started).toEqual(['set credentials', 'set token'])
    await gate.releaseNext()
    expect(gate.landed).toEqual(['set credentials', 'set token'])
    expect(gate.held()).toBe(0)
    // Both landed: the next launch makes no DCR call and reuses the token.
    const second = r.restart()
    r.adobe.script('GET', profilesPath, empty)
    await second.retrieveProfiles()
    expect(r.adobe.dcr()).toHaveLength(2)
    expect(r.adobe.requests[r.adobe.requests.length - 1]?.headers['authorization']).toBe(`Bearer ${accessTokens[0]}`)
  })

  test('a refresh while the first writes are under way: only the newest token is written after the credentials', async () => {
    const { r, gate } = heldRig()
    r.adobe.script('GET', profilesPath, unauthorized, empty)
    await settle(r.clock, r.client.retrieveProfiles())
    await gate.releaseNext()
    await gate.releaseNext()
    expect(gate.landed).toEqual(['set credentials', 'set token'])
    expect((await r.store.getAccessToken())?.accessToken).toBe(accessTokens[1])
  })

  test('the app closes before the credentials write lands: the next launch registers again', async () => {
    const { r } = heldRig()
    await firstCall(r)
    const second = r.restart()
    r.adobe.script('GET', profilesPath, empty)
    await settle(r.clock, second.retrieveProfiles())
    expect(r.adobe.count('POST', '/o/client/register')).toBe(2)
  })

  test('a write that fails is logged by name, never thrown at the caller, and the next write still runs', async () => {
    const r = rig({
      makeStore: (clock, logger) => ({
        ...createDeviceStore({ primary: new MemoryStore(), logger, clock }),
        setClientCredentials: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
      }),
    })
    r.adobe.script('GET', profilesPath, empty)
    await expect(settle(r.clock, r.client.retrieveProfiles())).resolves.toEqual([])
    await flushPromises()
    const warning = r.logger.lines.find((l) => /storing a DCR record failed/.test(l.message))
    expect(warning?.fields).toMatchObject({ record: 'clientCredentials', operation: 'set', reason: 'QuotaExceededError' })
    expect(r.logger.text()).not.toContain(clientSecret)
    expect((await r.store.getAccessToken())?.accessToken).toBe(accessTokens[0])
  })

  test('writes that take 200 ms each (IndexedDB on a 2018 TV): the V2 request goes out as soon as the token answers', async () => {
    const r = rig({
      makeStore: (clock, logger) => {
        const inner = createDeviceStore({ primary: new MemoryStore(), logger, clock })
        const slow =
          <A extends unknown[]>(write: (...args: A) => Promise<void>) =>
          (...args: A): Promise<void> =>
            new Promise<void>((resolve) => clock.setTimeout(() => void write(...args).then(resolve), 200))
        return {
          ...inner,
          setClientCredentials: slow(inner.setClientCredentials),
          clearClientCredentials: slow(inner.clearClientCredentials),
          setAccessToken: slow(inner.setAccessToken),
          clearAccessToken: slow(inner.clearAccessToken),
        }
      },
    })
    r.adobe.script('GET', profilesPath, empty)
    const start = r.clock.now()
    await settle(r.clock, r.client.retrieveProfiles())
    const sentAt = (path: string) => (r.adobe.requests.find((q) => q.path === path)?.at ?? Number.NaN) - start
    expect([sentAt('/o/client/register'), sentAt('/o/client/token'), sentAt(profilesPath)]).toEqual([0, 0, 0])
    // Behind it: the credentials (0–200 ms), then the token alone (200–400 ms), its clear collapsed.
    await r.clock.advance(400)
    expect((await r.store.readClientCredentials()).status).toBe('found')
    expect((await r.store.getAccessToken())?.accessToken).toBe(accessTokens[0])
  })

  test('the real device store over an IndexedDB that stalls after the reads: the V2 call does not wait for it', async () => {
    const gate = stallable(new MemoryStore())
    const r = rig({ makeStore: (clock, logger) => createDeviceStore({ primary: gate.store, logger, clock }) })
    r.adobe.on((q) => {
      if (q.path === '/o/client/register') gate.stall()
      return undefined
    })
    r.adobe.script('GET', profilesPath, empty)
    await expect(settle(r.clock, r.client.retrieveProfiles())).resolves.toEqual([])
    expect(r.adobe.count('GET', profilesPath)).toBe(1)
    expect(gate.calls).toEqual(['get accessToken', 'get clientCredentials', 'set clientCredentials'])
    gate.release()
    await flushPromises()
    expect(gate.calls).toEqual(['get accessToken', 'get clientCredentials', 'set clientCredentials', 'set accessToken'])
    expect((await r.store.getAccessToken())?.accessToken).toBe(accessTokens[0])
    expect((await r.store.readClientCredentials()).status).toBe('found')
  })
})
