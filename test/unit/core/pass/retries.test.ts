/**
 * Who retries what, as seen on the wire (an injected fetch on a fake clock, no real waiting):
 * - the poll is one request per poll; the flow's cadence is the only retry (CL-AUTHN-3, 14.3 step 5);
 * - a decision call has one retry budget for request and item failures (CL-AUTHZ-2, CL-PREAUTHZ-2);
 * - one retry rule: a named action beats a 5xx status (CL-ERR-1);
 * - session creation is not resent after a 5xx; a cancelled request never goes out.
 */
import { createFlowRunner } from '../../../../src/core/flow/runner'
import type { FailedState } from '../../../../src/core/flow/model'
import type { FlowStore } from '../../../../src/core/flow/ports'
import { isTransientFailure } from '../../../../src/core/flow/failure'
import { CancelledError, MalformedResponseError, NetworkError, PassError, ThrottledError, TimeoutError, isTransient } from '../../../../src/core/pass/errors'
import { shouldResend } from '../../../../src/core/pass/http'
import type { DeviceIdentity } from '../../../../src/core/platform/device-info'
import { accessTokens, sessionAnswer } from '../../../support/fake-adobe'
import { deviceId, deviceInfo, rig, settle, settleCaught, type Rig } from '../../../support/pass-rig'

const sp = 'MYCHAN'
const code = 'ABC1234'
const pollPath = `/api/v2/${sp}/profiles/code/${code}`
const authorizePath = `/api/v2/${sp}/decisions/authorize/Cable`
const preauthorizePath = `/api/v2/${sp}/decisions/preauthorize/Cable`
const sessionsPath = `/api/v2/${sp}/sessions`
const serverError = { status: 500, json: { status: 500, code: 'internal_server_error', action: 'none' } }
const retryError = { status: 403, json: { status: 403, code: 'network_connection_timeout', action: 'retry' } }
const throttled = { status: 429, text: '<html>Too Many Requests</html>', headers: { 'content-type': 'text/html' } }
const unauthorized = { status: 401, json: { status: 401, code: 'invalid_access_token_client_application', action: 'application-registration' } }
const pending = { json: { profiles: {} } }

const times = (r: Rig, path: string): number[] => r.adobe.requests.filter((q) => q.path === path).map((q) => q.at)
const gaps = (at: number[]): number[] => at.slice(1).map((t, i) => t - (at[i] as number))

describe('the poll: one request per poll (CL-AUTHN-3, docs/architecture.md "Flow")', () => {
  test('a 5xx poll is one request; the error goes to the flow', async () => {
    const r = rig()
    r.adobe.script('GET', pollPath, { status: 503, text: '<html>busy</html>' })
    const error = await settleCaught(r.clock, r.client.retrieveProfileForCode(code))
    expect(error).toMatchObject({ kind: 'malformed', httpStatus: 503 })
    expect(times(r, pollPath)).toHaveLength(1)
  })

  test('an `action: retry` poll is one request', async () => {
    const r = rig()
    r.adobe.script('GET', pollPath, retryError)
    await expect(settle(r.clock, r.client.retrieveProfileForCode(code))).rejects.toMatchObject({ code: 'network_connection_timeout' })
    expect(times(r, pollPath)).toHaveLength(1)
  })

  test('a 429 poll is reported as ThrottledError (≥ 1 s) without waiting inside the poll', async () => {
    const r = rig()
    r.adobe.script('GET', pollPath, throttled, pending)
    const error = await settleCaught(r.clock, r.client.retrieveProfileForCode(code))
    expect(error).toBeInstanceOf(ThrottledError)
    expect((error as ThrottledError).retryAfterMs).toBeGreaterThanOrEqual(1000)
    expect(times(r, pollPath)).toHaveLength(1)
  })

  test('a 401 poll still refreshes the token once and polls again once (CL-REG-R1)', async () => {
    const r = rig()
    r.adobe.script('GET', pollPath, unauthorized, pending)
    await expect(settle(r.clock, r.client.retrieveProfileForCode(code))).resolves.toEqual([])
    expect(r.adobe.requests.filter((q) => q.path === pollPath).map((q) => q.headers['authorization'])).toEqual([
      `Bearer ${accessTokens[0]}`,
      `Bearer ${accessTokens[1]}`,
    ])
  })

  describe('through the flow runner', () => {
    // Nothing remembered and nothing kept: a first launch.
    const store: FlowStore = {
      loadLastMvpd: () => Promise.resolve(null),
      saveLastMvpd: () => Promise.resolve(),
      forgetLastMvpd: () => Promise.resolve(),
      saveProfileParts: () => Promise.resolve(),
      loadPendingSession: () => Promise.resolve(null),
      savePendingSession: () => Promise.resolve(),
      clearPendingSession: () => Promise.resolve(),
      loadSignedOut: () => Promise.resolve(null),
      saveSignedOut: () => Promise.resolve(),
      clearSignedOut: () => Promise.resolve(),
    }

    function start(r: Rig) {
      r.adobe.script('GET', `/api/v2/${sp}/profiles`, pending)
      const notAfter = String(r.clock.now() + 30 * 60_000)
      r.adobe.script('POST', sessionsPath, {
        json: sessionAnswer(code, { missingParameters: ['mvpd'], notAfter }),
      })
      const runner = createFlowRunner({
        client: r.client,
        store,
        clock: r.clock,
        settings: { activationUrl: 'https://tv.example/activate?code={code}', pollIntervalMs: 5000 },
      })
      runner.start()
      return runner
    }

    test('(a) a poll answered 5xx three times in a row: three requests, 5 s apart, then pollingFailed', async () => {
      const r = rig()
      r.adobe.script('GET', pollPath, serverError)
      const runner = start(r)
      // Up to the third poll's answer; what the flow does after that (its own retry later) is the flow's.
      await r.clock.advance(15_100)
      const polls = times(r, pollPath)
      expect(polls).toHaveLength(3)
      expect(gaps(polls)).toEqual([5000, 5000])
      expect(runner.getState().kind).toBe('failed')
      expect((runner.getState() as FailedState).error).toMatchObject({ kind: 'pollingFailed', attempts: 3 })
      runner.stop()
    })

    test('a 429 poll: the next poll comes one interval (≥ 3 s, so ≥ 1 s) later, then polling goes on', async () => {
      const r = rig()
      r.adobe.script('GET', pollPath, throttled, pending)
      const runner = start(r)
      await r.clock.advance(20_000)
      const polls = times(r, pollPath)
      expect(polls.length).toBeGreaterThanOrEqual(3)
      expect(gaps(polls).every((g) => g >= 5000)).toBe(true)
      expect(runner.getState().kind).toBe('activating')
      runner.stop()
    })
  })
})

describe('decisions: one retry budget per call (CL-AUTHZ-2, CL-PREAUTHZ-2)', () => {
  const permit = (resource: string) => ({ resource, mvpd: 'Cable', serviceProvider: sp, source: 'mvpd', authorized: true })
  const retryDeny = (resource: string) => ({
    ...permit(resource),
    authorized: false,
    error: { status: 403, code: 'network_connection_timeout', action: 'retry' },
  })

  test('(b) one play answered `action: retry` every time (item, then request level): 3 requests in all', async () => {
    const r = rig()
    r.adobe.script('POST', authorizePath, { json: { decisions: [retryDeny('live')] } }, retryError)
    const error = await settleCaught(r.clock, r.client.authorize('Cable', 'live'))
    // The budget is spent; the first answer already decided the item: the retry deny comes back as data.
    expect(error).toMatchObject({ resource: 'live', authorized: false, error: { action: 'retry' } })
    expect(times(r, authorizePath)).toHaveLength(3)
  })

  test('a play answered `action: retry` at request level every time: 3 requests, then the error', async () => {
    const r = rig()
    r.adobe.script('POST', authorizePath, retryError)
    await expect(settle(r.clock, r.client.authorize('Cable', 'live'))).rejects.toMatchObject({ code: 'network_connection_timeout' })
    const at = times(r, authorizePath)
    expect(at).toHaveLength(3)
    expect(gaps(at)[0]).toBeGreaterThanOrEqual(500)
    expect(gaps(at)[1]).toBeGreaterThanOrEqual(1000)
  })

  test('a retry deny, then 5xx answers: still 3 requests, not 1 + 3 + 3', async () => {
    const r = rig()
    r.adobe.script('POST', authorizePath, { json: { decisions: [retryDeny('live')] } }, serverError)
    await settleCaught(r.clock, r.client.authorize('Cable', 'live'))
    expect(times(r, authorizePath)).toHaveLength(3)
  })

  test('a request-level 5xx then a permit: the permit, in 2 requests', async () => {
    const r = rig()
    r.adobe.script('POST', authorizePath, serverError, {
      json: { decisions: [{ ...permit('live'), token: { notBefore: 1, notAfter: 2, serializedToken: 'bWVkaWE=' } }] },
    })
    await expect(settle(r.clock, r.client.authorize('Cable', 'live'))).resolves.toMatchObject({ authorized: true })
    expect(times(r, authorizePath)).toHaveLength(2)
  })

  test('a 429 on a decision waits at least 1 s before the next request (docs/adobe-pass.md "Throttling")', async () => {
    const r = rig()
    r.adobe.script('POST', authorizePath, throttled, { json: { decisions: [permit('live')] } })
    await expect(settle(r.clock, r.client.authorize('Cable', 'live'), 50)).resolves.toMatchObject({ authorized: true })
    expect(gaps(times(r, authorizePath))[0]).toBeGreaterThanOrEqual(1000)
  })

  test('preauthorize: a batch with a retry deny and then 5xx answers costs 3 requests and keeps the permits', async () => {
    const r = rig()
    r.adobe.script('POST', preauthorizePath, { json: { decisions: [permit('live'), retryDeny('flaky')] } }, serverError)
    const result = await settle(r.clock, r.client.preauthorize('Cable', ['live', 'flaky']))
    expect(result.map((d) => [d.resource, d.authorized])).toEqual([
      ['live', true],
      ['flaky', false],
    ])
    expect(r.adobe.requests.filter((q) => q.path === preauthorizePath).map((q) => (JSON.parse(q.body) as { resources: string[] }).resources)).toEqual([
      ['live', 'flaky'],
      ['flaky'],
      ['flaky'],
    ])
  })

  const asked = (r: Rig, path: string): string[][] =>
    r.adobe.requests.filter((q) => q.path === path).map((q) => (JSON.parse(q.body) as { resources: string[] }).resources)

  test.each([
    ['the network is lost', {}, 'network' as const],
    ['the request times out', { timeoutMs: 4000 }, 'hang' as const],
  ])('preauthorize: the re-ask of a retry deny fails because %s: the permit already decided is kept', async (_, options, failure) => {
    const r = rig(options)
    r.adobe.script('POST', preauthorizePath, { json: { decisions: [permit('live'), retryDeny('flaky')] } }, failure)
    const result = await settle(r.clock, r.client.preauthorize('Cable', ['live', 'flaky']))
    expect(result.map((d) => [d.resource, d.authorized, d.error?.action])).toEqual([
      ['live', true, undefined],
      ['flaky', false, 'retry'],
    ])
    // Network loss and timeouts are not resent: one re-ask, then the answer so far.
    expect(asked(r, preauthorizePath)).toEqual([['live', 'flaky'], ['flaky']])
    // The permit is cached (CL-PREAUTHZ-3): the next look asks for the flaky one only.
    r.adobe.script('POST', preauthorizePath, { json: { decisions: [permit('flaky')] } })
    await settle(r.clock, r.client.preauthorize('Cable', ['live', 'flaky']))
    expect(asked(r, preauthorizePath).slice(2)).toEqual([['flaky']])
  })

  test('authorize: a 401 after the token refresh on the re-ask returns the retry deny as data', async () => {
    const r = rig()
    r.adobe.script('POST', authorizePath, { json: { decisions: [retryDeny('live')] } }, unauthorized)
    await expect(settle(r.clock, r.client.authorize('Cable', 'live'))).resolves.toMatchObject({
      resource: 'live',
      authorized: false,
      error: { action: 'retry' },
    })
    // First ask, the re-ask, and the re-ask once more after the refresh (CL-REG-R1).
    expect(times(r, authorizePath)).toHaveLength(3)
  })

  test('a cancelled re-ask is still a cancellation, not the answer so far', async () => {
    const r = rig()
    r.adobe.script('POST', preauthorizePath, { json: { decisions: [permit('live'), retryDeny('flaky')] } }, 'hang')
    const controller = new AbortController()
    const result = r.client.preauthorize('Cable', ['live', 'flaky'], { signal: controller.signal }).catch((e: unknown) => e)
    while (times(r, preauthorizePath).length < 2) await r.clock.advance(100)
    controller.abort()
    await expect(result).resolves.toBeInstanceOf(CancelledError)
  })
})

describe('one retry rule (CL-ERR-1): a named action beats a 5xx status', () => {
  const configuration = new PassError({ status: 500, code: 'invalid_configuration_user_metadata', action: 'configuration' }, 500, 'test')
  const noAction = new PassError({ status: 500, code: 'internal_server_error', action: 'none' }, 500, 'test')
  const retry = new PassError({ status: 403, code: 'network_connection_timeout', action: 'retry' }, 403, 'test')
  const authentication = new PassError({ status: 403, code: 'authenticated_profile_missing', action: 'authentication' }, 403, 'test')

  test.each([
    ['5xx with action configuration', configuration, false, false],
    ['5xx with action none', noAction, true, true],
    ['action retry (403)', retry, true, true],
    ['action authentication (403)', authentication, false, false],
    ['a 5xx HTML page', new MalformedResponseError('test', 502, 'body is not JSON'), true, true],
    ['429', new ThrottledError('test', 1000), true, true],
    ['network loss (the caller decides)', new NetworkError('test'), true, false],
    ['timeout (the caller decides)', new TimeoutError('test', 1000), true, false],
    ['cancelled', new CancelledError('test'), false, false],
  ])('%s: transient %s, resent by the HTTP layer %s', (_, error, transient, resent) => {
    expect(isTransient(error)).toBe(transient)
    expect(isTransientFailure(error)).toBe(transient)
    expect(shouldResend(error)).toBe(resent)
  })

  test('on the wire: a 500 naming action configuration is sent once; a 500 without an action is retried', async () => {
    const r = rig()
    r.adobe.script('GET', `/api/v2/${sp}/profiles/A`, {
      status: 500,
      json: { status: 500, code: 'invalid_configuration_user_metadata', action: 'configuration' },
    })
    r.adobe.script('GET', `/api/v2/${sp}/profiles/B`, { status: 500, json: { status: 500, code: 'internal_server_error' } })
    await expect(settle(r.clock, r.client.retrieveProfileForMvpd('A'))).rejects.toMatchObject({ action: 'configuration' })
    await expect(settle(r.clock, r.client.retrieveProfileForMvpd('B'))).rejects.toMatchObject({ action: 'none' })
    expect(times(r, `/api/v2/${sp}/profiles/A`)).toHaveLength(1)
    expect(times(r, `/api/v2/${sp}/profiles/B`)).toHaveLength(3)
  })
})

describe('session creation is not resent (it could leave extra sessions behind)', () => {
  const session = { json: sessionAnswer(code) }

  test('a 5xx or `action: retry` on POST sessions is one request; the error goes to the caller', async () => {
    const r = rig()
    r.adobe.script('POST', sessionsPath, serverError, retryError, session)
    await expect(settle(r.clock, r.client.createSession({}))).rejects.toMatchObject({ httpStatus: 500 })
    expect(times(r, sessionsPath)).toHaveLength(1)
    await expect(settle(r.clock, r.client.createSession({}))).rejects.toMatchObject({ action: 'retry' })
    expect(times(r, sessionsPath)).toHaveLength(2)
  })

  test('a 429 (turned away before the server acted) is sent again after at least 1 s', async () => {
    const r = rig()
    r.adobe.script('POST', sessionsPath, throttled, session)
    await expect(settle(r.clock, r.client.createSession({}), 50)).resolves.toMatchObject({ code })
    const at = times(r, sessionsPath)
    expect(at).toHaveLength(2)
    expect(gaps(at)[0]).toBeGreaterThanOrEqual(1000)
  })

  test('resuming a session (idempotent for its code) is still retried on 5xx', async () => {
    const r = rig()
    r.adobe.script('POST', `${sessionsPath}/${code}`, serverError, session)
    await expect(settle(r.clock, r.client.resumeSession(code, { mvpd: 'Cable' }))).resolves.toMatchObject({ code })
    expect(times(r, `${sessionsPath}/${code}`)).toHaveLength(2)
  })
})

describe('cancellation while the device headers are looked up', () => {
  test('a signal aborted during the device header lookup sends nothing and rejects with CancelledError', async () => {
    let release: (() => void) | undefined
    const slowId = new Promise<string>((resolve) => {
      release = () => resolve(deviceId)
    })
    const identity: DeviceIdentity = { deviceId: () => slowId, deviceInfo: () => Promise.resolve(deviceInfo) }
    const r = rig({ identity })
    // A returning device: stored credentials and token, so the first thing on the wire would be the V2 call.
    const now = r.clock.now()
    await r.store.setClientCredentials({ clientId: 'client-1', clientSecret: 'secret', origin: r.settings.baseUrl })
    await r.store.setAccessToken({
      accessToken: 'AT-stored',
      createdAt: now,
      expiresAt: now + 6 * 3600000,
      offsetMs: 0,
      origin: r.settings.baseUrl,
      clientId: 'client-1',
    })
    const controller = new AbortController()
    const result = r.client.retrieveProfiles({ signal: controller.signal }).catch((e: unknown) => e)
    await r.clock.advance(10)
    controller.abort()
    release?.()
    expect(await result).toBeInstanceOf(CancelledError)
    await r.clock.advance(10_000)
    expect(r.adobe.requests).toHaveLength(0)
  })
})
