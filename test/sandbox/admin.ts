/**
 * Inspection and scenario switches, as methods (in-process tests) and as JSON endpoints under
 * /__sandbox/ (only registered in test and development mode). Neither path is throttled or logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { findMvpd, findServiceProvider, findUser } from './catalog'
import type { SandboxContext } from './context'
import { EEC, EecCode, SandboxError } from './errors'
import { ActiveFault, FaultSpec, Faults } from './faults'
import { header, mediaType, readBody, sendJson } from './http'
import { profileView } from './routes/profiles'
import type { LoggedRequest, RequestLog } from './request-log'
import { completeSignIn, findLiveSession } from './signin'
import type { Throttle } from './throttle'

export const ADMIN_PREFIX = '/__sandbox/'

export interface SeedProfileInput {
  /** The raw device id (the decoded value of `AP-Device-Identifier: fingerprint <Base64>`). */
  deviceId: string
  serviceProvider: string
  mvpd: string
  ttlMs?: number
  /** Test user whose attributes and denies the profile carries (default "viewer"). */
  user?: string
}

export interface RevokeInput {
  mvpd: string
  deviceId?: string
  serviceProvider?: string
}

export interface DenyInput {
  resource: string
  mvpd?: string
  /** Enhanced error code of the item-level deny (default authorization_denied_by_mvpd). */
  code?: EecCode
}

/** A degradation rule (AuthZAll, the decision `source`, docs/adobe-pass.md "Decisions"): omit both fields for every decision. */
export interface DegradeInput {
  resource?: string
  mvpd?: string
}

export interface ThrottleInput {
  enabled?: boolean
  force429Count?: number
}

/** Thrown for bad admin input; answered as 400 {"error": message}. */
export class AdminInputError extends Error {}

function str(value: unknown, name: string, required: true): string
function str(value: unknown, name: string, required: false): string | undefined
function str(value: unknown, name: string, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw new AdminInputError(`${name} is required`)
    return undefined
  }
  if (typeof value !== 'string') throw new AdminInputError(`${name} must be a string`)
  return value
}

function num(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new AdminInputError(`${name} must be a finite number`)
  return value
}

function eecCode(value: unknown): EecCode | undefined {
  const code = str(value, 'code', false)
  if (code === undefined) return undefined
  if (!(code in EEC)) throw new AdminInputError(`unknown enhanced error code "${code}"`)
  return code as EecCode
}

/** The operations behind both the admin endpoint and the Sandbox object's helpers. */
export class SandboxControl {
  constructor(
    private readonly sandbox: SandboxContext,
    private readonly faultsTable: Faults,
    private readonly throttleState: Throttle,
    private readonly log: RequestLog,
  ) {}

  /** Forget everything: state, faults, request log, throttle buckets, clock offset, deny rules; CORS as at start. */
  reset(): void {
    this.sandbox.state.reset()
    this.faultsTable.clear()
    this.throttleState.reset()
    this.log.clear()
    this.sandbox.clock.setOffset(0)
    this.sandbox.cors.exposeDate = this.sandbox.options.exposeDate
  }

  requests(): LoggedRequest[] {
    return this.log.all()
  }

  clearRequests(): void {
    this.log.clear()
  }

  fault(spec: FaultSpec): ActiveFault {
    const route = str(spec.route, 'route', true)
    const status = num(spec.status, 'status')
    if (status !== undefined && (status < 100 || status > 599)) throw new AdminInputError('status must be an HTTP status')
    const latencyMs = num(spec.latencyMs, 'latencyMs')
    if (status === undefined && latencyMs === undefined) throw new AdminInputError('a fault needs a status or latencyMs')
    const body = spec.body
    if (body !== undefined && body !== 'malformed' && body !== 'html' && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      throw new AdminInputError('body must be "malformed", "html" or an object')
    }
    const out: FaultSpec = { route }
    if (status !== undefined) out.status = status
    const count = num(spec.count, 'count')
    if (count !== undefined) out.count = count
    if (body !== undefined) out.body = body
    const code = eecCode(spec.code)
    if (code !== undefined) out.code = code
    if (latencyMs !== undefined) out.latencyMs = latencyMs
    return this.faultsTable.add(out)
  }

  faults(): ActiveFault[] {
    return this.faultsTable.active()
  }

  clearFaults(): void {
    this.faultsTable.clear()
  }

  throttle(input: ThrottleInput): { enabled: boolean; force429Count: number } {
    if (input.enabled !== undefined) {
      if (typeof input.enabled !== 'boolean') throw new AdminInputError('enabled must be a boolean')
      this.throttleState.enabled = input.enabled
    }
    const forced = num(input.force429Count, 'force429Count')
    if (forced !== undefined) this.throttleState.forced429 = Math.max(0, Math.floor(forced))
    return { enabled: this.throttleState.enabled, force429Count: this.throttleState.forced429 }
  }

  /** Expose Date to browsers through CORS or not (the header itself is always sent). */
  cors(input: { exposeDate?: unknown }): { exposeDate: boolean } {
    if (input.exposeDate !== undefined) {
      if (typeof input.exposeDate !== 'boolean') throw new AdminInputError('exposeDate must be a boolean')
      this.sandbox.cors.exposeDate = input.exposeDate
    }
    return { exposeDate: this.sandbox.cors.exposeDate }
  }

  /** Shift the sandbox clock (Date header, expiry, throttle) by offsetMs from real time. */
  clock(input: { offsetMs: number }): { offsetMs: number; now: number } {
    const offsetMs = num(input.offsetMs, 'offsetMs')
    if (offsetMs === undefined) throw new AdminInputError('offsetMs is required')
    this.sandbox.clock.setOffset(offsetMs)
    return { offsetMs, now: this.sandbox.clock.now() }
  }

  /** Every access token issued so far expires now; the next V2 call with one gets 401. */
  expireTokens(): { expired: number } {
    return { expired: this.sandbox.state.expireTokens() }
  }

  seedProfile(input: SeedProfileInput): Record<string, unknown> {
    const deviceId = str(input.deviceId, 'deviceId', true)
    const serviceProvider = str(input.serviceProvider, 'serviceProvider', true)
    if (!findServiceProvider(serviceProvider)) throw new AdminInputError(`unknown serviceProvider "${serviceProvider}"`)
    const mvpd = findMvpd(str(input.mvpd, 'mvpd', true))
    if (!mvpd) throw new AdminInputError(`unknown mvpd "${String(input.mvpd)}"`)
    const ttlMs = num(input.ttlMs, 'ttlMs')
    const user = findUser(str(input.user, 'user', false) ?? 'viewer')
    if (!user) throw new AdminInputError(`unknown user "${String(input.user)}"`)
    const record = this.sandbox.state.createProfile({ serviceProvider, deviceId, sessionId: `seeded-${Date.now().toString(36)}` }, mvpd, user, ttlMs)
    return { mvpd: record.mvpd, deviceId, serviceProvider, ...profileView(record) }
  }

  revokeProfile(input: RevokeInput): { revoked: number } {
    const mvpd = str(input.mvpd, 'mvpd', true)
    const filter: { mvpd: string; deviceId?: string; serviceProvider?: string } = { mvpd }
    const deviceId = str(input.deviceId, 'deviceId', false)
    if (deviceId !== undefined) filter.deviceId = deviceId
    const sp = str(input.serviceProvider, 'serviceProvider', false)
    if (sp !== undefined) filter.serviceProvider = sp
    return { revoked: this.sandbox.state.revokeProfiles(filter) }
  }

  /** Complete a second-screen sign-in without the pages (as if the viewer logged in with `user`). */
  completeSignIn(code: string, input: { mvpd?: string; user?: string } = {}): Record<string, unknown> {
    const session = [...this.sandbox.state.sessions.values()].find((s) => s.code === code)
    if (!session) throw new AdminInputError(`no session has code "${code}"`)
    const user = str(input.user, 'user', false)
    if (user !== undefined && !findUser(user)) throw new AdminInputError(`unknown user "${user}"`)
    try {
      const live = findLiveSession(this.sandbox, session.serviceProvider, code)
      const record = completeSignIn(this.sandbox, live, str(input.mvpd, 'mvpd', false), user)
      return { mvpd: record.mvpd, deviceId: record.deviceId, serviceProvider: record.serviceProvider, ...profileView(record) }
    } catch (error) {
      if (error instanceof SandboxError) throw new AdminInputError(`${error.body.code}: ${error.body.details ?? error.body.message}`)
      throw error
    }
  }

  deny(input: DenyInput): { rules: number } {
    const resource = str(input.resource, 'resource', true)
    const rule: { resource: string; mvpd?: string; code: EecCode } = { resource, code: eecCode(input.code) ?? 'authorization_denied_by_mvpd' }
    const mvpd = str(input.mvpd, 'mvpd', false)
    if (mvpd !== undefined) rule.mvpd = mvpd
    this.sandbox.state.denyRules.push(rule)
    return { rules: this.sandbox.state.denyRules.length }
  }

  clearDenies(): void {
    this.sandbox.state.denyRules = []
  }

  /** Decisions matching the rule are permitted by a degradation rule (`source: "degradation"`), whatever the package. */
  degrade(input: DegradeInput): { rules: number } {
    const rule: { resource?: string; mvpd?: string } = {}
    const resource = str(input.resource, 'resource', false)
    const mvpd = str(input.mvpd, 'mvpd', false)
    if (resource !== undefined) rule.resource = resource
    if (mvpd !== undefined) rule.mvpd = mvpd
    this.sandbox.state.degradeRules.push(rule)
    return { rules: this.sandbox.state.degradeRules.length }
  }

  clearDegrade(): void {
    this.sandbox.state.degradeRules = []
  }

  /** A read-only view of sessions and profiles, for debugging a flow. */
  snapshot(): Record<string, unknown> {
    const { state, clock } = this.sandbox
    return {
      now: clock.now(),
      clockOffsetMs: clock.offset,
      throttle: { enabled: this.throttleState.enabled, force429Count: this.throttleState.forced429 },
      cors: { exposeDate: this.sandbox.cors.exposeDate },
      sessions: [...state.sessions.values()].map((s) => ({ ...s, live: state.isLive(s) })),
      profiles: [...state.profiles.values()].map((p) => ({ ...p, valid: state.isValid(p) })),
      denyRules: state.denyRules,
      degradeRules: state.degradeRules,
      faults: this.faults(),
      clients: state.clients.size,
      tokens: state.tokens.size,
    }
  }
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req)
  if (raw.length === 0) return {}
  if (mediaType(header(req, 'content-type')) !== 'application/json') throw new AdminInputError('send JSON (Content-Type: application/json)')
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new AdminInputError('the body is not valid JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AdminInputError('the body must be a JSON object')
  return parsed as Record<string, unknown>
}

/** Answers an admin request; false when the path is not an admin endpoint (then the caller 404s). */
export async function handleAdmin(control: SandboxControl, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const sub = path.slice(ADMIN_PREFIX.length).replace(/\/$/, '')
  const method = req.method ?? 'GET'
  const route = `${method} ${sub}`
  try {
    const completeMatch = /^POST sessions\/([^/]+)\/complete$/.exec(route)
    if (completeMatch) {
      sendJson(res, 200, control.completeSignIn(decodeURIComponent(completeMatch[1] as string), (await jsonBody(req)) as { mvpd?: string; user?: string }))
      return true
    }
    switch (route) {
      case 'POST reset':
        control.reset()
        sendJson(res, 200, { ok: true })
        return true
      case 'GET requests':
        sendJson(res, 200, control.requests())
        return true
      case 'POST requests/clear':
        control.clearRequests()
        sendJson(res, 200, { ok: true })
        return true
      case 'GET faults':
        sendJson(res, 200, control.faults())
        return true
      case 'POST faults':
        sendJson(res, 200, control.fault((await jsonBody(req)) as unknown as FaultSpec))
        return true
      case 'POST faults/clear':
        control.clearFaults()
        sendJson(res, 200, { ok: true })
        return true
      case 'POST throttle':
        sendJson(res, 200, control.throttle((await jsonBody(req)) as ThrottleInput))
        return true
      case 'POST cors':
        sendJson(res, 200, control.cors((await jsonBody(req)) as { exposeDate?: unknown }))
        return true
      case 'POST clock':
        sendJson(res, 200, control.clock((await jsonBody(req)) as { offsetMs: number }))
        return true
      case 'POST tokens/expire':
        sendJson(res, 200, control.expireTokens())
        return true
      case 'POST profiles':
        sendJson(res, 200, control.seedProfile((await jsonBody(req)) as unknown as SeedProfileInput))
        return true
      case 'POST profiles/revoke':
        sendJson(res, 200, control.revokeProfile((await jsonBody(req)) as unknown as RevokeInput))
        return true
      case 'POST deny':
        sendJson(res, 200, control.deny((await jsonBody(req)) as unknown as DenyInput))
        return true
      case 'POST deny/clear':
        control.clearDenies()
        sendJson(res, 200, { ok: true })
        return true
      case 'POST degrade':
        sendJson(res, 200, control.degrade((await jsonBody(req)) as unknown as DegradeInput))
        return true
      case 'POST degrade/clear':
        control.clearDegrade()
        sendJson(res, 200, { ok: true })
        return true
      case 'GET state':
        sendJson(res, 200, control.snapshot())
        return true
      default:
        return false
    }
  } catch (error) {
    if (error instanceof AdminInputError) {
      sendJson(res, 400, { error: error.message })
      return true
    }
    throw error
  }
}
