/** Logos of the stand-in MVPDs, drawn as SVG by the sandbox so no file or CDN is needed. */
import { MVPDS } from '../catalog'
import type { Route, RequestCtx } from '../context'
import { escapeHtml, sendText } from '../http'

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
}

export function logoSvg(displayName: string, colour: string): string {
  const name = escapeHtml(displayName)
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180" role="img" aria-label="${name}">` +
    `<rect width="320" height="180" rx="24" fill="#1A1D27"/>` +
    `<circle cx="70" cy="90" r="44" fill="${colour}"/>` +
    `<text x="70" y="104" font-family="Inter, Arial, sans-serif" font-size="40" font-weight="700" fill="#0E1016" text-anchor="middle">${escapeHtml(initials(displayName))}</text>` +
    `<text x="130" y="100" font-family="Inter, Arial, sans-serif" font-size="24" font-weight="600" fill="#F4F6FA">${name}</text>` +
    `</svg>`
  )
}

function logo(ctx: RequestCtx): void {
  const mvpd = MVPDS.find((m) => m.logo === ctx.params.file)
  if (!mvpd) return sendText(ctx.res, 404, 'text/plain;charset=UTF-8', 'No such logo.')
  ctx.res.setHeader('Cache-Control', 'public, max-age=3600')
  sendText(ctx.res, 200, 'image/svg+xml', logoSvg(mvpd.displayName, mvpd.colour))
}

export const logoRoutes: Route[] = [{ id: 'logos', method: 'GET', pattern: '/logos/:file', kind: 'static', handler: logo }]
