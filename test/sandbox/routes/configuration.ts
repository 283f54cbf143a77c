/**
 * GET /api/v2/{serviceProvider}/configuration (docs/adobe-pass.md "Configuration"). Only Authorization is required
 * (OpenAPI); device headers are checked when sent. Lists the MVPDs with an active integration.
 */
import { MVPDS, MvpdDef, ServiceProviderDef } from '../catalog'
import type { Route, RequestCtx, SandboxContext } from '../context'
import { deviceId, deviceInfo, requireAccess } from '../guards'
import { sendJson } from '../http'

export function logoUrl(sandbox: SandboxContext, mvpd: MvpdDef): string {
  return `${sandbox.publicOrigin()}/logos/${mvpd.logo}`
}

/** Active MVPDs as configuration entries (also used by the second-screen provider picker). */
export function activeMvpds(): MvpdDef[] {
  return MVPDS.filter((m) => m.active)
}

/**
 * The OpenAPI shape nests `mvpds` in `requestor` (as Adobe's sample does); the API page's table puts
 * them at top level. Clients must parse both (section 5), so `layout: 'flat'` is there to test that.
 */
export function configurationBody(sandbox: SandboxContext, sp: ServiceProviderDef, layout: 'nested' | 'flat' = 'nested'): Record<string, unknown> {
  const mvpds = activeMvpds().map((m) => ({
    id: m.id,
    displayName: m.displayName,
    logoUrl: logoUrl(sandbox, m),
    isTempPass: m.isTempPass === true,
    isProxy: false,
    boardingStatus: 'PICKER',
    enablePlatformServices: false,
    displayInPlatformPicker: !m.isTempPass,
    enforcePlatformPermissions: false,
  }))
  const requestor: Record<string, unknown> = {
    id: sp.id,
    name: sp.name,
    domains: sp.domains.map((name) => ({ name, mvpdInitiated: false })),
  }
  const body: Record<string, unknown> = { device: 'unknown', clientType: 'html5', requestor }
  if (layout === 'flat') {
    body.mvpds = mvpds
    body.time = sandbox.clock.now()
  } else {
    requestor.mvpds = mvpds
  }
  return body
}

function configuration(ctx: RequestCtx): void {
  const { sp } = requireAccess(ctx)
  deviceId(ctx, false)
  deviceInfo(ctx, false)
  // `profile` query parameter: accepted, meaning UNSPECIFIED (section 5), so it changes nothing.
  const layout = ctx.url.searchParams.get('sandboxLayout') === 'flat' ? 'flat' : 'nested'
  sendJson(ctx.res, 200, configurationBody(ctx.sandbox, sp, layout))
}

export const configurationRoutes: Route[] = [
  { id: 'configuration', method: 'GET', pattern: '/api/v2/:serviceProvider/configuration', kind: 'api', handler: configuration },
]
