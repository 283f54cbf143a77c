import type { IncomingMessage, ServerResponse } from 'node:http'

import type { SandboxClock } from './clock'
import type { SandboxState } from './state'

/** Options after defaults are applied (see index.ts SandboxOptions for the documented surface). */
export interface ResolvedOptions {
  mode: 'test' | 'development' | 'production'
  sessionTtlMs: number
  tokenTtlSeconds: number
  profileTtlMs: number
  /** Whether CORS exposes Date at start (and after a reset). */
  exposeDate: boolean
}

/** What every handler can reach: the state, the clock and the public origin for absolute URLs. */
export interface SandboxContext {
  readonly state: SandboxState
  readonly clock: SandboxClock
  readonly options: ResolvedOptions
  /** CORS switches that can change at run time (admin `POST /__sandbox/cors`). */
  readonly cors: { exposeDate: boolean }
  /** Origin used in activation and logo URLs (the LAN address with --host). */
  publicOrigin(): string
}

export interface RequestCtx {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  readonly url: URL
  /** Decoded path parameters of the matched route. */
  readonly params: Readonly<Record<string, string>>
  readonly sandbox: SandboxContext
  /** The request body, capped (http.ts MAX_BODY_BYTES); read once, cached. */
  body(): Promise<Buffer>
}

export type Handler = (ctx: RequestCtx) => void | Promise<void>

/**
 * `api`: REST API V2 (throttled, enhanced errors); `dcr`: /o/client (throttled, OAuth errors);
 * `page`: second-screen HTML; `static`: logos.
 */
export type RouteKind = 'api' | 'dcr' | 'page' | 'static'

export interface Route {
  /** Stable name used by fault injection and the request log (e.g. "profiles/code"). */
  readonly id: string
  readonly method: 'GET' | 'POST'
  /** Segments; ":name" is a parameter. */
  readonly pattern: string
  readonly kind: RouteKind
  readonly handler: Handler
}
