/**
 * The second-screen sign-in driven through the HTML pages with plain form posts (the authenticate
 * URL pattern and polling by code, docs/adobe-pass.md "Sessions" and "Polling"): code → provider → stand-in login → done, ending with the profile for the code.
 */
import { createHash } from 'node:crypto'

import { Harness, pageText } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'
import { startSandbox } from './index'

let h: Harness

useHarness((started) => (h = started), {}, { noViolationsEach: true })

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
    for (const name of ['Riverside Cable', 'Summit Fiber', 'Northstar Satellite', 'Metro Broadband', 'Harbor TV', 'Valley Telecom'])
      expect(picker.text).toContain(name)
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
    expect(profile.json.profiles.Sandbox_Sat).toMatchObject({
      issuer: 'Sandbox_Sat',
      type: 'regular',
      attributes: { userID: { value: 'viewer-0001', state: 'plain' } },
    })
  })

  it('goes straight to the provider login when the TV preselected one', async () => {
    const tv = 'tv-preselected'
    const session = (
      await h.client.createSession(tv, { mvpd: 'Sandbox_Harbor', domainName: 'mychannel.example', redirectUrl: 'https://mychannel.example/activated' })
    ).json
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

  describe('escapes what it echoes back', () => {
    // Upper case and without spaces or dashes, so the code field's normalisation leaves it as it is
    // (tag and attribute names are case-insensitive in HTML: this runs if it reaches the page raw).
    const CODE_PAYLOAD = '"><SVG/ONLOAD=ALERT(1)><SCRIPT>ALERT(2)</SCRIPT>'
    const PAYLOAD = `"><script>alert(document.domain)</script><img src=x onerror='alert(1)'>`
    const escaped = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

    it('the code typed or arrived from a QR code', async () => {
      const res = await h.client.call('GET', `/activate?code=${encodeURIComponent(CODE_PAYLOAD)}`)
      expect(res.text).toContain(`value="${escaped(CODE_PAYLOAD)}"`)
      expect(res.text).not.toContain(CODE_PAYLOAD)
      const posted = await form('/activate', { code: CODE_PAYLOAD })
      expect(posted.status).toBe(400)
      expect(posted.text).toContain(`value="${escaped(CODE_PAYLOAD)}"`)
      expect(posted.text).not.toMatch(/<svg|<script/i)
    })

    it('the user name after a wrong password (echoed verbatim)', async () => {
      const session = (
        await h.client.createSession('tv-xss', { mvpd: 'Sandbox_Valley', domainName: 'mychannel.example', redirectUrl: 'https://mychannel.example/activated' })
      ).json
      const res = await form('/mvpd/Sandbox_Valley/login', { code: session.code, username: PAYLOAD, password: 'wrong' })
      expect(res.status).toBe(401)
      expect(res.text).toContain(`value="${escaped(PAYLOAD)}"`)
      expect(res.text).not.toMatch(/<script|<img src=x/i)
    })

    it('the redirect URL on the stand-in logout page', async () => {
      const target = `https://mychannel.example/${PAYLOAD}`
      const res = await h.client.call('GET', `/mvpd/Sandbox_Cable/logout?redirectUrl=${encodeURIComponent(target)}`)
      expect(res.status).toBe(200)
      expect(res.text).toContain(`href="${escaped(target)}"`)
      expect(res.text).not.toMatch(/<script|<img src=x/i)
    })
  })

  describe('security headers', () => {
    type Answer = Awaited<ReturnType<Harness['client']['call']>>

    /** Every kind of answer a phone gets along the journey, pages and redirects alike. */
    async function journey(): Promise<[string, Answer][]> {
      const tv = 'tv-headers'
      const session = (await h.client.createSession(tv)).json
      const code = session.code as string
      const out: [string, Answer][] = []
      const add = async (name: string, answer: Promise<Answer>): Promise<Answer> => {
        const res = await answer
        out.push([name, res])
        return res
      }
      await add('GET /', h.client.call('GET', '/'))
      await add('activate form', h.client.call('GET', `/activate?code=${code}`))
      await add('bad code', form('/activate', { code: 'WRONG99' }))
      await add('code accepted (303)', form('/activate', { code }))
      await add('picker', h.client.call('GET', `/activate/provider?code=${code}`))
      await add('authenticate before a provider (400)', h.client.call('GET', `/api/v2/authenticate/MYCHAN/${code}`))
      await add('provider picked (303)', form('/activate/provider', { code, mvpd: 'Sandbox_Cable' }))
      await add('authenticate (302)', h.client.call('GET', `/api/v2/authenticate/MYCHAN/${code}`))
      await add('login', h.client.call('GET', `/mvpd/Sandbox_Cable/login?code=${code}`))
      await add('wrong password (401)', form('/mvpd/Sandbox_Cable/login', { code, username: 'viewer', password: 'nope' }))
      await add('signed in (303)', form('/mvpd/Sandbox_Cable/login', { code, username: 'viewer', password: 'sandbox' }))
      await add('done', h.client.call('GET', `/activate/done?code=${code}`))
      await add('logout page', h.client.call('GET', '/mvpd/Sandbox_Cable/logout?redirectUrl=https%3A%2F%2Fmychannel.example%2F'))
      await add('unknown page (404)', h.client.call('GET', '/nope'))
      await add('wrong method (405)', h.client.call('PUT', '/activate'))
      return out
    }

    const csp = (res: Answer): Map<string, string[]> =>
      new Map(
        (res.headers.get('content-security-policy') ?? '')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map((d) => [d[0] as string, d.slice(1)]),
      )

    it('no framing, sniffing, Referer or caching on any of them', async () => {
      for (const [name, res] of await journey()) {
        const seen = {
          name,
          nosniff: res.headers.get('x-content-type-options'),
          frame: res.headers.get('x-frame-options'),
          referrer: res.headers.get('referrer-policy'),
          cache: res.headers.get('cache-control'),
          ancestors: csp(res).get('frame-ancestors'),
          defaultSrc: csp(res).get('default-src'),
        }
        expect(seen).toEqual({
          name,
          nosniff: 'nosniff',
          frame: 'DENY',
          referrer: 'no-referrer',
          cache: 'no-store',
          ancestors: ["'none'"],
          defaultSrc: ["'none'"],
        })
      }
    })

    it('a CSP that allows exactly what the pages use: their one stylesheet by hash, no script, own-origin forms and logos', async () => {
      const pages = (await journey()).filter(([, res]) => (res.headers.get('content-type') ?? '').startsWith('text/html') && res.text.includes('<style>'))
      expect(pages.length).toBeGreaterThanOrEqual(8)
      for (const [name, res] of pages) {
        const policy = csp(res)
        const styles = [...res.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
          (m) =>
            `'sha256-${createHash('sha256')
              .update(m[1] as string)
              .digest('base64')}'`,
        )
        expect([name, policy.get('style-src')]).toEqual([name, styles])
        expect([name, res.headers.get('content-security-policy')]).not.toEqual([name, expect.stringMatching(/unsafe-|script-src|\*/)])
        // What the CSP would block must not be in the page.
        expect([name, res.text]).not.toEqual([name, expect.stringMatching(/<script|\sstyle=|\son[a-z]+=|javascript:/i)])
        expect(policy.get('form-action')).toEqual(["'self'"])
        for (const form of res.text.matchAll(/<form[^>]*action="([^"]*)"/g)) expect(form[1]).toMatch(/^\/[^/]/)
        for (const img of res.text.matchAll(/<img[^>]*src="([^"]*)"/g)) {
          const origin = new URL(img[1] as string, h.sandbox.origin).origin
          expect(origin === h.sandbox.origin || (policy.get('img-src') ?? []).includes(origin)).toBe(true)
        }
      }
    })

    it('lets logos come from a public origin other than the one the phone used', async () => {
      const other = await startSandbox({ throttle: false, publicOrigin: 'http://192.0.2.10:4000' })
      try {
        const res = await fetch(`${other.origin}/activate`)
        expect(res.headers.get('content-security-policy')).toContain("img-src 'self' http://192.0.2.10:4000")
      } finally {
        await other.stop()
      }
    })

    it('are left off the API the TV calls', async () => {
      const res = await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })
      expect(res.headers.get('content-security-policy')).toBeNull()
    })
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
