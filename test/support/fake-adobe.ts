/**
 * A scriptable stand-in for Adobe's endpoints behind an injected fetch: records every request as it
 * went on the wire (method, path, query, headers, body) and answers with what a test scripts. DCR
 * register/token answer by default so tests about V2 calls need no DCR script.
 */
import type { FakeClock } from './fake-clock'

export interface Recorded {
  readonly method: string
  readonly path: string
  readonly query: Record<string, string>
  readonly url: string
  readonly headers: Record<string, string>
  readonly body: string
  /** Local (fake clock) time the request went out. */
  readonly at: number
}

export type Reply =
  { readonly status?: number; readonly json?: unknown; readonly text?: string; readonly headers?: Record<string, string> } | 'network' | 'hang'

export type Handler = (request: Recorded) => Reply | undefined

export const clientSecret = 'S3CR3T-client-secret-value'
export const accessTokens = ['AT-first-token-value', 'AT-second-token-value', 'AT-third-token-value']

/** A session answer as Adobe sends it for MYCHAN: resume with `code` shown, plus `extra` (times, missing parameters). */
export const sessionAnswer = (code: string, extra: Record<string, unknown> = {}) => ({
  actionName: 'resume',
  actionType: 'direct',
  reasonType: 'none',
  code,
  sessionId: 's',
  serviceProvider: 'MYCHAN',
  ...extra,
})

/** A decision as Adobe sends it for MYCHAN and Cable: `resource` denied with action retry. */
export const retryDenyDecision = (resource: string) => ({
  resource,
  mvpd: 'Cable',
  serviceProvider: 'MYCHAN',
  source: 'mvpd',
  authorized: false,
  error: { status: 403, code: 'network_connection_timeout', action: 'retry' },
})

export class FakeAdobe {
  readonly requests: Recorded[] = []
  /** Server minus local clock (clock skew), ms; used for the Date header and created_at. */
  skewMs = 0
  tokenTtlS = 21600
  sendDate = true
  private handlers: Handler[] = []
  private tokensIssued = 0

  constructor(private readonly clock: FakeClock) {}

  /** Adds a handler; the most recent one that returns a reply wins. */
  on(handler: Handler): this {
    this.handlers.unshift(handler)
    return this
  }

  /** Answers `method path` with the replies in order (the last one repeats). */
  script(method: string, path: string, ...replies: Reply[]): this {
    let n = 0
    return this.on((r) => {
      if (r.method !== method || r.path !== path) return undefined
      const reply = replies[Math.min(n, replies.length - 1)]
      n += 1
      return reply
    })
  }

  count(method: string, path: string): number {
    return this.requests.filter((r) => r.method === method && r.path === path).length
  }

  v2(): Recorded[] {
    return this.requests.filter((r) => r.path.indexOf('/api/v2/') === 0)
  }

  dcr(): Recorded[] {
    return this.requests.filter((r) => r.path.indexOf('/o/client/') === 0)
  }

  private defaultReply(r: Recorded): Reply {
    if (r.method === 'POST' && r.path === '/o/client/register') {
      return {
        status: 201,
        json: {
          client_id: 'client-1',
          client_secret: clientSecret,
          client_id_issued_at: 1735689600,
          redirect_uris: [],
          grant_types: ['client_credentials'],
          scopes: ['api:client:v2'],
        },
      }
    }
    if (r.method === 'POST' && r.path === '/o/client/token') {
      const token = accessTokens[Math.min(this.tokensIssued, accessTokens.length - 1)] as string
      this.tokensIssued += 1
      return {
        status: 201,
        json: { id: 'tok', access_token: token, created_at: this.clock.now() + this.skewMs, expires_in: this.tokenTtlS, token_type: 'bearer' },
      }
    }
    return { status: 404, json: { status: 404, code: 'not_scripted', action: 'none', message: `${r.method} ${r.path}` } }
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(String(input), init)
    const url = new URL(request.url)
    const headers: Record<string, string> = {}
    request.headers.forEach((value, key) => {
      headers[key] = value
    })
    const query: Record<string, string> = {}
    url.searchParams.forEach((value, key) => {
      query[key] = value
    })
    const recorded: Recorded = {
      method: request.method,
      path: url.pathname,
      query,
      url: request.url,
      headers,
      body: request.method === 'GET' ? '' : await request.text(),
      at: this.clock.now(),
    }
    this.requests.push(recorded)
    let reply: Reply | undefined
    for (const handler of this.handlers) {
      reply = handler(recorded)
      if (reply !== undefined) break
    }
    reply = reply ?? this.defaultReply(recorded)
    const signal = request.signal
    if (reply === 'network') throw new TypeError('fetch failed')
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        const abort = (): void => reject(new DOMException('This operation was aborted', 'AbortError'))
        if (signal.aborted) abort()
        signal.addEventListener('abort', abort)
      })
    }
    const responseHeaders: Record<string, string> = { ...(reply.headers ?? {}) }
    if (this.sendDate) responseHeaders['date'] = new Date(this.clock.now() + this.skewMs).toUTCString()
    let body: string | null = null
    if (reply.json !== undefined) {
      body = JSON.stringify(reply.json)
      responseHeaders['content-type'] = responseHeaders['content-type'] ?? 'application/json;charset=UTF-8'
    } else if (reply.text !== undefined) {
      body = reply.text
    }
    return new Response(body, { status: reply.status ?? 200, headers: responseHeaders })
  }
}
