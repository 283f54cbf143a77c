/**
 * The request pipeline: Date → admin (test/development only, this machine only, no CORS) → CORS →
 * request log → preflight → throttle (API and DCR, docs/adobe-pass.md "Throttling") → injected faults → route
 * → handler, with every failure turned into the error form its surface uses (enhanced error JSON,
 * OAuth JSON or HTML). Nothing a client sends may throw out of the handler or stop the server.
 */
import { proc as process } from './proc'
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http'

import { ADMIN_PREFIX, handleAdmin, SandboxControl } from './admin'
import { adminRefusal } from './admin-gate'
import type { RequestCtx, Route, SandboxContext } from './context'
import { answerPreflight, applyCors } from './cors'
import { EecCode, eecBody, SandboxError } from './errors'
import { faultBody, Faults } from './faults'
import { BodyTooLargeError, escapeHtml, hasBadPercentEncoding, header, HTML_TYPE, JSON_TYPE, readBody, sendEec, sendError, sendJson, sendText } from './http'
import { pageRoutes } from './pages'
import { setPageSecurityHeaders } from './pages/layout'
import { RequestLog } from './request-log'
import { RouteMatch, Router } from './router'
import { configurationRoutes } from './routes/configuration'
import { dcrRoutes } from './routes/dcr'
import { decisionRoutes } from './routes/decisions'
import { logoRoutes } from './routes/logos'
import { logoutRoutes } from './routes/logout'
import { profileRoutes } from './routes/profiles'
import { sessionRoutes } from './routes/sessions'
import { Throttle } from './throttle'

export const ROUTES: readonly Route[] = [
  ...dcrRoutes,
  ...sessionRoutes,
  ...configurationRoutes,
  ...profileRoutes,
  ...decisionRoutes,
  ...logoutRoutes,
  ...logoRoutes,
  ...pageRoutes,
]

/** Section 10: the sample 429 body is HTML, with neither Retry-After nor Expires. */
const THROTTLED_HTML = '<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center></body></html>'

const PARAM_CODES: Readonly<Record<string, EecCode>> = {
  serviceProvider: 'invalid_parameter_service_provider',
  mvpd: 'invalid_parameter_mvpd',
  code: 'invalid_parameter_code',
}

export interface ServerParts {
  server: Server
  control: SandboxControl
  /** Stops pending latency timers (part of Sandbox.stop()). */
  dispose(): void
}

function isThrottledPath(path: string): boolean {
  return path.startsWith('/api/v2/') || path.startsWith('/o/client/')
}

/**
 * Throttle key: the device identifier when sent (the docs key on the device, section 10), else
 * X-Forwarded-For, else the socket address. Everything on loopback shares one address, so DCR calls
 * (no device header) of every local client share one bucket.
 */
export function throttleKey(req: IncomingMessage): string {
  const device = header(req, 'ap-device-identifier')
  if (device) return `device:${device.trim()}`
  const forwarded = header(req, 'x-forwarded-for')?.split(',')[0]?.trim()
  if (forwarded) return `ip:${forwarded}`
  return `ip:${req.socket.remoteAddress ?? 'unknown'}`
}

/** Answers a request target that cannot be decoded, in the error form of its surface. */
function badTarget(res: ServerResponse, path: string): void {
  const details = 'The path or query holds a "%" that is not a valid UTF-8 percent-encoding.'
  if (path.startsWith('/o/')) return sendJson(res, 400, { error: 'invalid_request', error_description: details })
  sendEec(res, eecBody('invalid_request_target', details))
}

/** Answers the phone's browser gets: the pages, the authenticate URL (section 6.4) and the HTML 404. */
function reachesPhone(match: RouteMatch, path: string): boolean {
  if (match.kind === 'found' || match.kind === 'badParam') return match.route.kind === 'page' || match.route.id === 'authenticate'
  if (match.kind === 'method') return match.routeKind === 'page'
  return !path.startsWith('/api/') && !path.startsWith('/o/')
}

function notFound(res: ServerResponse, path: string): void {
  if (path.startsWith('/api/') || path.startsWith('/o/'))
    return sendEec(res, eecBody('resource_not_found', 'Check the path against the REST API V2 reference.'))
  sendText(
    res,
    404,
    HTML_TYPE,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1><p>Nothing at ${escapeHtml(path.slice(0, 200))}. <a href="/activate">Activate a TV</a></p></body></html>`,
  )
}

export function createSandboxServer(sandbox: SandboxContext, throttle: Throttle, adminEnabled: boolean): ServerParts {
  const faults = new Faults()
  const log = new RequestLog()
  const control = new SandboxControl(sandbox, faults, throttle, log)
  const router = new Router(ROUTES)
  const timers = new Set<NodeJS.Timeout>()

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t)
        resolve()
      }, ms)
      timers.add(t)
    })

  /**
   * The admin surface: no CORS at all (a page on another origin gets neither the answer nor a
   * preflight), and only for this machine (admin-gate.ts).
   */
  async function admin(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const refusal = adminRefusal(req)
    if (refusal?.status === 404) return sendText(res, 404, 'text/plain;charset=UTF-8', 'Not found.')
    if (refusal) return sendJson(res, 403, { error: refusal.reason })
    if (hasBadPercentEncoding(url)) return sendJson(res, 400, { error: 'the request URL is not valid percent-encoding' })
    if (method === 'OPTIONS') {
      res.statusCode = 204
      res.setHeader('Allow', 'GET, POST')
      res.setHeader('Content-Length', 0)
      res.end()
      return
    }
    if (await handleAdmin(control, req, res, url.pathname)) return
    sendJson(res, 404, { error: `no admin endpoint ${method} ${url.pathname}` })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const now = sandbox.clock.now()
    // Clients derive their clock offset from Date, so it follows the (shiftable) sandbox clock.
    res.setHeader('Date', new Date(now).toUTCString())
    const method = req.method ?? 'GET'
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://sandbox.invalid')
    } catch {
      applyCors(req, res, sandbox.cors.exposeDate)
      return sendEec(res, eecBody('invalid_request_target', 'The request target is not a valid URL.'))
    }
    const path = url.pathname

    if (adminEnabled && path.startsWith(ADMIN_PREFIX)) return admin(req, res, url, method)
    applyCors(req, res, sandbox.cors.exposeDate)

    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
    const entry = log.add({ method, path, query: Object.fromEntries(url.searchParams), headers, time: now, status: 0 })
    res.on('finish', () => {
      entry.status = res.statusCode
    })

    if (answerPreflight(req, res)) return

    const match = router.match(method, path)
    const route = match.kind === 'found' || match.kind === 'badParam' ? match.route : undefined
    if (route) entry.route = route.id
    if (reachesPhone(match, path)) setPageSecurityHeaders(res, sandbox.publicOrigin())
    const throttled = isThrottledPath(path)
    const isDcr = path.startsWith('/o/')

    if (throttled && !throttle.take(throttleKey(req), now)) {
      return sendText(res, 429, 'text/html', THROTTLED_HTML)
    }

    const fault = faults.take(route?.id, path, throttled)
    if (fault?.latencyMs) await sleep(fault.latencyMs)
    if (fault?.status !== undefined) {
      const { type, text } = faultBody(fault)
      return sendText(res, fault.status, type === 'json' ? JSON_TYPE : type === 'html' ? HTML_TYPE : 'text/plain', text)
    }

    // A bad path parameter keeps its own code (section 9.1); any other undecodable part is refused here.
    if (match.kind === 'badParam') {
      const code = PARAM_CODES[match.param]
      if (code) return sendEec(res, eecBody(code, `The ${match.param} path parameter is not valid percent-encoding.`))
      return badTarget(res, path)
    }
    if (hasBadPercentEncoding(url)) return badTarget(res, path)
    if (match.kind === 'none') return notFound(res, path)
    if (match.kind === 'method') {
      res.setHeader('Allow', match.allowed.join(', '))
      if (match.routeKind === 'page' || match.routeKind === 'static') return sendText(res, 405, 'text/plain;charset=UTF-8', 'Method not allowed.')
      return sendEec(res, eecBody('method_not_allowed', `Use ${match.allowed.join(' or ')}.`))
    }

    let cached: Promise<Buffer> | undefined
    const ctx: RequestCtx = {
      req,
      res,
      url,
      params: match.params,
      sandbox,
      body: () => (cached ??= readBody(req)),
    }
    try {
      await match.route.handler(ctx)
    } catch (error) {
      if (res.headersSent) return
      if (error instanceof SandboxError) return sendError(res, error)
      if (error instanceof BodyTooLargeError) {
        if (isDcr) return sendJson(res, 413, { error: 'invalid_request', error_description: 'The request body is too large.' })
        return sendEec(res, eecBody('request_entity_too_large', 'Keep request bodies under 64 KiB.'))
      }
      process.stderr.write(`sandbox: ${method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      if (isDcr) return sendJson(res, 500, { error: 'server_error' })
      sendEec(res, eecBody('internal_server_error', 'Unexpected sandbox failure; see the sandbox log.'))
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`sandbox: unhandled ${String(error)}\n`)
      if (!res.headersSent) sendEec(res, eecBody('internal_server_error'))
      else res.destroy()
    })
  })
  // Phones on slow Wi-Fi and long polls: keep sockets a while, but never forever.
  server.keepAliveTimeout = 5000
  server.headersTimeout = 10000
  server.requestTimeout = 30000

  return {
    server,
    control,
    dispose() {
      for (const t of timers) clearTimeout(t)
      timers.clear()
    },
  }
}
