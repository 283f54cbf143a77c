/**
 * The sign-in flow as a pure function: `transition(state, event) -> { state, effects }`
 * (design section 2). No I/O, no clock: time arrives inside events (stamped by the runner), and
 * everything to do is returned as data. Entering a state bumps the epoch; staying keeps it.
 *
 * Reference section 14 numbers the steps cited below (14.1 cached provider, 14.2 no cached
 * provider, 14.3 second-screen login, 14.4 re-authentication).
 */
import type { Profile } from '../pass/types'
import { activationUrls } from './activation-url'
import type { FlowFailure } from './failure'
import { assertNever, isNetworkFailure, isTransientFailure } from './failure'
import type {
  ActivatingState,
  AuthorizedState,
  ChoosingState,
  BackTarget,
  CodeExpiredState,
  FailedState,
  FlowEffect,
  FlowEvent,
  FlowState,
  LoadingProfilesState,
  ProfilesRoute,
  ReauthState,
  RetryTarget,
  SignedIn,
  SignOutOutcome,
  StartingState,
  Stamp,
  Transition,
} from './model'
import type { LastMvpd } from './ports'
import type { FlowSettings } from './settings'
import { DEFAULT_CODE_LIFETIME_MS } from './settings'
import { isValidAt, validByValidity } from './profiles'

/** Codes that mean the code itself is dead while polling (reference 7.3, 14.3 step 5). */
const DEAD_CODE_ERRORS: ReadonlySet<string> = new Set(['invalid_authentication_session', 'invalid_parameter_code'])

export function initialState(settings: FlowSettings): StartingState {
  return { kind: 'starting', epoch: 0, settings, env: { hidden: false, offline: false }, lastMvpd: null }
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
      return stay(state, [{ type: 'loadLastMvpd' }])
    case 'lastMvpdLoaded': {
      const next = { ...state, lastMvpd: event.lastMvpd }
      return toLoading(next, event.lastMvpd ? { by: 'mvpd', mvpd: event.lastMvpd } : { by: 'all' }, false)
    }
    default:
      return ambient(state, event)
  }
}

function fromLoadingProfiles(state: LoadingProfilesState, event: FlowEvent): Transition {
  const { route } = state
  switch (event.type) {
    case 'profileForMvpdLoaded':
      if (route.by !== 'mvpd') return stay(state)
      // 14.1: a valid profile goes straight to decisions; none (or expired) asks to sign in again.
      if (event.profile && isValidAt(event.profile, event.serverNow)) return toAuthorized(state, event.profile, [route.mvpd])
      return toReauth(state, route.mvpd)
    case 'profilesLoaded': {
      if (route.by !== 'all') return stay(state)
      const valid = validByValidity(event.profiles, event.serverNow)
      if (state.switchFrom) return afterSwitchLoaded(state, state.switchFrom, valid)
      if (state.fromReauth) return afterAnotherProviderLoaded(state, valid)
      const [first] = valid
      if (!first) {
        // A session said "authorize" yet nothing is there: stop rather than loop session ↔ profiles.
        if (state.afterAuthorize) return toFailed(state, { kind: 'noProfileAfterAuthorize' }, { to: 'activating', mvpd: null, backTo: null })
        return toActivating(state, null, state.fromReauth ? 'reauth' : null) // 14.2: none → activation
      }
      // Design section 2: a single profile is picked automatically; several → the grid (CL-AUTHN-R2).
      if (valid.length === 1) return toAuthorized(state, first, [])
      return toChoosing(state, valid)
    }
    case 'loadFailed':
      return onLoadFailed(state, event.error)
    case 'offline':
      return toFailed(withEnv(state, { offline: true }), { kind: 'offline' }, retryLoading(state))
    default:
      return ambient(state, event)
  }
}

/**
 * "Switch provider" (design section 3): the grid when other valid profiles exist (all of them, the
 * current one included so the viewer can change their mind, focus on the first other provider);
 * otherwise activation without a preselected provider (reference 14.3), whose Back returns to the
 * sign-in still in use. The single-profile auto-pick does not apply here: it would pick the very
 * provider the viewer wants to leave.
 */
function afterSwitchLoaded(state: LoadingProfilesState, from: SignedIn, valid: readonly Profile[]): Transition {
  const [other] = valid.filter((p) => p.mvpd !== from.profile.mvpd)
  if (other) return toChoosing(state, valid, other.mvpd, from)
  const current = valid.find((p) => p.mvpd === from.profile.mvpd)
  if (current) return toActivating(state, null, 'authorized', { profile: current, provider: from.provider })
  return toActivating(state, null, null)
}

/**
 * "Use another provider" on the reauth screen: the provider being re-authenticated is left out (its
 * profile may still be listed while its decisions say authentication, which would loop); one other
 * sign-in is taken, several make a grid whose Back returns to reauth, none asks for a new code.
 */
function afterAnotherProviderLoaded(state: LoadingProfilesState, valid: readonly Profile[]): Transition {
  const others = valid.filter((p) => p.mvpd !== state.lastMvpd?.id)
  const [first] = others
  if (!first) return toActivating(state, null, 'reauth')
  if (others.length === 1) return toAuthorized(state, first, [])
  const grid = toChoosing(state, others, first.mvpd)
  return { ...grid, state: { ...(grid.state as ChoosingState), fromReauth: true } }
}

/** "Try again" after a failed load keeps where the load came from. */
function retryLoading(state: LoadingProfilesState): RetryTarget {
  return {
    to: 'loadingProfiles',
    route: state.route,
    ...(state.fromReauth ? { fromReauth: true as const } : {}),
    ...(state.switchFrom ? { switchFrom: state.switchFrom } : {}),
  }
}

function onLoadFailed(state: LoadingProfilesState, error: FlowFailure): Transition {
  const { route } = state
  if (error.kind === 'pass') {
    if (route.by === 'mvpd') {
      // Reference 7.2 / FAQ Config 8: the integration is gone; forget it and look at all profiles.
      if (error.code === 'invalid_integration') {
        const next = { ...state, lastMvpd: null }
        const loading = toLoading(next, { by: 'all' }, state.afterAuthorize)
        return { state: loading.state, effects: [{ type: 'forgetLastMvpd' }, ...loading.effects] }
      }
      // 14.1: 403 or action authentication → re-authentication (14.4).
      if (error.httpStatus === 403 || error.action === 'authentication') return toReauth(state, route.mvpd)
    } else if (error.action === 'authentication') {
      return toActivating(state, null, state.fromReauth ? 'reauth' : null) // CL-ERR-1: authentication → back to activation
    }
  }
  // The client already retried transient failures (design section 2); show the error with "Try again".
  return toFailed(state, error, retryLoading(state))
}

function fromChoosing(state: ChoosingState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'pickProfile': {
      const profile = state.profiles.find((candidate) => candidate.mvpd === event.mvpd)
      return profile ? toAuthorized(state, profile, []) : stay(state)
    }
    case 'useAnotherProvider':
      return toActivating(state, null, 'choosing', state.returnTo) // Back returns to the grid
    case 'back':
      // A grid opened by "Switch provider": Back keeps the sign-in the viewer came from.
      if (state.returnTo) return toAuthorized(state, state.returnTo.profile, [state.returnTo.provider])
      // A grid opened by "Use another provider" on reauth: Back returns there.
      if (state.fromReauth && state.lastMvpd) return toReauth(state, state.lastMvpd)
      return stay(state)
    default:
      return ambient(state, event)
  }
}

function fromReauth(state: ReauthState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'signInAgain':
      return toActivating(state, state.provider, 'reauth') // 14.4: the session carries the provider
    case 'useAnotherProvider':
      // Another provider may still be signed in on this TV (reference 7.2): look before asking for a
      // new sign-in; with none, the viewer picks the provider on the second screen.
      return toLoading(state, { by: 'all' }, false, undefined, true)
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
      // Reference 6.1 / 14.3 step 2: a profile already exists; load it instead of showing a code.
      if (session.actionName === 'authorize') {
        return toLoading(state, state.mvpd ? { by: 'mvpd', mvpd: state.mvpd } : { by: 'all' }, true)
      }
      if (!session.code) {
        return toFailed(state, { kind: 'unexpectedSession', actionName: session.actionName }, retryActivation(state))
      }
      const notAfter = session.notAfter ?? event.serverNow + DEFAULT_CODE_LIFETIME_MS
      if (event.serverNow >= notAfter) return toCodeExpired(state)
      const next: ActivatingState = {
        ...state,
        activation: { code: session.code, notAfter, ...activationUrls(settings.activationUrl, session.code) },
        poll: { inFlight: false, lastAt: event.now, failures: 0 },
      }
      // CL-AUTHN-1: polling starts with the code on screen; the first poll is one interval later.
      const effects: FlowEffect[] = [{ type: 'scheduleExpiry', at: notAfter }]
      if (!isPaused(next)) effects.push({ type: 'schedulePoll', ms: settings.pollIntervalMs })
      return stay(next, effects)
    }
    case 'sessionFailed':
      if (activation) return stay(state)
      return toFailed(state, event.error, retryActivation(state))
    case 'pollDue':
      if (!activation || poll.inFlight || isPaused(state)) return stay(state)
      return stay({ ...state, poll: { ...poll, inFlight: true } }, [{ type: 'pollProfileForCode', code: activation.code }])
    case 'pollSucceeded': {
      if (!activation || !poll.inFlight) return stay(state)
      // CL-AUTHN-2: stop on success. Several profiles for one code: the longest validity (CL-AUTHN-R2).
      const [best] = validByValidity(event.profiles, event.serverNow)
      if (best) return toAuthorized(state, best, [state.mvpd])
      if (event.serverNow >= activation.notAfter) return toCodeExpired(state)
      // Empty map: the sign-in is still pending (reference 7.3 inference); next poll an interval after this one ended.
      const next: ActivatingState = { ...state, poll: { inFlight: false, lastAt: event.now, failures: 0 } }
      return stay(next, isPaused(next) ? [] : [{ type: 'schedulePoll', ms: settings.pollIntervalMs }])
    }
    case 'pollFailed':
      if (!activation || !poll.inFlight) return stay(state)
      return onPollFailed(state, event.error, event.now)
    case 'expiryDue':
      if (!activation) return stay(state)
      // Judged on server time (CL-AUTHN-2); a server clock that moved since scheduling just re-arms.
      if (event.serverNow >= activation.notAfter) return toCodeExpired(state)
      return stay(state, [{ type: 'scheduleExpiry', at: activation.notAfter }])
    case 'newCode':
      // CL-AUTHN-2: the old poll stops (leaving the epoch) before the new session is requested.
      return toActivating(state, state.mvpd, state.backTo, state.returnTo)
    case 'back':
      return back(state)
    case 'hidden':
    case 'offline': {
      const flag = event.type === 'hidden' ? { hidden: true } : { offline: true }
      const next = withEnv(state, flag)
      // Offline before a code exists: nothing to show, so report it and retry when the network returns.
      if (!activation && event.type === 'offline') return toFailed(next, { kind: 'offline' }, retryActivation(state))
      if (!activation) return stay(next)
      // Pause (design section 2): no timer, no request in flight; the code stays on screen.
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

function onPollFailed(state: ActivatingState, error: FlowFailure, now: number): Transition {
  const { settings } = state
  const poll = { ...state.poll, inFlight: false, lastAt: now }
  // Cancelled by someone other than the runner (which drops its own aborts): not the server's fault,
  // so neither counted nor fatal; just poll again on cadence.
  if (error.kind === 'cancelled') {
    const next: ActivatingState = { ...state, poll }
    return stay(next, isPaused(next) ? [] : [{ type: 'schedulePoll', ms: settings.pollIntervalMs }])
  }
  // Reference 7.3 / 14.3 step 5: the code is dead → offer a new one. `authentication` means the same here.
  if (error.kind === 'pass' && (DEAD_CODE_ERRORS.has(error.code) || error.action === 'authentication')) {
    return toCodeExpired(state)
  }
  if (isTransientFailure(error)) {
    // Reference 14.3 step 5: a 429 means wait and continue; only retry/5xx/transport failures count
    // towards giving up (the code's notAfter still ends an endless throttle).
    const failures = error.kind === 'throttled' ? poll.failures : poll.failures + 1
    if (failures >= settings.maxFailedPolls) {
      return toFailed(state, { kind: 'pollingFailed', attempts: failures, last: error }, retryActivation(state))
    }
    const next: ActivatingState = { ...state, poll: { ...poll, failures } }
    // Reference section 10: after a 429 wait at least as long as the throttle asks.
    const ms = Math.max(settings.pollIntervalMs, error.kind === 'throttled' ? error.retryAfterMs : 0)
    return stay(next, isPaused(next) ? [] : [{ type: 'schedulePoll', ms }])
  }
  return toFailed(state, error, retryActivation(state))
}

/** Back from hidden/offline: check expiry, then poll now if an interval has passed, else when it will. */
function resumePolling(state: ActivatingState, stamp: Stamp): Transition {
  const { activation, poll, settings } = state
  if (!activation) return stay(state)
  if (stamp.serverNow >= activation.notAfter) return toCodeExpired(state)
  if (isPaused(state) || poll.inFlight) return stay(state)
  const remaining = settings.pollIntervalMs - (stamp.now - poll.lastAt)
  if (remaining > 0) return stay(state, [{ type: 'schedulePoll', ms: remaining }])
  return stay({ ...state, poll: { ...poll, inFlight: true } }, [{ type: 'pollProfileForCode', code: activation.code }])
}

function fromCodeExpired(state: CodeExpiredState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'newCode':
      return toActivating(state, state.mvpd, state.backTo, state.returnTo) // the same provider choice as before
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
      // All profiles this time (reference 7.2), remembering where the viewer came from.
      return toLoading(state, { by: 'all' }, false, { profile: state.profile, provider: state.provider })
    case 'reauthenticate':
      // Reference 14.5: a decision with action `authentication` → 14.4 with the cached provider.
      return toReauth(state, signedInProvider(state))
    case 'signedOut':
      // Reference 14.6: the profile parts are gone (the client cleared them); the provider is kept
      // for an easy sign-in again, so this and the next launch both land on reauth.
      return toReauth({ ...state, lastMvpd: signedInProvider(state) }, signedInProvider(state), event.outcome)
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
      return toRetry(state)
    case 'online': {
      const next = withEnv(state, { offline: false })
      const networkLost = isNetworkFailure(state.error) || (state.error.kind === 'pollingFailed' && state.error.last.kind === 'network')
      // A network loss recovers by itself when the network returns.
      return networkLost ? toRetry(next) : stay(next)
    }
    default:
      return ambient(state, event)
  }
}

// ---------------------------------------------------------------------------------------------
// Entering states (each bumps the epoch: the runner tears down the previous state's work)

type Carried = Pick<FlowState, 'epoch' | 'settings' | 'env' | 'lastMvpd'>

function base(prev: Carried) {
  return { epoch: prev.epoch + 1, settings: prev.settings, env: prev.env, lastMvpd: prev.lastMvpd }
}

function toLoading(prev: Carried, route: ProfilesRoute, afterAuthorize: boolean, switchFrom?: SignedIn, fromReauth?: boolean): Transition {
  const state: LoadingProfilesState = {
    ...base(prev),
    kind: 'loadingProfiles',
    route,
    afterAuthorize,
    ...(switchFrom ? { switchFrom } : {}),
    ...(fromReauth ? { fromReauth: true as const } : {}),
  }
  const effect: FlowEffect = route.by === 'mvpd' ? { type: 'loadProfileForMvpd', mvpd: route.mvpd.id } : { type: 'loadProfiles' }
  return { state, effects: [effect] }
}

function toChoosing(prev: Carried, profiles: readonly Profile[], focusMvpd?: string, returnTo?: SignedIn): Transition {
  const wanted = focusMvpd ?? prev.lastMvpd?.id
  const focused = profiles.find((profile) => profile.mvpd === wanted) ?? profiles[0]
  const state: ChoosingState = {
    ...base(prev),
    kind: 'choosing',
    profiles,
    focusedMvpd: focused?.mvpd ?? '',
    ...(returnTo ? { returnTo } : {}),
  }
  return { state, effects: [] }
}

function toReauth(prev: Carried, provider: LastMvpd, signedOut?: SignOutOutcome): Transition {
  // The provider offered is the remembered one: Back from its activation (back()) returns here.
  return { state: { ...base(prev), lastMvpd: provider, kind: 'reauth', provider, ...(signedOut ? { signedOut } : {}) }, effects: [] }
}

/** Back from the activation screen (the poll stops as the state is left). */
function back(state: ActivatingState | CodeExpiredState): Transition {
  if (state.backTo === 'reauth' && state.lastMvpd) return toReauth(state, state.lastMvpd)
  // The grid is asked for again: the profiles shown before may have expired meanwhile.
  if (state.backTo === 'choosing') return toLoading(state, { by: 'all' }, false, state.returnTo)
  // Switch provider with no other profile: Back keeps the sign-in the viewer had.
  if (state.backTo === 'authorized' && state.returnTo) return toAuthorized(state, state.returnTo.profile, [state.returnTo.provider])
  return stay(state)
}

function toActivating(prev: Carried, mvpd: LastMvpd | null, backTo: BackTarget, returnTo?: SignedIn): Transition {
  const state: ActivatingState = {
    ...base(prev),
    kind: 'activating',
    mvpd,
    activation: null,
    poll: { inFlight: false, lastAt: 0, failures: 0 },
    backTo,
    ...(returnTo ? { returnTo } : {}),
  }
  // 14.3 step 1 (no provider) or 14.4 (with the cached provider).
  return { state, effects: [mvpd ? { type: 'createSession', mvpd: mvpd.id } : { type: 'createSession' }] }
}

function toCodeExpired(prev: ActivatingState): Transition {
  const state: CodeExpiredState = {
    ...base(prev),
    kind: 'codeExpired',
    mvpd: prev.mvpd,
    backTo: prev.backTo,
    ...(prev.returnTo ? { returnTo: prev.returnTo } : {}),
  }
  return { state, effects: [] }
}

/** `known`: providers whose name and logo are already at hand (no configuration call then, CL-CFG-1). */
function toAuthorized(prev: Carried, profile: Profile, known: ReadonlyArray<LastMvpd | null>): Transition {
  const provider = [...known, prev.lastMvpd].find((candidate) => candidate?.id === profile.mvpd) ?? null
  const state: AuthorizedState = { ...base(prev), kind: 'authorized', profile, provider, persisted: false }
  return { state, effects: [{ type: 'persistAuthorized', profile, provider }] }
}

function toFailed(prev: Carried, error: FlowFailure, retry: RetryTarget): Transition {
  return { state: { ...base(prev), kind: 'failed', error, retry }, effects: [] }
}

function toRetry(state: FailedState): Transition {
  const { retry } = state
  switch (retry.to) {
    case 'loadingProfiles':
      return toLoading(state, retry.route, false, retry.switchFrom, retry.fromReauth)
    case 'activating':
      return toActivating(state, retry.mvpd, retry.backTo, retry.returnTo)
    default:
      return assertNever(retry)
  }
}

function retryActivation(state: ActivatingState): RetryTarget {
  return { to: 'activating', mvpd: state.mvpd, backTo: state.backTo, ...(state.returnTo ? { returnTo: state.returnTo } : {}) }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function stay(state: FlowState, effects: readonly FlowEffect[] = []): Transition {
  return { state, effects }
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
