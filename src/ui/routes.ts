import type { Router } from '@lightningjs/sdk'
import { ActivationPage } from './pages/ActivationPage'
import { BootPage } from './pages/BootPage'
import { DecisionsPage } from './pages/DecisionsPage'
import { ErrorPage } from './pages/ErrorPage'
import { PlayerPage } from './pages/PlayerPage'
import { ProfilesPage } from './pages/ProfilesPage'
import { ReauthPage } from './pages/ReauthPage'
import type { RouteName } from './model/screen'

/** Route names as constants (style.md A2: no magic strings for routes). */
export const routeNames = {
  boot: 'boot',
  profiles: 'profiles',
  activation: 'activation',
  reauth: 'reauth',
  decisions: 'decisions',
  player: 'player',
  error: 'error',
} as const satisfies Record<RouteName, RouteName>

/**
 * The map of the app (style.md rule 9). Pages receive their view from the app after each navigation
 * (`onRouted`); none fetches data itself.
 */
export function buildRoutes(onRouted: (page: unknown, route: string) => void): Router.Config {
  // The flow is the app's history: the Router keeps none (Back on a page never lands on a page the
  // flow has left) and leaves location.hash alone (no hashchange arriving after a newer navigation).
  const options = { preventStorage: true }
  return {
    root: routeNames.boot,
    updateHash: false,
    routes: [
      { path: routeNames.boot, component: BootPage, options },
      { path: routeNames.profiles, component: ProfilesPage, options },
      { path: routeNames.activation, component: ActivationPage, options },
      { path: routeNames.reauth, component: ReauthPage, options },
      { path: routeNames.decisions, component: DecisionsPage, options },
      { path: routeNames.player, component: PlayerPage, options },
      { path: routeNames.error, component: ErrorPage, options },
    ],
    afterEachRoute(request) {
      onRouted(request.page, request.hash)
    },
  } as Router.Config
}
