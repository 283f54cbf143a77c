/**
 * The phone pages follow the browser's language (pages/language.ts): Spanish when Accept-Language
 * prefers any es-*, English otherwise, `?lang=` forcing one (kept in a cookie); every text of a page in that language,
 * and the whole sign-in still works through the Spanish pages.
 */
import type { IncomingMessage } from 'node:http'

import { Harness, pageText } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'
import { PAGE_COPY } from './pages/copy'
import { pageLanguage, preferredLanguageTag } from './pages/language'

let h: Harness

useHarness((started) => (h = started), {}, { noViolationsEach: true })

const ES = { 'accept-language': 'es-US,es;q=0.9,en;q=0.8' }
const EN = { 'accept-language': 'en-US,en;q=0.9' }

const get = (path: string, headers: Record<string, string>): ReturnType<Harness['client']['call']> => h.client.call('GET', path, { headers })
const post = (path: string, fields: Record<string, string>, headers: Record<string, string>): ReturnType<Harness['client']['call']> =>
  h.client.call('POST', path, { form: fields, headers })

async function follow(location: string | null, headers: Record<string, string>): ReturnType<Harness['client']['call']> {
  expect(location).toBeTruthy()
  const url = new URL(location as string, h.sandbox.origin)
  return get(url.pathname + url.search, headers)
}

const htmlLang = (html: string): string | undefined => /<html lang="([^"]+)"/.exec(html)?.[1]
const heading = (html: string): string => pageText(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').trim()

describe('which language a page speaks', () => {
  const req = (acceptLanguage?: string): IncomingMessage =>
    ({ headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage } }) as IncomingMessage
  const at = (query = ''): URL => new URL(`http://sandbox.test/activate${query}`)

  test.each([
    ['es-US', 'es'],
    ['es', 'es'],
    ['es-MX,en;q=0.5', 'es'],
    ['ES_es', 'es'],
    ['en-US,es;q=0.9', 'en'],
    ['fr-FR,es;q=0.9', 'en'],
    ['en;q=0.2,es;q=0.8', 'es'],
    ['*', 'en'],
    ['es;q=0,en', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('Accept-Language %p → %p', (header, lang) => {
    expect(pageLanguage(req(header), at())).toBe(lang)
  })

  test('?lang= forces a language over Accept-Language; an unknown one does not', () => {
    expect(pageLanguage(req('en-US'), at('?lang=es'))).toBe('es')
    expect(pageLanguage(req('es-US'), at('?lang=en'))).toBe('en')
    expect(pageLanguage(req('es-US'), at('?lang=xx'))).toBe('es')
  })

  test('the preferred tag is the first of the highest q', () => {
    expect(preferredLanguageTag('de;q=0.5, es-US, en')).toBe('es-US')
    expect(preferredLanguageTag('de;q=0.5, fr;q=0.5')).toBe('de')
    expect(preferredLanguageTag(undefined)).toBeUndefined()
  })

  test('both tables have every text, none empty, and Spanish is not English', () => {
    expect(Object.keys(PAGE_COPY.es).sort()).toEqual(Object.keys(PAGE_COPY.en).sort())
    const text = (value: unknown): string => (typeof value === 'function' ? (value as (name: string) => string)('Harbor TV') : String(value))
    for (const key of Object.keys(PAGE_COPY.en) as (keyof typeof PAGE_COPY.en)[]) {
      expect(text(PAGE_COPY.es[key])).toBeTruthy()
      // The brand is not translated; everything else is.
      if (key !== 'brand') expect(text(PAGE_COPY.es[key])).not.toBe(text(PAGE_COPY.en[key]))
    }
    expect(PAGE_COPY.es.done('Harbor TV')).toContain('Harbor TV')
    expect(PAGE_COPY.es.loginTitle('Harbor TV')).toBe('Inicie sesión en Harbor TV')
  })
})

describe('the pages in Spanish and English', () => {
  it('the activation page: <html lang>, title, heading and form texts in the browser language', async () => {
    const es = await get('/activate', ES)
    expect(es.status).toBe(200)
    expect(htmlLang(es.text)).toBe('es')
    expect(heading(es.text)).toBe('Inicie sesión en su televisor')
    expect(pageText(es.text)).toContain('Escriba el código que aparece en su televisor')
    expect(pageText(es.text)).toContain('Continuar')
    expect(es.text).toContain('<title>Inicie sesión en su televisor</title>')

    const en = await get('/activate', EN)
    expect(htmlLang(en.text)).toBe('en')
    expect(heading(en.text)).toBe('Sign in on your TV')
    expect(pageText(en.text)).not.toMatch(/código|Continuar/)

    // No preference the pages speak (a bare client): English, the fallback.
    expect(htmlLang((await get('/activate', { 'accept-language': 'de-DE' })).text)).toBe('en')
    // ?lang=es forces Spanish whatever the browser says.
    expect(heading((await get('/activate?lang=es', EN)).text)).toBe('Inicie sesión en su televisor')
  })

  it('?lang=es is kept for the pages after it, the provider login included', async () => {
    const forced = await get('/activate?lang=es', EN)
    const cookie = forced.headers.get('set-cookie')?.split(';')[0] ?? ''
    expect(cookie).toBe('sandbox_lang=es')
    const session = (await h.client.createSession('tv-forced-es', { mvpd: 'Sandbox_Harbor', domainName: 'mychannel.example' })).json
    const withCookie = { ...EN, cookie }
    const submitted = await post('/activate', { code: session.code }, withCookie)
    const toLogin = await follow(submitted.headers.get('location'), withCookie)
    const login = await follow(toLogin.headers.get('location'), withCookie)
    expect(htmlLang(login.text)).toBe('es')
    expect(heading(login.text)).toBe('Inicie sesión en Harbor TV')
    // ?lang=en switches back, over the cookie.
    expect(heading((await get('/activate?lang=en', withCookie)).text)).toBe('Sign in on your TV')
    expect((await get('/activate', EN)).headers.get('set-cookie')).toBeNull()
  })

  it('a wrong code is explained in Spanish', async () => {
    const res = await post('/activate', { code: 'WRONG99' }, ES)
    expect(res.status).toBe(400)
    expect(htmlLang(res.text)).toBe('es')
    expect(pageText(res.text)).toContain('Ese código no funcionó')
    const again = await get('/activate?error=code', ES)
    expect(pageText(again.text)).toContain('Ese código no funcionó')
  })

  it('signs in through the Spanish pages, provider names as they come, and the TV poll returns the profile', async () => {
    const tv = 'tv-spanish-phone'
    const session = (await h.client.createSession(tv)).json
    const poll = (): ReturnType<Harness['client']['call']> => h.client.call('GET', `/api/v2/MYCHAN/profiles/code/${session.code}`, { headers: h.client.tv(tv) })

    const submitted = await post('/activate', { code: session.code.toLowerCase() }, ES)
    expect(submitted.status).toBe(303)
    const picker = await follow(submitted.headers.get('location'), ES)
    expect(picker.status).toBe(200)
    expect(htmlLang(picker.text)).toBe('es')
    expect(heading(picker.text)).toBe('Elija su proveedor de TV')
    expect(pageText(picker.text)).toContain('Northstar Satellite')
    expect(pageText(picker.text)).not.toMatch(/Choose your TV provider|MVPD/)

    const missing = await post('/activate/provider', { code: session.code, mvpd: 'Sandbox_Retired' }, ES)
    expect(missing.status).toBe(400)
    expect(pageText(missing.text)).toContain('Elija uno de los proveedores de TV')

    const picked = await post('/activate/provider', { code: session.code, mvpd: 'Sandbox_Sat' }, ES)
    expect(picked.status).toBe(303)
    const toLogin = await follow(picked.headers.get('location'), ES)
    expect(toLogin.status).toBe(302)
    const login = await follow(toLogin.headers.get('location'), ES)
    expect(login.status).toBe(200)
    expect(htmlLang(login.text)).toBe('es')
    expect(heading(login.text)).toBe('Inicie sesión en Northstar Satellite')
    expect(pageText(login.text)).toMatch(/Nombre de usuario .*Contraseña .*Iniciar sesión/)

    const wrong = await post('/mvpd/Sandbox_Sat/login', { code: session.code, username: 'viewer', password: 'nope' }, ES)
    expect(wrong.status).toBe(401)
    expect(pageText(wrong.text)).toContain('El nombre de usuario y la contraseña no coinciden')
    expect((await poll()).json).toEqual({ profiles: {} })

    const right = await post('/mvpd/Sandbox_Sat/login', { code: session.code, username: 'viewer', password: 'sandbox' }, ES)
    expect(right.status).toBe(303)
    const done = await follow(right.headers.get('location'), ES)
    expect(done.status).toBe(200)
    expect(htmlLang(done.text)).toBe('es')
    expect(heading(done.text)).toBe('Ya inició sesión')
    expect(pageText(done.text)).toContain('Inició sesión con Northstar Satellite')
    expect(pageText(done.text)).toContain('Su televisor continuará automáticamente en unos segundos')

    // The protocol does not change with the phone's language.
    expect((await poll()).json.profiles.Sandbox_Sat).toMatchObject({ issuer: 'Sandbox_Sat', type: 'regular' })
  })

  it('the stand-in provider sign-out page in both languages', async () => {
    const es = await get('/mvpd/Sandbox_Sat/logout', ES)
    expect(htmlLang(es.text)).toBe('es')
    expect(heading(es.text)).toBe('Sesión cerrada')
    expect(pageText(es.text)).toContain('Cerró su sesión de Northstar Satellite en este dispositivo')
    const en = await get('/mvpd/Sandbox_Sat/logout', EN)
    expect(heading(en.text)).toBe("You're signed out")
  })

  describe('the sign-in link that cannot go on (the authenticate URL answers in HTML)', () => {
    const authenticate = (sp: string, code: string, query = ''): string => `/api/v2/authenticate/${sp}/${code}${query}`

    it('no provider chosen yet: Spanish by Accept-Language, by ?lang=es, English otherwise', async () => {
      const { code } = (await h.client.createSession('tv-link-no-provider')).json

      const es = await get(authenticate('MYCHAN', code), ES)
      expect(es.status).toBe(400)
      expect(htmlLang(es.text)).toBe('es')
      expect(heading(es.text)).toBe('No pudimos continuar con el inicio de sesión')
      expect(es.text).toContain('<title>Problema al iniciar sesión</title>')
      expect(pageText(es.text)).toContain('Todavía no se eligió un proveedor de TV para este código.')
      expect(pageText(es.text)).toContain('Vuelva a escribir su código')
      expect(pageText(es.text)).not.toMatch(/couldn't|TV provider|Enter your code/)

      const forced = await get(authenticate('MYCHAN', code, '?lang=es'), EN)
      expect(htmlLang(forced.text)).toBe('es')
      expect(pageText(forced.text)).toContain('Todavía no se eligió un proveedor de TV')
      expect(forced.headers.get('set-cookie')?.split(';')[0]).toBe('sandbox_lang=es')

      const en = await get(authenticate('MYCHAN', code), { 'accept-language': 'de-DE' })
      expect(en.status).toBe(400)
      expect(htmlLang(en.text)).toBe('en')
      expect(heading(en.text)).toBe("We couldn't continue the sign-in")
      expect(pageText(en.text)).toContain('No TV provider was chosen for this code yet.')
      expect(pageText(en.text)).not.toMatch(/proveedor|código/)
    })

    it('an unknown channel, a code that is gone and a malformed code, each in the browser language', async () => {
      const unknown = await get(authenticate('NOPE', 'ABCD1234'), ES)
      expect(unknown.status).toBe(400)
      expect(pageText(unknown.text)).toContain('Este enlace de inicio de sesión corresponde a un canal desconocido.')
      expect(pageText((await get(authenticate('NOPE', 'ABCD1234'), EN)).text)).toContain('This sign-in link names an unknown channel.')

      const gone = await get(authenticate('MYCHAN', 'ABCD1234', '?lang=es'), EN)
      expect(htmlLang(gone.text)).toBe('es')
      expect(pageText(gone.text)).toContain('Este código venció o no existe. Obtenga un código nuevo en su televisor.')
      expect(pageText((await get(authenticate('MYCHAN', 'ABCD1234'), EN)).text)).toContain('This code has expired or does not exist.')

      // Any other refusal: a sentence in the page's language and the error's code for support, not the server's English.
      const malformed = await get(authenticate('MYCHAN', 'not-a-code'), ES)
      expect(malformed.status).toBe(400)
      expect(pageText(malformed.text)).toContain('Este enlace de inicio de sesión no se puede usar.')
      expect(pageText(malformed.text)).toContain('Referencia: invalid_parameter_code')
      expect(pageText(malformed.text)).not.toMatch(/well-formed/)
      const english = await get(authenticate('MYCHAN', 'not-a-code'), EN)
      expect(pageText(english.text)).toContain("This sign-in link can't be used.")
      expect(pageText(english.text)).toContain('Reference: invalid_parameter_code')
    })
  })
})
