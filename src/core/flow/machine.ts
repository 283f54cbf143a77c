/**
 * The sign-in flow as a pure function: `transition(state, event) -> { state, effects }`
 * (docs/architecture.md, "Flow"). No I/O, no clock: time arrives inside events (stamped by the
 * runner), and everything to do is returned as data. Entering a state bumps the epoch; staying
 * keeps it.
 *
 * The steps cited below are those of Adobe's second-screen flow (docs/adobe-pass.md): a returning
 * viewer with a cached provider, a first launch without one, the code shown and polled, and
 * re-authentication with the cached provider.
 */
import { assertNever } from '../base/guards'
import { isValidAt, validProfiles } from '../pass/profiles'
import type { LastMvpd, Profile } from '../pass/types'
import { isValidCode } from '../pass/validate'
import { activationUrls } from './activation-url'
import { rememberedProvider } from './provider'
import type { FlowFailure } from './failure'
import { isNetworkFailure, isTransientFailure } from './failure'
import type {
  Activation,
  ActivatingState,
  ActivationOrigin,
  AuthorizedState,
  ChoosingState,
  CodeExpiredState,
  FailedState,
  FlowEffect,
  FlowEvent,
  FlowState,
  GridOrigin,
  LoadingProfilesState,
  LoadOrigin,
  PendingSession,
  ProfilesRoute,
  ReauthState,
  RetryTarget,
  SignedIn,
  SignOutOutcome,
  StartingState,
  Stamp,
  Transition,
} from './model'
import type { FlowSettings } from './settings'
import { AUTO_RETRY_BASE_MS, AUTO_RETRY_JITTER, AUTO_RETRY_MAX_MS, DEFAULT_CODE_LIFETIME_MS, NEW_CODE_COOLDOWN_MS, RESUME_MIN_LEFT_MS } from './settings'

/** Codes that mean the code itself is dead while polling (CL-AUTHN-2: stop, offer a new code). */
const DEAD_CODE_ERRORS: ReadonlySet<string> = new Set(['invalid_authentication_session', 'invalid_parameter_code'])

const LAUNCH = { kind: 'launch' } as const

export function initialState(settings: FlowSettings): StartingState {
  return { kind: 'starting', epoch: 0, settings, env: { hidden: false, offline: false }, lastMvpd: null, signedOutOf: null }
}

export function transition(state: FlowState, event: FlowEvent): Transition {
  switch (state.kind) {
    case 'starting':
      return fromStarting(state, event)
    case 'loadingProfiles':
      return fromLoadingProfiles(state, event)
    case 'choosing':
      return fromChoosing(state, event)
    case 'reauth':
      return fromReauth(state, event)
    case 'activating':
      return fromActivating(state, event)
    case 'codeExpired':
      return fromCodeExpired(state, event)
    case 'authorized':
      return fromAuthorized(state, event)
    case 'failed':
      return fromFailed(state, event)
    default:
      return assertNever(state)
  }
}

// ---------------------------------------------------------------------------------------------
// Per state

function fromStarting(state: StartingState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'launch':
      return stay(state, [{ type: 'loadRemembered' }])
    case 'providerHint':
      return stay({ ...state, hint: event.mvpd })
    case 'remembered': {
      const { hint: _hint, ...rest } = state
      const next: StartingState = { ...rest, lastMvpd: event.lastMvpd, signedOutOf: event.signedOutOf }
      const { pending } = event
      const route: ProfilesRoute = event.lastMvpd ? { by: 'mvpd', mvpd: event.lastMvpd } : { by: 'all' }
      // A relaunch while the viewer is on the phone: the profiles are asked for first (the sign-in may
      // have finished meanwhile); if there is none, the same code is polled (the phone already took it).
      if (pending && pending.notAfter - event.serverNow > RESUME_MIN_LEFT_MS) return toLoading(next, route, { kind: 'relaunch', pending })
      const loading = toLoading(next, route, LAUNCH)
      // A code too close to its end is given up: never shown again.
      return pending ? withEffects(loading, [{ type: 'clearPendingSession' }]) : loading
    }
    default:
      return ambient(state, event)
  }
}

function fromLoadingProfiles(state: LoadingProfilesState, event: FlowEvent): Transition {
  const { route, origin } = state
  switch (event.type) {
    case 'profileForMvpdLoaded':
      if (route.by !== 'mvpd') return stay(state)
      // A returning viewer: a valid profile goes straight to decisions; none (or expired) asks to sign in again.
      if (event.profile && isValidAt(event.profile, event.serverNow)) return leaveResume(state, toAuthorized(state, event.profile, [route.mvpd]))
      // A relaunch mid-sign-in: the code on the phone is polled again rather than asking again.
      if (origin.kind === 'relaunch') return resumeOrElse(state, origin.pending, event, () => toReauth(state, route.mvpd))
      return toReauth(state, route.mvpd)
    case 'profilesLoaded': {
      if (route.by !== 'all') return stay(state)
      const valid = validProfiles(event.profiles, event.serverNow)
      if (origin.kind === 'relaunch' && valid.length === 0) {
        return resumeOrElse(state, origin.pending, event, () => afterProfilesLoaded(state, valid, event))
      }
      return leaveResume(state, afterProfilesLoaded(state, valid, event))
    }
    case 'loadFailed':
      return onLoadFailed(state, event.error, event)
    case 'offline':
      return toFailed(withEnv(state, { offline: true }), { kind: 'offline' }, retryLoading(state), event, state.retries)
    default:
      return ambient(state, event)
  }
}

/** All profiles answered: what they lead to depends on how the viewer got here. */
function afterProfilesLoaded(state: LoadingProfilesState, valid: readonly Profile[], at: Stamp): Transition {
  const { origin } = state
  switch (origin.kind) {
    case 'switch':
      return afterSwitchLoaded(state, origin.from, valid)
    case 'reauth':
      return afterAnotherProviderLoaded(state, origin.provider, valid)
    case 'authorize':
    case 'launch':
    case 'relaunch':
      return afterLaunchLoaded(state, valid, at)
    default:
      return assertNever(origin)
  }
}

/** At launch (or after an `authorize` answer): none → a code, one → signed in, several → the grid. */
function afterLaunchLoaded(state: LoadingProfilesState, valid: readonly Profile[], at: Stamp): Transition {
  const [first] = valid
  if (!first) {
    // A session said "authorize" yet nothing is there: stop rather than loop session ↔ profiles.
    if (state.origin.kind === 'authorize') {
      return toFailed(state, { kind: 'noProfileAfterAuthorize' }, { to: 'activating', mvpd: null, origin: LAUNCH }, at, state.retries)
    }
    return toActivating(state, null, LAUNCH)
  }
  // A single profile is picked automatically; several → the grid (CL-AUTHN-R2).
  if (valid.length === 1) return toAuthorized(state, first, [])
  return toChoosing(state, valid, LAUNCH)
}

/** The remembered code, still valid in server time, polled again; otherwise given up and `orElse`. */
function resumeOrElse(state: LoadingProfilesState, pending: PendingSession, at: Stamp, orElse: () => Transition): Transition {
  if (pending.notAfter - at.serverNow > RESUME_MIN_LEFT_MS) return toResumed(state, pending, at)
  return withEffects(orElse(), [{ type: 'clearPendingSession' }])
}

/** A sign-in found without the remembered code: that code is given up (never shown again). */
function leaveResume(state: LoadingProfilesState, next: Transition): Transition {
  return state.origin.kind === 'relaunch' ? withEffects(next, [{ type: 'clearPendingSession' }]) : next
}

/**
 * "Switch provider" (docs/architecture.md, "Screens"): the grid when other valid profiles exist (all of them, the
 * current one included so the viewer can change their mind, focus on the first other provider);
 * otherwise activation without a preselected provider, whose Back returns to the sign-in still in
 * use. The single-profile auto-pick does not apply here: it would pick the very
 * provider the viewer wants to leave.
 */
function afterSwitchLoaded(state: LoadingProfilesState, from: SignedIn, valid: readonly Profile[]): Transition {
  const [other] = valid.filter((p) => p.mvpd !== from.profile.mvpd)
  if (other) return toChoosing(state, valid, { kind: 'switch', from }, other.mvpd)
  const current = valid.find((p) => p.mvpd === from.profile.mvpd)
  if (current) return toActivating(state, null, { kind: 'switch', from: { profile: current, provider: from.provider } })
  // The sign-in in use has ended meanwhile: nothing to go back to.
  return toActivating(state, null, LAUNCH)
}

/**
 * "Use another provider" on the reauth screen: the provider being re-authenticated is left out (its
 * profile may still be listed while its decisions say authentication, which would loop); one other
 * sign-in is taken, several make a grid whose Back returns to reauth, none asks for a new code.
 */
function afterAnotherProviderLoaded(state: LoadingProfilesState, provider: LastMvpd, valid: readonly Profile[]): Transition {
  const origin = { kind: 'reauth', provider } as const
  const others = valid.filter((p) => p.mvpd !== provider.id)
  const [first] = others
  if (!first) return toActivating(state, null, origin)
  if (others.length === 1) return toAuthorized(state, first, [])
  return toChoosing(state, others, origin, first.mvpd)
}

/**
 * "Try again" after a failed load keeps where the load came from, except after an `authorize`
 * answer: the retry starts over, so an empty answer then asks for a new code.
 */
function retryLoading(state: LoadingProfilesState): RetryTarget {
  const { route, origin } = state
  return { to: 'loadingProfiles', route, origin: origin.kind === 'authorize' ? LAUNCH : origin }
}

function onLoadFailed(state: LoadingProfilesState, error: FlowFailure, at: Stamp): Transition {
  const { route } = state
  if (error.kind === 'pass') {
    if (route.by === 'mvpd') {
      // The provider's integration is gone (Adobe's configuration FAQ): forget it and look at all profiles.
      if (error.code === 'invalid_integration') {
        const next = { ...state, lastMvpd: null }
        const loading = toLoading(next, { by: 'all' }, state.origin)
        return withEffects(loading, [{ type: 'forgetLastMvpd' }])
      }
      // 403 or action authentication → re-authentication with the cached provider.
      if (error.httpStatus === 403 || error.action === 'authentication') return toReauth(state, route.mvpd)
    } else if (error.action === 'authentication') {
      // CL-ERR-1: authentication → a new sign-in; from reauth, Back still returns there.
      return toActivating(state, null, state.origin.kind === 'reauth' ? state.origin : LAUNCH)
    }
  }
  // The client already retried transient failures (docs/architecture.md, "Flow"); show the error with "Try again".
  return toFailed(state, error, retryLoading(state), at, state.retries)
}

function fromChoosing(state: ChoosingState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'pickProfile': {
      const profile = state.profiles.find((candidate) => candidate.mvpd === event.mvpd)
      // The configuration's name and logo, when it answered, spare persisting a second request.
      return profile ? toAuthorized(state, profile, state.providers) : stay(state)
    }
    case 'providersLoaded': {
      const inGrid = event.providers.filter((mvpd) => state.profiles.some((p) => p.mvpd === mvpd.id))
      return stay({ ...state, providers: inGrid.map(rememberedProvider) })
    }
    case 'useAnotherProvider':
      return toActivating(state, null, { kind: 'grid', grid: state.origin }) // Back returns to the grid
    case 'back': {
      const { origin } = state
      switch (origin.kind) {
        case 'switch': // a grid opened by "Switch provider": Back keeps the sign-in the viewer came from
          return toAuthorized(state, origin.from.profile, [origin.from.provider])
        case 'reauth': // a grid opened by "Use another provider" on reauth: Back returns there
          return toReauth(state, origin.provider)
        case 'launch':
          return stay(state)
        default:
          return assertNever(origin)
      }
    }
    default:
      return ambient(state, event)
  }
}

function fromReauth(state: ReauthState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'signInAgain':
      // Re-authentication: the session carries the provider.
      return toActivating(state, state.provider, { kind: 'reauth', provider: state.provider })
    case 'useAnotherProvider':
      // Another provider may still be signed in on this TV: look before asking for a new sign-in;
      // with none, the viewer picks the provider on the second screen.
      return toLoading(state, { by: 'all' }, { kind: 'reauth', provider: state.provider })
    default:
      return ambient(state, event)
  }
}

function fromActivating(state: ActivatingState, event: FlowEvent): Transition {
  const { activation, poll, settings } = state
  switch (event.type) {
    case 'sessionCreated': {
      if (activation) return stay(state)
      const { session } = event
      // A profile already exists (Adobe's sessions APIs): load it instead of showing a code.
      if (session.actionName === 'authorize') {
        return toLoading(state, state.mvpd ? { by: 'mvpd', mvpd: state.mvpd } : { by: 'all' }, { kind: 'authorize' })
      }
      // A code the TV cannot poll safely (codes are letters and digits) is never shown.
      if (!session.code || !isValidCode(session.code)) {
        return toFailed(state, { kind: 'unexpectedSession', actionName: session.actionName }, retryActivation(state), event, state.retries)
      }
      const notAfter = session.notAfter ?? event.serverNow + DEFAULT_CODE_LIFETIME_MS
      if (event.serverNow >= notAfter) return toCodeExpired(state)
      const created: Activation = { code: session.code, notAfter, createdAt: event.serverNow, ...activationUrls(settings.activationUrl, session.code) }
      const next: ActivatingState = { ...state, activation: created, poll: { inFlight: false, lastAt: event.now, sentAt: 0, failures: 0 } }
      // CL-AUTHN-1: polling starts with the code on screen; the first poll is one interval later.
      const effects: FlowEffect[] = [
        { type: 'savePendingSession', session: pendingOf(created, state.mvpd) },
        { type: 'scheduleExpiry', at: notAfter },
      ]
      if (!isPaused(next)) effects.push({ type: 'schedulePoll', ms: settings.pollIntervalMs })
      return stay(next, effects)
    }
    case 'sessionFailed':
      if (activation) return stay(state)
      return toFailed(state, event.error, retryActivation(state), event, state.retries)
    case 'pollDue':
      if (!activation || poll.inFlight || isPaused(state)) return stay(state)
      return sendPoll(state, activation, stateNow(state))
    case 'pollSucceeded': {
      if (!activation || !poll.inFlight) return stay(state)
      // CL-AUTHN-2: stop on success. Several profiles for one code: the longest validity (CL-AUTHN-R2).
      const [best] = validProfiles(event.profiles, event.serverNow)
      if (best) return withEffects(toAuthorized(state, best, [state.mvpd]), [{ type: 'clearPendingSession' }])
      if (event.serverNow >= activation.notAfter) return toCodeExpired(state)
      // Empty map: the sign-in is still pending; next poll an interval after this one ended.
      const { probe: _answered, ...rest } = state
      const next: ActivatingState = { ...rest, poll: { ...poll, inFlight: false, lastAt: event.now, failures: 0 } }
      return stay(next, isPaused(next) ? [] : [{ type: 'schedulePoll', ms: settings.pollIntervalMs }])
    }
    case 'pollFailed':
      if (!activation || !poll.inFlight) return stay(state)
      return onPollFailed(state, event.error, event)
    case 'expiryDue':
      if (!activation) return stay(state)
      // Judged on server time (CL-AUTHN-2); a server clock that moved since scheduling just re-arms.
      if (event.serverNow >= activation.notAfter) return toCodeExpired(state)
      return stay(state, [{ type: 'scheduleExpiry', at: activation.notAfter }])
    case 'newCode':
      // Never a second session while one is being made, nor within a few seconds of the last one
      // (a mashed OK must not leave a trail of codes the phone would still accept).
      if (!activation || event.serverNow - activation.createdAt < NEW_CODE_COOLDOWN_MS) return stay(state)
      // CL-AUTHN-2: the old poll stops (leaving the epoch) before the new session is requested.
      return withEffects(toActivating(state, state.mvpd, state.origin), [{ type: 'clearPendingSession' }])
    case 'back':
      return withEffects(back(state), activation ? [{ type: 'clearPendingSession' }] : [])
    case 'hidden':
    case 'offline': {
      const flag = event.type === 'hidden' ? { hidden: true } : { offline: true }
      const next = withEnv(state, flag)
      // Offline before a code exists: nothing to show, so report it and retry when the network returns.
      if (!activation && event.type === 'offline') return toFailed(next, { kind: 'offline' }, retryActivation(state), event, state.retries)
      if (!activation) return stay(next)
      // Pause (docs/architecture.md, "Flow"): no timer, no request in flight; the code stays on screen.
      return stay({ ...next, poll: { ...next.poll, inFlight: false } }, [{ type: 'cancelPoll' }])
    }
    case 'visible':
    case 'online': {
      const wasPaused = event.type === 'visible' ? state.env.hidden : state.env.offline
      if (!wasPaused) return stay(state)
      return resumePolling(withEnv(state, event.type === 'visible' ? { hidden: false } : { offline: false }), event)
    }
    default:
      return ambient(state, event)
  }
}

function onPollFailed(state: ActivatingState, error: FlowFailure, at: Stamp): Transition {
  const { settings } = state
  const poll = { ...state.poll, inFlight: false, lastAt: at.now }
  // Cancelled by someone other than the runner (which drops its own aborts): not the server's fault,
  // so neither counted nor fatal; just poll again on cadence.
  if (error.kind === 'cancelled') {
    const next: ActivatingState = { ...state, poll }
    return stay(next, isPaused(next) ? [] : [{ type: 'schedulePoll', ms: settings.pollIntervalMs }])
  }
  // The code is dead → offer a new one (CL-AUTHN-2). `authentication` means the same here.
  if (error.kind === 'pass' && (DEAD_CODE_ERRORS.has(error.code) || error.action === 'authentication')) {
    return toCodeExpired(state)
  }
  // A code the client refused to send cannot be polled again: the error screen offers a new one.
  if (error.kind === 'invalidInput') {
    return withEffects(toFailed(state, error, retryActivation(state), at, state.retries), [{ type: 'clearPendingSession' }])
  }
  if (isTransientFailure(error)) {
    // A 429 means wait and continue; only retry/5xx/transport failures count
    // towards giving up (the code's notAfter still ends an endless throttle).
    const failures = error.kind === 'throttled' ? poll.failures : poll.failures + 1
    if (failures >= settings.maxFailedPolls) {
      // The code stays valid: "Try again" (or the automatic retry) polls it again, no new session.
      return toFailed(state, { kind: 'pollingFailed', attempts: failures, last: error }, retryActivation(state, true), at, state.retries)
    }
    const next: ActivatingState = { ...state, poll: { ...poll, failures } }
    // After a 429, wait at least as long as the throttle asks.
    const ms = Math.max(settings.pollIntervalMs, error.kind === 'throttled' ? error.retryAfterMs : 0)
    return stay(next, isPaused(next) ? [] : [{ type: 'schedulePoll', ms }])
  }
  return toFailed(state, error, retryActivation(state, true), at, state.retries)
}

/** Back from hidden/offline: check expiry, then poll now if an interval has passed, else when it will. */
function resumePolling(state: ActivatingState, stamp: Stamp): Transition {
  const { activation, poll, settings } = state
  if (!activation) return stay(state)
  if (stamp.serverNow >= activation.notAfter) return toCodeExpired(state)
  if (isPaused(state) || poll.inFlight) return stay(state)
  // An interval after the later of the last poll's end and the last poll sent (even if cut short).
  const remaining = settings.pollIntervalMs - (stamp.now - Math.max(poll.lastAt, poll.sentAt))
  if (remaining > 0) return stay(state, [{ type: 'schedulePoll', ms: remaining }])
  return sendPoll(state, activation, stamp.now)
}

function sendPoll(state: ActivatingState, activation: Activation, now: number): Transition {
  return stay({ ...state, poll: { ...state.poll, inFlight: true, sentAt: now } }, [{ type: 'pollProfileForCode', code: activation.code }])
}

/**
 * Local time for a poll the timer made due: the timer fired an interval after `lastAt` (or later);
 * the stamp-less `pollDue` keeps the machine pure, so the poll counts as sent at its due time.
 */
function stateNow(state: ActivatingState): number {
  return Math.max(state.poll.lastAt, state.poll.sentAt) + state.settings.pollIntervalMs
}

function fromCodeExpired(state: CodeExpiredState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'newCode':
      // A code found dead seconds after it was made: still no burst of sessions.
      if (event.serverNow - state.lastCreatedAt < NEW_CODE_COOLDOWN_MS) return stay(state)
      return toActivating(state, state.mvpd, state.origin) // the same provider choice as before
    case 'back':
      return back(state)
    default:
      return ambient(state, event)
  }
}

function fromAuthorized(state: AuthorizedState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'persisted':
      return stay({ ...state, provider: event.provider, lastMvpd: event.provider, persisted: true })
    case 'switchProvider':
      // All profiles this time, remembering where the viewer came from.
      return toLoading(state, { by: 'all' }, { kind: 'switch', from: { profile: state.profile, provider: state.provider } })
    case 'reauthenticate':
      // A decision with action `authentication` (CL-AUTHZ-2) → re-authentication with the cached provider.
      return toReauth(state, signedInProvider(state))
    case 'signedOut': {
      // CL-LOGOUT-1: the profile parts are gone (the client cleared them); the provider is kept
      // for an easy sign-in again, so this and the next launch both land on reauth, which says the
      // viewer signed out (remembered across launches).
      const provider = signedInProvider(state)
      const reauth = toReauth({ ...state, lastMvpd: provider, signedOutOf: provider.id }, provider, event.outcome)
      return withEffects(reauth, [{ type: 'rememberSignOut', mvpd: provider.id }])
    }
    default:
      return ambient(state, event) // the decisions screen handles play itself
  }
}

/** The provider of the sign-in in use; its id alone when its name was never resolved. */
function signedInProvider(state: AuthorizedState): LastMvpd {
  const { profile } = state
  return [state.provider, state.lastMvpd].find((p) => p?.id === profile.mvpd) ?? { id: profile.mvpd, displayName: profile.mvpd }
}

function fromFailed(state: FailedState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'tryAgain':
      // The viewer asked: at once (the screen changes to show it), whatever the automatic wait.
      return toRetry(state, event)
    case 'retryDue':
      if (state.autoRetryAt === null) return stay(state)
      // Not while hidden or offline: `visible` / `online` bring it back.
      if (isPaused(state)) return stay(state)
      return toRetry(state, event)
    case 'online':
    case 'visible': {
      const next = withEnv(state, event.type === 'online' ? { offline: false } : { hidden: false })
      if (isPaused(next)) return stay(next)
      // A network loss recovers by itself when the network returns; an outage when its timer is due.
      const due = networkLost(state.error) ? next.failedAt : next.autoRetryAt
      if (due === null) return stay(next)
      // Flapping events never retry sooner than a poll interval after the last failure.
      const at = Math.max(due, next.failedAt + next.settings.pollIntervalMs)
      if (at <= event.now) return toRetry(next, event)
      return stay({ ...next, autoRetryAt: at }, [{ type: 'scheduleRetry', ms: at - event.now }])
    }
    default:
      return ambient(state, event)
  }
}

function networkLost(error: FlowFailure): boolean {
  return isNetworkFailure(error) || (error.kind === 'pollingFailed' && error.last.kind === 'network')
}

// ---------------------------------------------------------------------------------------------
// Entering states (each bumps the epoch: the runner tears down the previous state's work)

type Carried = Pick<FlowState, 'epoch' | 'settings' | 'env' | 'lastMvpd' | 'signedOutOf'>

function base(prev: Carried) {
  return { epoch: prev.epoch + 1, settings: prev.settings, env: prev.env, lastMvpd: prev.lastMvpd, signedOutOf: prev.signedOutOf }
}

function toLoading(prev: Carried, route: ProfilesRoute, origin: LoadOrigin, retries = 0): Transition {
  const state: LoadingProfilesState = { ...base(prev), kind: 'loadingProfiles', route, origin, retries }
  const effect: FlowEffect = route.by === 'mvpd' ? { type: 'loadProfileForMvpd', mvpd: route.mvpd.id } : { type: 'loadProfiles' }
  return { state, effects: [effect] }
}

function toChoosing(prev: Carried, profiles: readonly Profile[], origin: GridOrigin, focusMvpd?: string): Transition {
  const wanted = focusMvpd ?? prev.lastMvpd?.id
  const focused = profiles.find((profile) => profile.mvpd === wanted) ?? profiles[0]
  const state: ChoosingState = { ...base(prev), kind: 'choosing', profiles, focusedMvpd: focused?.mvpd ?? '', origin, providers: [] }
  // CL-CFG-1: the viewer must choose, so the configuration is asked for the tiles' names (now only).
  return { state, effects: [{ type: 'loadProviders' }] }
}

function toReauth(prev: Carried, provider: LastMvpd, outcome?: SignOutOutcome): Transition {
  // The viewer signed out of this provider on an earlier visit or launch: say that, not "ended".
  const signedOut = outcome ?? (prev.signedOutOf === provider.id ? ('earlier' as const) : undefined)
  // A provider with no name to show is named by its id: a sentence never has a hole in it.
  const named = provider.displayName.trim() ? provider : { ...provider, displayName: provider.id }
  // The provider offered becomes the remembered one.
  return { state: { ...base(prev), lastMvpd: named, kind: 'reauth', provider: named, ...(signedOut ? { signedOut } : {}) }, effects: [] }
}

/** Back from the activation screen (the poll stops as the state is left). */
function back(state: ActivatingState | CodeExpiredState): Transition {
  const { origin } = state
  switch (origin.kind) {
    case 'reauth':
      return toReauth(state, origin.provider)
    case 'grid':
      // The grid is asked for again: the profiles shown before may have expired meanwhile.
      return toLoading(state, { by: 'all' }, origin.grid)
    case 'switch':
      // Switch provider with no other profile: Back keeps the sign-in the viewer had.
      return toAuthorized(state, origin.from.profile, [origin.from.provider])
    case 'launch':
      return stay(state)
    default:
      return assertNever(origin)
  }
}

function toActivating(prev: Carried, mvpd: LastMvpd | null, origin: ActivationOrigin, retries = 0): Transition {
  const state: ActivatingState = {
    ...base(prev),
    kind: 'activating',
    mvpd,
    activation: null,
    poll: { inFlight: false, lastAt: 0, sentAt: 0, failures: 0 },
    origin,
    retries,
  }
  // A session without a provider (the viewer picks one on the second screen) or with the cached one.
  return { state, effects: [mvpd ? { type: 'createSession', mvpd: mvpd.id } : { type: 'createSession' }] }
}

/**
 * Polls a code made earlier (remembered across a relaunch, or kept through "Try again"): shown as it
 * was, polled at once (the viewer may have finished on the phone meanwhile), no new session.
 */
function toPolling(
  prev: Carried,
  activation: Activation,
  mvpd: LastMvpd | null,
  origin: ActivationOrigin,
  at: Stamp,
  retries = 0,
  probe?: FlowFailure,
): Transition {
  // After a failed spell, one more failure is enough to back off again (one poll per retry).
  const failures = retries > 0 ? Math.max(0, prev.settings.maxFailedPolls - 1) : 0
  const state: ActivatingState = {
    ...base(prev),
    kind: 'activating',
    mvpd,
    activation,
    poll: { inFlight: false, lastAt: at.now, sentAt: 0, failures },
    origin,
    retries,
    ...(probe ? { probe } : {}),
  }
  const effects: FlowEffect[] = [{ type: 'scheduleExpiry', at: activation.notAfter }]
  if (isPaused(state)) return { state, effects: [...effects, { type: 'schedulePoll', ms: state.settings.pollIntervalMs }] }
  const polling = sendPoll(state, activation, at.now)
  return { state: polling.state, effects: [...effects, ...polling.effects] }
}

function toResumed(prev: Carried & Pick<FlowState, 'settings'>, pending: PendingSession, at: Stamp): Transition {
  const activation: Activation = {
    code: pending.code,
    notAfter: pending.notAfter,
    createdAt: pending.createdAt,
    ...activationUrls(prev.settings.activationUrl, pending.code),
  }
  // Made for a re-authentication: Back leads to that provider's reauth screen; otherwise the exit dialog.
  if (!pending.mvpd) return toPolling(prev, activation, null, LAUNCH, at)
  const provider = pending.mvpd
  return toPolling({ ...prev, lastMvpd: provider }, activation, provider, { kind: 'reauth', provider }, at)
}

function toCodeExpired(prev: ActivatingState): Transition {
  const state: CodeExpiredState = {
    ...base(prev),
    kind: 'codeExpired',
    mvpd: prev.mvpd,
    origin: prev.origin,
    lastCreatedAt: prev.activation?.createdAt ?? 0,
  }
  // CL-AUTHN-2: the TV stops polling this code for good; a relaunch must not bring it back.
  return { state, effects: [{ type: 'clearPendingSession' }] }
}

/** `known`: providers whose name and logo are already at hand (no configuration call then, CL-CFG-1). */
function toAuthorized(prev: Carried, profile: Profile, known: ReadonlyArray<LastMvpd | null>): Transition {
  const provider = [...known, prev.lastMvpd].find((candidate) => candidate?.id === profile.mvpd) ?? null
  const state: AuthorizedState = { ...base(prev), signedOutOf: null, kind: 'authorized', profile, provider, persisted: false }
  const effects: FlowEffect[] = [{ type: 'persistAuthorized', profile, provider }]
  // Signed in again: the sign-out is no longer the news.
  if (prev.signedOutOf !== null) effects.push({ type: 'forgetSignOut' })
  return { state, effects }
}

/**
 * The error screen. A service outage (a transient failure while the platform reports the network
 * up) is retried by itself after a backoff with jitter: 5 s, 10 s, 20 s … capped at 60 s, never
 * sooner than a poll interval; a reported network loss waits for the network's return; anything
 * else (a setup problem, a refused value) waits for the viewer.
 */
function toFailed(prev: Carried, error: FlowFailure, retry: RetryTarget, at: Stamp, retries: number): Transition {
  const attempt = retries + 1
  // The platform said the network is gone: its return (`online`) retries. Anything else that is
  // transient, connection refused included (the service down, the network up), retries on a timer.
  const outage = error.kind !== 'offline' && isOutage(error)
  const delay = outage ? autoRetryDelayMs(attempt, at.random, prev.settings.pollIntervalMs) : null
  const state: FailedState = {
    ...base(prev),
    kind: 'failed',
    error,
    retry,
    failedAt: at.now,
    attempt,
    autoRetryAt: delay === null ? null : at.now + delay,
  }
  return { state, effects: delay === null ? [] : [{ type: 'scheduleRetry', ms: delay }] }
}

/** A failure of the service itself (5xx, retry, 429, timeouts, connection refused): worth retrying unasked. */
function isOutage(error: FlowFailure): boolean {
  if (error.kind === 'pollingFailed') return isTransientFailure(error.last)
  return isTransientFailure(error)
}

/** Backoff for failure number `attempt` (1-based), ± jitter, within [poll interval, 60 s]. */
export function autoRetryDelayMs(attempt: number, random: number, pollIntervalMs: number): number {
  const backoff = Math.min(AUTO_RETRY_MAX_MS, AUTO_RETRY_BASE_MS * Math.pow(2, Math.max(0, attempt - 1)))
  const r = Number.isFinite(random) ? Math.min(1, Math.max(0, random)) : 0.5
  const jittered = backoff * (1 - AUTO_RETRY_JITTER + 2 * AUTO_RETRY_JITTER * r)
  return Math.round(Math.min(AUTO_RETRY_MAX_MS, Math.max(pollIntervalMs, jittered)))
}

function toRetry(state: FailedState, at: Stamp): Transition {
  const { retry } = state
  // Consecutive failures carry on into the retried attempt, so the next wait is longer.
  const retries = state.attempt
  switch (retry.to) {
    case 'loadingProfiles':
      return toLoading(state, retry.route, retry.origin, retries)
    case 'activating': {
      const { resume } = retry
      // The code is still valid in server time: poll it again rather than make another.
      if (resume && resume.notAfter - at.serverNow > RESUME_MIN_LEFT_MS) {
        return toPolling(state, resume, retry.mvpd, retry.origin, at, retries, state.error)
      }
      const fresh = toActivating(state, retry.mvpd, retry.origin, retries)
      return resume ? withEffects(fresh, [{ type: 'clearPendingSession' }]) : fresh
    }
    default:
      return assertNever(retry)
  }
}

/** Where "Try again" leads from an activation failure; `keepCode`: poll the same code while valid. */
function retryActivation(state: ActivatingState, keepCode = false): RetryTarget {
  return {
    to: 'activating',
    mvpd: state.mvpd,
    origin: state.origin,
    ...(keepCode && state.activation ? { resume: state.activation } : {}),
  }
}

function pendingOf(activation: Activation, mvpd: LastMvpd | null): PendingSession {
  return { code: activation.code, notAfter: activation.notAfter, createdAt: activation.createdAt, mvpd }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function stay(state: FlowState, effects: readonly FlowEffect[] = []): Transition {
  return { state, effects }
}

/** `first` run before the transition's own effects (the old state's clean-up before the new state's work). */
function withEffects(transition: Transition, first: readonly FlowEffect[]): Transition {
  return first.length === 0 ? transition : { state: transition.state, effects: [...first, ...transition.effects] }
}

function isPaused(state: FlowState): boolean {
  return state.env.hidden || state.env.offline
}

function withEnv<S extends FlowState>(state: S, change: Partial<S['env']>): S {
  return { ...state, env: { ...state.env, ...change } }
}

/** Events a state has no rule for: platform signals are remembered, everything else is ignored. */
function ambient(state: FlowState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'hidden':
      return stay(withEnv(state, { hidden: true }))
    case 'visible':
      return stay(withEnv(state, { hidden: false }))
    case 'offline':
      return stay(withEnv(state, { offline: true }))
    case 'online':
      return stay(withEnv(state, { offline: false }))
    default:
      return stay(state)
  }
}
