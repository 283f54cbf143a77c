/**
 * Authentication sessions (docs/adobe-pass.md "Endpoints"): the code the viewer types on the second screen.
 * Body parameters are form-urlencoded; `domainName` and `redirectUrl` come from settings, `mvpd` only
 * when the provider is known (docs/architecture.md "Flow": without a provider, or with one picked on the TV).
 */
import type { ServerTime } from '../base/clock'
import type { PassSettings } from '../base/settings'
import type { CallOptions, Session, SessionInfo } from './types'
import { pathOf, type PassHttp } from './http'
import { requireCode, requireMvpdId } from './validate'
import { parseSession, parseSessionInfo } from './wire'

export interface SessionsContext {
  readonly http: PassHttp
  readonly settings: PassSettings
  readonly serverTime: ServerTime
}

function sessionForm(settings: PassSettings, mvpd: string | undefined, context: string): Record<string, string> {
  const form: Record<string, string> = {}
  // Not a path parameter here, but the same provider id the configuration gives (validate.ts).
  if (mvpd !== undefined && mvpd !== '') form.mvpd = requireMvpdId(mvpd, context)
  form.domainName = settings.domainName
  form.redirectUrl = settings.redirectUrl
  return form
}

/**
 * POST /api/v2/{sp}/sessions (docs/adobe-pass.md "Endpoints"). Not sent again after a 5xx or `action: retry`: the
 * server may have created the session anyway, and each resend could leave another one behind; the
 * viewer's "Try again" covers it. Only a 429 is sent again (after ≥ 1 s, docs/adobe-pass.md "Throttling"): a
 * throttled request was turned away before the server acted on it.
 */
export async function createSession(ctx: SessionsContext, params: { mvpd?: string }, options: CallOptions = {}): Promise<Session> {
  const session = await ctx.http.send(
    {
      method: 'POST',
      path: pathOf('/api/v2', ctx.settings.serviceProvider, 'sessions'),
      api: 'v2',
      form: sessionForm(ctx.settings, params.mvpd, 'POST sessions'),
      signal: options.signal,
      retry: { only: 'throttled' },
    },
    parseSession,
  )
  // A new session's notBefore (docs/adobe-pass.md "Endpoints") is the server's clock when it answered: a reading for
  // server time when no Date header was readable. A resumed session keeps its old notBefore: not used.
  if (!ctx.http.serverTimeKnown && session.notBefore !== undefined) ctx.serverTime.observeServerTime(session.notBefore)
  return session
}

/** POST /api/v2/{sp}/sessions/{code} (docs/adobe-pass.md "Endpoints"). */
export async function resumeSession(ctx: SessionsContext, code: string, params: { mvpd?: string }, options: CallOptions = {}): Promise<Session> {
  const context = 'POST sessions/{code}'
  return ctx.http.send(
    {
      method: 'POST',
      path: pathOf('/api/v2', ctx.settings.serviceProvider, 'sessions', requireCode(code, context)),
      api: 'v2',
      form: sessionForm(ctx.settings, params.mvpd, context),
      signal: options.signal,
    },
    parseSession,
  )
}

/** GET /api/v2/{sp}/sessions/{code} (docs/adobe-pass.md "Endpoints"). */
export async function retrieveSession(ctx: SessionsContext, code: string, options: CallOptions = {}): Promise<SessionInfo> {
  const path = pathOf('/api/v2', ctx.settings.serviceProvider, 'sessions', requireCode(code, 'GET sessions/{code}'))
  return ctx.http.send({ method: 'GET', path, api: 'v2', signal: options.signal }, parseSessionInfo)
}
