/**
 * Logout (docs/adobe-pass.md "Endpoints"): only ever on the viewer's request (CL-LOGOUT-R1: the client never calls it
 * by itself). Returns one entry per removed profile; the caller follows `actionName` (CL-LOGOUT-1).
 */
import type { PassSettings } from '../base/settings'
import { pathOf, type PassHttp } from './http'
import type { CallOptions, LogoutEntry } from './types'
import { requireMvpdId } from './validate'
import { parseLogouts } from './wire'

export async function logout(http: PassHttp, settings: PassSettings, mvpd: string, options: CallOptions = {}): Promise<LogoutEntry[]> {
  return http.send(
    {
      method: 'GET',
      path: pathOf('/api/v2', settings.serviceProvider, 'logout', requireMvpdId(mvpd, 'GET logout/{mvpd}')),
      // redirectUrl (R, URL-encoded by the query builder): the page after an MVPD logout.
      query: { redirectUrl: settings.redirectUrl },
      api: 'v2',
      signal: options.signal,
    },
    parseLogouts,
  )
}
