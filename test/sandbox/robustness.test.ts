/**
 * Bad input gets a clear error and loses nothing: malformed and oversized bodies, unknown routes,
 * wrong methods, odd path parameters; plus CORS and the Date header every response carries.
 */

import { MAX_BODY_BYTES } from './http'
import { eec, Harness } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'
import { hostAndPort, rawRequest, type RawAnswer } from '../support/raw-http'

let h: Harness
const TV = 'tv-robust'

useHarness(
  (started) => {
    h = started
    h.sandbox.seedProfile({ deviceId: TV, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
  },
  {},
  { resetClockEach: true, noViolationsEach: true },
)

/** Raw request with an exact target (fetch would normalise some of these paths). */
const raw = (method: string, target: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
  rawRequest({ ...hostAndPort(h.sandbox.origin), method, path: target, headers })

const profiles = (): Promise<number> =>
  h.client.call('GET', '/api/v2/MYCHAN/profiles', { headers: h.client.tv(TV) }).then((r) => Object.keys(r.json.profiles).length)

describe('bad bodies', () => {
  it('rejects an oversized body with 413 and keeps serving (state intact)', async () => {
    const big = JSON.stringify({ resources: ['x'.repeat(MAX_BODY_BYTES + 10)] })
    const res = await h.client.call('POST', '/api/v2/MYCHAN/decisions/authorize/Sandbox_Cable', {
      headers: { ...h.client.tv(TV), 'Content-Type': 'application/json' },
      body: big,
    })
    expect(res.status).toBe(413)
    expect(res.json).toMatchObject(eec(413, 'request_entity_too_large', 'none'))
    expect(await profiles()).toBe(1)
  })

  it('rejects an oversized DCR body OAuth-style', async () => {
    const res = await h.client.call('POST', '/o/client/register', {
      headers: { 'Content-Type': 'application/json', 'X-Device-Info': h.client.tv(TV)['X-Device-Info'] },
      body: `{"software_statement":"${'a'.repeat(MAX_BODY_BYTES)}"}`,
    })
    expect(res.status).toBe(413)
    expect(res.json).toMatchObject({ error: 'invalid_request' })
  })

  it('treats a malformed session form as missing parameters and malformed JSON decisions as bad resources', async () => {
    const session = await h.client.call('POST', '/api/v2/MYCHAN/sessions', {
      headers: { ...h.client.tv(TV), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '%%%&&&=',
    })
    expect(session.status).toBe(200)
    expect(session.json.actionName).toBe('resume')
    const decisions = await h.client.call('POST', '/api/v2/MYCHAN/decisions/preauthorize/Sandbox_Cable', {
      headers: { ...h.client.tv(TV), 'Content-Type': 'application/json' },
      body: 'null',
    })
    expect(decisions.json).toMatchObject(eec(400, 'invalid_parameter_resources', 'none'))
    expect(await profiles()).toBe(1)
  })
})

describe('unknown routes and wrong methods', () => {
  it.each(['/api/v2/MYCHAN/nothing-here', '/api/v2/MYCHAN', '/api/v3/MYCHAN/profiles', '/o/client/scopes', '/api/v2//profiles'])(
    'answers 404 enhanced error JSON for %s',
    async (path) => {
      const res = await raw('GET', path, { Authorization: `Bearer ${h.client.accessToken}` })
      expect(res.status).toBe(404)
      expect(JSON.parse(res.body)).toMatchObject(eec(404, 'resource_not_found', 'none'))
    },
  )

  it('answers 404 HTML for unknown pages', async () => {
    const res = await h.client.call('GET', '/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
  })

  it.each([
    ['DELETE', '/api/v2/MYCHAN/profiles', 'GET'],
    ['POST', '/api/v2/MYCHAN/configuration', 'GET'],
    ['GET', '/api/v2/MYCHAN/sessions', 'POST'],
    ['PUT', '/api/v2/MYCHAN/sessions/ABCDEFG', 'POST, GET'],
    ['GET', '/api/v2/MYCHAN/decisions/authorize/Sandbox_Cable', 'POST'],
    ['POST', '/api/v2/MYCHAN/logout/Sandbox_Cable', 'GET'],
    ['GET', '/o/client/token', 'POST'],
  ])('answers 405 with Allow for %s %s', async (method, path, allow) => {
    const res = await h.client.call(method, path, { headers: h.client.tv(TV) })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe(allow)
    expect(res.json).toMatchObject(eec(405, 'method_not_allowed', 'none'))
  })
})

describe('odd path parameters', () => {
  it.each([
    ['/api/v2/MY%ZZCHAN/profiles', 'invalid_parameter_service_provider'],
    ['/api/v2/MY%2FCHAN/profiles', 'invalid_parameter_service_provider'],
    ['/api/v2/%E2%9C%93/profiles', 'invalid_parameter_service_provider'],
    ['/api/v2/MYCHAN/profiles/%00', 'invalid_parameter_mvpd'],
    ['/api/v2/MYCHAN/profiles/Sandbox_Cable%20OR%201=1', 'invalid_parameter_mvpd'],
    ['/api/v2/MYCHAN/profiles/%ZZ', 'invalid_parameter_mvpd'],
    ['/api/v2/MYCHAN/profiles/code/%E2%9C%93%E2%9C%93', 'invalid_parameter_code'],
    [`/api/v2/MYCHAN/profiles/code/${'A'.repeat(500)}`, 'invalid_parameter_code'],
    ['/api/v2/MYCHAN/sessions/ab%3Ccd', 'invalid_parameter_code'],
  ])('%s → 400 %s', async (path, code) => {
    const res = await raw('GET', path, {
      Authorization: `Bearer ${h.client.accessToken}`,
      'AP-Device-Identifier': `fingerprint ${Buffer.from(TV).toString('base64')}`,
      'X-Device-Info': h.client.tv(TV)['X-Device-Info'] as string,
    })
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toMatchObject(eec(400, code, 'none'))
    expect(await profiles()).toBe(1)
  })

  it('tolerates one trailing slash (a sample calls /configuration/)', async () => {
    const res = await h.client.call('GET', '/api/v2/MYCHAN/configuration/', { headers: h.client.auth() })
    expect(res.status).toBe(200)
  })
})

describe('undecodable URLs', () => {
  const device = (): Record<string, string> => ({
    Authorization: `Bearer ${h.client.accessToken}`,
    'AP-Device-Identifier': `fingerprint ${Buffer.from(TV).toString('base64')}`,
    'X-Device-Info': h.client.tv(TV)['X-Device-Info'] as string,
  })

  it.each([
    ['GET', '/%zz'],
    ['GET', '/%'],
    ['GET', '/%C3%28'],
    ['GET', '/nothing%E0%A4%A'],
    ['GET', '/activate?code=%zz'],
    ['POST', '/activate?code=%'],
    ['GET', '/activate/done?code=%FF'],
    ['GET', '/mvpd/Sandbox_Cable/login?code=ABC%2'],
    ['GET', '/logos/sandbox-cable.svg?v=%zz'],
    ['GET', '/api/v2/MYCHAN/prof%zziles'],
    ['GET', '/api/v2/MYCHAN/profiles?x=%zz'],
    ['GET', '/api/v2/MYCHAN/logout/Sandbox_Cable?redirectUrl=https%3A%2F%2Fa.example%2F%zz'],
    ['GET', 'http://[::1/activate'],
  ])('%s %s → 400 enhanced error JSON, and the server keeps serving', async (method, target) => {
    const res = await raw(method, target, device())
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toMatchObject(eec(400, 'invalid_request_target', 'none'))
    expect(await profiles()).toBe(1)
  })

  it('answers a DCR URL OAuth-style (the DCR error form), even with a valid form', async () => {
    const form = { client_id: h.client.clientId, client_secret: h.client.clientSecret, grant_type: 'client_credentials' }
    const res = await h.client.call('POST', '/o/client/token?x=%zz', { form, headers: { 'X-Device-Info': h.client.tv(TV)['X-Device-Info'] } })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ error: 'invalid_request' })
    expect((await h.client.call('POST', '/o/client/token', { form, headers: { 'X-Device-Info': h.client.tv(TV)['X-Device-Info'] } })).status).toBe(201)
  })

  it('answers an admin URL 400 instead of failing inside the handler', async () => {
    const res = await raw('POST', '/__sandbox/sessions/%zz/complete')
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toEqual({ error: expect.any(String) })
  })

  it('logs the refused request with its status', async () => {
    h.sandbox.clearRequests()
    await raw('GET', '/activate?code=%zz')
    expect(h.sandbox.requests()).toEqual([expect.objectContaining({ method: 'GET', path: '/activate', status: 400 })])
  })
})

describe('CORS and Date', () => {
  it('answers a preflight with the headers a browser-served TV app needs', async () => {
    const res = await h.client.call('OPTIONS', '/api/v2/MYCHAN/decisions/authorize/Sandbox_Cable', {
      headers: {
        Origin: 'http://localhost:8080',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,ap-device-identifier,x-device-info,content-type',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:8080')
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase()
    for (const name of ['authorization', 'ap-device-identifier', 'x-device-info', 'content-type', 'accept', 'ap-temppass-identity'])
      expect(allowed).toContain(name)
    expect(res.headers.get('access-control-allow-methods')).toContain('POST')
  })

  it('exposes Date on normal and error answers, following the sandbox clock', async () => {
    const ok = await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: { ...h.client.auth(), Origin: 'http://tv.example' } })
    expect(ok.headers.get('access-control-expose-headers')).toContain('Date')
    expect(Math.abs(Date.parse(ok.headers.get('date') as string) - Date.now())).toBeLessThan(2000)
    h.sandbox.setClockOffset(3_600_000)
    const err = await h.client.call('GET', '/api/v2/NOBODY/configuration', { headers: { ...h.client.auth(), Origin: 'http://tv.example' } })
    expect(err.headers.get('access-control-allow-origin')).toBe('http://tv.example')
    expect(Date.parse(err.headers.get('date') as string) - Date.now()).toBeGreaterThan(3_590_000)
  })
})
