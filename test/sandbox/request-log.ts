/** What the sandbox received, for tests and demos (admin GET /__sandbox/requests). Bounded. */

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

export class RequestLog {
  private entries: LoggedRequest[] = []

  add(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry)
    if (this.entries.length > LIMIT) this.entries.splice(0, this.entries.length - LIMIT)
    return entry
  }

  all(): LoggedRequest[] {
    return this.entries.map((e) => ({ ...e, query: { ...e.query }, headers: { ...e.headers } }))
  }

  clear(): void {
    this.entries = []
  }
}
