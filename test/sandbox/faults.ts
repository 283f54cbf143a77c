/**
 * Fault injection (docs/architecture.md "Sandbox": faults): fail the next N requests of a route with a
 * status, a malformed or HTML body, or add latency. Consulted after throttling, before the handler.
 */
import { EEC, EecCode, eecBody } from './errors'

export type FaultBody = 'malformed' | 'html' | Record<string, unknown>

export interface FaultSpec {
  /**
   * A route name ("profiles", "profiles/code", "sessions", "token", …, see ROUTE_GROUPS), "*" for
   * every API and DCR route, or a regular expression on the path when it starts with "/" or "^".
   */
  route: string
  /** HTTP status to answer with; omitted: only `latencyMs` applies and the request then runs normally. */
  status?: number
  /** How many matching requests it affects (default 1; 0 or less = until cleared). */
  count?: number
  body?: FaultBody
  /** Enhanced error code for the body (default: one that fits `status`). */
  code?: EecCode
  latencyMs?: number
}

export interface ActiveFault extends FaultSpec {
  id: number
  remaining: number
}

/** Names that cover several routes, so a test of "profile lookups" fails both the list and one mvpd. */
export const ROUTE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  profiles: ['profiles', 'profiles/mvpd'],
  sessions: ['sessions'],
  decisions: ['decisions/preauthorize', 'decisions/authorize'],
}

function matches(fault: FaultSpec, routeId: string | undefined, path: string, isApi: boolean): boolean {
  const r = fault.route
  if (r === '*') return isApi
  if (r.startsWith('/') || r.startsWith('^')) {
    try {
      return new RegExp(r).test(path)
    } catch {
      return false
    }
  }
  if (routeId === undefined) return false
  return (ROUTE_GROUPS[r] ?? [r]).includes(routeId)
}

/** The enhanced error a fault with only a status answers with. */
export function defaultCodeFor(status: number): EecCode {
  switch (status) {
    case 400:
      return 'invalid_parameter_code'
    case 401:
      return 'invalid_access_token_client_application'
    case 403:
      return 'network_received_error'
    case 404:
      return 'resource_not_found'
    case 405:
      return 'method_not_allowed'
    default:
      return 'internal_server_error'
  }
}

export function faultBody(fault: ActiveFault): { type: 'json' | 'text' | 'html'; text: string } {
  const status = fault.status ?? 500
  if (fault.body === 'malformed') {
    // Cut-off JSON, as a proxy that drops the connection mid-body would leave it.
    return { type: 'json', text: '{"profiles":{"Sandbox_Cable":{"notBefore":17' }
  }
  if (fault.body === 'html') {
    return { type: 'html', text: `<html><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>Upstream gateway error.</p></body></html>` }
  }
  if (fault.body !== undefined) return { type: 'json', text: JSON.stringify(fault.body) }
  const code = fault.code ?? defaultCodeFor(status)
  const body = eecBody(code in EEC ? code : 'internal_server_error', 'Injected by the sandbox (fault).')
  body.status = status
  return { type: 'json', text: JSON.stringify(body) }
}

export class Faults {
  private list: ActiveFault[] = []
  private nextId = 1

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, id: this.nextId++, remaining: spec.count === undefined ? 1 : spec.count <= 0 ? Infinity : spec.count }
    this.list.push(fault)
    return fault
  }

  /** The first live fault for this request, consuming one use of it. */
  take(routeId: string | undefined, path: string, isApi: boolean): ActiveFault | undefined {
    const fault = this.list.find((f) => f.remaining > 0 && matches(f, routeId, path, isApi))
    if (!fault) return undefined
    fault.remaining -= 1
    this.list = this.list.filter((f) => f.remaining > 0)
    return fault
  }

  active(): ActiveFault[] {
    return this.list.map((f) => ({ ...f }))
  }

  clear(): void {
    this.list = []
  }
}
