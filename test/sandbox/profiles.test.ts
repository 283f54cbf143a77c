/** Profiles (docs/adobe-pass.md, "Profiles"): list, per mvpd, poll by code; isolation per device; expiry; revoke; TempPass. */
import { eec, Harness } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'

let h: Harness

useHarness((started) => (h = started), {}, { resetClockEach: true, noViolationsEach: true })

const get = (path: string, deviceId: string, extra: Record<string, string | undefined> = {}): ReturnType<Harness['client']['call']> =>
  h.client.call('GET', path, { headers: h.client.tv(deviceId, extra) })

describe('GET /api/v2/{sp}/profiles and /profiles/{mvpd}', () => {
  it('lists every valid profile of the device, keyed by mvpd', async () => {
    h.sandbox.seedProfile({ deviceId: 'tv-list', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
    h.sandbox.seedProfile({ deviceId: 'tv-list', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', user: 'basic' })
    const res = await get('/api/v2/MYCHAN/profiles', 'tv-list')
    expect(res.status).toBe(200)
    expect(Object.keys(res.json.profiles).sort()).toEqual(['Sandbox_Cable', 'Sandbox_Fiber'])
    expect(res.json.profiles.Sandbox_Cable).toMatchObject({
      issuer: 'Sandbox_Cable',
      type: 'regular',
      notBefore: expect.any(Number),
      notAfter: expect.any(Number),
      attributes: { userID: { value: 'viewer-0001', state: 'plain' }, zip: { state: 'enc' } },
    })
  })

  it('answers an empty map when there is none, and at most the one mvpd for /profiles/{mvpd}', async () => {
    expect((await get('/api/v2/MYCHAN/profiles', 'tv-empty')).json).toEqual({ profiles: {} })
    h.sandbox.seedProfile({ deviceId: 'tv-one', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
    h.sandbox.seedProfile({ deviceId: 'tv-one', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Sat' })
    const one = await get('/api/v2/MYCHAN/profiles/Sandbox_Sat', 'tv-one')
    expect(Object.keys(one.json.profiles)).toEqual(['Sandbox_Sat'])
    expect((await get('/api/v2/MYCHAN/profiles/Sandbox_Metro', 'tv-one')).json).toEqual({ profiles: {} })
  })

  it('keeps profiles per device and per service provider', async () => {
    h.sandbox.seedProfile({ deviceId: 'tv-a', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
    expect(Object.keys((await get('/api/v2/MYCHAN/profiles', 'tv-a')).json.profiles)).toEqual(['Sandbox_Cable'])
    expect((await get('/api/v2/MYCHAN/profiles', 'tv-b')).json).toEqual({ profiles: {} })
    expect((await get('/api/v2/MYCHAN/profiles/Sandbox_Cable', 'tv-b')).json).toEqual({ profiles: {} })
    expect((await get('/api/v2/REF30/profiles', 'tv-a')).json).toEqual({ profiles: {} })
  })

  it('drops a profile at notAfter', async () => {
    h.sandbox.seedProfile({ deviceId: 'tv-exp', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 60_000 })
    expect(Object.keys((await get('/api/v2/MYCHAN/profiles', 'tv-exp')).json.profiles)).toHaveLength(1)
    h.sandbox.setClockOffset(60_000)
    expect((await get('/api/v2/MYCHAN/profiles', 'tv-exp')).json).toEqual({ profiles: {} })
    expect((await get('/api/v2/MYCHAN/profiles/Sandbox_Cable', 'tv-exp')).json).toEqual({ profiles: {} })
  })

  it('drops a revoked profile', async () => {
    h.sandbox.seedProfile({ deviceId: 'tv-rev', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
    expect(h.sandbox.revokeProfile({ mvpd: 'Sandbox_Cable', deviceId: 'tv-rev' })).toEqual({ revoked: 1 })
    expect((await get('/api/v2/MYCHAN/profiles', 'tv-rev')).json).toEqual({ profiles: {} })
  })

  it('TempPass: a temporary profile from Adobe, then 403 temporary_access_duration_limit_exceeded once used up', async () => {
    await h.client.createSession('tv-tp', { mvpd: 'Sandbox_TempPass' })
    const live = await get('/api/v2/MYCHAN/profiles/Sandbox_TempPass', 'tv-tp')
    expect(live.json.profiles.Sandbox_TempPass).toMatchObject({ issuer: 'Adobe', type: 'temporary' })
    h.sandbox.setClockOffset(61 * 60 * 1000)
    const used = await get('/api/v2/MYCHAN/profiles/Sandbox_TempPass', 'tv-tp')
    expect(used.status).toBe(403)
    expect(used.json).toMatchObject(eec(403, 'temporary_access_duration_limit_exceeded', 'authentication'))
  })

  it.each([
    ['/api/v2/MYCHAN/profiles/NoSuchCable', {}, 400, 'invalid_parameter_mvpd', 'none'],
    ['/api/v2/MYCHAN/profiles/Sandbox_Retired', {}, 400, 'invalid_integration', 'none'],
    ['/api/v2/NOBODY/profiles', {}, 400, 'invalid_parameter_service_provider', 'none'],
    ['/api/v2/MYCHAN/profiles', { 'AP-Device-Identifier': undefined }, 400, 'invalid_header_device_identifier', 'none'],
    ['/api/v2/MYCHAN/profiles', { 'X-Device-Info': undefined }, 400, 'invalid_header_device_info', 'none'],
    ['/api/v2/MYCHAN/profiles/Sandbox_Cable', { 'X-Device-Info': 'not base64!' }, 400, 'invalid_header_device_info', 'none'],
    ['/api/v2/MYCHAN/profiles/Sandbox_TempPass', { 'AP-TempPass-Identity': 'bm90IGpzb24=' }, 400, 'invalid_header_identity_for_temporary_access', 'none'],
    ['/api/v2/MYCHAN/profiles', { Authorization: 'Bearer expired-or-unknown' }, 401, 'invalid_access_token_client_application', 'application-registration'],
  ])('GET %s with %j → %i %s', async (path, extra, status, code, action) => {
    const res = await get(path, 'tv-errors', extra)
    expect(res.status).toBe(status)
    expect(res.json).toMatchObject(eec(status, code, action))
  })
})

describe('GET /api/v2/{sp}/profiles/code/{code}', () => {
  it('answers an empty map while the sign-in is pending, then the profile once it completes', async () => {
    const { json } = await h.client.createSession('tv-poll')
    const pending = await get(`/api/v2/MYCHAN/profiles/code/${json.code}`, 'tv-poll')
    expect(pending.status).toBe(200)
    expect(pending.json).toEqual({ profiles: {} })
    h.sandbox.completeSignIn(json.code, { mvpd: 'Sandbox_Valley' })
    const done = await get(`/api/v2/MYCHAN/profiles/code/${json.code}`, 'tv-poll')
    expect(done.json.profiles.Sandbox_Valley).toMatchObject({ issuer: 'Sandbox_Valley', type: 'regular' })
    // The profile now belongs to the device and shows in its list.
    expect(Object.keys((await get('/api/v2/MYCHAN/profiles', 'tv-poll')).json.profiles)).toEqual(['Sandbox_Valley'])
  })

  it('works with Authorization only (a companion app cannot know the TV device id)', async () => {
    const { json } = await h.client.createSession('tv-poll-2')
    const res = await h.client.call('GET', `/api/v2/MYCHAN/profiles/code/${json.code}`, { headers: h.client.auth() })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ profiles: {} })
  })

  it('does not hand one device the code of another', async () => {
    const { json } = await h.client.createSession('tv-owner')
    h.sandbox.completeSignIn(json.code, { mvpd: 'Sandbox_Cable' })
    const res = await get(`/api/v2/MYCHAN/profiles/code/${json.code}`, 'tv-intruder')
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject(eec(400, 'invalid_authentication_session', 'none'))
    expect((await get('/api/v2/MYCHAN/profiles', 'tv-intruder')).json).toEqual({ profiles: {} })
  })

  it('answers invalid_parameter_code to a malformed code and invalid_authentication_session to an unknown one', async () => {
    const bad = await get('/api/v2/MYCHAN/profiles/code/x', 'tv-poll')
    expect(bad.json).toMatchObject(eec(400, 'invalid_parameter_code', 'none'))
    const unknown = await get('/api/v2/MYCHAN/profiles/code/AAAAAAA', 'tv-poll')
    expect(unknown.json).toMatchObject(eec(400, 'invalid_authentication_session', 'none'))
  })
})
