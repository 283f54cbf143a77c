import type { ActivationView, BootView, DecisionsView, ErrorView, PlayerView, ProfilesView, ReauthView } from './views'
import type { UiIntent } from './intents'

/**
 * The screens of docs/architecture.md ("Screens"), by route, each with the view its page renders; `offline` puts
 * the network-loss banner over any screen (Samsung's network-loss requirement).
 */
export type Screen = ScreenByRoute & { readonly offline?: boolean }

type ScreenByRoute =
  | { readonly route: 'boot'; readonly view: BootView }
  | { readonly route: 'profiles'; readonly view: ProfilesView }
  | { readonly route: 'activation'; readonly view: ActivationView }
  | { readonly route: 'reauth'; readonly view: ReauthView }
  | { readonly route: 'decisions'; readonly view: DecisionsView }
  | { readonly route: 'player'; readonly view: PlayerView }
  | { readonly route: 'error'; readonly view: ErrorView }

export type RouteName = Screen['route']

/**
 * Where screens come from: the composition root adapts the sign-in flow and the decisions logic
 * to this, so the UI neither knows nor drives Adobe Pass itself.
 */
export interface ScreenSource {
  /** Calls `listener` with the current screen at once, then on every change; returns the unsubscribe. */
  subscribe(listener: (screen: Screen) => void): () => void
  dispatch(intent: UiIntent): void
}

/** What the app needs from the outside world, built by src/index.ts. */
export interface AppServices {
  readonly screens: ScreenSource
  /** Leaves the app the way the platform wants (Tizen exit(), webOS close, a blank page in a browser). */
  exitApp(): void
  /**
   * Subscribes to the Magic Remote pointer showing (true) and hiding (false); returns the
   * unsubscribe. Absent, or never firing, where the platform has no such pointer.
   */
  pointerVisibility?(listener: (visible: boolean) => void): () => void
}
