/**
 * The two forms of the activation address (docs/architecture.md, "Screens"): the text the viewer types
 * on a phone, and the QR payload with the code filled in.
 */

export interface ActivationUrls {
  /** What the screen shows as text: the template without the part that carries the code. */
  readonly displayUrl: string
  /** What the QR code holds: the template with the code filled in. */
  readonly qrUrl: string
}

const PLACEHOLDER = '{code}'

export function activationUrls(template: string, code: string): ActivationUrls {
  const qrUrl = template.split(PLACEHOLDER).join(encodeURIComponent(code))
  const at = template.indexOf(PLACEHOLDER)
  const queryAt = template.indexOf('?')
  // The code in the query string: the viewer types the bare page address and then the code.
  // The code in the path (or no placeholder at all): the filled address is what they type.
  const displayUrl = at >= 0 && queryAt >= 0 && queryAt < at ? template.slice(0, queryAt) : qrUrl
  return { displayUrl, qrUrl }
}
