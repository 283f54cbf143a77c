/** Decisions and logout (docs/adobe-pass.md, "Decisions" and "Logout"): permit, item-level deny, request-level errors. */
import { eec, Harness, startHarness } from './helpers/client'

let h: Harness
const TV = 'tv-decisions'

beforeAll(async () => {
  h = await startHarness()
  h.sandbox.seedProfile({ deviceId: TV, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
  h.sandbox.seedProfile({ deviceId: TV, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', user: 'basic' })
  h.sandbox.seedProfile({ deviceId: TV, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Sat', user: 'kids' })
})
afterAll(() => h.sandbox.stop())
afterEach(() => {
  h.sandbox.setClockOffset(0)
  h.sandbox.clearDenies()
  h.sandbox.clearDegrade()
  expect(h.client.violations).toEqual([])
})

const decide = (
  kind: 'preauthorize' | 'authorize',
  mvpd: string,
  resources: unknown,
  deviceId = TV,
  extra: Record<string, string | undefined> = {},
): ReturnType<Harness['client']['call']> =>
  h.client.call('POST', `/api/v2/MYCHAN/decisions/${kind}/${mvpd}`, { headers: h.client.tv(deviceId, extra), json: { resources } })

describe('POST decisions/authorize/{mvpd}', () => {
  it('permits with a media token and notBefore/notAfter (authorize)', async () => {
    const before = h.sandbox.now()
    const res = await decide('authorize', 'Sandbox_Cable', ['mychannel-live'])
    expect(res.status).toBe(200)
    const [d] = res.json.decisions
    expect(d).toMatchObject({ resource: 'mychannel-live', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', source: 'mvpd', authorized: true })
    expect(d.token.serializedToken).toEqual(expect.any(String))
    expect(d.token.notBefore).toBeGreaterThanOrEqual(before)
    // Media token about 7 minutes (FAQ AuthZ 9).
    expect(d.token.notAfter - d.token.notBefore).toBe(7 * 60 * 1000)
    expect(d.notAfter).toBeGreaterThan(d.notBefore)
  })

  it('denies item-level with HTTP 200 and an enhanced error (CL-ERR-2): package and parental controls', async () => {
    const pkg = await decide('authorize', 'Sandbox_Fiber', ['mychannel-sports'])
    expect(pkg.status).toBe(200)
    expect(pkg.json.decisions[0]).toMatchObject({ authorized: false, error: eec(403, 'authorization_denied_by_mvpd', 'none') })
    expect(pkg.json.decisions[0].token).toBeUndefined()
    const kids = await decide('authorize', 'Sandbox_Sat', ['mychannel-movies'])
    expect(kids.json.decisions[0]).toMatchObject({ authorized: false, error: eec(403, 'authorization_denied_by_parental_controls', 'none') })
  })

  it('a degradation rule permits with source "degradation", even a title the package lacks (the decision\'s source)', async () => {
    h.sandbox.degrade({ mvpd: 'Sandbox_Fiber' })
    const res = await decide('authorize', 'Sandbox_Fiber', ['mychannel-sports'])
    expect(res.json.decisions[0]).toMatchObject({ authorized: true, source: 'degradation', token: { serializedToken: expect.any(String) } })
    const other = await decide('authorize', 'Sandbox_Cable', ['mychannel-live'])
    expect(other.json.decisions[0]).toMatchObject({ authorized: true, source: 'mvpd' })
    h.sandbox.deny({ resource: 'mychannel-news', code: 'authorization_denied_by_degradation_rule' })
    const none = await decide('authorize', 'Sandbox_Cable', ['mychannel-news'])
    expect(none.json.decisions[0]).toMatchObject({
      authorized: false,
      source: 'degradation',
      error: eec(403, 'authorization_denied_by_degradation_rule', 'none'),
    })
  })

  it('denies what the admin deny switch names, with the chosen code', async () => {
    h.sandbox.deny({ resource: 'mychannel-news', mvpd: 'Sandbox_Cable' })
    h.sandbox.deny({ resource: 'mychannel-kids', code: 'network_received_error' })
    const res = await decide('authorize', 'Sandbox_Cable', ['mychannel-news'])
    expect(res.json.decisions[0]).toMatchObject({ authorized: false, error: eec(403, 'authorization_denied_by_mvpd', 'none') })
    const retry = await decide('authorize', 'Sandbox_Cable', ['mychannel-kids'])
    expect(retry.json.decisions[0].error).toMatchObject(eec(403, 'network_received_error', 'retry'))
  })

  it.each([
    ['no profile', 'tv-nobody', () => undefined, 'authenticated_profile_missing'],
    [
      'an expired profile',
      'tv-expired',
      () => {
        h.sandbox.seedProfile({ deviceId: 'tv-expired', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 1 })
        // Past its 1 ms lifetime by the sandbox clock (reset after each test).
        h.sandbox.setClockOffset(1000)
      },
      'authenticated_profile_expired',
    ],
    [
      'a revoked profile',
      'tv-revoked',
      () => {
        h.sandbox.seedProfile({ deviceId: 'tv-revoked', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
        h.sandbox.revokeProfile({ mvpd: 'Sandbox_Cable', deviceId: 'tv-revoked' })
      },
      'authenticated_profile_invalidated',
    ],
  ])('answers 403 with action authentication for %s', async (_label, device, setup, code) => {
    setup()
    const res = await decide('authorize', 'Sandbox_Cable', ['mychannel-live'], device)
    expect(res.status).toBe(403)
    expect(res.json).toMatchObject(eec(403, code, 'authentication'))
  })

  it.each([
    ['an empty list', [], 'invalid_parameter_resources'],
    ['a non-list', 'mychannel-live', 'invalid_parameter_resources'],
    ['blank ids', [''], 'invalid_parameter_resources'],
  ])('answers 400 for %s of resources', async (_label, resources, code) => {
    const res = await decide('authorize', 'Sandbox_Cable', resources)
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject(eec(400, code, 'none'))
  })

  it('answers 400 to malformed JSON, a form content type, and unknown or inactive mvpds', async () => {
    const malformed = await h.client.call('POST', '/api/v2/MYCHAN/decisions/authorize/Sandbox_Cable', {
      headers: { ...h.client.tv(TV), 'Content-Type': 'application/json' },
      body: '{"resources":[',
    })
    expect(malformed.json).toMatchObject(eec(400, 'invalid_parameter_resources', 'none'))
    const form = await h.client.call('POST', '/api/v2/MYCHAN/decisions/authorize/Sandbox_Cable', { headers: h.client.tv(TV), form: { resources: 'x' } })
    expect(form.json).toMatchObject(eec(400, 'invalid_header_content_type', 'none'))
    expect((await decide('authorize', 'NoSuchCable', ['x'])).json).toMatchObject(eec(400, 'invalid_parameter_mvpd', 'none'))
    expect((await decide('authorize', 'Sandbox_Retired', ['x'])).json).toMatchObject(eec(400, 'invalid_integration', 'none'))
  })

  it('accepts application/json with or without charset (docs/adobe-pass.md, "Gaps")', async () => {
    const res = await h.client.call('POST', '/api/v2/MYCHAN/decisions/authorize/Sandbox_Cable', {
      headers: { ...h.client.tv(TV), 'Content-Type': 'application/json' },
      json: { resources: ['mychannel-live'] },
    })
    expect(res.status).toBe(200)
  })
})

describe('POST decisions/preauthorize/{mvpd}', () => {
  it('answers one decision per resource, no media token, with preauthorization_denied_by_mvpd for denies (preauthorize)', async () => {
    const res = await decide('preauthorize', 'Sandbox_Fiber', ['mychannel-live', 'mychannel-sports'])
    expect(res.status).toBe(200)
    const [live, sports] = res.json.decisions
    expect(live).toMatchObject({ resource: 'mychannel-live', authorized: true })
    expect(live.token).toBeUndefined()
    expect(sports).toMatchObject({ resource: 'mychannel-sports', authorized: false, error: eec(403, 'preauthorization_denied_by_mvpd', 'none') })
  })

  it('answers too_many_resources (403, configuration) past five resources', async () => {
    const res = await decide('preauthorize', 'Sandbox_Cable', ['a', 'b', 'c', 'd', 'e', 'f'])
    expect(res.status).toBe(403)
    expect(res.json).toMatchObject(eec(403, 'too_many_resources', 'configuration'))
  })
})

describe('GET logout/{mvpd}', () => {
  const logout = (mvpd: string, device: string, redirect = 'https://mychannel.example/bye'): ReturnType<Harness['client']['call']> =>
    h.client.call('GET', `/api/v2/MYCHAN/logout/${mvpd}${redirect ? `?redirectUrl=${encodeURIComponent(redirect)}` : ''}`, { headers: h.client.tv(device) })

  it('answers logout/interactive with a url for a provider with a logout page, and removes the profile', async () => {
    h.sandbox.seedProfile({ deviceId: 'tv-out', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
    const res = await logout('Sandbox_Cable', 'tv-out')
    expect(res.status).toBe(200)
    expect(res.json.logouts.Sandbox_Cable).toMatchObject({
      actionName: 'logout',
      actionType: 'interactive',
      mvpd: 'Sandbox_Cable',
      url: expect.stringContaining('/mvpd/Sandbox_Cable/logout'),
    })
    expect((await h.client.call('GET', '/api/v2/MYCHAN/profiles', { headers: h.client.tv('tv-out') })).json).toEqual({ profiles: {} })
    const page = await h.client.call('GET', new URL(res.json.logouts.Sandbox_Cable.url).pathname + new URL(res.json.logouts.Sandbox_Cable.url).search)
    expect(page.status).toBe(200)
  })

  it('answers complete/none for a provider without one, and invalid/none when there was no profile', async () => {
    h.sandbox.seedProfile({ deviceId: 'tv-out2', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber' })
    expect((await logout('Sandbox_Fiber', 'tv-out2')).json).toEqual({
      logouts: { Sandbox_Fiber: { actionName: 'complete', actionType: 'none', mvpd: 'Sandbox_Fiber' } },
    })
    expect((await logout('Sandbox_Fiber', 'tv-out2')).json).toEqual({
      logouts: { Sandbox_Fiber: { actionName: 'invalid', actionType: 'none', mvpd: 'Sandbox_Fiber' } },
    })
  })

  it('answers 400 without redirectUrl, for an unknown mvpd, and without device headers', async () => {
    expect((await logout('Sandbox_Cable', TV, '')).json).toMatchObject(eec(400, 'invalid_parameter_redirect_url', 'none'))
    expect((await logout('NoSuchCable', TV)).json).toMatchObject(eec(400, 'invalid_parameter_mvpd', 'none'))
    const bare = await h.client.call('GET', '/api/v2/MYCHAN/logout/Sandbox_Cable?redirectUrl=https%3A%2F%2Fa.example', { headers: h.client.auth() })
    expect(bare.json).toMatchObject(eec(400, 'invalid_header_device_identifier', 'none'))
  })
})
