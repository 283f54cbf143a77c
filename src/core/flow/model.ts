/**
 * The sign-in flow's vocabulary (design section 2): states, events and effects, each a discriminated
 * union. Effects are data; the runner performs them. Every state carries an `epoch` that changes
 * whenever a state is entered, so the runner can recognise (and drop) results and timers that
 * belong to a state already left.
 */
import type { Profile, Session } from '../pass/types'
import type { FlowFailure } from './failure'
import type { LastMvpd } from './ports'
import type { FlowSettings } from './settings'

/** App-wide conditions the flow must honour in whichever state it is. */
export interface Environment {
  /** The app is hidden (visibilitychange): polling pauses (design section 2). */
  readonly hidden: boolean
  /** The platform reported the network gone. */
  readonly offline: boolean
}

interface Base {
  readonly epoch: number
  readonly settings: FlowSettings
  readonly env: Environment
  /** The remembered provider, if any (reference 14 step 0.4). */
  readonly lastMvpd: LastMvpd | null
  /**
   * The provider the viewer chose to sign out of on this TV (remembered across launches), until the
   * next sign-in: its reauth screen then says the viewer signed out, not that the sign-in ended.
   */
  readonly signedOutOf: string | null
}

/** Which profiles request to make: the cached provider's, or all (reference 7.2). */
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

/**
 * Where Back leads from the activation screen: the reauth screen, or the provider grid the viewer
 * came from ("Another provider"); null when activation is the first screen (the exit dialog).
 */
export type BackTarget = 'reauth' | 'choosing' | 'authorized' | null

/**
 * The sign-in the viewer was using when they asked to switch provider: Back from an activation reached
 * that way returns to it (backTo `authorized`).
 */
export interface SignedIn {
  readonly profile: Profile
  readonly provider: LastMvpd | null
}

/**
 * How a viewer-requested logout ended (reference 8A, CL-LOGOUT-1), summarised over its entries:
 * `complete` (nothing more to do), `interactive` (the provider has a logout page the TV cannot open;
 * the sign-out on this TV is still finished), `invalid` (no valid profile was left to remove).
 */
export type SignOutOutcome = 'complete' | 'interactive' | 'invalid'

/** Poll bookkeeping while a code is shown. */
export interface PollStatus {
  /** At most one poll at a time (house rule 6). */
  readonly inFlight: boolean
  /** Local time the code was shown or the last poll ended: the next poll is due an interval later. */
  readonly lastAt: number
  /**
   * Local time the last poll was sent. A poll cut short (the app hidden, the network gone) still
   * counts: coming back never polls sooner than an interval after it, however often the app flaps.
   */
  readonly sentAt: number
  /** Consecutive transient failures (reference 14 step 3.5). */
  readonly failures: number
}

export interface StartingState extends Base {
  readonly kind: 'starting'
}

export interface LoadingProfilesState extends Base {
  readonly kind: 'loadingProfiles'
  readonly route: ProfilesRoute
  /** Loading again because a session answered `authorize`: an empty result then is a failure, not a new code (no loop). */
  readonly afterAuthorize: boolean
  /** Set when the viewer asked to switch provider from this sign-in (the grid then excludes nothing, focuses another). */
  readonly switchFrom?: SignedIn
  /** Set when "Use another provider" on the reauth screen asked: no profile then means a new code, with Back to reauth. */
  readonly fromReauth?: true
  /** Failed attempts in a row before this one (the automatic retry backs off on it). */
  readonly retries: number
  /**
   * The code the TV was polling when it last ran (a relaunch): if no profile is found, that code is
   * shown and polled again instead of a new one.
   */
  readonly resume?: PendingSession
}

export interface ChoosingState extends Base {
  readonly kind: 'choosing'
  /** Valid profiles, longest validity first (CL-AUTHN-R2). */
  readonly profiles: readonly Profile[]
  /** The tile focused first: the last provider when it is in the grid, else the first tile. */
  readonly focusedMvpd: string
  /** Reached through "Switch provider": Back returns to this sign-in. */
  readonly returnTo?: SignedIn
  /** Reached through "Use another provider" on reauth: Back returns there. */
  readonly fromReauth?: true
}

export interface ReauthState extends Base {
  readonly kind: 'reauth'
  /** "Sign in again with <provider.displayName>" (reference 14 step 4). */
  readonly provider: LastMvpd
  /**
   * Set when the viewer signed out (reference 14.6: the provider is kept for an easy sign-in again):
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
  /** Where Back leads (null: nowhere inside the flow; the UI owns the exit dialog). */
  readonly backTo: BackTarget
  /** With backTo `authorized`: the sign-in Back returns to. */
  readonly returnTo?: SignedIn
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
  readonly backTo: BackTarget
  readonly returnTo?: SignedIn
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
      readonly fromReauth?: true
      readonly switchFrom?: SignedIn
      readonly resume?: PendingSession
    }
  | {
      readonly to: 'activating'
      readonly mvpd: LastMvpd | null
      readonly backTo: BackTarget
      readonly returnTo?: SignedIn
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

export type FlowState =
  | StartingState
  | LoadingProfilesState
  | ChoosingState
  | ReauthState
  | ActivatingState
  | CodeExpiredState
  | AuthorizedState
  | FailedState

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
  /** From decisions: a decision answered action `authentication` (reference 14.5 → 14.4). */
  | { readonly type: 'reauthenticate' }
  /** From decisions: the viewer's logout finished (CL-LOGOUT-1); only ever after a viewer request (CL-LOGOUT-R1). */
  | { readonly type: 'signedOut'; readonly outcome: SignOutOutcome }

/** Platform signals (sent by the UI or the composition root). */
export type EnvironmentSignal =
  | { readonly type: 'hidden' }
  | { readonly type: 'visible' }
  | { readonly type: 'offline' }
  | { readonly type: 'online' }

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
  /** GET profiles (reference 7.2, first launch). */
  | { readonly type: 'loadProfiles' }
  /** GET profiles/{mvpd} (reference 7.2, returning viewer). */
  | { readonly type: 'loadProfileForMvpd'; readonly mvpd: string }
  /** The cached provider's integration is gone (invalid_integration): stop asking for it. */
  | { readonly type: 'forgetLastMvpd' }
  /** POST sessions, with the provider when re-authenticating (reference 6.1, 14 steps 3 and 4). */
  | { readonly type: 'createSession'; readonly mvpd?: string }
  /** GET profiles/code/{code} (reference 7.3). */
  | { readonly type: 'pollProfileForCode'; readonly code: string }
  /** Fire `pollDue` after `ms` (replaces a pending poll timer). */
  | { readonly type: 'schedulePoll'; readonly ms: number }
  /** Clear the poll timer and abort a poll in flight (pause: hidden or offline). */
  | { readonly type: 'cancelPoll' }
  /** Fire `expiryDue` when the server clock reaches `at`. */
  | { readonly type: 'scheduleExpiry'; readonly at: number }
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
