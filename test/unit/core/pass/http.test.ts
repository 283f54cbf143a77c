/**
 * The HTTP layer as seen on the wire (through an injected fetch): headers per endpoint, bodies,
 * error mapping, retry rules, timeouts and cancellation. Time is a FakeClock: no real waiting.
 */
import { accessTokens, clientSecret, sessionAnswer } from '../../../support/fake-adobe'
import { deviceId, deviceInfo, rig, settle, settleCaught, type Rig } from '../../../support/pass-rig'
import { CancelledError, MalformedResponseError, NetworkError, PassError, ThrottledError, TimeoutError, isTransient } from '../../../../src/core/pass/errors'
import { maxRetryAfterMs, retryAfterMs } from '../../../../src/core/pass/http'

const sp = 'MYCHAN'
const profilesPath = `/api/v2/${sp}/profiles`
const emptyProfiles = { status: 200, json: { profiles: {} } }

function decodeBase64(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8')
}

describe('headers (docs/adobe-pass.md "Headers")', () => {
  test('CL-HDR-1..3: every V2 request carries Authorization, AP-Device-Identifier and X-Device-Info', async () => {
    const { client, adobe } = rig()
    adobe.on((r) => (r.path.indexOf('/profiles') > 0 ? emptyProfiles : undefined))
    adobe.script('POST', `/api/v2/${sp}/sessions`, {
      json: sessionAnswer('ABC1234', { notAfter: '1' }),
    })
    adobe.script('GET', `/api/v2/${sp}/configuration`, { json: { mvpds: [] } })
    adobe.script('GET', `/api/v2/${sp}/logout/Cable_One`, { json: { logouts: {} } })
    await client.retrieveProfiles()
    await client.retrieveProfileForMvpd('Cable_One')
    await client.retrieveProfileForCode('ABC1234')
    await client.createSession({})
    await client.configuration()
    await client.logout('Cable_One')
    const v2 = adobe.v2()
    expect(v2).toHaveLength(6)
    for (const r of v2) {
      expect(r.headers['authorization']).toBe(`Bearer ${accessTokens[0]}`)
      expect(r.headers['ap-device-identifier']).toBe(`fingerprint ${Buffer.from(deviceId).toString('base64')}`)
      expect(JSON.parse(decodeBase64(r.headers['x-device-info'] as string))).toEqual(deviceInfo)
    }
  })

  test('CL-HDR-5: Accept and Content-Type exactly as docs/adobe-pass.md "Headers" says, and no other headers', async () => {
    const { client, adobe } = rig()
    adobe.script('POST', `/api/v2/${sp}/sessions`, {
      json: sessionAnswer('ABC1234'),
    })
    adobe.script('POST', `/api/v2/${sp}/decisions/preauthorize/Cable`, {
      json: { decisions: [{ resource: 'r1', mvpd: 'Cable', serviceProvider: sp, source: 'mvpd', authorized: true }] },
    })
    adobe.script('GET', profilesPath, emptyProfiles)
    await client.retrieveProfiles()
    await client.createSession({ mvpd: 'Cable' })
    await client.preauthorize('Cable', ['r1'])
    const [register, token, profiles, session, preauth] = adobe.requests
    const names = (r: typeof register) => Object.keys(r?.headers ?? {}).sort()
    // DCR: X-Device-Info and Content-Type are the listed headers (docs/adobe-pass.md "Dynamic Client Registration"); no device id.
    expect(register?.headers['content-type']).toBe('application/json;charset=utf-8')
    expect(names(register)).toEqual(['accept', 'content-length', 'content-type', 'x-device-info'].filter((h) => h in (register?.headers ?? {})))
    expect(register?.headers['ap-device-identifier']).toBeUndefined()
    expect(register?.headers['authorization']).toBeUndefined()
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(token?.headers['ap-device-identifier']).toBeUndefined()
    // V2 GET: no Content-Type; Accept is application/json;charset=utf-8 (docs/adobe-pass.md "Headers").
    expect(profiles?.headers['content-type']).toBeUndefined()
    expect(profiles?.headers['accept']).toBe('application/json;charset=utf-8')
    expect(names(profiles)).toEqual(['accept', 'ap-device-identifier', 'authorization', 'x-device-info'])
    expect(session?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(preauth?.headers['content-type']).toBe('application/json;charset=utf-8')
  })
})

describe('bodies, paths and parameters', () => {
  test('path parameters go into their own segment; bodies have the shape of each operation', async () => {
    const { client, adobe, settings } = rig()
    const mvpd = 'Cable_One.tv-2'
    adobe.on((r) => (r.path.indexOf('/profiles') > 0 ? emptyProfiles : undefined))
    adobe.script('POST', `/api/v2/${sp}/sessions`, {
      json: { actionName: 'authenticate', actionType: 'interactive', reasonType: 'none', code: 'ABC1234', sessionId: 's', serviceProvider: sp },
    })
    adobe.script('POST', `/api/v2/${sp}/decisions/authorize/${mvpd}`, {
      json: {
        decisions: [
          { resource: 'live', mvpd, serviceProvider: sp, source: 'mvpd', authorized: true, token: { notBefore: 1, notAfter: 2, serializedToken: 'bWVkaWE=' } },
        ],
      },
    })
    adobe.script('GET', `/api/v2/${sp}/logout/${mvpd}`, { json: { logouts: { [mvpd]: { actionName: 'complete', actionType: 'none', mvpd } } } })
    await client.retrieveProfileForMvpd(mvpd)
    await client.retrieveProfileForCode('ABC1234')
    await client.createSession({ mvpd })
    await client.authorize(mvpd, 'live')
    await client.logout(mvpd)
    const [register, token, byMvpd, byCode, session, authorize, logout] = adobe.requests
    expect(JSON.parse(register?.body ?? '')).toEqual({ software_statement: settings.softwareStatement })
    // CL-REG-2 / secrets: the client secret travels in the form body, never in the URL.
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({
      client_id: 'client-1',
      client_secret: clientSecret,
      grant_type: 'client_credentials',
    })
    expect(token?.url).not.toContain(clientSecret)
    expect(byMvpd?.url).toBe(`http://127.0.0.1:4000/api/v2/${sp}/profiles/${mvpd}`)
    expect(byCode?.path).toBe(`/api/v2/${sp}/profiles/code/ABC1234`)
    expect(Object.fromEntries(new URLSearchParams(session?.body))).toEqual({ mvpd, domainName: settings.domainName, redirectUrl: settings.redirectUrl })
    expect(JSON.parse(authorize?.body ?? '')).toEqual({ resources: ['live'] })
    expect(logout?.query).toEqual({ redirectUrl: settings.redirectUrl })
  })

  test('createSession without a provider sends no mvpd (docs/architecture.md "Flow")', async () => {
    const { client, adobe } = rig()
    adobe.script('POST', `/api/v2/${sp}/sessions`, {
      json: sessionAnswer('Q4M7ZT2', { notBefore: '1735689600000', notAfter: '1735691400000', missingParameters: ['mvpd'] }),
    })
    const session = await client.createSession({})
    expect(new URLSearchParams(adobe.requests[2]?.body).has('mvpd')).toBe(false)
    // Session timestamps arrive as strings (docs/adobe-pass.md "Endpoints") and leave as numbers.
    expect(session).toMatchObject({ code: 'Q4M7ZT2', notAfter: 1735691400000, missingParameters: ['mvpd'] })
  })
})

describe('error mapping (docs/adobe-pass.md "Errors", CL-ERR-1, CL-ERR-2)', () => {
  const enhanced = {
    status: 403,
    code: 'authenticated_profile_missing',
    action: 'authentication',
    message: 'No profile',
    details: 'd',
    helpUrl: 'https://help.example/x',
    trace: 'tr-1',
  }

  test('an enhanced error body becomes a PassError with every field', async () => {
    const { client, adobe } = rig()
    adobe.script('GET', `${profilesPath}/Cable`, { status: 403, json: enhanced })
    const error = await client.retrieveProfileForMvpd('Cable').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PassError)
    expect(error).toMatchObject({
      kind: 'pass',
      status: 403,
      httpStatus: 403,
      code: 'authenticated_profile_missing',
      action: 'authentication',
      serverMessage: 'No profile',
      details: 'd',
      helpUrl: 'https://help.example/x',
      trace: 'tr-1',
    })
  })

  test('the body status and the HTTP status are both kept when they differ', async () => {
    const { client, adobe } = rig()
    adobe.script('GET', profilesPath, { status: 400, json: { ...enhanced, status: 412 } })
    await expect(client.retrieveProfiles()).rejects.toMatchObject({ status: 412, httpStatus: 400 })
  })

  test('CL-ERR-2: a 200 carrying an item-level error is returned as data, not thrown', async () => {
    const { client, adobe } = rig()
    const deny = {
      resource: 'live',
      mvpd: 'Cable',
      serviceProvider: sp,
      source: 'mvpd',
      authorized: false,
      error: { action: 'none', status: 403, code: 'authorization_denied_by_mvpd', message: 'Denied', trace: 't' },
    }
    adobe.script('POST', `/api/v2/${sp}/decisions/authorize/Cable`, { json: { decisions: [deny] } })
    const decision = await client.authorize('Cable', 'live')
    expect(decision.authorized).toBe(false)
    expect(decision.error).toMatchObject({ code: 'authorization_denied_by_mvpd', action: 'none', status: 403 })
  })

  test.each([
    ['a non-JSON 200 body', { status: 200, text: '<html>oops</html>' }, 200],
    ['a truncated JSON body', { status: 200, text: '{"profiles": {' }, 200],
    ['an empty 200 body', { status: 200, text: '' }, 200],
    ['a 200 body of the wrong shape', { status: 200, json: { profiles: { Cable: { notAfter: 'soon' } } } }, 200],
    ['a 400 without an enhanced error body', { status: 400, text: 'Bad Request' }, 400],
  ])('%s becomes MalformedResponseError', async (_, reply, status) => {
    const { client, adobe } = rig()
    adobe.script('GET', profilesPath, reply)
    const error = await client.retrieveProfiles().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error).toMatchObject({ kind: 'malformed', httpStatus: status })
    expect(adobe.count('GET', profilesPath)).toBe(1)
  })

  test('network loss becomes NetworkError, without retry', async () => {
    const { client, adobe } = rig()
    adobe.script('GET', profilesPath, 'network')
    const error = await client.retrieveProfiles().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(isTransient(error as NetworkError)).toBe(true)
    expect(adobe.count('GET', profilesPath)).toBe(1)
  })

  test('DCR errors (OAuth style, docs/adobe-pass.md "Dynamic Client Registration") become PassError with the OAuth code', async () => {
    const { client, adobe } = rig()
    adobe.script('POST', '/o/client/register', { status: 400, json: { error: 'invalid_software_statement' } })
    await expect(client.retrieveProfiles()).rejects.toMatchObject({ kind: 'pass', code: 'invalid_software_statement', httpStatus: 400, action: 'none' })
    expect(adobe.v2()).toHaveLength(0)
  })
})

describe('retries (docs/architecture.md "Flow", docs/adobe-pass.md "Errors", "Throttling")', () => {
  test('5xx: at most 2 more tries, with exponential backoff, then the error', async () => {
    const { client, adobe, clock } = rig()
    adobe.script('GET', profilesPath, { status: 503, text: '<html>busy</html>' })
    const error = await settleCaught(clock, client.retrieveProfiles())
    expect(error).toMatchObject({ kind: 'malformed', httpStatus: 503 })
    expect(isTransient(error as MalformedResponseError)).toBe(true)
    const times = adobe.requests.filter((r) => r.path === profilesPath).map((r) => r.at)
    expect(times).toHaveLength(3)
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(500)
    expect((times[2] as number) - (times[1] as number)).toBeGreaterThanOrEqual(1000)
  })

  test('5xx then success: the caller sees the success', async () => {
    const { client, adobe, clock } = rig()
    adobe.script('GET', profilesPath, { status: 500, json: { status: 500, code: 'internal_server_error', action: 'none' } }, emptyProfiles)
    await expect(settle(clock, client.retrieveProfiles())).resolves.toEqual([])
    expect(adobe.count('GET', profilesPath)).toBe(2)
  })

  test('CL-ERR-1: action "retry" is retried; action "none" and 4xx are not', async () => {
    const { client, adobe, clock } = rig()
    adobe.script('GET', `${profilesPath}/A`, { status: 403, json: { status: 403, code: 'network_connection_timeout', action: 'retry' } })
    adobe.script('GET', `${profilesPath}/B`, { status: 400, json: { status: 400, code: 'invalid_parameter_mvpd', action: 'none' } })
    await expect(settle(clock, client.retrieveProfileForMvpd('A'))).rejects.toMatchObject({ code: 'network_connection_timeout' })
    await expect(settle(clock, client.retrieveProfileForMvpd('B'))).rejects.toMatchObject({ code: 'invalid_parameter_mvpd' })
    expect(adobe.count('GET', `${profilesPath}/A`)).toBe(3)
    expect(adobe.count('GET', `${profilesPath}/B`)).toBe(1)
  })

  test('429 waits at least 1 s before the next request (docs/adobe-pass.md "Throttling")', async () => {
    const { client, adobe, clock } = rig()
    adobe.script('GET', profilesPath, { status: 429, text: '<html>Too Many Requests</html>', headers: { 'content-type': 'text/html' } }, emptyProfiles)
    await expect(settle(clock, client.retrieveProfiles(), 50)).resolves.toEqual([])
    const [first, second] = adobe.requests.filter((r) => r.path === profilesPath)
    expect((second?.at as number) - (first?.at as number)).toBeGreaterThanOrEqual(1000)
  })

  test('429 with a longer Retry-After waits that long', async () => {
    const { client, adobe, clock } = rig()
    adobe.script('GET', profilesPath, { status: 429, text: '', headers: { 'retry-after': '3' } }, emptyProfiles)
    await settle(clock, client.retrieveProfiles(), 50)
    const [first, second] = adobe.requests.filter((r) => r.path === profilesPath)
    expect((second?.at as number) - (first?.at as number)).toBeGreaterThanOrEqual(3000)
  })

  test('429 every time ends in ThrottledError after the bounded retries', async () => {
    const { client, adobe, clock } = rig()
    adobe.script('GET', profilesPath, { status: 429, text: '' })
    const error = await settleCaught(clock, client.retrieveProfiles())
    expect(error).toBeInstanceOf(ThrottledError)
    expect((error as ThrottledError).retryAfterMs).toBeGreaterThanOrEqual(1000)
    expect(adobe.count('GET', profilesPath)).toBe(3)
  })

  test('retry.limit 0 turns retries off', async () => {
    const { client, adobe, clock } = rig({ retry: { limit: 0 } })
    adobe.script('GET', profilesPath, { status: 502, text: '' })
    await expect(settle(clock, client.retrieveProfiles())).rejects.toMatchObject({ httpStatus: 502 })
    expect(adobe.count('GET', profilesPath)).toBe(1)
  })
})

describe('timeouts and cancellation', () => {
  test('a request without an answer times out on the injected clock', async () => {
    const { client, adobe, clock } = rig({ timeoutMs: 4000 })
    adobe.script('GET', profilesPath, 'hang')
    const result = client.retrieveProfiles().catch((e: unknown) => e)
    await clock.advance(3999)
    expect(adobe.count('GET', profilesPath)).toBe(1)
    await clock.advance(1)
    const error = await result
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 4000 })
    expect(adobe.count('GET', profilesPath)).toBe(1)
  })

  test('an AbortSignal cancels an in-flight request with CancelledError', async () => {
    const { client, adobe, clock } = rig()
    adobe.script('GET', profilesPath, 'hang')
    const controller = new AbortController()
    const result = client.retrieveProfiles({ signal: controller.signal }).catch((e: unknown) => e)
    await clock.advance(10)
    controller.abort()
    expect(await result).toBeInstanceOf(CancelledError)
  })

  test('an AbortSignal also cancels a backoff wait, and nothing more is sent', async () => {
    const { client, adobe, clock } = rig()
    adobe.script('GET', profilesPath, { status: 500, text: '' })
    const controller = new AbortController()
    const result = client.retrieveProfiles({ signal: controller.signal }).catch((e: unknown) => e)
    await clock.advance(100)
    expect(adobe.count('GET', profilesPath)).toBe(1)
    controller.abort()
    expect(await result).toBeInstanceOf(CancelledError)
    await clock.advance(10000)
    expect(adobe.count('GET', profilesPath)).toBe(1)
  })

  test('an already aborted signal sends nothing', async () => {
    const { client, adobe } = rig()
    const controller = new AbortController()
    controller.abort()
    await expect(client.retrieveProfiles({ signal: controller.signal })).rejects.toBeInstanceOf(CancelledError)
    expect(adobe.v2()).toHaveLength(0)
  })
})

describe('Retry-After (docs/adobe-pass.md "Throttling": not documented by Adobe; honoured within bounds)', () => {
  const floor = 1000
  const serverNow = Date.UTC(2026, 0, 1, 12, 0, 0)
  const httpDate = (ms: number) => new Date(ms).toUTCString()

  test.each([
    ['absent', null, floor],
    ['empty', '', floor],
    ['delay-seconds', '3', 3000],
    ['fractional seconds', '2.5', 2500],
    ['below the floor', '0', floor],
    ['negative', '-5', floor],
    ['not a number', 'soon', floor],
    ['NaN', 'NaN', floor],
    ['huge', '99999999999', 60000],
    ['Infinity as a number', '1e400', 60000],
    ['past the timer limit', String(2 ** 31), 60000],
    ['an HTTP-date 20 s ahead of the server', httpDate(serverNow + 20000), 20000],
    ['an HTTP-date far ahead', 'Fri, 01 Jan 2100 00:00:00 GMT', 60000],
    ['an HTTP-date in the past', httpDate(serverNow - 60000), floor],
  ])('%s: %j gives %d ms', (_, header, expected) => {
    expect(retryAfterMs(header, serverNow, floor)).toBe(expected)
  })

  test('an HTTP-date is read against server time, not the TV clock (TV 2 h ahead)', () => {
    const tvNow = serverNow + 2 * 3600000
    const header = httpDate(serverNow + 30000)
    // Against the TV clock it would be 2 h in the past: the floor, and a retry far too early.
    expect(retryAfterMs(header, tvNow, floor)).toBe(floor)
    expect(retryAfterMs(header, serverNow, floor)).toBe(30000)
    expect(maxRetryAfterMs).toBe(60000)
  })

  test('an HTTP-date is read against ServerTime on the wire: the 429 Date header sets the offset', async () => {
    const r = rig()
    r.adobe.skewMs = -2 * 3600000 // the TV clock is 2 h ahead of the server
    r.adobe.script('GET', `/api/v2/${sp}/profiles/code/ABCD234`, {
      status: 429,
      text: '',
      headers: { 'retry-after': new Date(r.clock.now() - 2 * 3600000 + 20000).toUTCString() },
    })
    const error = await settleCaught(r.clock, r.client.retrieveProfileForCode('ABCD234'))
    expect(error).toBeInstanceOf(ThrottledError)
    // The Date header has one-second resolution.
    expect((error as ThrottledError).retryAfterMs).toBeGreaterThanOrEqual(19000)
    expect((error as ThrottledError).retryAfterMs).toBeLessThanOrEqual(21000)
  })

  test('a huge Retry-After: no immediate retry loop and no silent stall; the caller hears of it at once', async () => {
    const r = rig()
    r.adobe.script('GET', profilesPath, { status: 429, text: '', headers: { 'retry-after': '99999999999' } }, emptyProfiles)
    const result = r.client.retrieveProfiles().catch((e: unknown) => e)
    await r.clock.advance(10)
    const error = await result
    expect(error).toBeInstanceOf(ThrottledError)
    expect((error as ThrottledError).retryAfterMs).toBe(60000)
    expect(r.adobe.count('GET', profilesPath)).toBe(1)
    expect(r.logger.lines.some((l) => l.level === 'warn' && /throttled with a long wait/.test(l.message))).toBe(true)
    // The pacer holds every request for that minute, then lets the next one go.
    const next = r.client.retrieveProfiles()
    await r.clock.advance(59000)
    expect(r.adobe.count('GET', profilesPath)).toBe(1)
    await r.clock.advance(1100)
    await expect(next).resolves.toEqual([])
    expect(r.adobe.count('GET', profilesPath)).toBe(2)
  })

  test('after a 429 every request of the client waits out the throttle, not only the one refused', async () => {
    const r = rig()
    r.adobe.script('GET', profilesPath, emptyProfiles)
    await r.client.retrieveProfiles() // registered, token in hand
    r.adobe.script('GET', `/api/v2/${sp}/profiles/code/ABCD234`, { status: 429, text: '', headers: { 'retry-after': '3' } })
    r.adobe.script('GET', `/api/v2/${sp}/configuration`, { json: { mvpds: [] } })
    const poll = await settleCaught(r.clock, r.client.retrieveProfileForCode('ABCD234'))
    expect(poll).toMatchObject({ kind: 'throttled', retryAfterMs: 3000 })
    const refusedAt = r.adobe.requests[r.adobe.requests.length - 1]?.at as number
    await settle(r.clock, r.client.configuration())
    const configurationAt = r.adobe.requests.find((q) => q.path === `/api/v2/${sp}/configuration`)?.at as number
    expect(configurationAt - refusedAt).toBeGreaterThanOrEqual(3000)
  })
})

describe('response size cap (maxResponseBytes)', () => {
  const big = (bytes: number) => ({ profiles: {}, pad: 'x'.repeat(bytes) })

  test('a Content-Length over the cap is a MalformedResponseError ("too large"), not read, not retried', async () => {
    const { client, adobe } = rig({ maxResponseBytes: 16384 })
    adobe.script('GET', profilesPath, { status: 200, json: big(20000), headers: { 'content-length': String(JSON.stringify(big(20000)).length) } })
    const error = await client.retrieveProfiles().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error).toMatchObject({ httpStatus: 200, reason: 'body too large (over 16384 bytes)' })
    expect(adobe.count('GET', profilesPath)).toBe(1)
  })

  test('a streamed body that never ends is cut off once it passes the cap', async () => {
    let pulls = 0
    let cancelled = false
    // The rig's own FakeAdobe answers everything but the endless body (it exists once the rig does).
    const built: { rig?: Rig } = {}
    const endless = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input)
      if (new URL(url).pathname !== profilesPath) return (built.rig as Rig).adobe.fetch(input, init)
      const chunk = new TextEncoder().encode('x'.repeat(4096))
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls += 1
          controller.enqueue(chunk)
        },
        cancel() {
          cancelled = true
        },
      })
      return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } })
    }) as typeof fetch
    const r = (built.rig = rig({ maxResponseBytes: 16384, fetch: endless }))
    const error = await r.client.retrieveProfiles().catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'malformed', reason: 'body too large (over 16384 bytes)' })
    expect(cancelled).toBe(true)
    // 16 KiB in 4 KiB chunks: the fifth chunk passes the cap (the stream may have pulled one ahead).
    expect(pulls).toBeLessThanOrEqual(7)
  })

  test('without a body stream (old engines, fetch polyfills) the whole text is read and the same cap applies', async () => {
    const built: { rig?: Rig } = {}
    const noStream = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await (built.rig as Rig).adobe.fetch(input, init)
      Object.defineProperty(response, 'body', { value: null })
      return response
    }) as typeof fetch
    const r = (built.rig = rig({ maxResponseBytes: 16384, fetch: noStream }))
    r.adobe.script('GET', profilesPath, { json: big(20000) })
    r.adobe.script('GET', `${profilesPath}/Cable`, {
      json: { profiles: { Cable: { notAfter: Date.UTC(2030, 0, 1), attributes: { zip: { value: 'Zürich 8001', state: 'plain' } } } } },
    })
    await expect(r.client.retrieveProfiles()).rejects.toMatchObject({ kind: 'malformed', reason: 'body too large (over 16384 bytes)' })
    await expect(r.client.retrieveProfileForMvpd('Cable')).resolves.toMatchObject({ attributes: { zip: { value: 'Zürich 8001' } } })
  })

  test('a body under the cap is read in full (multi-byte characters across chunks included)', async () => {
    const { client, adobe } = rig({ maxResponseBytes: 16384 })
    adobe.script('GET', `${profilesPath}/Cable`, {
      json: { profiles: { Cable: { notAfter: Date.UTC(2030, 0, 1), attributes: { zip: { value: 'ü'.repeat(5000), state: 'plain' } } } } },
    })
    const profile = await client.retrieveProfileForMvpd('Cable')
    expect(profile?.attributes.zip?.value).toBe('ü'.repeat(5000))
  })

  test('the option is checked at construction', () => {
    expect(() => rig({ maxResponseBytes: 100 })).toThrow(/maxResponseBytes must be a number from 16384 to 8388608/)
  })
})
