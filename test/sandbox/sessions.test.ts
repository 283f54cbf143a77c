/** Sessions (docs/adobe-pass.md, "Sessions"): create, resume, retrieve, authenticate URL; codes; expiry. */
import { CODE_ALPHABET } from './codes'
import { b64, deviceHeaders, DEVICE_INFO, eec, Harness } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'

let h: Harness
const TV = 'tv-sessions-1'

useHarness((started) => (h = started), { sessionTtlMs: 10 * 60 * 1000 }, { resetClockEach: true, noViolationsEach: true })

describe('POST /api/v2/{sp}/sessions', () => {
  it('without mvpd: resume/direct/none with a code, missingParameters and string notBefore/notAfter (create)', async () => {
    const res = await h.client.createSession(TV)
    expect(res.status).toBe(200)
    const b = res.json
    expect(b).toMatchObject({
      actionName: 'resume',
      actionType: 'direct',
      reasonType: 'none',
      missingParameters: ['mvpd'],
      serviceProvider: 'MYCHAN',
      sessionId: expect.any(String),
    })
    expect(b.url).toBe(`/api/v2/MYCHAN/sessions/${b.code}`)
    expect(typeof b.notBefore).toBe('string')
    expect(Number(b.notAfter) - Number(b.notBefore)).toBe(10 * 60 * 1000)
  })

  it('makes short upper-case codes without look-alike characters, unique among live sessions', async () => {
    const codes = new Set<string>()
    for (let i = 0; i < 40; i += 1) {
      const { json } = await h.client.createSession(`tv-codes-${i}`)
      expect(json.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{7}$`))
      expect(json.code).not.toMatch(/[0O1IL5S2Z8B]/)
      codes.add(json.code)
    }
    expect(codes.size).toBe(40)
  })

  it('with every parameter: authenticate/interactive/none with the authenticate url', async () => {
    const res = await h.client.createSession(TV, { mvpd: 'Sandbox_Fiber', domainName: 'mychannel.example', redirectUrl: 'https://mychannel.example/activated' })
    expect(res.json).toMatchObject({ actionName: 'authenticate', actionType: 'interactive', reasonType: 'none', mvpd: 'Sandbox_Fiber' })
    expect(res.json.url).toBe(`/api/v2/authenticate/MYCHAN/${res.json.code}`)
  })

  it('accepts `domain` for domainName (a sample uses it) and an empty body (all missing)', async () => {
    const alias = await h.client.createSession(TV, { domain: 'mychannel.example', redirectUrl: 'https://mychannel.example/a' })
    expect(alias.json.missingParameters).toEqual(['mvpd'])
    const empty = await h.client.call('POST', '/api/v2/MYCHAN/sessions', {
      headers: { ...h.client.tv(TV), 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(empty.json.missingParameters).toEqual(['mvpd', 'domainName', 'redirectUrl'])
  })

  it('answers authorize/direct/authenticated when the device already has a profile for the mvpd', async () => {
    h.sandbox.seedProfile({ deviceId: 'tv-has-profile', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Sat' })
    const res = await h.client.createSession('tv-has-profile', {
      mvpd: 'Sandbox_Sat',
      domainName: 'mychannel.example',
      redirectUrl: 'https://mychannel.example/a',
    })
    expect(res.json).toMatchObject({
      actionName: 'authorize',
      actionType: 'direct',
      reasonType: 'authenticated',
      url: '/api/v2/MYCHAN/decisions/authorize/Sandbox_Sat',
    })
    expect(res.json.code).toBeUndefined()
  })

  it('answers authorize/direct/temporary for the TempPass mvpd', async () => {
    const res = await h.client.createSession('tv-temppass', { mvpd: 'Sandbox_TempPass' })
    expect(res.json).toMatchObject({ actionName: 'authorize', actionType: 'direct', reasonType: 'temporary' })
  })

  it.each([
    ['no Authorization', { Authorization: undefined }, 401, 'invalid_access_token_client_application', 'application-registration'],
    ['no AP-Device-Identifier', { 'AP-Device-Identifier': undefined }, 400, 'invalid_header_device_identifier', 'none'],
    ['a malformed AP-Device-Identifier', { 'AP-Device-Identifier': 'serial 1234' }, 400, 'invalid_header_device_identifier', 'none'],
    ['a non-Base64 fingerprint', { 'AP-Device-Identifier': 'fingerprint ###' }, 400, 'invalid_header_device_identifier', 'none'],
    ['no X-Device-Info', { 'X-Device-Info': undefined }, 400, 'invalid_header_device_info', 'none'],
    ['X-Device-Info that is not Base64 JSON', { 'X-Device-Info': b64('{"model":') }, 400, 'invalid_header_device_info', 'none'],
    ['X-Device-Info without required fields', { 'X-Device-Info': b64(JSON.stringify({ model: 'x' })) }, 400, 'invalid_header_device_info', 'none'],
    ['a JSON Content-Type', { 'Content-Type': 'application/json' }, 400, 'invalid_header_content_type', 'none'],
  ])('rejects %s', async (_label, override, status, code, action) => {
    const res = await h.client.call('POST', '/api/v2/MYCHAN/sessions', {
      headers: { ...h.client.tv(TV), 'Content-Type': 'application/x-www-form-urlencoded', ...override },
      body: 'domainName=mychannel.example',
    })
    expect(res.status).toBe(status)
    expect(res.json).toMatchObject(eec(status, code, action))
  })

  it.each([
    ['an unknown serviceProvider', '/api/v2/NOBODY/sessions', {}, 'invalid_parameter_service_provider'],
    ['an unknown mvpd', '/api/v2/MYCHAN/sessions', { mvpd: 'NoSuchCable' }, 'invalid_parameter_mvpd'],
    ['an inactive mvpd', '/api/v2/MYCHAN/sessions', { mvpd: 'Sandbox_Retired' }, 'invalid_integration'],
    ['a relative redirectUrl', '/api/v2/MYCHAN/sessions', { redirectUrl: '/done' }, 'invalid_parameter_redirect_url'],
  ])('answers 400 for %s', async (_label, path, form, code) => {
    const res = await h.client.call('POST', path, { headers: h.client.tv(TV), form })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject(eec(400, code, 'none'))
  })
})

describe('POST /api/v2/{sp}/sessions/{code} (resume) and GET (retrieve)', () => {
  it('resume without device headers (OpenAPI requires only Authorization) moves on to authenticate', async () => {
    const { json } = await h.client.createSession(TV)
    const res = await h.client.call('POST', `/api/v2/MYCHAN/sessions/${json.code}`, { headers: h.client.auth(), form: { mvpd: 'Sandbox_Cable' } })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ actionName: 'authenticate', actionType: 'interactive', code: json.code, mvpd: 'Sandbox_Cable' })
    expect(res.json.url).toBe(`/api/v2/authenticate/MYCHAN/${json.code}`)
  })

  it('resume that still lacks parameters answers retry (resume)', async () => {
    const empty = await h.client.call('POST', '/api/v2/MYCHAN/sessions', {
      headers: { ...h.client.tv(TV), 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    const res = await h.client.call('POST', `/api/v2/MYCHAN/sessions/${empty.json.code}`, { headers: h.client.auth(), form: { mvpd: 'Sandbox_Cable' } })
    expect(res.json).toMatchObject({ actionName: 'retry', actionType: 'direct', missingParameters: ['domainName', 'redirectUrl'] })
  })

  it('retrieve gives existing/missing parameters, the streaming device and validity (retrieve)', async () => {
    const { json } = await h.client.createSession(TV)
    const res = await h.client.call('GET', `/api/v2/MYCHAN/sessions/${json.code}`, { headers: h.client.auth() })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      existingParameters: { serviceProvider: 'MYCHAN', domainName: 'mychannel.example', redirectUrl: 'https://mychannel.example/activated' },
      missingParameters: ['mvpd'],
      device: expect.objectContaining({ type: 'TV', model: DEVICE_INFO.model }),
      notBefore: json.notBefore,
      notAfter: json.notAfter,
    })
  })

  it.each(['GET', 'POST'])('%s with a malformed code → invalid_parameter_code; unknown → invalid_authentication_session', async (method) => {
    const opts = method === 'POST' ? { headers: h.client.auth(), form: { mvpd: 'Sandbox_Cable' } } : { headers: h.client.auth() }
    const bad = await h.client.call(method, '/api/v2/MYCHAN/sessions/ab$', opts)
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject(eec(400, 'invalid_parameter_code', 'none'))
    const unknown = await h.client.call(method, '/api/v2/MYCHAN/sessions/AAAAAAA', opts)
    expect(unknown.status).toBe(400)
    expect(unknown.json).toMatchObject(eec(400, 'invalid_authentication_session', 'none'))
  })

  it('a code of another service provider is unknown here', async () => {
    const { json } = await h.client.createSession(TV, { domainName: 'ref30.example' }, 'REF30')
    const res = await h.client.call('GET', `/api/v2/MYCHAN/sessions/${json.code}`, { headers: h.client.auth() })
    expect(res.json).toMatchObject(eec(400, 'invalid_authentication_session', 'none'))
  })

  it('expires at notAfter: retrieve, resume and poll all answer invalid_authentication_session', async () => {
    const { json } = await h.client.createSession(TV)
    h.sandbox.setClockOffset(Number(json.notAfter) - h.sandbox.now() + 1)
    for (const [method, path] of [
      ['GET', `/api/v2/MYCHAN/sessions/${json.code}`],
      ['POST', `/api/v2/MYCHAN/sessions/${json.code}`],
      ['GET', `/api/v2/MYCHAN/profiles/code/${json.code}`],
    ] as const) {
      const res = await h.client.call(method, path, { headers: h.client.tv(TV), ...(method === 'POST' ? { form: { mvpd: 'Sandbox_Cable' } } : {}) })
      expect(res.status).toBe(400)
      expect(res.json).toMatchObject({ ...eec(400, 'invalid_authentication_session', 'none'), details: expect.stringContaining('expired') })
    }
  })
})

describe('GET /api/v2/authenticate/{sp}/{code}', () => {
  it('redirects (302) to the stand-in provider login when the session has an mvpd', async () => {
    const { json } = await h.client.createSession(TV, { mvpd: 'Sandbox_Metro', domainName: 'mychannel.example', redirectUrl: 'https://mychannel.example/a' })
    const res = await h.client.call('GET', json.url)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`/mvpd/Sandbox_Metro/login?code=${json.code}`)
  })

  it('answers 400 text/html for an unknown code, a session without mvpd, or an unknown service provider', async () => {
    const { json } = await h.client.createSession(TV)
    for (const path of ['/api/v2/authenticate/MYCHAN/AAAAAAA', `/api/v2/authenticate/MYCHAN/${json.code}`, `/api/v2/authenticate/NOBODY/${json.code}`]) {
      const res = await h.client.call('GET', path)
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    }
  })

  it('needs no Authorization or device headers (a browser navigation)', async () => {
    const { json } = await h.client.createSession(TV, { mvpd: 'Sandbox_Cable', domainName: 'mychannel.example', redirectUrl: 'https://mychannel.example/a' })
    const res = await h.client.call('GET', `/api/v2/authenticate/MYCHAN/${json.code}`, { headers: deviceHeaders('other') })
    expect(res.status).toBe(302)
  })
})
