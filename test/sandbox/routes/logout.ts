/**
 * Logout (docs/adobe-pass.md "Logout"): GET /api/v2/{sp}/logout/{mvpd}?redirectUrl=… removes this device's
 * profile for the mvpd and says what the app does next per removed profile. Never called by the
 * sandbox itself (CL-LOGOUT-R1 is the app's rule).
 */
import type { Route, RequestCtx } from '../context'
import { checkRedirectUrl, deviceId, deviceInfo, requireAccess, requireMvpd } from '../guards'
import { sendJson } from '../http'

function logout(ctx: RequestCtx): void {
  const { sp } = requireAccess(ctx)
  const device = deviceId(ctx, true) as string
  deviceInfo(ctx, true)
  const mvpd = requireMvpd(ctx.params.mvpd)
  // Required on the API page (the OpenAPI file leaves it optional; behaviour follows the page).
  const redirectUrl = checkRedirectUrl(ctx.url.searchParams.get('redirectUrl') ?? undefined, true) as string
  const { state } = ctx.sandbox
  const removed = state.deleteProfile(sp.id, device, mvpd.id)
  let entry: Record<string, string>
  if (!removed || !state.isValid(removed)) {
    entry = { actionName: 'invalid', actionType: 'none', mvpd: mvpd.id }
  } else if (mvpd.interactiveLogout && removed.type === 'regular') {
    entry = {
      actionName: 'logout',
      actionType: 'interactive',
      mvpd: mvpd.id,
      url: `${ctx.sandbox.publicOrigin()}/mvpd/${encodeURIComponent(mvpd.id)}/logout?redirectUrl=${encodeURIComponent(redirectUrl)}`,
    }
  } else {
    // MVPDs without a logout endpoint and TempPass end here (section 8A `complete`).
    entry = { actionName: 'complete', actionType: 'none', mvpd: mvpd.id }
  }
  sendJson(ctx.res, 200, { logouts: { [mvpd.id]: entry } })
}

export const logoutRoutes: Route[] = [{ id: 'logout', method: 'GET', pattern: '/api/v2/:serviceProvider/logout/:mvpd', kind: 'api', handler: logout }]
