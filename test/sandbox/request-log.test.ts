/**
 * The request log keeps no secret: bearer tokens, client secrets and access tokens are replaced by
 * a short fingerprint, so requests can still be told apart; device headers stay as sent.
 */
import { b64, DEVICE_INFO, deviceHeaders, Harness } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'
import { redactHeaders, redactQuery, redactValue } from './request-log'

const REDACTED = /^<redacted:[0-9a-f]{8}>$/

describe('redaction functions', () => {
  it('keeps the scheme of Authorization and fingerprints the credential', () => {
    const out = redactHeaders({ authorization: 'Bearer sbx.secret-token', 'ap-device-identifier': 'fingerprint dHY=', cookie: 'a=b' })
    expect(out.authorization).toMatch(/^Bearer <redacted:[0-9a-f]{8}>$/)
    expect(out.authorization).not.toContain('secret-token')
    expect(out['ap-device-identifier']).toBe('fingerprint dHY=')
    expect(out.cookie).toMatch(REDACTED)
  })

  it('fingerprints the same value the same way and different values differently', () => {
    expect(redactValue('token-a')).toBe(redactValue('token-a'))
    expect(redactValue('token-a')).not.toBe(redactValue('token-b'))
    expect(redactValue('token-a')).toMatch(REDACTED)
  })

  it('redacts credential fields of a query and nothing else', () => {
    expect(redactQuery({ client_id: 'id-1', client_secret: 's3cr3t', access_token: 't0k', grant_type: 'client_credentials' })).toEqual({
      client_id: 'id-1',
      client_secret: expect.stringMatching(REDACTED),
      access_token: expect.stringMatching(REDACTED),
      grant_type: 'client_credentials',
    })
  })
})

describe('the log of a real exchange', () => {
  let h: Harness

  useHarness((started) => (h = started))

  it('holds neither the client secret nor any access token, in process and over the admin endpoint', async () => {
    const firstToken = h.client.accessToken
    await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.tv('tv-log') })
    await h.client.refreshToken()
    await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.tv('tv-log') })
    // DCR token also takes its fields from the query (OpenAPI file); clients may put a token there too.
    const query = new URLSearchParams({ client_id: h.client.clientId, client_secret: h.client.clientSecret, grant_type: 'client_credentials' })
    const byQuery = await h.client.call('POST', `/o/client/token?${query.toString()}`, { headers: { 'X-Device-Info': b64(JSON.stringify(DEVICE_INFO)) } })
    expect(byQuery.status).toBe(201)
    await h.client.call('GET', `/api/v2/MYCHAN/configuration?access_token=${encodeURIComponent(byQuery.json.access_token)}`)

    const secrets = [h.client.clientSecret, firstToken, h.client.accessToken, byQuery.json.access_token as string]
    expect(new Set(secrets).size).toBe(4)
    const inProcess = JSON.stringify(h.sandbox.requests())
    const served = await h.client.call('GET', '/__sandbox/requests')
    expect(served.status).toBe(200)
    for (const secret of secrets) {
      expect(inProcess).not.toContain(secret)
      expect(served.text).not.toContain(secret)
    }

    const log = h.sandbox.requests()
    const configs = log.filter((r) => r.path === '/api/v2/MYCHAN/configuration')
    const [before, after] = configs.map((r) => r.headers.authorization)
    expect(before).toMatch(/^Bearer <redacted:[0-9a-f]{8}>$/)
    // Still tells the token before a refresh from the one after it.
    expect(after).toMatch(/^Bearer <redacted:[0-9a-f]{8}>$/)
    expect(after).not.toBe(before)
    const tokenByQuery = log.find((r) => r.path === '/o/client/token' && 'client_secret' in r.query)
    expect(tokenByQuery?.query).toEqual({ client_id: h.client.clientId, client_secret: expect.stringMatching(REDACTED), grant_type: 'client_credentials' })
    expect(configs[2]?.query.access_token).toMatch(REDACTED)
  })

  it('keeps the device headers tests read from it', async () => {
    h.sandbox.clearRequests()
    const sent = deviceHeaders('tv-log-device')
    await h.client.call('GET', '/api/v2/MYCHAN/profiles', { headers: h.client.tv('tv-log-device') })
    const [entry] = h.sandbox.requests()
    expect(entry?.headers['ap-device-identifier']).toBe(sent['AP-Device-Identifier'])
    expect(entry?.headers['x-device-info']).toBe(sent['X-Device-Info'])
    expect(entry?.status).toBe(200)
    expect(entry?.route).toBe('profiles')
  })
})
