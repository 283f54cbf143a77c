/**
 * The sign-in flow's vocabulary (docs/architecture.md, "Flow"): states, events and effects, each a
 * discriminated union. Effects are data; the runner performs them. Every state carries an `epoch` that changes
 * whenever a state is entered, so the runner can recognise (and drop) results and timers that
 * belong to a state already left.
 */
import type { LastMvpd, Mvpd, Profile, Session } from '../pass/types'
import type { FlowFailure } from './failure'
import type { FlowSettings } from './settings'

/** App-wide conditions the flow must honour in whichever state it is. */
export interface Environment {
  /** The app is hidden (visibilitychange): polling pauses (docs/architecture.md, "Flow"). */
  readonly hidden: boolean
  /** The platform reported the network gone. */
  readonly offline: boolean
}

interface Base {
  readonly epoch: number
  readonly settings: FlowSettings
  readonly env: Environment
  /** The remembered provider, if any (CL-CFG-2). */
  readonly lastMvpd: LastMvpd | null
  /**
   * The provider the viewer chose to sign out of on this TV (remembered across launches), until the
   * next sign-in: its reauth screen then says the viewer signed out, not that the sign-in ended.
   */
  readonly signedOutOf: string | null
}

/** Which profiles request to make: the cached provider's, or all (Adobe's profiles APIs, docs/adobe-pass.md). */
export type ProfilesRoute = { readonly by: 'mvpd'; readonly mvpd: LastMvpd } | { readonly by: 'all' }

/** The code the viewer types on the second screen, and when it stops working (server time). */
export interface Activation {
  readonly code: string
  readonly notAfter: number
  /** Server time the session was created: "Get a new code" waits a few seconds after it. */
  readonly createdAt: number
  readonly displayUrl: string
  readonly qrUrl: string
}

/**
 * The authentication session the TV is polling, kept across launches so a relaunch while the viewer
 * is on the phone resumes the same code instead of making one the phone page would contradict.
 */
export interface PendingSession {
  readonly code: string
  /** Server time the code stops working. */
  readonly notAfter: number
  /** Server time it was created. */
  readonly createdAt: number
  /** The provider preselected for it (re-authentication), or null. */
  readonly mvpd: LastMvpd | null
}

/** The sign-in the viewer was using when they asked to switch provider: Back returns to it. */
export interface SignedIn {
  readonly profile: Profile
  readonly provider: LastMvpd | null
}

/**
 * How the viewer reached the current screen, in one value: where its Back leads, and what an empty
 * profiles answer means.
 */
export type Origin =
  /** The app's own start: nothing inside the flow to go back to (Back on a first screen asks to exit). */
  | { readonly kind: 'launch' }
  /**
   * A launch while a code was pending (the viewer may be on the phone): if no profile is found, that
   * code is shown and polled again instead of a new one. Only while the profiles load.
   */
  | { readonly kind: 'relaunch'; readonly pending: PendingSession }
  /**
   * A session answered `authorize`: the profiles are loaded again, and an empty answer is a failure,
   * not a new code (no session ↔ profiles loop). Only while the profiles load.
   */
  | { readonly kind: 'authorize' }
  /** "Switch provider" from this sign-in: Back returns to it. */
  | { readonly kind: 'switch'; readonly from: SignedIn }
  /** The reauth screen of `provider` ("Sign in again" or "Use another provider"): Back returns there. */
  | { readonly kind: 'reauth'; readonly provider: LastMvpd }
  /** "Another provider" on the grid: Back asks for the grid again, which was reached from `grid`. */
  | { readonly kind: 'grid'; readonly grid: GridOrigin }

type OriginOf<K extends Origin['kind']> = Extract<Origin, { readonly kind: K }>

/** Where a grid can come from. */
export type GridOrigin = OriginOf<'launch' | 'switch' | 'reauth'>
/** Why profiles are being loaded. */
export type LoadOrigin = OriginOf<'launch' | 'relaunch' | 'authorize' | 'switch' | 'reauth'>
/** Where an activation screen (a code shown, or expired) can come from. */
export type ActivationOrigin = OriginOf<'launch' | 'switch' | 'reauth' | 'grid'>

/**
 * How a viewer-requested logout ended (CL-LOGOUT-1), summarised over its entries:
 * `complete` (nothing more to do), `interactive` (the provider has a logout page the TV cannot open;
 * the sign-out on this TV is still finished), `invalid` (no valid profile was left to remove).
 */
export type SignOutOutcome = 'complete' | 'interactive' | 'invalid'

/** Poll bookkeeping while a code is shown. */
export interface PollStatus {
  /** At most one poll at a time (docs/architecture.md, "Flow"). */
  readonly inFlight: boolean
  /** Local time the code was shown or the last poll ended: the next poll is due an interval later. */
  readonly lastAt: number
  /**
   * Local time the last poll was sent. A poll cut short (the app hidden, the network gone) still
   * counts: coming back never polls sooner than an interval after it, however often the app flaps.
   */
  readonly sentAt: number
  /** Consecutive transient failures (CL-AUTHN-3: give up after a few). */
  readonly failures: number
}

export interface StartingState extends Base {
  readonly kind: 'starting'
  /** The provider the quick copy suggests (FlowStore.peekReturningProvider), for the first screen only. */
  readonly hint?: LastMvpd
}

export interface LoadingProfilesState extends Base {
  readonly kind: 'loadingProfiles'
  readonly route: ProfilesRoute
  readonly origin: LoadOrigin
  /** Failed attempts in a row before this one (the automatic retry backs off on it). */
  readonly retries: number
}

export interface ChoosingState extends Base {
  readonly kind: 'choosing'
  /** Valid profiles, longest validity first (CL-AUTHN-R2). */
  readonly profiles: readonly Profile[]
  /** The tile focused first: the last provider when it is in the grid, else the first tile. */
  readonly focusedMvpd: string
  readonly origin: GridOrigin
  /**
   * Names and logos of the grid's providers from the configuration, asked for on entering the grid
   * (CL-CFG-1: only when the viewer must choose); empty until it answers. Tiles without one show the
   * remembered provider's name or the id.
   */
  readonly providers: readonly LastMvpd[]
}

export interface ReauthState extends Base {
  readonly kind: 'reauth'
  /** "Sign in again with <provider.displayName>" (re-authentication with the cached provider). */
  readonly provider: LastMvpd
  /**
   * Set when the viewer signed out (CL-LOGOUT-1; the provider is kept for an easy sign-in again):
   * how it ended just now, or `earlier` on a later launch.
   */
  readonly signedOut?: SignOutOutcome | 'earlier'
}

export interface ActivatingState extends Base {
  readonly kind: 'activating'
  /** The provider preselected for the session; null lets the viewer pick on the second screen. */
  readonly mvpd: LastMvpd | null
  /** null while the session is being created. */
  readonly activation: Activation | null
  readonly poll: PollStatus
  /** Where Back leads (`launch`: nowhere inside the flow; the UI owns the exit dialog). */
  readonly origin: ActivationOrigin
  /** Failed attempts in a row before this one (the automatic retry backs off on it). */
  readonly retries: number
  /**
   * Set while a retry's first poll of a kept code is out: the failure it retries. The error screen
   * stays up until the service answers, so the code does not flash on and off during an outage.
   */
  readonly probe?: FlowFailure
}

export interface CodeExpiredState extends Base {
  readonly kind: 'codeExpired'
  /** "Get a new code" creates the next session with the same choice. */
  readonly mvpd: LastMvpd | null
  readonly origin: ActivationOrigin
  /** Server time the last session was created (0: none): a new one waits a few seconds after it. */
  readonly lastCreatedAt: number
}

export interface AuthorizedState extends Base {
  readonly kind: 'authorized'
  readonly profile: Profile
  /** The provider with its name and logo; null until resolved from the configuration. */
  readonly provider: LastMvpd | null
  /** True once the provider and profile parts were handed to the store (saved or logged as failed). */
  readonly persisted: boolean
}

/** Where "Try again" goes from `failed`. */
export type RetryTarget =
  | {
      readonly to: 'loadingProfiles'
      readonly route: ProfilesRoute
      /** Kept through "Try again" so the retried load still knows where Back leads. */
      readonly origin: LoadOrigin
    }
  | {
      readonly to: 'activating'
      readonly mvpd: LastMvpd | null
      readonly origin: ActivationOrigin
      /** The code that was being polled: "Try again" polls it again while it is valid (no new session). */
      readonly resume?: Activation
    }

export interface FailedState extends Base {
  readonly kind: 'failed'
  readonly error: FlowFailure
  readonly retry: RetryTarget
  /** Local time the failure was taken in: retries never come sooner than a poll interval after it. */
  readonly failedAt: number
  /** This failure's number in a row (1 = the first): the automatic retry backs off on it. */
  readonly attempt: number
  /**
   * Local time the flow tries again by itself (a service outage: backoff with jitter, capped), or
   * null when only the viewer (or the network's return) can.
   */
  readonly autoRetryAt: number | null
}

export type FlowState = StartingState | LoadingProfilesState | ChoosingState | ReauthState | ActivatingState | CodeExpiredState | AuthorizedState | FailedState

export type FlowStateKind = FlowState['kind']

// ---------------------------------------------------------------------------------------------
// Events

/** What the viewer asks for (sent by the UI). */
export type UserIntent =
  | { readonly type: 'pickProfile'; readonly mvpd: string }
  | { readonly type: 'signInAgain' }
  | { readonly type: 'useAnotherProvider' }
  | { readonly type: 'newCode' }
  | { readonly type: 'tryAgain' }
  | { readonly type: 'back' }
  /** From decisions: choose among the other signed-in providers, or sign in with another one. */
  | { readonly type: 'switchProvider' }
  /** From decisions: a decision answered action `authentication` (CL-AUTHZ-2): sign in again. */
  | { readonly type: 'reauthenticate' }
  /** From decisions: the viewer's logout finished (CL-LOGOUT-1); only ever after a viewer request (CL-LOGOUT-R1). */
  | { readonly type: 'signedOut'; readonly outcome: SignOutOutcome }

/** Platform signals (sent by the UI or the composition root). */
export type EnvironmentSignal = { readonly type: 'hidden' } | { readonly type: 'visible' } | { readonly type: 'offline' } | { readonly type: 'online' }

/** Everything outside the runner may send. */
export type FlowInput = UserIntent | EnvironmentSignal

/** Local and server time when an event was taken in (stamped by the runner; the machine stays pure). */
export interface Stamp {
  readonly now: number
  readonly serverNow: number
  /** A random number in [0, 1) for retry jitter, so TVs that failed together do not retry together. */
  readonly random: number
}

/** What the flow remembers across launches, read once at start-up. */
export interface Remembered {
  readonly lastMvpd: LastMvpd | null
  readonly pending: PendingSession | null
  /** The provider the viewer signed out of, if they did and have not signed in since. */
  readonly signedOutOf: string | null
}

/** Results of effects and timers (produced by the runner only). */
export type EffectResult =
  | { readonly type: 'launch' }
  | ({ readonly type: 'remembered' } & Remembered & Stamp)
  /** FlowStore.peekReturningProvider answered before the real reads. */
  | { readonly type: 'providerHint'; readonly mvpd: LastMvpd }
  | ({ readonly type: 'profilesLoaded'; readonly profiles: readonly Profile[] } & Stamp)
  | ({ readonly type: 'profileForMvpdLoaded'; readonly profile: Profile | null } & Stamp)
  | ({ readonly type: 'loadFailed'; readonly error: FlowFailure } & Stamp)
  | ({ readonly type: 'sessionCreated'; readonly session: Session } & Stamp)
  | ({ readonly type: 'sessionFailed'; readonly error: FlowFailure } & Stamp)
  | ({ readonly type: 'pollSucceeded'; readonly profiles: readonly Profile[] } & Stamp)
  | ({ readonly type: 'pollFailed'; readonly error: FlowFailure } & Stamp)
  | { readonly type: 'pollDue' }
  | ({ readonly type: 'expiryDue' } & Stamp)
  | ({ readonly type: 'retryDue' } & Stamp)
  | { readonly type: 'persisted'; readonly provider: LastMvpd }
  | { readonly type: 'providersLoaded'; readonly providers: readonly Mvpd[] }

/** Intents whose rule depends on time (a new code waits after the last; a retry resumes a valid code). */
export type TimedIntent = Extract<UserIntent, { readonly type: 'newCode' | 'tryAgain' }>

export type FlowEvent =
  | Exclude<UserIntent, TimedIntent>
  | (TimedIntent & Stamp)
  | { readonly type: 'hidden' }
  | ({ readonly type: 'visible' } & Stamp)
  | ({ readonly type: 'offline' } & Stamp)
  | ({ readonly type: 'online' } & Stamp)
  | EffectResult

// ---------------------------------------------------------------------------------------------
// Effects

export type FlowEffect =
  /** Read the remembered provider, the pending session and the sign-out marker. */
  | { readonly type: 'loadRemembered' }
  /** GET profiles (first launch, no cached provider). */
  | { readonly type: 'loadProfiles' }
  /** GET profiles/{mvpd} (a returning viewer with a cached provider). */
  | { readonly type: 'loadProfileForMvpd'; readonly mvpd: string }
  /** The cached provider's integration is gone (invalid_integration): stop asking for it. */
  | { readonly type: 'forgetLastMvpd' }
  /** POST sessions, with the provider when re-authenticating (Adobe's sessions APIs, docs/adobe-pass.md). */
  | { readonly type: 'createSession'; readonly mvpd?: string }
  /** GET profiles/code/{code}: the poll (CL-AUTHN-1..3). */
  | { readonly type: 'pollProfileForCode'; readonly code: string }
  /** Fire `pollDue` after `ms` (replaces a pending poll timer). */
  | { readonly type: 'schedulePoll'; readonly ms: number }
  /** Clear the poll timer and abort a poll in flight (pause: hidden or offline). */
  | { readonly type: 'cancelPoll' }
  /** Fire `expiryDue` when the server clock reaches `at`. */
  | { readonly type: 'scheduleExpiry'; readonly at: number }
  /** GET configuration for the grid's provider names (CL-CFG-1; the client caches it briefly, CL-CFG-R1). */
  | { readonly type: 'loadProviders' }
  /** Store the provider (CL-CFG-2) and profile parts (CL-AUTHN-4); resolve the name from configuration if unknown (CL-CFG-1). */
  | { readonly type: 'persistAuthorized'; readonly profile: Profile; readonly provider: LastMvpd | null }
  /** Keep the code being polled across launches. */
  | { readonly type: 'savePendingSession'; readonly session: PendingSession }
  /** The TV gave up on its code (signed in, expired, replaced, left): never resumed, never shown again. */
  | { readonly type: 'clearPendingSession' }
  /** The viewer signed out of this provider: say so on the next launch too. */
  | { readonly type: 'rememberSignOut'; readonly mvpd: string }
  /** A sign-in happened: the sign-out is no longer the news. */
  | { readonly type: 'forgetSignOut' }
  /** Fire `retryDue` after `ms` (the failed state's automatic retry). */
  | { readonly type: 'scheduleRetry'; readonly ms: number }

export interface Transition {
  readonly state: FlowState
  readonly effects: readonly FlowEffect[]
}
