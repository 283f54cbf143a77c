/**
 * Shared frame of the second-screen pages: plain server-rendered HTML that works on a phone browser
 * without JavaScript. Colours are the app's theme tokens (src/ui/theme/tokens.ts: background,
 * surface, text, accent, success, danger); wording says "TV provider" ("proveedor de TV"), never "MVPD".
 */
import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'

import { escapeHtml, HTML_TYPE, sendText } from '../http'
import type { PageLanguage } from './language'

export const TOKENS = {
  background: '#0E1016',
  surface: '#1A1D27',
  surface2: '#242836',
  text: '#F4F6FA',
  text2: '#AAB1C2',
  accent: '#4F8BFF',
  success: '#35D28F',
  danger: '#FF6B6B',
  focus: '#FFFFFF',
} as const

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:${TOKENS.background};color:${TOKENS.text};font:18px/1.5 Inter,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:520px;margin:0 auto;padding:32px 20px 48px}
h1{font-size:28px;line-height:1.25;margin:0 0 12px}
p{color:${TOKENS.text2};margin:0 0 16px}
.card{background:${TOKENS.surface};border-radius:20px;padding:24px;margin-top:24px}
label{display:block;font-weight:600;margin:16px 0 8px;color:${TOKENS.text}}
input{width:100%;font:inherit;padding:14px 16px;border-radius:12px;border:2px solid ${TOKENS.surface2};background:${TOKENS.surface2};color:${TOKENS.text}}
input.code{font-size:30px;font-weight:800;letter-spacing:.3em;text-transform:uppercase;text-align:center}
input:focus,button:focus,a:focus{outline:3px solid ${TOKENS.focus};outline-offset:2px}
button,.button{display:block;width:100%;margin-top:20px;padding:14px 16px;border:0;border-radius:12px;background:${TOKENS.accent};color:#fff;font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}
.providers{list-style:none;padding:0;margin:0;display:grid;gap:12px}
.providers button{display:flex;align-items:center;gap:16px;margin:0;background:${TOKENS.surface2};color:${TOKENS.text};text-align:left}
.providers img{width:96px;height:54px;border-radius:8px}
.error{background:rgba(255,107,107,.12);border-left:4px solid ${TOKENS.danger};color:${TOKENS.text};padding:12px 16px;border-radius:8px;margin-top:16px}
.ok{color:${TOKENS.success};font-size:48px;line-height:1;margin-bottom:12px}
.hint{font-size:15px;color:${TOKENS.text2};margin-top:16px}
.brand{font-weight:800;letter-spacing:.08em;color:${TOKENS.text2};font-size:14px;margin-bottom:24px}
a{color:${TOKENS.accent}}
`

/** The one inline stylesheet, allowed by hash: no 'unsafe-inline', and the pages need no script at all. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`

/**
 * Content-Security-Policy of the phone pages. Logos are absolute URLs on the public origin, which
 * may differ from the origin the phone used (--public-origin), so that origin is allowed too. Forms
 * post to the page's own origin and every redirect after them is relative.
 */
export function pageCsp(publicOrigin: string): string {
  let logos = ''
  try {
    const origin = new URL(publicOrigin).origin
    if (origin !== 'null') logos = ` ${origin}`
  } catch {
    // No usable public origin: logos from the page's own origin only.
  }
  return ["default-src 'none'", `style-src ${STYLE_HASH}`, `img-src 'self'${logos}`, "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"].join(
    '; ',
  )
}

/**
 * Headers of every second-screen answer (pages, their redirects, the authenticate URL's errors, the
 * HTML 404): they carry codes, so nothing is cached, framed, sniffed or leaked in a Referer.
 */
export function setPageSecurityHeaders(res: ServerResponse, publicOrigin: string): void {
  res.setHeader('Content-Security-Policy', pageCsp(publicOrigin))
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cache-Control', 'no-store')
}

export interface PageOptions {
  title: string
  /** The page's language (language.ts), for `<html lang>`; English when not given. */
  lang?: PageLanguage
  /** Trusted HTML (callers escape what they interpolate). */
  body: string
  status?: number
  brand?: string
}

export function renderPage(res: ServerResponse, { title, body, status = 200, brand = 'MY CHANNEL', lang = 'en' }: PageOptions): void {
  const html =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer">` +
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head>` +
    `<body><main><div class="brand">${escapeHtml(brand)}</div>${body}</main></body></html>`
  sendText(res, status, HTML_TYPE, html)
}

export function errorBox(message: string | undefined): string {
  return message ? `<div class="error" role="alert">${escapeHtml(message)}</div>` : ''
}

export function seeOther(res: ServerResponse, location: string): void {
  // 303: after a form POST the browser follows with GET.
  res.statusCode = 303
  res.setHeader('Location', location)
  res.setHeader('Content-Length', 0)
  res.setHeader('Cache-Control', 'no-store')
  res.end()
}
