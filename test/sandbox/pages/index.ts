/** Routes of the second-screen pages (companion app + stand-in provider). Not throttled: not Adobe's. */
import type { Route } from '../context'
import { activateHandlers as a } from './activate'
import { seeOther } from './layout'
import { mvpdHandlers as m } from './mvpd'

/** Where a viewer starts; the CLI prints it and the TV shows it (settings pass.activationUrl). */
export const ACTIVATION_PATH = '/activate'

export const pageRoutes: Route[] = [
  { id: 'page/root', method: 'GET', pattern: '/', kind: 'page', handler: (ctx) => seeOther(ctx.res, ACTIVATION_PATH) },
  { id: 'page/activate', method: 'GET', pattern: '/activate', kind: 'page', handler: a.showForm },
  { id: 'page/activate', method: 'POST', pattern: '/activate', kind: 'page', handler: a.submitCode },
  { id: 'page/provider', method: 'GET', pattern: '/activate/provider', kind: 'page', handler: a.showPicker },
  { id: 'page/provider', method: 'POST', pattern: '/activate/provider', kind: 'page', handler: a.pickProvider },
  { id: 'page/done', method: 'GET', pattern: '/activate/done', kind: 'page', handler: a.done },
  { id: 'page/mvpd-login', method: 'GET', pattern: '/mvpd/:mvpd/login', kind: 'page', handler: m.showLogin },
  { id: 'page/mvpd-login', method: 'POST', pattern: '/mvpd/:mvpd/login', kind: 'page', handler: m.submitLogin },
  { id: 'page/mvpd-logout', method: 'GET', pattern: '/mvpd/:mvpd/logout', kind: 'page', handler: m.logoutPage },
]
