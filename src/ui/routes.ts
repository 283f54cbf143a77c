import type { Router } from '@lightningjs/sdk'
import { ActivationPage } from './pages/ActivationPage'
import { BootPage } from './pages/BootPage'
import { DecisionsPage } from './pages/DecisionsPage'
import { ErrorPage } from './pages/ErrorPage'
import { PlayerPage } from './pages/PlayerPage'
import { ProfilesPage } from './pages/ProfilesPage'
import { ReauthPage } from './pages/ReauthPage'
import type { RouteName } from './screens'

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
  return {
    root: routeNames.boot,
    routes: [
      { path: routeNames.boot, component: BootPage },
      { path: routeNames.profiles, component: ProfilesPage },
      { path: routeNames.activation, component: ActivationPage },
      { path: routeNames.reauth, component: ReauthPage },
      { path: routeNames.decisions, component: DecisionsPage },
      { path: routeNames.player, component: PlayerPage },
      { path: routeNames.error, component: ErrorPage },
    ],
    afterEachRoute(request) {
      onRouted(request.page, request.hash)
    },
  } as Router.Config
}
