/**
 * Parsers at the boundary: wire bodies in, domain types (types.ts) out. Each parser checks the fields
 * the rest of core relies on and throws WireFormatError naming the field (never its value, which may
 * be a secret) when a body does not have them; http.ts turns that into MalformedResponseError.
 *
 * Tolerances Adobe's documentation asks for (docs/adobe-pass.md):
 * - timestamps as JSON numbers or numeric strings (docs/adobe-pass.md "Endpoints"; sessions print strings);
 * - configuration `mvpds` at the top level or nested in `requestor` (docs/adobe-pass.md "Endpoints");
 * - unknown enum values kept as-is (docs/adobe-pass.md "Errors": "handle unknown values").
 */
import { isRecord } from '../base/guards'
import type { EnhancedError } from './errors'
import type { Configuration, Decision, LogoutEntry, MediaToken, Mvpd, Profile, ProfileAttribute, Session, SessionInfo } from './types'

export class WireFormatError extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'WireFormatError'
  }
}

type Json = Record<string, unknown>

function fail(reason: string): never {
  throw new WireFormatError(reason)
}

function object(value: unknown, field: string): Json {
  return isRecord(value) ? value : fail(`${field} is not an object`)
}

function string(value: unknown, field: string): string {
  return typeof value === 'string' ? value : fail(`${field} is not a string`)
}

function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, field)
}

/** Epoch ms as a number or a numeric string (docs/adobe-pass.md "Endpoints"). */
export function timestamp(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return fail(`${field} is not a timestamp`)
}

function optionalTimestamp(value: unknown, field: string): number | undefined {
  return value === undefined || value === null ? undefined : timestamp(value, field)
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) return fail(`${field} is not an array`)
  return value.map((item, i) => string(item, `${field}[${i}]`))
}

/** An enhanced error object (docs/adobe-pass.md "Errors"), top level or item level; null if `value` is not one. */
export function enhancedError(value: unknown, httpStatus?: number): EnhancedError | null {
  if (!isRecord(value) || typeof value.code !== 'string' || value.code === '') return null
  const status =
    typeof value.status === 'number' ? value.status : typeof value.status === 'string' && /^\d+$/.test(value.status) ? Number(value.status) : httpStatus
  const out: { -readonly [K in keyof EnhancedError]: EnhancedError[K] } = {
    status: status ?? 0,
    code: value.code,
    // A missing action is treated as "none": nothing predefined to do (docs/adobe-pass.md "Errors").
    action: typeof value.action === 'string' && value.action !== '' ? value.action : 'none',
  }
  if (typeof value.message === 'string') out.message = value.message
  if (typeof value.details === 'string') out.details = value.details
  if (typeof value.helpUrl === 'string') out.helpUrl = value.helpUrl
  if (typeof value.trace === 'string') out.trace = value.trace
  return out
}

/**
 * A body that is itself an enhanced error (docs/adobe-pass.md "Errors", top level), whatever the HTTP status
 * came with it (CL-ERR-2): a `code` with `status` or `action` beside it. A session's `code` (the
 * authentication code) comes with neither, and item-level errors sit inside `decisions`, so neither
 * reads as one.
 */
export function topLevelError(body: unknown, httpStatus: number): EnhancedError | null {
  if (!isRecord(body) || (body.status === undefined && body.action === undefined)) return null
  return enhancedError(body, httpStatus)
}

/** DCR errors are OAuth style `{error}` (docs/adobe-pass.md "Dynamic Client Registration"), not enhanced errors. */
export function oauthError(value: unknown, httpStatus: number): EnhancedError | null {
  if (!isRecord(value) || typeof value.error !== 'string' || value.error === '') return null
  const code = value.error
  // invalid_client: the credentials are no longer valid, register again (docs/adobe-pass.md "Dynamic Client Registration").
  const action = code === 'invalid_client' ? 'application-registration' : 'none'
  const out: { -readonly [K in keyof EnhancedError]: EnhancedError[K] } = { status: httpStatus, code, action }
  if (typeof value.error_description === 'string') out.message = value.error_description
  return out
}

function attributes(value: unknown, field: string): Record<string, ProfileAttribute> {
  if (value === undefined || value === null) return {}
  const raw = object(value, field)
  const out: Record<string, ProfileAttribute> = {}
  for (const name of Object.keys(raw)) {
    const entry = raw[name]
    // Reference 7.1: each entry is {value, state}; a bare value is accepted as plain.
    out[name] =
      isRecord(entry) && 'value' in entry
        ? { value: entry.value, state: typeof entry.state === 'string' ? entry.state : 'plain' }
        : { value: entry, state: 'plain' }
  }
  return out
}

/** `{"profiles": {"<mvpd>": Profile}}` (docs/adobe-pass.md "Profiles"); the map may be empty. */
export function parseProfiles(body: unknown): Profile[] {
  const root = object(body, 'body')
  const map = object(root.profiles ?? {}, 'profiles')
  return Object.keys(map).map((mvpd) => {
    const p = object(map[mvpd], `profiles.${mvpd}`)
    return {
      mvpd,
      type: typeof p.type === 'string' ? p.type : 'regular',
      issuer: optionalString(p.issuer, `profiles.${mvpd}.issuer`) ?? mvpd,
      notBefore: optionalTimestamp(p.notBefore, `profiles.${mvpd}.notBefore`) ?? 0,
      notAfter: timestamp(p.notAfter, `profiles.${mvpd}.notAfter`),
      attributes: attributes(p.attributes, `profiles.${mvpd}.attributes`),
    }
  })
}

/** Create/resume session answer (docs/adobe-pass.md "Endpoints"). */
export function parseSession(body: unknown): Session {
  const s = object(body, 'body')
  const out: { -readonly [K in keyof Session]: Session[K] } = {
    actionName: string(s.actionName, 'actionName'),
    actionType: optionalString(s.actionType, 'actionType') ?? '',
    reasonType: optionalString(s.reasonType, 'reasonType') ?? '',
    sessionId: optionalString(s.sessionId, 'sessionId') ?? '',
    serviceProvider: optionalString(s.serviceProvider, 'serviceProvider') ?? '',
    missingParameters: stringList(s.missingParameters, 'missingParameters'),
  }
  const code = optionalString(s.code, 'code')
  if (code !== undefined) out.code = code
  const url = optionalString(s.url, 'url')
  if (url !== undefined) out.url = url
  const mvpd = optionalString(s.mvpd, 'mvpd')
  if (mvpd !== undefined) out.mvpd = mvpd
  const notBefore = optionalTimestamp(s.notBefore, 'notBefore')
  if (notBefore !== undefined) out.notBefore = notBefore
  const notAfter = optionalTimestamp(s.notAfter, 'notAfter')
  if (notAfter !== undefined) out.notAfter = notAfter
  if ((out.actionName === 'authenticate' || out.actionName === 'resume') && out.code === undefined) {
    // Second-screen login needs the code to show (docs/architecture.md "Flow").
    fail(`code is missing for actionName ${out.actionName}`)
  }
  return out
}

/** Retrieve session information (docs/adobe-pass.md "Endpoints"). */
export function parseSessionInfo(body: unknown): SessionInfo {
  const s = object(body, 'body')
  const existing = object(s.existingParameters ?? {}, 'existingParameters')
  const existingParameters: Record<string, string> = {}
  for (const key of Object.keys(existing)) {
    const value = existing[key]
    if (typeof value === 'string') existingParameters[key] = value
    else if (typeof value === 'number' || typeof value === 'boolean') existingParameters[key] = String(value)
  }
  return {
    existingParameters,
    missingParameters: stringList(s.missingParameters, 'missingParameters'),
    notBefore: timestamp(s.notBefore, 'notBefore'),
    notAfter: timestamp(s.notAfter, 'notAfter'),
  }
}

/** Configuration (docs/adobe-pass.md "Endpoints"): mvpds at the top level (table) or in `requestor` (sample). */
export function parseConfiguration(body: unknown): Configuration {
  const c = object(body, 'body')
  const requestor = isRecord(c.requestor) ? c.requestor : undefined
  const list = c.mvpds ?? requestor?.mvpds
  if (!Array.isArray(list)) return fail('mvpds is not an array (top level or in requestor)')
  const mvpds: Mvpd[] = list.map((item, i) => {
    const m = object(item, `mvpds[${i}]`)
    const id = string(m.id, `mvpds[${i}].id`)
    const out: { -readonly [K in keyof Mvpd]: Mvpd[K] } = {
      id,
      displayName: optionalString(m.displayName, `mvpds[${i}].displayName`) ?? id,
    }
    const logoUrl = optionalString(m.logoUrl, `mvpds[${i}].logoUrl`)
    if (logoUrl) out.logoUrl = logoUrl
    if (m.isTempPass === true || m.isTempPass === 'true') out.isTempPass = true
    return out
  })
  return { mvpds }
}

function mediaToken(value: unknown, field: string): MediaToken | undefined {
  if (value === undefined || value === null) return undefined
  const t = object(value, field)
  return {
    notBefore: timestamp(t.notBefore, `${field}.notBefore`),
    notAfter: timestamp(t.notAfter, `${field}.notAfter`),
    serializedToken: string(t.serializedToken, `${field}.serializedToken`),
  }
}

/** `{"decisions": [...]}` (docs/adobe-pass.md "Endpoints"); a deny keeps its item-level error (CL-ERR-2). */
export function parseDecisions(body: unknown): Decision[] {
  const root = object(body, 'body')
  if (!Array.isArray(root.decisions)) return fail('decisions is not an array')
  return root.decisions.map((item, i) => {
    const d = object(item, `decisions[${i}]`)
    if (typeof d.authorized !== 'boolean') fail(`decisions[${i}].authorized is not a boolean`)
    const out: { -readonly [K in keyof Decision]: Decision[K] } = {
      resource: string(d.resource, `decisions[${i}].resource`),
      mvpd: optionalString(d.mvpd, `decisions[${i}].mvpd`) ?? '',
      authorized: d.authorized,
      source: optionalString(d.source, `decisions[${i}].source`) ?? '',
    }
    const token = mediaToken(d.token, `decisions[${i}].token`)
    if (token) out.token = token
    const notBefore = optionalTimestamp(d.notBefore, `decisions[${i}].notBefore`)
    if (notBefore !== undefined) out.notBefore = notBefore
    const notAfter = optionalTimestamp(d.notAfter, `decisions[${i}].notAfter`)
    if (notAfter !== undefined) out.notAfter = notAfter
    if (d.error !== undefined && d.error !== null) {
      const error = enhancedError(d.error)
      if (!error) fail(`decisions[${i}].error is not an enhanced error`)
      out.error = error
    } else if (!d.authorized) {
      fail(`decisions[${i}] is a deny without an error`)
    }
    return out
  })
}

/** `{"logouts": {"<mvpd>": {...}}}` (docs/adobe-pass.md "Endpoints"). */
export function parseLogouts(body: unknown): LogoutEntry[] {
  const root = object(body, 'body')
  const map = object(root.logouts ?? {}, 'logouts')
  return Object.keys(map).map((key) => {
    const e = object(map[key], `logouts.${key}`)
    const out: { -readonly [K in keyof LogoutEntry]: LogoutEntry[K] } = {
      // Samples show a key that differs from `mvpd` (Adobe's logout samples): the field wins.
      mvpd: optionalString(e.mvpd, `logouts.${key}.mvpd`) ?? key,
      actionName: string(e.actionName, `logouts.${key}.actionName`),
      actionType: optionalString(e.actionType, `logouts.${key}.actionType`) ?? '',
    }
    const url = optionalString(e.url, `logouts.${key}.url`)
    if (url !== undefined) out.url = url
    return out
  })
}

export interface WireClientCredentials {
  readonly clientId: string
  readonly clientSecret: string
  readonly issuedAt?: number
}

/** POST /o/client/register 201 (docs/adobe-pass.md "Dynamic Client Registration"). */
export function parseClientCredentials(body: unknown): WireClientCredentials {
  const b = object(body, 'body')
  const out: { clientId: string; clientSecret: string; issuedAt?: number } = {
    clientId: string(b.client_id, 'client_id'),
    clientSecret: string(b.client_secret, 'client_secret'),
  }
  const issuedAt = optionalTimestamp(b.client_id_issued_at, 'client_id_issued_at')
  if (issuedAt !== undefined) out.issuedAt = issuedAt
  if (out.clientId === '' || out.clientSecret === '') fail('client_id or client_secret is empty')
  return out
}

export interface WireAccessToken {
  readonly accessToken: string
  /** Server time of issue, ms (may be absent: then the response's Date stands in). */
  readonly createdAt?: number
  readonly expiresInMs: number
}

/** POST /o/client/token 201 (docs/adobe-pass.md "Dynamic Client Registration"). */
export function parseAccessToken(body: unknown): WireAccessToken {
  const b = object(body, 'body')
  const accessToken = string(b.access_token, 'access_token')
  if (accessToken === '') fail('access_token is empty')
  const expiresIn = timestamp(b.expires_in, 'expires_in')
  if (expiresIn <= 0) fail('expires_in is not positive')
  const out: { accessToken: string; createdAt?: number; expiresInMs: number } = { accessToken, expiresInMs: expiresIn * 1000 }
  const createdAt = optionalTimestamp(b.created_at, 'created_at')
  if (createdAt !== undefined) out.createdAt = createdAt
  return out
}
