/**
 * Sign-in logic shared by the sessions API, the second-screen pages and the admin shortcut: finding a
 * live session by code, what a session asks for next, and completing it into a profile.
 */
import { findMvpd, findUser, MvpdDef, TEST_USERS } from './catalog'
import { CODE_PATTERN } from './codes'
import type { SandboxContext } from './context'
import { SandboxError } from './errors'
import type { ProfileRecord, Session, SessionParams } from './state'

export const SESSION_PARAMETERS = ['mvpd', 'domainName', 'redirectUrl'] as const

/** Body fields of create/resume; `domain` is read as `domainName` (section 6.1: a sample uses it). */
export function sessionParamsFrom(form: Record<string, string>): SessionParams {
  const params: SessionParams = {}
  const mvpd = form.mvpd
  const domainName = form.domainName ?? form.domain
  const redirectUrl = form.redirectUrl
  if (mvpd) params.mvpd = mvpd
  if (domainName) params.domainName = domainName
  if (redirectUrl) params.redirectUrl = redirectUrl
  return params
}

export function missingParameters(session: Pick<Session, 'params'>): string[] {
  return SESSION_PARAMETERS.filter((p) => !session.params[p])
}

/**
 * The session behind a code. Bad shape → invalid_parameter_code; unknown, another service provider's,
 * or past notAfter → invalid_authentication_session (section 7.3: both mean "stop, get a new code").
 */
export function findLiveSession(sandbox: SandboxContext, serviceProvider: string, code: string): Session {
  if (!CODE_PATTERN.test(code)) throw new SandboxError('invalid_parameter_code', 'The code is not a well-formed authentication code.')
  const session = sandbox.state.sessions.get(code)
  if (!session || session.serviceProvider !== serviceProvider) {
    throw new SandboxError('invalid_authentication_session', 'No authentication session has this code.')
  }
  const now = sandbox.clock.now()
  if (now >= session.notAfter) throw new SandboxError('invalid_authentication_session', 'The authentication session has expired.')
  if (now < session.notBefore) throw new SandboxError('invalid_authentication_session', 'The authentication session is not valid yet.')
  return session
}

export interface SessionBody {
  actionName: string
  actionType: string
  reasonType: string
  missingParameters?: string[]
  url?: string
  code?: string
  sessionId: string
  mvpd?: string
  serviceProvider: string
  notBefore?: string
  notAfter?: string
}

/** Section 6.1 `authorize` outcomes: a profile exists (authenticated) or TempPass was granted (temporary). */
export function authorizeBody(sp: string, mvpd: string, sessionId: string, reasonType: 'authenticated' | 'temporary'): SessionBody {
  return {
    actionName: 'authorize',
    actionType: 'direct',
    reasonType,
    url: `/api/v2/${encodeURIComponent(sp)}/decisions/authorize/${encodeURIComponent(mvpd)}`,
    sessionId,
    mvpd,
    serviceProvider: sp,
  }
}

/**
 * What to do next with a session (sections 6.1/6.2): `resume` after create (or `retry` after resume)
 * while parameters are missing, else `authenticate` in a user agent. Timestamps are ms strings.
 */
export function nextStepBody(session: Session, after: 'create' | 'resume'): SessionBody {
  const missing = missingParameters(session)
  const sp = session.serviceProvider
  const common = {
    code: session.code,
    sessionId: session.sessionId,
    serviceProvider: sp,
    notBefore: String(session.notBefore),
    notAfter: String(session.notAfter),
  }
  if (missing.length > 0) {
    const body: SessionBody = {
      actionName: after === 'create' ? 'resume' : 'retry',
      actionType: 'direct',
      reasonType: 'none',
      missingParameters: missing,
      url: `/api/v2/${encodeURIComponent(sp)}/sessions/${session.code}`,
      ...common,
    }
    if (session.params.mvpd) body.mvpd = session.params.mvpd
    return body
  }
  return {
    actionName: 'authenticate',
    actionType: 'interactive',
    reasonType: 'none',
    url: `/api/v2/authenticate/${encodeURIComponent(sp)}/${session.code}`,
    ...common,
    mvpd: session.params.mvpd as string,
  }
}

/**
 * Shortcut outcomes when the mvpd is known: a valid profile already exists → authorize/authenticated;
 * a TempPass mvpd → a temporary profile now → authorize/temporary. Undefined: the normal flow applies.
 */
export function shortcut(sandbox: SandboxContext, sp: string, deviceId: string, mvpd: MvpdDef, sessionId: string): SessionBody | undefined {
  const { state } = sandbox
  if (state.isValid(state.profileRecord(sp, deviceId, mvpd.id))) return authorizeBody(sp, mvpd.id, sessionId, 'authenticated')
  if (mvpd.isTempPass) {
    if (state.tempPassExhausted(sp, deviceId, mvpd.id)) {
      state.markTempPassUsed(sp, deviceId)
      throw new SandboxError('temporary_access_duration_limit_exceeded', 'This device has used up its free preview.')
    }
    state.createProfile({ serviceProvider: sp, deviceId, sessionId }, mvpd)
    return authorizeBody(sp, mvpd.id, sessionId, 'temporary')
  }
  return undefined
}

/**
 * Completes a sign-in as the stand-in MVPD would after a good login: the profile is made for the
 * session's device, and the TV's next poll of profiles/code/{code} returns it.
 */
export function completeSignIn(sandbox: SandboxContext, session: Session, mvpdId?: string, username = 'viewer'): ProfileRecord {
  const id = mvpdId ?? session.params.mvpd
  if (!id) throw new SandboxError('invalid_parameter_mvpd', 'The session has no mvpd; choose one first.')
  const mvpd = findMvpd(id)
  if (!mvpd) throw new SandboxError('invalid_parameter_mvpd', `Unknown mvpd "${id}".`)
  if (!mvpd.active) throw new SandboxError('invalid_integration', `The integration with ${mvpd.id} is disabled.`)
  const user = findUser(username) ?? TEST_USERS[0]
  sandbox.state.updateSession(session, { mvpd: mvpd.id })
  const profile = sandbox.state.createProfile(session, mvpd, user)
  session.completedAt = sandbox.clock.now()
  sandbox.state.save()
  return profile
}
