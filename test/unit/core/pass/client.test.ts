/**
 * The PassClient services: domain results, expiry in server time, caches (configuration, permits),
 * item-level retries, logout, and construction-time validation.
 */
import { createPassClient } from '../../../../src/core/pass/client'
import { FakeClock } from '../../../support/fake-clock'
import { clientSecret, retryDenyDecision, sessionAnswer } from '../../../support/fake-adobe'
import { identity, rig, settle, settleCaught, testSettings } from '../../../support/pass-rig'
import { createDeviceStore } from '../../../../src/core/storage/device-store'
import { MemoryStore } from '../../../../src/core/storage/memory-kv'
import { silentLogger } from '../../../../src/core/base/logger'

const sp = 'MYCHAN'
const HOUR = 3600000

function profile(notAfter: number, extra: object = {}) {
  return {
    notBefore: notAfter - 10 * HOUR,
    notAfter,
    issuer: 'Cable',
    type: 'regular',
    attributes: { userID: { value: 'dXNlcg==', state: 'plain' } },
    ...extra,
  }
}

describe('profiles (docs/adobe-pass.md "Profiles")', () => {
  test('domain profiles: mvpd from the map key, attributes kept, expired dropped, longest validity first', async () => {
    const { client, adobe, clock } = rig()
    const now = clock.now()
    adobe.script('GET', `/api/v2/${sp}/profiles`, {
      json: { profiles: { Short: profile(now + HOUR), Gone: profile(now - 1), Long: profile(now + 5 * HOUR), Edge: profile(now) } },
    })
    const profiles = await client.retrieveProfiles()
    expect(profiles.map((p) => p.mvpd)).toEqual(['Long', 'Short'])
    expect(profiles[0]).toEqual({
      mvpd: 'Long',
      type: 'regular',
      issuer: 'Cable',
      notBefore: now - 5 * HOUR,
      notAfter: now + 5 * HOUR,
      attributes: { userID: { value: 'dXNlcg==', state: 'plain' } },
    })
  })

  test('clock skew: expiry uses the server Date header, not the TV clock (TV 3 h behind)', async () => {
    const { client, adobe, clock } = rig()
    adobe.skewMs = 3 * HOUR
    const local = clock.now()
    // Valid by the TV's clock, expired by the server's: dropped.
    adobe.script('GET', `/api/v2/${sp}/profiles/Cable`, { json: { profiles: { Cable: profile(local + 2 * HOUR) } } })
    await expect(client.retrieveProfileForMvpd('Cable')).resolves.toBeNull()
    expect(client.serverNow() - clock.now()).toBe(3 * HOUR)
  })

  test('clock skew: a profile the TV clock thinks expired is kept when the server says it is valid (TV 3 h ahead)', async () => {
    const { client, adobe, clock } = rig()
    adobe.skewMs = -3 * HOUR
    const local = clock.now()
    adobe.script('GET', `/api/v2/${sp}/profiles/Cable`, { json: { profiles: { Cable: profile(local - HOUR) } } })
    await expect(client.retrieveProfileForMvpd('Cable')).resolves.toMatchObject({ mvpd: 'Cable' })
  })

  test('profile for mvpd: an empty map is null; profile for code: an empty map is the pending answer', async () => {
    const { client, adobe } = rig()
    adobe.script('GET', `/api/v2/${sp}/profiles/Cable`, { json: { profiles: {} } })
    adobe.script('GET', `/api/v2/${sp}/profiles/code/ABC1234`, { json: { profiles: {} } })
    await expect(client.retrieveProfileForMvpd('Cable')).resolves.toBeNull()
    await expect(client.retrieveProfileForCode('ABC1234')).resolves.toEqual([])
  })
})

describe('configuration (docs/adobe-pass.md "Endpoints")', () => {
  const config = {
    requestor: {
      id: sp,
      name: 'My Channel',
      mvpds: [
        { id: 'Cable', displayName: 'Cable Co', logoUrl: 'https://x/c.png' },
        { id: 'TempPass_1h', displayName: 'Free', isTempPass: true },
      ],
    },
  }

  test('CL-CFG-1: the client never fetches configuration on its own', async () => {
    const { client, adobe } = rig()
    adobe.script('GET', `/api/v2/${sp}/profiles`, { json: { profiles: {} } })
    adobe.script('POST', `/api/v2/${sp}/sessions`, {
      json: sessionAnswer('C'),
    })
    await client.retrieveProfiles()
    await client.createSession({})
    expect(adobe.count('GET', `/api/v2/${sp}/configuration`)).toBe(0)
  })

  test('CL-CFG-R1: cached for 3 minutes, then fetched again; mvpds nested in requestor are parsed', async () => {
    const { client, adobe, clock } = rig()
    adobe.script('GET', `/api/v2/${sp}/configuration`, { json: config })
    const first = await client.configuration()
    expect(first.mvpds).toEqual([
      { id: 'Cable', displayName: 'Cable Co', logoUrl: 'https://x/c.png' },
      { id: 'TempPass_1h', displayName: 'Free', isTempPass: true },
    ])
    await Promise.all([client.configuration(), client.configuration()])
    await clock.advance(179000)
    await client.configuration()
    expect(adobe.count('GET', `/api/v2/${sp}/configuration`)).toBe(1)
    await clock.advance(1000)
    await client.configuration()
    expect(adobe.count('GET', `/api/v2/${sp}/configuration`)).toBe(2)
  })

  test('mvpds at the top level (the table form) are parsed too', async () => {
    const { client, adobe } = rig()
    adobe.script('GET', `/api/v2/${sp}/configuration`, { json: { device: 'tv', requestor: { id: sp }, mvpds: [{ id: 'A', displayName: 'A TV' }] } })
    await expect(client.configuration()).resolves.toEqual({ mvpds: [{ id: 'A', displayName: 'A TV' }] })
  })
})

describe('decisions (docs/adobe-pass.md "Endpoints")', () => {
  const permit = (resource: string) => ({ resource, mvpd: 'Cable', serviceProvider: sp, source: 'mvpd', authorized: true })
  const bodies = (adobe: ReturnType<typeof rig>['adobe'], kind: string) =>
    adobe.requests.filter((r) => r.path === `/api/v2/${sp}/decisions/${kind}/Cable`).map((r) => (JSON.parse(r.body) as { resources: string[] }).resources)

  test('CL-PREAUTHZ-3: permits are cached in memory; only missing resources are asked for', async () => {
    const { client, adobe } = rig()
    adobe.on((r) => {
      if (r.path !== `/api/v2/${sp}/decisions/preauthorize/Cable`) return undefined
      const { resources } = JSON.parse(r.body) as { resources: string[] }
      return {
        json: {
          decisions: resources.map((x) =>
            x === 'kids' ? { ...permit(x), authorized: false, error: { status: 403, code: 'preauthorization_denied_by_mvpd', action: 'none' } } : permit(x),
          ),
        },
      }
    })
    const first = await client.preauthorize('Cable', ['live', 'news', 'kids'])
    expect(first.map((d) => [d.resource, d.authorized])).toEqual([
      ['live', true],
      ['news', true],
      ['kids', false],
    ])
    const second = await client.preauthorize('Cable', ['news', 'live', 'kids', 'movies'])
    expect(second.map((d) => d.resource)).toEqual(['news', 'live', 'kids', 'movies'])
    // A deny is not cached: asked again together with the new resource.
    expect(bodies(adobe, 'preauthorize')).toEqual([
      ['live', 'news', 'kids'],
      ['kids', 'movies'],
    ])
    const third = await client.preauthorize('Cable', ['live', 'news'])
    expect(third.every((d) => d.authorized)).toBe(true)
    expect(bodies(adobe, 'preauthorize')).toHaveLength(2)
  })

  test('preauthorize asks at most 5 resources per call', async () => {
    const { client, adobe } = rig()
    adobe.on((r) =>
      r.path.indexOf('/decisions/preauthorize/') > 0
        ? { json: { decisions: (JSON.parse(r.body) as { resources: string[] }).resources.map(permit) } }
        : undefined,
    )
    await client.preauthorize('Cable', ['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    expect(bodies(adobe, 'preauthorize')).toEqual([
      ['a', 'b', 'c', 'd', 'e'],
      ['f', 'g'],
    ])
  })

  test('CL-PREAUTHZ-2: items denied with action retry are asked again alone, at most 2 times', async () => {
    const { client, adobe, clock } = rig()
    adobe.on((r) =>
      r.path.indexOf('/decisions/preauthorize/') > 0
        ? { json: { decisions: (JSON.parse(r.body) as { resources: string[] }).resources.map((x) => (x === 'flaky' ? retryDenyDecision(x) : permit(x))) } }
        : undefined,
    )
    const result = await settle(clock, client.preauthorize('Cable', ['live', 'flaky']))
    expect(bodies(adobe, 'preauthorize')).toEqual([['live', 'flaky'], ['flaky'], ['flaky']])
    expect(result[1]).toMatchObject({ resource: 'flaky', authorized: false, error: { action: 'retry' } })
  })

  test('CL-AUTHZ-1, CL-AUTHZ-2: authorize is never cached; a retry deny is retried at most 2 times, then returned', async () => {
    const { client, adobe, clock } = rig()
    adobe.script(
      'POST',
      `/api/v2/${sp}/decisions/authorize/Cable`,
      { json: { decisions: [retryDenyDecision('live')] } },
      { json: { decisions: [{ ...permit('live'), token: { notBefore: 1, notAfter: 2, serializedToken: 'bWVkaWE=' } }] } },
    )
    const first = await settle(clock, client.authorize('Cable', 'live'))
    expect(first).toMatchObject({ authorized: true, token: { serializedToken: 'bWVkaWE=' } })
    await client.authorize('Cable', 'live')
    expect(bodies(adobe, 'authorize')).toEqual([['live'], ['live'], ['live']])
  })

  test('a response missing a requested resource is malformed', async () => {
    const { client, adobe } = rig()
    adobe.script('POST', `/api/v2/${sp}/decisions/authorize/Cable`, { json: { decisions: [] } })
    await expect(client.authorize('Cable', 'live')).rejects.toMatchObject({ kind: 'malformed' })
  })
})

describe('logout (docs/adobe-pass.md "Endpoints")', () => {
  test('CL-LOGOUT-1: entries returned per removed profile; permits and cached profile parts dropped', async () => {
    const r = rig()
    const { client, adobe, store } = r
    adobe.on((q) =>
      q.path.indexOf('/decisions/preauthorize/') > 0
        ? { json: { decisions: [{ resource: 'live', mvpd: 'Cable', serviceProvider: sp, source: 'mvpd', authorized: true }] } }
        : undefined,
    )
    adobe.script('GET', `/api/v2/${sp}/logout/Cable`, {
      json: { logouts: { Cable: { actionName: 'logout', actionType: 'interactive', mvpd: 'Cable', url: '/logout/x' } } },
    })
    await store.setProfile({ mvpd: 'Cable', attributes: {}, notAfter: r.clock.now() + HOUR })
    await store.setLastMvpd({ id: 'Cable', displayName: 'Cable Co' })
    await client.preauthorize('Cable', ['live'])
    const entries = await client.logout('Cable')
    expect(entries).toEqual([{ mvpd: 'Cable', actionName: 'logout', actionType: 'interactive', url: '/logout/x' }])
    expect(await store.getProfile()).toBeNull()
    // Keeping the last provider for an easy sign-in again is allowed (docs/architecture.md "Flow").
    expect(await store.getLastMvpd()).toEqual({ id: 'Cable', displayName: 'Cable Co' })
    await client.preauthorize('Cable', ['live'])
    expect(adobe.count('POST', `/api/v2/${sp}/decisions/preauthorize/Cable`)).toBe(2)
  })
})

describe('createPassClient options (validated at construction)', () => {
  const store = createDeviceStore({ primary: new MemoryStore(), logger: silentLogger, clock: new FakeClock(0) })
  const base = { settings: testSettings(), store, identity, clock: new FakeClock(0), fetch: (() => Promise.reject(new Error('unused'))) as typeof fetch }

  test.each([
    [{ settings: undefined }, /options\.settings must be the PassSettings returned by parsePassSettings/],
    [{ store: {} }, /options\.store must have a readClientCredentials\(\) method/],
    [{ identity: { deviceId: () => Promise.resolve('x') } }, /options\.identity must have a deviceInfo\(\) method/],
    [{ clock: { now: () => 0 } }, /options\.clock must have a setTimeout\(\) method/],
    [{ timeoutMs: 0 }, /options\.timeoutMs must be a number from 100 to 120000, got 0/],
    [{ retry: { limit: 5 } }, /options\.retry\.limit must be a number from 0 to 3/],
    [{ retry: { throttleWaitMs: 500 } }, /options\.retry\.throttleWaitMs must be a number from 1000/],
    [{ configurationCacheMs: 600000 }, /options\.configurationCacheMs must be a number from 0 to 300000/],
  ])('%p is refused with an actionable message', (override, message) => {
    expect(() => createPassClient({ ...base, ...(override as object) } as never)).toThrow(message)
  })

  test('valid options build a client without sending anything', () => {
    const fetchSpy = jest.fn()
    const client = createPassClient({ ...base, fetch: fetchSpy as unknown as typeof fetch })
    expect(typeof client.retrieveProfiles).toBe('function')
    expect(fetchSpy).not.toHaveBeenCalled()
  })
})

test('secrets: no client secret or access token in logs, error messages or URLs', async () => {
  const { client, adobe, clock, logger } = rig()
  const tokens = ['AT-first-token-value', 'AT-second-token-value']
  adobe.script(
    'GET',
    `/api/v2/${sp}/profiles`,
    { status: 401, json: { status: 401, code: 'invalid_access_token_client_application', action: 'application-registration' } },
    { status: 500, text: '' },
  )
  adobe.script('GET', `/api/v2/${sp}/profiles/Cable`, 'network')
  adobe.script('GET', `/api/v2/${sp}/profiles/code/X`, { status: 200, text: 'not json' })
  const errors = [
    await settleCaught(clock, client.retrieveProfiles()),
    await client.retrieveProfileForMvpd('Cable').catch((e: unknown) => e),
    await client.retrieveProfileForCode('X').catch((e: unknown) => e),
  ]
  const texts = [logger.text(), ...errors.map((e) => `${String(e)} ${(e as Error).stack ?? ''} ${JSON.stringify(e)}`), ...adobe.requests.map((r) => r.url)]
  expect(logger.lines.length).toBeGreaterThan(0)
  for (const text of texts) {
    expect(text).not.toContain(clientSecret)
    for (const token of tokens) expect(text).not.toContain(token)
  }
})

describe('sign-out forgets the cached profile parts of that provider (docs/architecture.md "Flow")', () => {
  const attributes = { userID: { value: 'dXNlci0xMjM=', state: 'plain' }, zip: { value: 'ZW5j', state: 'enc' } }
  const permitBody = { json: { decisions: [{ resource: 'live', mvpd: 'Cable', serviceProvider: sp, source: 'mvpd', authorized: true }] } }

  async function signedIn(r: ReturnType<typeof rig>, mvpd = 'Cable') {
    r.adobe.script('POST', `/api/v2/${sp}/decisions/preauthorize/${mvpd}`, permitBody)
    await r.store.setProfile({ mvpd, attributes, notAfter: r.clock.now() + HOUR })
    await r.client.preauthorize(mvpd, ['live'])
  }

  test.each([
    ['authenticated_profile_missing', 403],
    ['authenticated_profile_expired', 403],
    ['authenticated_profile_invalidated', 403],
  ])('logout answered %s (no profile left) is a sign-out: an `invalid` entry, userID and zip gone, permits dropped', async (code, status) => {
    const r = rig()
    await signedIn(r)
    r.adobe.script('GET', `/api/v2/${sp}/logout/Cable`, { status, json: { status, code, action: 'authentication' } })
    await expect(r.client.logout('Cable')).resolves.toEqual([{ mvpd: 'Cable', actionName: 'invalid', actionType: 'none' }])
    expect(await r.store.getProfile()).toBeNull()
    await r.client.preauthorize('Cable', ['live'])
    expect(r.adobe.count('POST', `/api/v2/${sp}/decisions/preauthorize/Cable`)).toBe(2)
  })

  test('the same answer in a 200 body (CL-ERR-2) is a sign-out too', async () => {
    const r = rig()
    await signedIn(r)
    r.adobe.script('GET', `/api/v2/${sp}/logout/Cable`, { status: 200, json: { status: 403, code: 'authenticated_profile_missing', action: 'authentication' } })
    await expect(r.client.logout('Cable')).resolves.toEqual([{ mvpd: 'Cable', actionName: 'invalid', actionType: 'none' }])
    expect(await r.store.getProfile()).toBeNull()
  })

  test.each([
    ['the network is lost', 'network' as const],
    ['a 400 without a remedy', { status: 400, json: { status: 400, code: 'invalid_parameter_redirect_url', action: 'none' } }],
  ])('a logout that fails because %s leaves the viewer signed in: the error, the cache as it was', async (_, reply) => {
    const r = rig()
    await signedIn(r)
    r.adobe.script('GET', `/api/v2/${sp}/logout/Cable`, reply)
    await expect(settle(r.clock, r.client.logout('Cable'))).rejects.toMatchObject({ kind: expect.stringMatching(/network|pass/) })
    expect(await r.store.getProfile()).toMatchObject({ mvpd: 'Cable', attributes })
  })

  test('entries naming another provider (an SSO profile removed with it) clear its cache too', async () => {
    const r = rig()
    await signedIn(r, 'Cable_SSO')
    r.adobe.script('GET', `/api/v2/${sp}/logout/Cable`, {
      json: {
        logouts: {
          Cable: { actionName: 'complete', actionType: 'none', mvpd: 'Cable' },
          Cable_SSO: { actionName: 'complete', actionType: 'none', mvpd: 'Cable_SSO' },
        },
      },
    })
    await r.client.logout('Cable')
    expect(await r.store.getProfile()).toBeNull()
  })

  test('the cached profile of a provider not signed out is kept', async () => {
    const r = rig()
    await signedIn(r, 'Fiber')
    r.adobe.script('GET', `/api/v2/${sp}/logout/Cable`, { json: { logouts: { Cable: { actionName: 'complete', actionType: 'none', mvpd: 'Cable' } } } })
    await r.client.logout('Cable')
    expect(await r.store.getProfile()).toMatchObject({ mvpd: 'Fiber' })
  })

  test('a cache that cannot be read is cleared anyway: whose it is cannot be told, and it is only a cache', async () => {
    const kv = new MemoryStore()
    const r = rig({
      makeStore: (clock, logger) => {
        const inner = createDeviceStore({ primary: kv, logger, clock })
        return { ...inner, getProfile: () => Promise.resolve(null) }
      },
    })
    const kvStore = createDeviceStore({ primary: kv, logger: silentLogger, clock: r.clock })
    await kvStore.setProfile({ mvpd: 'Cable', attributes, notAfter: r.clock.now() + HOUR })
    r.adobe.script('GET', `/api/v2/${sp}/logout/Cable`, { json: { logouts: { Cable: { actionName: 'complete', actionType: 'none', mvpd: 'Cable' } } } })
    await r.client.logout('Cable')
    expect(await kvStore.getProfile()).toBeNull()
  })
})
