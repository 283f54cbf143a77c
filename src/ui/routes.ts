/**
 * The map of the app: one row per route, naming the page that draws it and, through the screen the
 * services publish for that route, the view type the page takes (docs/architecture.md "Screens").
 * Pages receive their view from the app after each navigation; none fetches data itself.
 */
import type { Lightning, Router } from '@lightningjs/sdk'
import { ActivationPage } from './pages/ActivationPage'
import { BootPage } from './pages/BootPage'
import { DecisionsPage } from './pages/DecisionsPage'
import { ErrorPage } from './pages/ErrorPage'
import { PlayerPage } from './pages/PlayerPage'
import { ProfilesPage } from './pages/ProfilesPage'
import { ReauthPage } from './pages/ReauthPage'
import type { RouteName, Screen } from './model/screen'
import type { ErrorView } from './model/views'
import { copy, failureCopy } from './copy'

/** The view a route's page renders: the `view` of the screen published for that route. */
export type ViewOf<R extends RouteName> = Extract<Screen, { readonly route: R }>['view']

/**
 * What the app needs of a page: it takes its route's view (a page may read as viewless before the
 * first one arrives). A page that offers a `focusKey` has its place remembered across detours, and
 * one that offers `resetFocus` starts afresh when it is entered any other way (the Router keeps page
 * instances between visits, so without it the page would keep whatever place it last had).
 */
export interface RoutedPage<V> extends Lightning.Component {
  get view(): V | undefined
  set view(value: V)
  focusKey?: string
  resetFocus?(): void
}

type PageClass<R extends RouteName> = new (...args: never[]) => RoutedPage<ViewOf<R>>

/** Route → page. The mapped type ties each page to its route's view: a page that takes another fails to compile. */
export const pages: { readonly [R in RouteName]: PageClass<R> } = {
  boot: BootPage,
  profiles: ProfilesPage,
  activation: ActivationPage,
  reauth: ReauthPage,
  decisions: DecisionsPage,
  player: PlayerPage,
  error: ErrorPage,
}

/** Route names as constants (no magic strings for routes). */
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
 * The Router's own routes for a path it does not know (`*`) and a page it failed to load (`!`):
 * both draw the error page with a generic view, never a black screen.
 */
export const fallbackRoutes = { notFound: '*', failed: '!' } as const
export type FallbackRoute = (typeof fallbackRoutes)[keyof typeof fallbackRoutes]

export function isRouteName(route: string): route is RouteName {
  return Object.prototype.hasOwnProperty.call(pages, route)
}

export function isFallbackRoute(route: string): route is FallbackRoute {
  return route === fallbackRoutes.notFound || route === fallbackRoutes.failed
}

/** "Something went wrong / Try again", with a reference that tells support which of the two it was. */
export function fallbackView(route: FallbackRoute): ErrorView {
  return {
    ...failureCopy.generic,
    reference: route === fallbackRoutes.notFound ? 'screen_not_found' : 'screen_failed',
    actionLabel: copy.error.tryAgain,
  }
}

/** `page` as the page of `route`, if it is one (the Router hands pages over untyped). */
export function pageOf<R extends RouteName>(route: R, page: unknown): RoutedPage<ViewOf<R>> | undefined {
  const Page: PageClass<R> = pages[route]
  return page instanceof Page ? page : undefined
}

/**
 * Hands `screen`'s view to `page` when it is that screen's page; returns the page, or undefined when
 * it is not (the Router is still on another route). `Screen` pairs each route with its view, and the
 * instanceof check pairs the page with the route, so the view always reaches the page that takes it.
 */
export function showView(screen: Screen, page: unknown): RoutedPage<ViewOf<RouteName>> | undefined {
  const routed = pageOf(screen.route, page)
  if (routed) routed.view = screen.view
  return routed
}

/** The page drawing a fallback route, if `page` is one. */
export function fallbackPageOf(page: unknown): ErrorPage | undefined {
  return page instanceof ErrorPage ? page : undefined
}

/** The Router configuration built from the table; `onRouted` gets each route the Router finished drawing. */
export function buildRoutes(onRouted: (route: string, page: unknown) => void): Router.Config {
  // The flow is the app's history: the Router keeps none (Back on a page never lands on a page the
  // flow has left) and leaves location.hash alone (no hashchange arriving after a newer navigation).
  const options = { preventStorage: true }
  const table = Object.values(routeNames).map((path) => ({ path, component: pages[path], options }))
  const fallbacks = Object.values(fallbackRoutes).map((path) => ({ path, component: ErrorPage, options }))
  return {
    root: routeNames.boot,
    updateHash: false,
    routes: [...table, ...fallbacks],
    afterEachRoute(request) {
      onRouted(request.hash, request.page)
    },
  } as Router.Config
}
