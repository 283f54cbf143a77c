/**
 * The phone pages' language: the browser's, as its Accept-Language says (RFC 9110 section 12.5.4),
 * Spanish when the language it prefers most is any es-*, English otherwise; `?lang=es` / `?lang=en`
 * forces one, as the TV app's own `?lang=` does in development builds, and a cookie keeps that
 * choice for the pages after it (form posts and redirects, the authenticate URL's included, carry no
 * query of their own).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** The cookie that keeps a `?lang=` choice; a session cookie of the sandbox's pages only. */
export const LANG_COOKIE = 'sandbox_lang'

export type PageLanguage = 'en' | 'es'

function fromTag(tag: string | null | undefined): PageLanguage | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0]
  if (primary === 'es') return 'es'
  if (primary === 'en') return 'en'
  return undefined
}

/** The first language of the highest q (ties keep the header's order); `*` and q=0 never count. */
export function preferredLanguageTag(header: string | undefined): string | undefined {
  let best: { tag: string; q: number } | undefined
  for (const part of (header ?? '').split(',')) {
    const [rawTag, ...params] = part.split(';')
    const tag = rawTag?.trim() ?? ''
    if (tag === '' || tag === '*') continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam === undefined ? 1 : Number(qParam.slice(2))
    if (!Number.isFinite(q) || q <= 0) continue
    if (!best || q > best.q) best = { tag, q }
  }
  return best?.tag
}

function cookieLanguage(req: IncomingMessage): PageLanguage | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = pair.trim().split('=')
    if (name === LANG_COOKIE) return fromTag(value)
  }
  return undefined
}

/** The `?lang=` choice, if the request makes one. */
export function forcedLanguage(url: URL): PageLanguage | undefined {
  return fromTag(url.searchParams.get('lang'))
}

export function pageLanguage(req: IncomingMessage, url: URL): PageLanguage {
  const forced = forcedLanguage(url) ?? cookieLanguage(req)
  if (forced) return forced
  return fromTag(preferredLanguageTag(req.headers['accept-language'])) === 'es' ? 'es' : 'en'
}

/** Keeps a `?lang=` choice for the next pages; a request without one changes nothing. */
export function rememberForcedLanguage(res: ServerResponse, url: URL): void {
  const forced = forcedLanguage(url)
  if (forced) res.setHeader('Set-Cookie', `${LANG_COOKIE}=${forced}; Path=/; HttpOnly; SameSite=Lax`)
}
