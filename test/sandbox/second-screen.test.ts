/**
 * The second-screen sign-in driven through the HTML pages with plain form posts (reference 6.4
 * pattern; 7.3 polling): code → provider → stand-in login → done, ending with the profile for the code.
 */
import { Harness, pageText, startHarness } from './helpers/client'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.sandbox.stop())
afterEach(() => expect(h.client.violations).toEqual([]))

const form = (path: string, fields: Record<string, string>): ReturnType<Harness['client']['call']> => h.client.call('POST', path, { form: fields })

/** Follows a Location header as a browser would (relative or absolute). */
async function follow(location: string | null): ReturnType<Harness['client']['call']> {
  expect(location).toBeTruthy()
  const url = new URL(location as string, h.sandbox.origin)
  return h.client.call('GET', url.pathname + url.search)
}

describe('second-screen pages', () => {
  it('signs in without a preselected provider and the TV poll then returns the profile', async () => {
    const tv = 'tv-second-screen'
    const session = (await h.client.createSession(tv)).json
    const poll = (): ReturnType<Harness['client']['call']> => h.client.call('GET', `/api/v2/MYCHAN/profiles/code/${session.code}`, { headers: h.client.tv(tv) })

    // The QR code opens the activation page with the code filled in.
    const start = await h.client.call('GET', `/activate?code=${session.code}`)
    expect(start.status).toBe(200)
    expect(start.headers.get('content-type')).toMatch(/^text\/html/)
    expect(start.text).toContain(`value="${session.code}"`)
    expect(start.text).toContain('name="viewport"')

    // Typed in lower case with a space: still the same code.
    const typed = `${session.code.slice(0, 3).toLowerCase()} ${session.code.slice(3)}`
    const submitted = await form('/activate', { code: typed })
    expect(submitted.status).toBe(303)
    const picker = await follow(submitted.headers.get('location'))
    expect(picker.status).toBe(200)
    expect(picker.text).toContain('Choose your TV provider')
    for (const name of ['Riverside Cable', 'Summit Fiber', 'Northstar Satellite', 'Metro Broadband', 'Harbor TV', 'Valley Telecom']) expect(picker.text).toContain(name)
    expect(picker.text).not.toContain('Lakeside Cable')
    expect(picker.text).not.toMatch(/MVPD/)

    expect((await poll()).json).toEqual({ profiles: {} })

    const picked = await form('/activate/provider', { code: session.code, mvpd: 'Sandbox_Sat' })
    expect(picked.status).toBe(303)
    expect(picked.headers.get('location')).toBe(`/api/v2/authenticate/MYCHAN/${session.code}`)
    const toLogin = await follow(picked.headers.get('location'))
    expect(toLogin.status).toBe(302)
    const login = await follow(toLogin.headers.get('location'))
    expect(login.status).toBe(200)
    expect(login.text).toContain('Sign in to Northstar Satellite')

    const wrong = await form('/mvpd/Sandbox_Sat/login', { code: session.code, username: 'viewer', password: 'nope' })
    expect(wrong.status).toBe(401)
    expect(pageText(wrong.text)).toContain("That user name and password don't match")
    expect((await poll()).json).toEqual({ profiles: {} })

    const right = await form('/mvpd/Sandbox_Sat/login', { code: session.code, username: 'viewer', password: 'sandbox' })
    expect(right.status).toBe(303)
    const done = await follow(right.headers.get('location'))
    expect(done.status).toBe(200)
    expect(pageText(done.text)).toContain("You're signed in")
    expect(done.text).toContain('Northstar Satellite')

    const profile = await poll()
    expect(profile.json.profiles.Sandbox_Sat).toMatchObject({ issuer: 'Sandbox_Sat', type: 'regular', attributes: { userID: { value: 'viewer-0001', state: 'plain' } } })
  })

  it('goes straight to the provider login when the TV preselected one', async () => {
    const tv = 'tv-preselected'
    const session = (await h.client.createSession(tv, { mvpd: 'Sandbox_Harbor', domainName: 'mychannel.example', redirectUrl: 'https://mychannel.example/activated' })).json
    const submitted = await form('/activate', { code: session.code })
    expect(submitted.headers.get('location')).toBe(`/api/v2/authenticate/MYCHAN/${session.code}`)
    const ok = await form('/mvpd/Sandbox_Harbor/login', { code: session.code, username: 'kids', password: 'sandbox' })
    expect(ok.status).toBe(303)
    const done = await follow(ok.headers.get('location'))
    // The TV's redirectUrl is a programmer page the sandbox cannot serve: offered as a link.
    expect(done.text).toContain('https://mychannel.example/activated')
    const profile = await h.client.call('GET', `/api/v2/MYCHAN/profiles/code/${session.code}`, { headers: h.client.tv(tv) })
    expect(profile.json.profiles.Sandbox_Harbor.attributes.maxRating).toEqual({ value: 'TV-Y', state: 'plain' })
  })

  it('says what to do about a wrong or expired code', async () => {
    const res = await form('/activate', { code: 'WRONG99' })
    expect(res.status).toBe(400)
    expect(pageText(res.text)).toContain("That code didn't work")
    const session = (await h.client.createSession('tv-late')).json
    h.sandbox.setClockOffset(31 * 60 * 1000)
    try {
      const late = await form('/activate', { code: session.code })
      expect(late.status).toBe(400)
      const picker = await h.client.call('GET', `/activate/provider?code=${session.code}`)
      expect(picker.status).toBe(303)
      expect(picker.headers.get('location')).toBe('/activate?error=code')
    } finally {
      h.sandbox.setClockOffset(0)
    }
  })

  it('refuses a provider that is not offered and a login for another provider', async () => {
    const session = (await h.client.createSession('tv-picky')).json
    const retired = await form('/activate/provider', { code: session.code, mvpd: 'Sandbox_Retired' })
    expect(retired.status).toBe(400)
    expect(retired.text).toContain('Choose one of the TV providers')
    await form('/activate/provider', { code: session.code, mvpd: 'Sandbox_Cable' })
    const elsewhere = await form('/mvpd/Sandbox_Fiber/login', { code: session.code, username: 'viewer', password: 'sandbox' })
    expect(elsewhere.status).toBe(303)
    expect(elsewhere.headers.get('location')).toBe('/activate?error=code')
  })

  it('escapes what it echoes back', async () => {
    const res = await h.client.call('GET', `/activate?code=${encodeURIComponent('"><script>x</script>')}`)
    expect(res.text).not.toContain('<script>x')
  })

  it('serves the provider logos named in the configuration', async () => {
    const config = await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })
    const mvpds = config.json.requestor.mvpds as { id: string; logoUrl: string }[]
    expect(mvpds.length).toBeGreaterThanOrEqual(6)
    for (const m of mvpds) {
      expect(m.logoUrl.startsWith(h.sandbox.publicOrigin)).toBe(true)
      const logo = await h.client.call('GET', new URL(m.logoUrl).pathname)
      expect(logo.status).toBe(200)
      expect(logo.headers.get('content-type')).toBe('image/svg+xml')
    }
  })
})
