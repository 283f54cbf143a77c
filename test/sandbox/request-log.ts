/**
 * What the sandbox received, for tests and demos (admin GET /__sandbox/requests). Bounded, and
 * secrets are redacted before they are stored: the log is printed, served and pasted into bug
 * reports, and a client secret or access token from it would work against the sandbox (and show
 * what a real app sends). Bodies are not kept at all.
 */
import { createHash } from 'node:crypto'

export interface LoggedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  /** Sandbox-clock epoch ms when the request arrived. */
  time: number
  /** HTTP status answered (0 while the answer is still pending). */
  status: number
  /** Matched route name, when one matched (the same names fault injection uses). */
  route?: string
}

const LIMIT = 2000

/** Headers whose value is a credential (lower-case, as Node gives them). */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie'])
/** Query fields that carry credentials (DCR token takes client_secret from the query too). */
const SECRET_FIELDS = new Set(['client_secret', 'access_token', 'refresh_token'])

/**
 * `<redacted:1a2b3c4d>`: a short one-way fingerprint, so two requests with different tokens (before
 * and after a refresh) still differ and equal tokens still match, without the value being usable.
 */
export function redactValue(value: string): string {
  return `<redacted:${createHash('sha256').update(value).digest('hex').slice(0, 8)}>`
}

/** "Bearer abc" → "Bearer <redacted:…>": the scheme stays readable. */
function redactCredentials(value: string): string {
  const m = /^(\S+)\s+(\S[\s\S]*)$/.exec(value)
  return m ? `${m[1] as string} ${redactValue(m[2] as string)}` : redactValue(value)
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? redactCredentials(value) : value
  return out
}

export function redactQuery(query: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(query)) out[name] = SECRET_FIELDS.has(name.toLowerCase()) ? redactValue(value) : value
  return out
}

export class RequestLog {
  private entries: LoggedRequest[] = []

  /** Stores a redacted copy and returns it (the server fills in status and route later). */
  add(entry: LoggedRequest): LoggedRequest {
    const stored: LoggedRequest = { ...entry, query: redactQuery(entry.query), headers: redactHeaders(entry.headers) }
    this.entries.push(stored)
    if (this.entries.length > LIMIT) this.entries.splice(0, this.entries.length - LIMIT)
    return stored
  }

  all(): LoggedRequest[] {
    return this.entries.map((e) => ({ ...e, query: { ...e.query }, headers: { ...e.headers } }))
  }

  clear(): void {
    this.entries = []
  }
}
