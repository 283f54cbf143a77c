/**
 * Sessions (docs/adobe-pass.md "Sessions"): create, resume, retrieve by code, and the browser entry point
 * GET /api/v2/authenticate/{serviceProvider}/{code} that hands over to the stand-in MVPD login.
 */
import { randomUUID } from 'node:crypto'

import { findServiceProvider } from '../catalog'
import type { Route, RequestCtx } from '../context'
import { SandboxError } from '../errors'
import { checkRedirectUrl, deviceId, deviceInfo, requireAccess, requireContentType, requireMvpd } from '../guards'
import { escapeHtml, parseForm, redirect, sendJson } from '../http'
import { pageCopy } from '../pages/activate'
import type { PageCopy } from '../pages/copy'
import { renderPage } from '../pages/layout'
import { findLiveSession, missingParameters, nextStepBody, sessionParamsFrom, shortcut } from '../signin'

/** Validates the values that were sent (mvpd known and active, redirectUrl absolute). */
function checkParams(form: Record<string, string>): ReturnType<typeof sessionParamsFrom> {
  const params = sessionParamsFrom(form)
  if (params.mvpd !== undefined) requireMvpd(params.mvpd)
  checkRedirectUrl(params.redirectUrl, false)
  return params
}

/** POST /api/v2/{sp}/sessions (section 6.1): with mvpd → authenticate; without → resume with a code. */
async function create(ctx: RequestCtx): Promise<void> {
  const { sp } = requireAccess(ctx)
  const device = deviceId(ctx, true) as string
  const info = deviceInfo(ctx, true) as Record<string, unknown>
  requireContentType(ctx, 'application/x-www-form-urlencoded')
  const params = checkParams(parseForm(await ctx.body()))
  if (params.mvpd !== undefined) {
    const early = shortcut(ctx.sandbox, sp.id, device, requireMvpd(params.mvpd), randomUUID())
    if (early) return sendJson(ctx.res, 200, early)
  }
  const session = ctx.sandbox.state.createSession(sp.id, device, info, params)
  sendJson(ctx.res, 200, nextStepBody(session, 'create'))
}

/** POST /api/v2/{sp}/sessions/{code} (section 6.2): supplies missing parameters, usually from the companion. */
async function resume(ctx: RequestCtx): Promise<void> {
  const { sp } = requireAccess(ctx)
  // Optional here (OpenAPI); checked when sent.
  deviceId(ctx, false)
  deviceInfo(ctx, false)
  requireContentType(ctx, 'application/x-www-form-urlencoded')
  const form = parseForm(await ctx.body())
  const session = findLiveSession(ctx.sandbox, sp.id, ctx.params.code ?? '')
  const params = checkParams(form)
  ctx.sandbox.state.updateSession(session, params)
  if (session.params.mvpd !== undefined) {
    const early = shortcut(ctx.sandbox, sp.id, session.deviceId, requireMvpd(session.params.mvpd), session.sessionId)
    if (early) return sendJson(ctx.res, 200, early)
  }
  sendJson(ctx.res, 200, nextStepBody(session, 'resume'))
}

const HARDWARE_TYPES = new Set([
  'Camera',
  'DataCollectionTerminal',
  'Desktop',
  'EmbeddedNetworkModule',
  'eReader',
  'GamesConsole',
  'GeolocationTracker',
  'Glasses',
  'MediaPlayer',
  'MobilePhone',
  'PaymentTerminal',
  'PluginModem',
  'SetTopBox',
  'TV',
  'Tablet',
  'WirelessHotspot',
  'Wristwatch',
  'VehicleMultimediaSystem',
  'Projector',
  'Unknown',
])

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined)

/** The server's parse of the streaming device (section 6.3 `device`), in the OpenAPI Device shape. */
function deviceView(info: Record<string, unknown>): Record<string, unknown> {
  const type = str(info.primaryHardwareType)
  const device: Record<string, unknown> = {
    type: type && HARDWARE_TYPES.has(type) ? type : 'Unknown',
    operatingSystem: { name: str(info.osName), family: str(info.osFamily), vendor: str(info.osVendor) },
    hardware: { name: str(info.model), manufacturer: str(info.manufacturer), vendor: str(info.vendor) },
    connection: { type: str(info.connectionType), secure: info.connectionSecure === true || info.connectionSecure === 'true' },
  }
  const model = str(info.model)
  if (model) device.model = model
  const app = str(info.applicationId)
  if (app) device.applicationId = app
  return JSON.parse(JSON.stringify(device)) as Record<string, unknown>
}

/** GET /api/v2/{sp}/sessions/{code} (section 6.3): lets the companion validate a typed code. */
function status(ctx: RequestCtx): void {
  const { sp } = requireAccess(ctx)
  deviceId(ctx, false)
  deviceInfo(ctx, false)
  const session = findLiveSession(ctx.sandbox, sp.id, ctx.params.code ?? '')
  const existing: Record<string, string> = { serviceProvider: session.serviceProvider }
  for (const [k, v] of Object.entries(session.params)) if (v) existing[k] = v
  const body: Record<string, unknown> = {
    existingParameters: existing,
    device: deviceView(session.deviceInfo),
    notBefore: String(session.notBefore),
    notAfter: String(session.notAfter),
  }
  const missing = missingParameters(session)
  if (missing.length > 0) body.missingParameters = missing
  sendJson(ctx.res, 200, body)
}

/** Why the authenticate URL cannot go on, in the phone's language; a refusal not named here is told by its code. */
function htmlError(ctx: RequestCtx, say: (t: PageCopy) => string, code?: string): void {
  const { lang, t } = pageCopy(ctx)
  const reference = code ? `<p class="hint">${escapeHtml(t.linkReference(code))}</p>` : ''
  // Section 6.4: errors of this browser navigation are text/html, not enhanced error JSON. The phone
  // pages' frame keeps it under their CSP (no inline style attributes).
  renderPage(ctx.res, {
    title: t.linkFailedTitle,
    status: 400,
    lang,
    brand: t.brand,
    body:
      `<h1>${escapeHtml(t.linkFailedHeading)}</h1><p>${escapeHtml(say(t))}</p>` + reference + `<p><a href="/activate">${escapeHtml(t.linkEnterAgain)}</a></p>`,
  })
}

/** GET /api/v2/authenticate/{sp}/{code} (section 6.4): 302 to the stand-in MVPD login. */
function authenticate(ctx: RequestCtx): void {
  const sp = findServiceProvider(ctx.params.serviceProvider ?? '')
  if (!sp) return htmlError(ctx, (t) => t.linkUnknownChannel)
  try {
    const session = findLiveSession(ctx.sandbox, sp.id, ctx.params.code ?? '')
    if (!session.params.mvpd) return htmlError(ctx, (t) => t.linkNoProvider)
    const mvpd = requireMvpd(session.params.mvpd)
    redirect(ctx.res, `/mvpd/${encodeURIComponent(mvpd.id)}/login?code=${encodeURIComponent(session.code)}`)
  } catch (error) {
    if (error instanceof SandboxError) {
      return error.body.code === 'invalid_authentication_session'
        ? htmlError(ctx, (t) => t.linkExpired)
        : htmlError(ctx, (t) => t.linkRejected, error.body.code)
    }
    throw error
  }
}

export const sessionRoutes: Route[] = [
  // Literal first segment beats {serviceProvider} (router: listing order).
  { id: 'authenticate', method: 'GET', pattern: '/api/v2/authenticate/:serviceProvider/:code', kind: 'api', handler: authenticate },
  { id: 'sessions', method: 'POST', pattern: '/api/v2/:serviceProvider/sessions', kind: 'api', handler: create },
  { id: 'sessions/resume', method: 'POST', pattern: '/api/v2/:serviceProvider/sessions/:code', kind: 'api', handler: resume },
  { id: 'sessions/status', method: 'GET', pattern: '/api/v2/:serviceProvider/sessions/:code', kind: 'api', handler: status },
]
