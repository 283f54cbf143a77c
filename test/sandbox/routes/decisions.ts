/**
 * Decisions (docs/adobe-pass.md "Decisions"): preauthorize (badges only, no media token, ≤ 5 resources) and
 * authorize (media token with notBefore/notAfter on permit). A deny is item-level: HTTP 200 with
 * `authorized:false` and an enhanced error per item (CL-ERR-2). A missing/expired/invalidated
 * profile is request-level: 403 with the `authentication` action.
 */
import { AUTHZ_TTL_MS, MAX_PREAUTHORIZE_RESOURCES, MEDIA_TOKEN_TTL_MS, MvpdDef } from '../catalog'
import type { Route, RequestCtx, SandboxContext } from '../context'
import { EecCode, eecBody, SandboxError } from '../errors'
import { deviceId, deviceInfo, requireAccess, requireContentType, requireMvpd } from '../guards'
import { header, sendJson } from '../http'
import type { ProfileRecord } from '../state'

type Kind = 'preauthorize' | 'authorize'

async function readResources(ctx: RequestCtx): Promise<string[]> {
  // Read outside the try: an oversized body must stay a 413, not become a bad-resources 400.
  const raw = await ctx.body()
  let body: unknown
  try {
    body = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new SandboxError('invalid_parameter_resources', 'The body is not JSON; send {"resources": ["…"]}.')
  }
  const resources = (body as { resources?: unknown } | null)?.resources
  if (!Array.isArray(resources) || resources.length === 0 || !resources.every((r) => typeof r === 'string' && r.trim() !== '')) {
    throw new SandboxError('invalid_parameter_resources', 'resources must be a non-empty array of resource ids.')
  }
  return resources as string[]
}

/** The profile decisions run on, or the request-level error the docs list (section 8, 9.1). */
function requireProfile(sandbox: SandboxContext, sp: string, device: string, mvpd: MvpdDef): ProfileRecord {
  const { state } = sandbox
  const valid = state.validProfile(sp, device, mvpd.id)
  if (valid) return valid
  const record = state.profileRecord(sp, device, mvpd.id)
  if (mvpd.isTempPass && state.tempPassExhausted(sp, device, mvpd.id)) {
    throw new SandboxError('temporary_access_duration_limit_exceeded', 'This device has used up its free preview.')
  }
  if (record !== undefined && record.notAfter <= state.now)
    throw new SandboxError('authenticated_profile_expired', `The sign-in with ${mvpd.displayName} has ended.`)
  if (state.isInvalidated(sp, device, mvpd.id)) throw new SandboxError('authenticated_profile_invalidated', `${mvpd.displayName} has ended this sign-in.`)
  throw new SandboxError('authenticated_profile_missing', `There is no sign-in with ${mvpd.displayName} on this device.`)
}

/** Admin deny rules first, then the test user's package (catalog TEST_USERS). */
function denyCode(sandbox: SandboxContext, kind: Kind, resource: string, mvpd: string, profile: ProfileRecord): EecCode | undefined {
  const rule = sandbox.state.denyRules.find((r) => r.resource === resource && (r.mvpd === undefined || r.mvpd === mvpd))
  const code = rule?.code ?? profile.denies[resource]
  if (code === undefined) return undefined
  // Preauthorization has its own MVPD deny code (section 9.1).
  if (kind === 'preauthorize' && code === 'authorization_denied_by_mvpd') return 'preauthorization_denied_by_mvpd'
  return code
}

function mediaToken(resource: string, sp: string, mvpd: string, device: string, notBefore: number, notAfter: number): string {
  // Stand-in for Adobe's signed media token: readable, clearly unsigned.
  const payload = { resource, requestor: sp, mvpd, device: device.slice(0, 16), issued: notBefore, expires: notAfter, sig: 'sandbox-unsigned' }
  return Buffer.from(JSON.stringify(payload)).toString('base64')
}

function handler(kind: Kind) {
  return async (ctx: RequestCtx): Promise<void> => {
    const { sp } = requireAccess(ctx)
    const device = deviceId(ctx, true) as string
    deviceInfo(ctx, true)
    requireContentType(ctx, 'application/json')
    if (header(ctx.req, 'ap-temppass-identity') !== undefined) {
      try {
        JSON.parse(Buffer.from(header(ctx.req, 'ap-temppass-identity') as string, 'base64').toString('utf8'))
      } catch {
        throw new SandboxError('invalid_header_identity_for_temporary_access', 'AP-TempPass-Identity must be Base64-encoded JSON.')
      }
    }
    const resources = await readResources(ctx)
    const mvpd = requireMvpd(ctx.params.mvpd)
    if (kind === 'preauthorize' && resources.length > MAX_PREAUTHORIZE_RESOURCES) {
      throw new SandboxError('too_many_resources', `Preauthorize at most ${MAX_PREAUTHORIZE_RESOURCES} resources per call.`)
    }
    const profile = requireProfile(ctx.sandbox, sp.id, device, mvpd)
    const now = ctx.sandbox.clock.now()
    const decisions = resources.map((resource) => {
      const degraded = ctx.sandbox.state.degradeRules.some(
        (r) => (r.resource === undefined || r.resource === resource) && (r.mvpd === undefined || r.mvpd === mvpd.id),
      )
      const code = degraded ? undefined : denyCode(ctx.sandbox, kind, resource, mvpd.id, profile)
      // Section 8 `source`: a degradation rule answers instead of the MVPD (AuthZAll permits, AuthZNone denies).
      const source = degraded || code === 'authorization_denied_by_degradation_rule' ? 'degradation' : profile.type === 'temporary' ? 'temppass' : 'mvpd'
      const base = { resource, serviceProvider: sp.id, mvpd: mvpd.id, source }
      if (code !== undefined) {
        return { ...base, authorized: false, error: eecBody(code, providerWords(code)) }
      }
      if (kind === 'preauthorize') return { ...base, authorized: true }
      const tokenNotAfter = now + MEDIA_TOKEN_TTL_MS
      return {
        ...base,
        authorized: true,
        notBefore: now,
        notAfter: Math.min(now + AUTHZ_TTL_MS, profile.notAfter),
        token: { notBefore: now, notAfter: tokenNotAfter, serializedToken: mediaToken(resource, sp.id, mvpd.id, device, now, tokenNotAfter) },
      }
    })
    sendJson(ctx.res, 200, { decisions })
  }
}

/** What a provider's own message might say for each deny (sent as `details`, docs/adobe-pass.md "Errors"). */
function providerWords(code: string): string {
  if (code === 'authorization_denied_by_parental_controls') return 'Blocked by the parental controls on your account.'
  if (code === 'authorization_denied_by_degradation_rule') return 'This title is unavailable for now.'
  return 'This channel is not in your current package.'
}

export const decisionRoutes: Route[] = [
  {
    id: 'decisions/preauthorize',
    method: 'POST',
    pattern: '/api/v2/:serviceProvider/decisions/preauthorize/:mvpd',
    kind: 'api',
    handler: handler('preauthorize'),
  },
  { id: 'decisions/authorize', method: 'POST', pattern: '/api/v2/:serviceProvider/decisions/authorize/:mvpd', kind: 'api', handler: handler('authorize') },
]
