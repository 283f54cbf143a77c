import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * CORS: the TV app served from another origin (dev server, built dist) calls the sandbox from the
 * browser. The docs leave CORS open (section 10 "UNSPECIFIED"); Adobe's sample 429 allows at least
 * authorization, content-type, AP-Device-Identifier and X-Device-Info, which this list covers.
 */
export const ALLOWED_HEADERS = [
  'Authorization',
  'AP-Device-Identifier',
  'X-Device-Info',
  'Content-Type',
  'Accept',
  'AP-TempPass-Identity',
  'AP-Visitor-Identifier',
]
/**
 * Date lets the app compute its clock offset from the server (docs/architecture.md "Time"). Adobe's
 * CORS is unspecified, so `exposeDate: false` leaves Date out: a browser then cannot read it
 * (the server still sends it; Node's fetch, which ignores CORS, still can).
 */
export const EXPOSED_HEADERS = ['Date', 'Content-Length', 'Location']
export const ALLOWED_METHODS = ['GET', 'POST', 'OPTIONS']

export function applyCors(req: IncomingMessage, res: ServerResponse, exposeDate = true): void {
  const origin = req.headers.origin
  // Echo the origin (not "*") so the answer stays valid if a caller ever sends credentials.
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*')
  if (origin) res.setHeader('Vary', 'Origin')
  const exposed = exposeDate ? EXPOSED_HEADERS : EXPOSED_HEADERS.filter((h) => h !== 'Date')
  res.setHeader('Access-Control-Expose-Headers', exposed.join(', '))
}

/** Answers a preflight; true when it was one. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'OPTIONS') return false
  res.statusCode = 204
  res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS.join(', '))
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '))
  res.setHeader('Access-Control-Max-Age', '600')
  res.setHeader('Content-Length', 0)
  res.end()
  return true
}
