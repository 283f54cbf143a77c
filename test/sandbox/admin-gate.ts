/**
 * Who may use the admin surface (/__sandbox/): only this machine. With `--host 0.0.0.0` the API and
 * the second-screen pages are open to the LAN, but resetting state, reading the request log or
 * completing sign-ins must not be. A browser page on another origin must not reach it either, even
 * through a loopback browser: no CORS, a foreign Origin is refused, and the Host must be a loopback
 * name (a DNS-rebound name would otherwise look same-origin to the browser).
 */
import type { IncomingMessage } from 'node:http'
import { isIPv4, isIPv6 } from 'node:net'

/** Hostname as WHATWG URL canonicalises it ("127.1" → "127.0.0.1", "0:0::1" → "[::1]"), or undefined. */
function canonicalHost(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname
  } catch {
    return undefined
  }
}

function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  if (/^127\.\d+\.\d+\.\d+$/.test(hostname)) return true
  // IPv4-mapped 127.0.0.0/8, which URL writes as hex ("::ffff:127.0.0.1" → "[::ffff:7f00:1]").
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(hostname)
}

/**
 * True for a socket address in 127.0.0.0/8, ::1 or ::ffff:127.x.x.x (what Node reports as
 * `socket.remoteAddress`). Names are not addresses: "localhost" is false here.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  const bare = address.replace(/%[^%]*$/, '')
  if (isIPv4(bare)) return bare.startsWith('127.')
  if (!isIPv6(bare)) return false
  const hostname = canonicalHost(`[${bare}]`)
  return hostname !== undefined && isLoopbackHostname(hostname)
}

/** True when a Host header names this machine's loopback interface on `port`. */
export function isLoopbackHostHeader(host: string | undefined, port: number | undefined): boolean {
  if (!host || port === undefined) return false
  let url: URL
  try {
    url = new URL(`http://${host}`)
  } catch {
    return false
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return false
  return isLoopbackHostname(url.hostname) && (url.port || '80') === String(port)
}

/** What the admin endpoint answers instead of serving a request; undefined = serve it. */
export type AdminRefusal =
  /** Another machine: looks like nothing is there (no hint that an admin surface exists). */
  | { status: 404 }
  /** This machine, but a cross-origin page or a name that is not loopback. */
  | { status: 403; reason: string }

export function adminRefusal(req: IncomingMessage): AdminRefusal | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return { status: 404 }
  const host = req.headers.host
  if (!isLoopbackHostHeader(host, req.socket.localPort))
    return { status: 403, reason: 'the admin endpoint answers only on a loopback host name (127.0.0.1, localhost, [::1])' }
  const origin = req.headers.origin
  if (origin !== undefined && !sameOrigin(origin, host as string)) return { status: 403, reason: 'cross-origin calls to the admin endpoint are refused' }
  return undefined
}

/** A browser sends Origin on cross-origin requests and on same-origin POSTs; only the latter may pass. */
function sameOrigin(origin: string, host: string): boolean {
  try {
    return new URL(origin).origin === new URL(`http://${host}`).origin
  } catch {
    // "null" (sandboxed frames, file: pages) and anything unparsable.
    return false
  }
}
