/**
 * What each screen shows, as plain data. App.ts derives these from the flow's state (present.ts);
 * pages only render them and fire intents, so every screen can be tested with made-up views.
 */
export interface ProfileTileView {
  readonly mvpd: string
  readonly name: string
  readonly logoUrl?: string
  /** "Signed in · 29 days left" */
  readonly validity: string
  readonly lastUsed: boolean
}

export interface ProfilesView {
  readonly tiles: readonly ProfileTileView[]
  /** The mvpd whose tile takes the focus first (the last provider used). */
  readonly focusMvpd?: string
  /** Back returns to the titles (a grid opened by "Switch provider") instead of asking to exit. */
  readonly canGoBack: boolean
}

export interface ActivationView {
  readonly code: string
  /** Short address shown as text ("127.0.0.1:4000/activate"). */
  readonly displayUrl: string
  /** Full URL with the code filled in, encoded in the QR code. */
  readonly qrUrl: string
  /** Session end in server time (ms); the page counts down to it. */
  readonly notAfter: number
  readonly expired: boolean
  /** Set while a new code is being created. */
  readonly busy: boolean
  /** Server time from which "Get a new code" works again (a few seconds after the last code was made). */
  readonly newCodeAt: number
  /** The provider when re-authenticating with a remembered one. */
  readonly providerName?: string
  /** Now in server time. */
  readonly now: () => number
  /** Back returns to the screen the viewer came from (reauth or the grid) instead of asking to exit. */
  readonly canGoBack: boolean
}

export interface ReauthView {
  readonly providerName: string
  readonly logoUrl?: string
  /** After a sign-out: the title and line that say it finished (else the "sign-in has ended" words). */
  readonly title?: string
  readonly message?: string
}

export interface DecisionItemView {
  readonly id: string
  readonly title: string
  /** `notInPackage`, `parentalControls`, `unavailableNow`: a deny by its reason (preauthorization or the title just chosen). */
  readonly badge: 'included' | 'notInPackage' | 'parentalControls' | 'unavailableNow' | 'checking' | 'unknown'
}

export interface DecisionsView {
  readonly providerName: string
  readonly logoUrl?: string
  readonly items: readonly DecisionItemView[]
  /** A line under the row: a deny message, a permit's validity, or a sign-out result. */
  readonly notice?: { readonly tone: 'info' | 'success' | 'danger'; readonly text: string }
  /** The title the notice is about: it shows while that title (or a button) is focused. */
  readonly noticeFor?: string
  /** A title is being authorized: Back cancels that instead of asking to exit. */
  readonly playPending?: boolean
  /** Small print under a deny: the enhanced error code and trace for support, never a secret. */
  readonly reference?: string
  readonly busy: boolean
  /**
   * The remembered provider's profile is still in flight (a returning viewer's launch): the row shows
   * "Checking…" and a title chosen now waits for the answer instead of being authorized.
   */
  readonly confirming?: boolean
}

/** The player stand-in: playback would start now (the media token's validity, never the token). */
export interface PlayerView {
  readonly title: string
  readonly headline: string
  /** "Your access to this title is confirmed for the next 7 minutes" */
  readonly validity: string
  /** A degraded or TempPass decision says so (the decision's `source`). */
  readonly note?: string
}

export interface ErrorView {
  readonly title: string
  readonly message: string
  /** Small print for support: the code and trace, never a secret. */
  readonly reference?: string
  readonly actionLabel: string
  /** Local time the app tries again by itself (a service outage); absent when it waits for the viewer. */
  readonly autoRetryAt?: number
  /** Local time now, for the countdown to `autoRetryAt`. */
  readonly now?: () => number
  /** A retry is out now ("Trying again…"). */
  readonly retrying?: boolean
}

export interface BootView {
  /**
   * Which words the boot screen shows, looked up when drawn and said: the first screen is published
   * before the TV's language is known, and must not stay in the fallback language.
   */
  readonly message: 'starting' | 'checking'
}
