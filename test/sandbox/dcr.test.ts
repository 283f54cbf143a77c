/** DCR (docs/adobe-pass.md, "Dynamic Client Registration"): register and token, their OAuth-style errors, and token expiry (CL-REG-R1). */
import { b64, DEVICE_INFO, eec, Harness, SOFTWARE_STATEMENT, TestClient, unsignedJwt } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'

let h: Harness
const info = b64(JSON.stringify(DEVICE_INFO))

useHarness((started) => (h = started), { tokenTtlSeconds: 60 }, { noViolationsEach: true })

const register = (body: unknown, headers: Record<string, string | undefined> = { 'X-Device-Info': info }): ReturnType<TestClient['call']> =>
  h.client.call('POST', '/o/client/register', { json: body, headers })

describe('POST /o/client/register', () => {
  it('answers 201 with client credentials for the app statement (retrieve client credentials)', async () => {
    const res = await register({ software_statement: SOFTWARE_STATEMENT, redirect_uri: 'adobepass://tv.example' })
    expect(res.status).toBe(201)
    expect(res.json).toEqual({
      client_id: expect.any(String),
      client_secret: expect.any(String),
      client_id_issued_at: expect.any(Number),
      redirect_uris: ['adobepass://tv.example'],
      grant_types: ['client_credentials'],
      scopes: ['api:client:v2'],
    })
    // Sample gives seconds, not ms.
    expect(res.json.client_id_issued_at).toBeLessThan(1e11)
  })

  it.each([
    ['not a JWT', 'hello'],
    ['a signed statement', unsignedJwt({ software_id: 'mychannel-tv-restv2', scopes: ['api:client:v2'] }, { alg: 'RS256' }).replace(/\.$/, '.c2ln')],
    ['an unknown software_id', unsignedJwt({ software_id: 'someone-else', scopes: ['api:client:v2'] })],
    ['no REST API V2 scope', unsignedJwt({ software_id: 'mychannel-tv-restv2', scopes: ['api:client:v1'] })],
  ])('rejects %s with invalid_software_statement', async (_label, statement) => {
    const res = await register({ software_statement: statement })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ error: 'invalid_software_statement' })
  })

  it('accepts another known unsigned statement', async () => {
    const res = await register({ software_statement: unsignedJwt({ software_id: 'ref30-tv-restv2', scopes: ['api:client:v2'] }) })
    expect(res.status).toBe(201)
  })

  it('needs X-Device-Info and a JSON content type (dcrApi.json required headers)', async () => {
    const noInfo = await register({ software_statement: SOFTWARE_STATEMENT }, {})
    expect(noInfo.status).toBe(400)
    expect(noInfo.json).toMatchObject({ error: 'invalid_request' })
    const form = await h.client.call('POST', '/o/client/register', { form: { software_statement: SOFTWARE_STATEMENT }, headers: { 'X-Device-Info': info } })
    expect(form.status).toBe(400)
    expect(form.json).toMatchObject({ error: 'invalid_request' })
  })

  it('answers invalid_request to a malformed body and invalid_redirect_uri to a bad redirect_uri', async () => {
    const bad = await h.client.call('POST', '/o/client/register', {
      body: '{"software_statement":',
      headers: { 'Content-Type': 'application/json', 'X-Device-Info': info },
    })
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ error: 'invalid_request' })
    const uri = await register({ software_statement: SOFTWARE_STATEMENT, redirect_uri: 'not a uri' })
    expect(uri.status).toBe(400)
    expect(uri.json).toMatchObject({ error: 'invalid_redirect_uri' })
  })
})

describe('POST /o/client/token', () => {
  it('answers 201 with an access token and expires_in (retrieve access token)', async () => {
    const res = await h.client.refreshToken()
    expect(res.status).toBe(201)
    expect(res.json).toEqual({ id: expect.any(String), access_token: expect.any(String), created_at: expect.any(Number), expires_in: 60, token_type: 'bearer' })
    expect(res.headers.get('date')).toBeTruthy()
  })

  it('takes the fields as query parameters too (dcrApi.json lists them there)', async () => {
    const q = new URLSearchParams({ client_id: h.client.clientId, client_secret: h.client.clientSecret, grant_type: 'client_credentials' })
    const res = await h.client.call('POST', `/o/client/token?${q}`)
    expect(res.status).toBe(201)
  })

  it.each([
    ['invalid_client', { client_secret: 'wrong' }],
    ['invalid_client', { client_id: 'nobody' }],
    ['unsupported_grant_type', { grant_type: 'password' }],
    ['invalid_request', { grant_type: '' }],
  ])('answers %s', async (error, override) => {
    const form = { client_id: h.client.clientId, client_secret: h.client.clientSecret, grant_type: 'client_credentials', ...override }
    const res = await h.client.call('POST', '/o/client/token', { form })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ error })
  })

  it('rejects a JSON body (the token endpoint takes a form)', async () => {
    const res = await h.client.call('POST', '/o/client/token', { json: { client_id: h.client.clientId } })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ error: 'invalid_request' })
  })
})

describe('access token lifetime', () => {
  it('answers 401 once the token expires, and a refreshed token works again (CL-REG-R1)', async () => {
    const c = await new TestClient(h.sandbox.origin).bootstrap()
    const ok = await c.call('GET', '/api/v2/MYCHAN/configuration', { headers: c.auth() })
    expect(ok.status).toBe(200)
    h.sandbox.setClockOffset(61_000)
    try {
      const expired = await c.call('GET', '/api/v2/MYCHAN/configuration', { headers: c.auth() })
      expect(expired.status).toBe(401)
      expect(expired.json).toMatchObject(eec(401, 'invalid_access_token_client_application', 'application-registration'))
      expect((await c.refreshToken()).status).toBe(201)
      expect((await c.call('GET', '/api/v2/MYCHAN/configuration', { headers: c.auth() })).status).toBe(200)
    } finally {
      h.sandbox.setClockOffset(0)
    }
    expect(c.violations).toEqual([])
  })

  it('answers 401 to an unknown token and to a missing or malformed Authorization', async () => {
    for (const auth of ['Bearer nope', undefined, 'Basic abc', 'Bearer']) {
      const res = await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: { Authorization: auth } })
      expect(res.status).toBe(401)
      expect(res.json).toMatchObject(eec(401, 'invalid_access_token_client_application', 'application-registration'))
    }
  })

  it('answers 401 after the admin "expire token" switch', async () => {
    const c = await new TestClient(h.sandbox.origin).bootstrap()
    expect(h.sandbox.expireTokens().expired).toBeGreaterThan(0)
    const res = await c.call('GET', '/api/v2/MYCHAN/configuration', { headers: c.auth() })
    expect(res.status).toBe(401)
  })
})
