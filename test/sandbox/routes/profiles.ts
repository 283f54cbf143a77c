/**
 * Profiles (docs/adobe-pass.md "Profiles"): all profiles of the device, the profile for one mvpd, and the
 * polling endpoint profiles/code/{code}. Profiles are keyed by (serviceProvider, device id) and count
 * only while notBefore ≤ now < notAfter.
 */
import type { Route, RequestCtx } from '../context'
import { SandboxError } from '../errors'
import { deviceId, deviceInfo, requireAccess, requireMvpd } from '../guards'
import { header, sendJson } from '../http'
import { findLiveSession } from '../signin'
import type { ProfileRecord } from '../state'

/** Attributes that stand for encrypted user metadata (section 7.1 `state: "enc"`). */
const ENCRYPTED = new Set(['zip'])

/** Section 7.1 profile object; attribute values are `{value, state}`. */
export function profileView(p: ProfileRecord): Record<string, unknown> {
  const attributes: Record<string, { value: string; state: string }> = {}
  for (const [k, v] of Object.entries(p.attributes)) {
    attributes[k] = ENCRYPTED.has(k) ? { value: Buffer.from(v).toString('base64'), state: 'enc' } : { value: v, state: 'plain' }
  }
  return {
    notBefore: p.notBefore,
    notAfter: p.notAfter,
    issuer: p.issuer,
    type: p.type,
    attributes,
    sessionId: p.sessionId,
  }
}

export function profilesBody(records: readonly ProfileRecord[]): { profiles: Record<string, unknown> } {
  const profiles: Record<string, unknown> = {}
  for (const p of records) profiles[p.mvpd] = profileView(p)
  return { profiles }
}

/** AP-TempPass-Identity, when sent, is Base64 of a JSON object (section 3.2). */
function checkTempPassIdentity(ctx: RequestCtx): void {
  const value = header(ctx.req, 'ap-temppass-identity')
  if (value === undefined) return
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value.trim(), 'base64').toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object')
  } catch {
    throw new SandboxError('invalid_header_identity_for_temporary_access', 'AP-TempPass-Identity must be Base64-encoded JSON.')
  }
}

/** GET /api/v2/{sp}/profiles (section 7.2): every valid profile of this device. */
function all(ctx: RequestCtx): void {
  const { sp } = requireAccess(ctx)
  const device = deviceId(ctx, true) as string
  deviceInfo(ctx, true)
  sendJson(ctx.res, 200, profilesBody(ctx.sandbox.state.validProfiles(sp.id, device)))
}

/** GET /api/v2/{sp}/profiles/{mvpd} (section 7.2): at most that one; 403 once TempPass is used up. */
function forMvpd(ctx: RequestCtx): void {
  const { sp } = requireAccess(ctx)
  const device = deviceId(ctx, true) as string
  deviceInfo(ctx, true)
  checkTempPassIdentity(ctx)
  const mvpd = requireMvpd(ctx.params.mvpd)
  const { state } = ctx.sandbox
  if (mvpd.isTempPass && state.tempPassExhausted(sp.id, device, mvpd.id)) {
    state.markTempPassUsed(sp.id, device)
    throw new SandboxError('temporary_access_duration_limit_exceeded', 'This device has used up its free preview; sign in with a TV provider.')
  }
  const record = state.validProfile(sp.id, device, mvpd.id)
  sendJson(ctx.res, 200, profilesBody(record ? [record] : []))
}

/**
 * GET /api/v2/{sp}/profiles/code/{code} (section 7.3), the TV's poll. Pending → 200 with an empty
 * map (the docs leave it open; inference in 7.3); dead code → invalid_authentication_session.
 * Device headers are optional (OpenAPI); when sent they must name the device that made the session.
 */
function forCode(ctx: RequestCtx): void {
  const { sp } = requireAccess(ctx)
  const device = deviceId(ctx, false)
  deviceInfo(ctx, false)
  const session = findLiveSession(ctx.sandbox, sp.id, ctx.params.code ?? '')
  if (device !== undefined && device !== session.deviceId) {
    throw new SandboxError('invalid_authentication_session', 'This code belongs to another device.')
  }
  const { state } = ctx.sandbox
  if (session.completedAt === undefined || !session.params.mvpd) return sendJson(ctx.res, 200, { profiles: {} })
  const record = state.validProfile(sp.id, session.deviceId, session.params.mvpd)
  sendJson(ctx.res, 200, profilesBody(record ? [record] : []))
}

export const profileRoutes: Route[] = [
  { id: 'profiles', method: 'GET', pattern: '/api/v2/:serviceProvider/profiles', kind: 'api', handler: all },
  { id: 'profiles/code', method: 'GET', pattern: '/api/v2/:serviceProvider/profiles/code/:code', kind: 'api', handler: forCode },
  { id: 'profiles/mvpd', method: 'GET', pattern: '/api/v2/:serviceProvider/profiles/:mvpd', kind: 'api', handler: forMvpd },
]
