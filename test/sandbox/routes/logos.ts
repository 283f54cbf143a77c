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

/** The name on one line, or on two balanced lines when it is long (a real logo never cuts its name). */
function nameLines(displayName: string): string[] {
  const words = displayName.split(/\s+/).filter(Boolean)
  if (displayName.length <= 12 || words.length < 2) return [displayName]
  let best = 1
  for (let i = 1; i < words.length; i++) {
    const gap = (n: number): number => Math.abs(words.slice(0, n).join(' ').length - words.slice(n).join(' ').length)
    if (gap(i) < gap(best)) best = i
  }
  return [words.slice(0, best).join(' '), words.slice(best).join(' ')]
}

/**
 * A logo as providers ship them: a mark and the name on a transparent background (the TV draws the
 * well behind it), the name scaled down to fit rather than cut.
 */
export function logoSvg(displayName: string, colour: string): string {
  const name = escapeHtml(displayName)
  const lines = nameLines(displayName)
  const size = lines.length === 1 ? 34 : 30
  const firstY = lines.length === 1 ? 72 : 52
  const text = lines
    .map(
      (line, i) =>
        `<text x="128" y="${firstY + i * 38}" font-family="Inter, Arial, sans-serif" font-size="${size}" font-weight="700" fill="#F4F6FA"` +
        // A line estimated wider than the 180 px beside the mark is squeezed to fit, not cut.
        (line.length * size * 0.56 > 180 ? ` textLength="180" lengthAdjust="spacingAndGlyphs"` : '') +
        `>${escapeHtml(line)}</text>`,
    )
    .join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120" role="img" aria-label="${name}">` +
    `<circle cx="58" cy="60" r="54" fill="${colour}"/>` +
    `<text x="58" y="75" font-family="Inter, Arial, sans-serif" font-size="42" font-weight="700" fill="#0E1016" text-anchor="middle">${escapeHtml(initials(displayName))}</text>` +
    text +
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
