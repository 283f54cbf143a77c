/**
 * The Pass client against the local sandbox over loopback (real HTTP). Assertions are on the
 * requests the sandbox recorded (`sandbox.requests()`), not on the client's internals.
 */
import type { Sandbox } from '../sandbox'
import { MalformedResponseError, PassError, TimeoutError } from '../../src/core/pass/errors'
import { calls, device, useSandbox } from './support'

let sandbox: Sandbox
useSandbox((started) => (sandbox = started), { resetEach: true })

const SP = 'MYCHAN'
const MVPD = 'Sandbox_Cable'

describe('the three profile scenarios (docs/architecture.md "Flow"), cold and warm start', () => {
  test('first launch, no cached provider: GET profiles (docs/architecture.md "Flow")', async () => {
    const tv = device(sandbox)
    sandbox.seedProfile({ deviceId: await tv.deviceId(), serviceProvider: SP, mvpd: MVPD })
    const profiles = await tv.start().retrieveProfiles()
    expect(profiles.map((p) => p.mvpd)).toEqual([MVPD])
    expect(profiles[0]?.attributes.userID).toBeDefined()
    // Cold start minimum: register, token, profiles.
    expect(calls(sandbox)).toEqual(['POST /o/client/register 201', 'POST /o/client/token 201', `GET /api/v2/${SP}/profiles 200`])
    sandbox.clearRequests()
    await tv.start().retrieveProfiles()
    // Warm start (same store): the profiles call only (CL-REG-2, CL-REG-3).
    expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles 200`])
  })

  test('returning viewer with a cached provider: GET profiles/{mvpd} (docs/architecture.md "Flow")', async () => {
    const tv = device(sandbox)
    sandbox.seedProfile({ deviceId: await tv.deviceId(), serviceProvider: SP, mvpd: MVPD })
    const profile = await tv.start().retrieveProfileForMvpd(MVPD)
    expect(profile).toMatchObject({ mvpd: MVPD, type: 'regular' })
    expect(calls(sandbox)).toEqual(['POST /o/client/register 201', 'POST /o/client/token 201', `GET /api/v2/${SP}/profiles/${MVPD} 200`])
    sandbox.clearRequests()
    await expect(tv.start().retrieveProfileForMvpd('Sandbox_Fiber')).resolves.toBeNull()
    expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles/Sandbox_Fiber 200`])
  })

  test('second-screen sign-in: POST sessions, poll profiles/code/{code} (docs/architecture.md "Flow")', async () => {
    const tv = device(sandbox)
    const client = tv.start()
    const session = await client.createSession({})
    expect(session).toMatchObject({ actionName: 'resume', missingParameters: ['mvpd'] })
    expect(typeof session.code).toBe('string')
    expect(session.notAfter).toBeGreaterThan(client.serverNow())
    const code = session.code as string
    await expect(client.retrieveProfileForCode(code)).resolves.toEqual([]) // pending
    sandbox.completeSignIn(code, { mvpd: MVPD, user: 'viewer' })
    const profiles = await client.retrieveProfileForCode(code)
    expect(profiles.map((p) => p.mvpd)).toEqual([MVPD])
    expect(calls(sandbox)).toEqual([
      'POST /o/client/register 201',
      'POST /o/client/token 201',
      `POST /api/v2/${SP}/sessions 200`,
      `GET /api/v2/${SP}/profiles/code/${code} 200`,
      `GET /api/v2/${SP}/profiles/code/${code} 200`,
    ])
    // The sandbox ties the code to the device that created it: the poll carried the same device id.
    const [create, poll] = sandbox.requests().filter((r) => r.path.indexOf('/api/v2/') === 0)
    expect(poll?.headers['ap-device-identifier']).toBe(create?.headers['ap-device-identifier'])
    sandbox.clearRequests()
    // Warm start: a returning viewer now needs one call.
    await expect(tv.start().retrieveProfileForMvpd(MVPD)).resolves.toMatchObject({ mvpd: MVPD })
    expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles/${MVPD} 200`])
  })
})

test('CL-REG-2: a second start with the same store makes zero DCR calls; another device registers its own', async () => {
  const tv = device(sandbox)
  await tv.start().retrieveProfiles()
  sandbox.clearRequests()
  await tv.start().retrieveProfiles()
  await tv.start().retrieveProfileForMvpd(MVPD)
  expect(calls(sandbox).filter((c) => c.indexOf('/o/client/') >= 0)).toEqual([])
  await device(sandbox).start().retrieveProfiles()
  expect(calls(sandbox).filter((c) => c.indexOf('/o/client/') >= 0)).toEqual(['POST /o/client/register 201', 'POST /o/client/token 201'])
})

test('CL-REG-R1: a token the server expired → 401 → one token refresh → the request again, once', async () => {
  const tv = device(sandbox)
  const client = tv.start()
  await client.retrieveProfiles()
  sandbox.expireTokens()
  sandbox.clearRequests()
  await expect(client.retrieveProfiles()).resolves.toEqual([])
  expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles 401`, 'POST /o/client/token 201', `GET /api/v2/${SP}/profiles 200`])
  const [first, , second] = sandbox.requests()
  expect(second?.headers['authorization']).not.toBe(first?.headers['authorization'])
})

test('429 (docs/adobe-pass.md "Throttling"): the next request waits at least 1 s', async () => {
  const tv = device(sandbox)
  const client = tv.start()
  await client.retrieveProfiles()
  sandbox.clearRequests()
  sandbox.throttle({ force429Count: 1 })
  await expect(client.retrieveProfiles()).resolves.toEqual([])
  const log = sandbox.requests()
  expect(log.map((r) => r.status)).toEqual([429, 200])
  expect((log[1]?.time as number) - (log[0]?.time as number)).toBeGreaterThanOrEqual(1000)
})

test('5xx: bounded retries (3 tries), then a typed error; a transient 5xx recovers', async () => {
  const tv = device(sandbox)
  const client = tv.start({ retry: { baseDelayMs: 20 } })
  await client.retrieveProfiles()
  sandbox.clearRequests()
  sandbox.fault({ route: 'profiles', status: 500, count: 0 })
  const error = await client.retrieveProfiles().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(PassError)
  expect(error).toMatchObject({ httpStatus: 500, code: 'internal_server_error' })
  expect(calls(sandbox)).toEqual(Array(3).fill(`GET /api/v2/${SP}/profiles 500`))
  sandbox.clearFaults()
  sandbox.clearRequests()
  sandbox.fault({ route: 'profiles', status: 503, count: 1, body: 'html' })
  await expect(client.retrieveProfiles()).resolves.toEqual([])
  expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles 503`, `GET /api/v2/${SP}/profiles 200`])
})

test('malformed JSON on a 200 is a MalformedResponseError, not retried', async () => {
  const tv = device(sandbox)
  const client = tv.start()
  await client.retrieveProfiles()
  sandbox.clearRequests()
  sandbox.fault({ route: 'profiles', status: 200, count: 1, body: 'malformed' })
  const error = await client.retrieveProfiles().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(MalformedResponseError)
  expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles 200`])
})

test('timeout: a slow answer ends in TimeoutError after the configured time', async () => {
  const tv = device(sandbox)
  const client = tv.start({ timeoutMs: 300 })
  await client.retrieveProfiles()
  sandbox.clearRequests()
  sandbox.fault({ route: 'profiles', latencyMs: 1500, count: 1 })
  const started = Date.now()
  const error = await client.retrieveProfiles().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(TimeoutError)
  expect(Date.now() - started).toBeLessThan(1400)
  expect(sandbox.requests().filter((r) => r.path === `/api/v2/${SP}/profiles`)).toHaveLength(1)
})

test('clock skew: expiry is judged on the server clock (TV 2 h ahead of the server)', async () => {
  sandbox.setClockOffset(-2 * 3600000)
  const tv = device(sandbox)
  // The profile lives 1 h on the server clock: by the TV's clock it ended an hour ago.
  sandbox.seedProfile({ deviceId: await tv.deviceId(), serviceProvider: SP, mvpd: MVPD, ttlMs: 3600000 })
  const client = tv.start()
  const profile = await client.retrieveProfileForMvpd(MVPD)
  expect(profile).not.toBeNull()
  expect((profile?.notAfter as number) < Date.now()).toBe(true)
  expect(Math.abs(client.serverNow() - sandbox.now())).toBeLessThan(2000)
  // The session's notAfter is in server time too: valid for the client, although "past" locally.
  const session = await client.createSession({})
  expect((session.notAfter as number) > client.serverNow()).toBe(true)
  expect((session.notAfter as number) < Date.now()).toBe(true)
})

test('decisions and logout on the sandbox: permits, an item-level deny kept as data (CL-ERR-2), logout entries', async () => {
  const tv = device(sandbox)
  sandbox.seedProfile({ deviceId: await tv.deviceId(), serviceProvider: SP, mvpd: MVPD, user: 'basic' })
  const client = tv.start()
  const decisions = await client.preauthorize(MVPD, ['mychannel-live', 'mychannel-sports'])
  expect(decisions.map((d) => [d.resource, d.authorized])).toEqual([
    ['mychannel-live', true],
    ['mychannel-sports', false],
  ])
  expect(decisions[1]?.error).toMatchObject({ code: 'preauthorization_denied_by_mvpd' })
  await client.preauthorize(MVPD, ['mychannel-live'])
  const authz = await client.authorize(MVPD, 'mychannel-live')
  expect(authz).toMatchObject({ authorized: true, token: { serializedToken: expect.any(String) } })
  const entries = await client.logout(MVPD)
  expect(entries).toEqual([expect.objectContaining({ mvpd: MVPD, actionName: 'logout', actionType: 'interactive' })])
  // CL-PREAUTHZ-3: the cached permit was not asked for again.
  expect(calls(sandbox).filter((c) => c.indexOf('/decisions/preauthorize/') >= 0)).toHaveLength(1)
  await expect(client.authorize(MVPD, 'mychannel-live')).rejects.toMatchObject({ action: 'authentication' })
})

describe('who retries what, on the wire', () => {
  test('(a) a poll answered 5xx three times in a row: one request per poll, nothing retried inside (CL-AUTHN-3)', async () => {
    const tv = device(sandbox)
    const client = tv.start({ retry: { baseDelayMs: 20 } })
    const code = (await client.createSession({})).code as string
    sandbox.clearRequests()
    sandbox.fault({ route: 'profiles/code', status: 500, count: 0 })
    for (let poll = 1; poll <= 3; poll++) {
      // The flow would wait its interval (5 s) between these; each poll is one request.
      await expect(client.retrieveProfileForCode(code)).rejects.toMatchObject({ httpStatus: 500, code: 'internal_server_error' })
      expect(calls(sandbox)).toEqual(Array(poll).fill(`GET /api/v2/${SP}/profiles/code/${code} 500`))
    }
  })

  test('a 429 poll goes to the flow at once (ThrottledError ≥ 1 s); the flow polls again an interval later', async () => {
    const tv = device(sandbox)
    const client = tv.start()
    const code = (await client.createSession({})).code as string
    sandbox.clearRequests()
    sandbox.throttle({ force429Count: 1 })
    await expect(client.retrieveProfileForCode(code)).rejects.toMatchObject({ kind: 'throttled', retryAfterMs: expect.any(Number) })
    expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles/code/${code} 429`])
  })

  test('(b) one play answered `action: retry` every time (an item deny, then request errors): 3 requests in all (CL-AUTHZ-2)', async () => {
    const tv = device(sandbox)
    sandbox.seedProfile({ deviceId: await tv.deviceId(), serviceProvider: SP, mvpd: MVPD })
    sandbox.deny({ resource: 'mychannel-live', mvpd: MVPD, code: 'network_connection_timeout' })
    let first = true
    // After the first answer (an item-level retry deny), every answer is a request-level `retry` error.
    const switching = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init)
      if (first && String(input instanceof Request ? input.url : input).indexOf('/decisions/authorize/') > 0) {
        first = false
        sandbox.fault({ route: 'decisions/authorize', status: 403, code: 'network_connection_timeout', count: 0 })
      }
      return response
    }) as typeof fetch
    const client = tv.start({ fetch: switching, retry: { baseDelayMs: 20 } })
    await client.retrieveProfiles()
    sandbox.clearRequests()
    const decision = await client.authorize(MVPD, 'mychannel-live')
    expect(decision).toMatchObject({ authorized: false, error: { action: 'retry' } })
    expect(calls(sandbox)).toEqual([
      `POST /api/v2/${SP}/decisions/authorize/${MVPD} 200`,
      `POST /api/v2/${SP}/decisions/authorize/${MVPD} 403`,
      `POST /api/v2/${SP}/decisions/authorize/${MVPD} 403`,
    ])
  })

  test('CL-ERR-1: a 500 naming action configuration is sent once; POST sessions is not resent after a 5xx', async () => {
    const tv = device(sandbox)
    const client = tv.start({ retry: { baseDelayMs: 20 } })
    await client.retrieveProfiles()
    sandbox.clearRequests()
    sandbox.fault({ route: 'profiles', status: 500, code: 'invalid_configuration_temporary_access', count: 0 })
    await expect(client.retrieveProfiles()).rejects.toMatchObject({ httpStatus: 500, action: 'configuration' })
    expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles 500`])
    sandbox.clearRequests()
    sandbox.fault({ route: 'sessions', status: 500, count: 0 })
    await expect(client.createSession({})).rejects.toMatchObject({ httpStatus: 500 })
    expect(calls(sandbox)).toEqual([`POST /api/v2/${SP}/sessions 500`])
    expect(sandbox.snapshot().sessions).toHaveLength(0)
  })
})

test('clock skew without a readable Date header: a relaunch judges profile and session expiry in server time', async () => {
  // The TV is 2 h ahead of the server; the server does not expose Date to the browser (CORS). Node's
  // fetch would read it anyway, so the client's fetch drops it, as a browser would.
  sandbox.setClockOffset(-2 * 3600000)
  sandbox.cors({ exposeDate: false })
  const withoutDate = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init)
    const headers = new Headers(response.headers)
    headers.delete('date')
    return new Response(response.status === 204 ? null : await response.arrayBuffer(), { status: response.status, headers })
  }) as typeof fetch
  const tv = device(sandbox)
  await tv.start({ fetch: withoutDate }).retrieveProfiles() // registers; the token's created_at gives the offset
  // The profile lives 1 h on the server clock: by the TV's clock it ended an hour ago.
  sandbox.seedProfile({ deviceId: await tv.deviceId(), serviceProvider: SP, mvpd: MVPD, ttlMs: 3600000 })
  sandbox.clearRequests()
  const second = tv.start({ fetch: withoutDate })
  const profile = await second.retrieveProfileForMvpd(MVPD)
  expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles/${MVPD} 200`]) // the stored token, no DCR call
  expect(profile).not.toBeNull()
  expect((profile?.notAfter as number) < Date.now()).toBe(true)
  expect(Math.abs(second.serverNow() - sandbox.now())).toBeLessThan(2000)
  // The code's notAfter is in server time too: valid for the client, although "past" locally.
  const session = await second.createSession({})
  expect((session.notAfter as number) > second.serverNow()).toBe(true)
  expect((session.notAfter as number) < Date.now()).toBe(true)
})
