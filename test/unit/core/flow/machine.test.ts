/**
 * The transition table of docs/architecture.md ("Flow"), one row at a time, on the pure machine: no runner,
 * no clock; time is whatever the events carry.
 */
import { initialState, transition } from '../../../../src/core/flow/machine'
import type { ActivatingState, FlowState } from '../../../../src/core/flow/model'
import { NetworkError, ThrottledError } from '../../../../src/core/pass/errors'
import { DAY, exampleCable, passError, profile, session, settings, T0, stamp, run, expectKind } from '../../../support/flow-harness'

const start = initialState(settings)
/** A stamp `ms` after the machine tests' clock (local and server time move together). */
const after = (ms: number) => ({ now: stamp.now + ms, serverNow: T0 + ms, random: 0.5 })
const launchedWith = (lastMvpd: typeof exampleCable | null) =>
  run(start, { type: 'launch' }, { type: 'remembered', lastMvpd, pending: null, signedOutOf: null, ...stamp })

/** activating, with the code on screen (session created at local 5 000). */
function showingCode(mvpd: typeof exampleCable | null = null, backTo: 'reauth' | null = null): ActivatingState {
  const fromReauth = run(launchedWith(exampleCable).state, { type: 'profileForMvpdLoaded', profile: null, ...stamp })
  const activating = backTo
    ? run(fromReauth.state, { type: mvpd ? 'signInAgain' : 'useAnotherProvider' })
    : run(launchedWith(null).state, { type: 'profilesLoaded', profiles: [], ...stamp })
  const shown = transition(activating.state, { type: 'sessionCreated', session: session('ABC1234', T0 + 30 * 60_000), ...stamp })
  return expectKind(shown.state, 'activating')
}

describe('starting', () => {
  it('loads the remembered provider on launch', () => {
    const { state, effects } = transition(start, { type: 'launch' })
    expect(state.kind).toBe('starting')
    expect(effects).toEqual([{ type: 'loadRemembered' }])
  })

  it('with a cached provider asks for that provider profile only (a returning viewer)', () => {
    const { state, effects } = launchedWith(exampleCable)
    expect(expectKind(state, 'loadingProfiles').route).toEqual({ by: 'mvpd', mvpd: exampleCable })
    expect(effects).toEqual([{ type: 'loadProfileForMvpd', mvpd: 'ExampleCable' }])
  })

  it('without one asks for all profiles (first launch)', () => {
    const { state, effects } = launchedWith(null)
    expect(expectKind(state, 'loadingProfiles').route).toEqual({ by: 'all' })
    expect(effects).toEqual([{ type: 'loadProfiles' }])
  })
})

describe('loadingProfiles, cached provider route', () => {
  const loading = launchedWith(exampleCable).state

  it('a valid profile goes straight to authorized with the known provider (no configuration, CL-CFG-1)', () => {
    const p = profile('ExampleCable', T0 + DAY)
    const { state, effects } = transition(loading, { type: 'profileForMvpdLoaded', profile: p, ...stamp })
    expect(expectKind(state, 'authorized').provider).toEqual(exampleCable)
    expect(effects).toEqual([{ type: 'persistAuthorized', profile: p, provider: exampleCable }])
  })

  it('no profile → reauth with the provider name', () => {
    const { state, effects } = transition(loading, { type: 'profileForMvpdLoaded', profile: null, ...stamp })
    expect(expectKind(state, 'reauth').provider.displayName).toBe('Example Cable')
    expect(effects).toEqual([])
  })

  it('a profile expired in server time counts as absent → reauth', () => {
    const { state } = transition(loading, { type: 'profileForMvpdLoaded', profile: profile('ExampleCable', T0), ...stamp })
    expect(state.kind).toBe('reauth')
  })

  it('invalid_integration forgets the provider and retrieves all profiles', () => {
    const { state, effects } = transition(loading, { type: 'loadFailed', error: passError('invalid_integration', 'none'), ...stamp })
    expect(expectKind(state, 'loadingProfiles').route).toEqual({ by: 'all' })
    expect(state.lastMvpd).toBeNull()
    expect(effects).toEqual([{ type: 'forgetLastMvpd' }, { type: 'loadProfiles' }])
  })

  it.each([
    ['403 (TempPass limit)', passError('temporary_access_duration_limit_exceeded', 'authentication', 403)],
    ['action authentication', passError('authenticated_profile_expired', 'authentication', 403)],
  ])('%s → reauth (CL-ERR-1)', (_label, error) => {
    expect(transition(loading, { type: 'loadFailed', error, ...stamp }).state.kind).toBe('reauth')
  })

  it('a configuration error → failed, retrying the same request', () => {
    const error = passError('invalid_configuration_platform', 'configuration', 500)
    const failed = expectKind(transition(loading, { type: 'loadFailed', error, ...stamp }).state, 'failed')
    expect(failed.error).toBe(error)
    expect(failed.retry).toEqual({ to: 'loadingProfiles', route: { by: 'mvpd', mvpd: exampleCable }, origin: { kind: 'launch' } })
    const retried = transition(failed, { type: 'tryAgain', ...stamp })
    expect(retried.effects).toEqual([{ type: 'loadProfileForMvpd', mvpd: 'ExampleCable' }])
  })
})

describe('loadingProfiles, all profiles route', () => {
  const loading = launchedWith(null).state

  it('none → activating with a session without provider', () => {
    const { state, effects } = transition(loading, { type: 'profilesLoaded', profiles: [], ...stamp })
    expect(expectKind(state, 'activating').mvpd).toBeNull()
    expect(effects).toEqual([{ type: 'createSession' }])
  })

  it('expired profiles count as absent (server time)', () => {
    const { state } = transition(loading, {
      type: 'profilesLoaded',
      profiles: [profile('A', T0 - 1), profile('B', T0)],
      ...stamp,
    })
    expect(state.kind).toBe('activating')
  })

  it('one valid profile is picked automatically (CL-AUTHN-R2)', () => {
    const p = profile('B', T0 + DAY)
    const { state, effects } = transition(loading, { type: 'profilesLoaded', profiles: [profile('A', T0 - 1), p], ...stamp })
    expect(expectKind(state, 'authorized').profile).toBe(p)
    expect(effects).toEqual([{ type: 'persistAuthorized', profile: p, provider: null }])
  })

  /** Three valid profiles, in no order of validity. */
  const shortLongMid = [profile('Short', T0 + DAY), profile('Long', T0 + 30 * DAY), profile('Mid', T0 + 7 * DAY)]

  it('several → the grid, longest validity first (CL-AUTHN-R2)', () => {
    const { state, effects } = transition(loading, { type: 'profilesLoaded', profiles: shortLongMid, ...stamp })
    const choosing = expectKind(state, 'choosing')
    expect(choosing.profiles.map((p) => p.mvpd)).toEqual(['Long', 'Mid', 'Short'])
    expect(choosing.focusedMvpd).toBe('Long')
    // CL-CFG-1: the viewer must choose, so the tiles' names are asked for now (and only now).
    expect(effects).toEqual([{ type: 'loadProviders' }])
  })

  it('the last provider is focused first when it is in the grid', () => {
    const withLast = { ...loading, lastMvpd: { id: 'Mid', displayName: 'Mid TV' } }
    const { state } = transition(withLast, { type: 'profilesLoaded', profiles: shortLongMid, ...stamp })
    expect(expectKind(state, 'choosing').focusedMvpd).toBe('Mid')
  })

  it('action authentication → back to activation (CL-ERR-1)', () => {
    const { state } = transition(loading, { type: 'loadFailed', error: passError('authenticated_profile_missing', 'authentication', 403), ...stamp })
    expect(state.kind).toBe('activating')
  })

  it('a network error → failed, recovering by itself when online', () => {
    const failed = transition(loading, { type: 'loadFailed', error: new NetworkError('profiles'), ...stamp })
    expect(expectKind(failed.state, 'failed').retry).toEqual({ to: 'loadingProfiles', route: { by: 'all' }, origin: { kind: 'launch' } })
    // The service may be down with the network up (connection refused): a timer retries as well.
    expect(failed.effects).toEqual([{ type: 'scheduleRetry', ms: 5000 }])
    // A network that returns at once still waits out a poll interval after the failure (no storm).
    const soon = transition(failed.state, { type: 'online', ...after(1000) })
    expect(soon.state.kind).toBe('failed')
    expect(soon.effects).toEqual([{ type: 'scheduleRetry', ms: 4000 }])
    const back = transition(failed.state, { type: 'online', ...after(5000) })
    expect(back.state.kind).toBe('loadingProfiles')
    expect(back.effects).toEqual([{ type: 'loadProfiles' }])
  })

  it('offline while loading → failed with a network error', () => {
    const { state } = transition(loading, { type: 'offline', ...stamp })
    expect(expectKind(state, 'failed').error).toEqual({ kind: 'offline' })
    expect(state.env.offline).toBe(true)
  })

  it('a failure that is not about the network waits for "Try again" even when online returns', () => {
    const failed = transition(loading, { type: 'loadFailed', error: passError('internal_server_error', 'none', 500), ...stamp }).state
    expect(transition(failed, { type: 'online', ...stamp }).state.kind).toBe('failed')
  })
})

describe('choosing', () => {
  const choosing = run(launchedWith(null).state, {
    type: 'profilesLoaded',
    profiles: [profile('A', T0 + DAY), profile('B', T0 + 2 * DAY)],
    ...stamp,
  }).state

  it('pickProfile → authorized with that profile', () => {
    const { state, effects } = transition(choosing, { type: 'pickProfile', mvpd: 'A' })
    expect(expectKind(state, 'authorized').profile.mvpd).toBe('A')
    expect(effects).toHaveLength(1)
  })

  it('picking a provider that is not in the grid changes nothing', () => {
    const result = transition(choosing, { type: 'pickProfile', mvpd: 'Nope' })
    expect(result.state).toBe(choosing)
    expect(result.effects).toEqual([])
  })

  it('"Use another provider" → activation without a provider', () => {
    expect(transition(choosing, { type: 'useAnotherProvider' }).effects).toEqual([{ type: 'createSession' }])
  })

  it('Back from that activation asks for the grid again (its profiles may have expired meanwhile)', () => {
    const activating = transition(choosing, { type: 'useAnotherProvider' }).state
    expect(expectKind(activating, 'activating').origin).toEqual({ kind: 'grid', grid: { kind: 'launch' } })
    const { state, effects } = transition(activating, { type: 'back' })
    expect(expectKind(state, 'loadingProfiles').route).toEqual({ by: 'all' })
    expect(effects).toEqual([{ type: 'loadProfiles' }])
  })
})

describe('reauth', () => {
  const reauth = run(launchedWith(exampleCable).state, { type: 'profileForMvpdLoaded', profile: null, ...stamp }).state

  it('"Sign in again with <provider>" → session WITH the provider (re-authentication)', () => {
    const { state, effects } = transition(reauth, { type: 'signInAgain' })
    expect(expectKind(state, 'activating').mvpd).toEqual(exampleCable)
    expect(effects).toEqual([{ type: 'createSession', mvpd: 'ExampleCable' }])
  })

  it('"Use another provider" first looks for other profiles on this TV; none → session WITHOUT a provider, Back to reauth', () => {
    const looking = transition(reauth, { type: 'useAnotherProvider' })
    expect(expectKind(looking.state, 'loadingProfiles').route).toEqual({ by: 'all' })
    expect(looking.effects).toEqual([{ type: 'loadProfiles' }])
    const { state, effects } = transition(looking.state, { type: 'profilesLoaded', profiles: [], ...stamp })
    expect(expectKind(state, 'activating').mvpd).toBeNull()
    expect(expectKind(state, 'activating').origin).toEqual({ kind: 'reauth', provider: exampleCable })
    expect(effects).toEqual([{ type: 'createSession' }])
    expect(expectKind(transition(state, { type: 'back' }).state, 'reauth').provider).toEqual(exampleCable)
  })

  it('"Use another provider" never picks the provider being re-authenticated (it would loop); a grid of others goes Back to reauth', () => {
    const looking = transition(reauth, { type: 'useAnotherProvider' }).state
    const onlyItself = transition(looking, { type: 'profilesLoaded', profiles: [profile('ExampleCable', T0 + DAY)], ...stamp }).state
    expect(expectKind(onlyItself, 'activating').origin).toEqual({ kind: 'reauth', provider: exampleCable })
    const oneOther = transition(looking, {
      type: 'profilesLoaded',
      profiles: [profile('ExampleCable', T0 + 9 * DAY), profile('Fiber', T0 + DAY)],
      ...stamp,
    }).state
    expect(expectKind(oneOther, 'authorized').profile.mvpd).toBe('Fiber')
    const others = transition(looking, {
      type: 'profilesLoaded',
      profiles: [profile('ExampleCable', T0 + 9 * DAY), profile('Fiber', T0 + DAY), profile('Sat', T0 + 2 * DAY)],
      ...stamp,
    }).state
    const grid = expectKind(others, 'choosing')
    expect(grid.profiles.map((p) => p.mvpd)).toEqual(['Sat', 'Fiber'])
    expect(expectKind(transition(grid, { type: 'back' }).state, 'reauth').provider).toEqual(exampleCable)
  })

  it('after a failed load and "Try again", "Use another provider" still leads Back to reauth', () => {
    const looking = transition(reauth, { type: 'useAnotherProvider' }).state
    const failed = transition(looking, { type: 'loadFailed', error: passError('internal_server_error', 'none', 500), ...stamp }).state
    const retried = transition(expectKind(failed, 'failed'), { type: 'tryAgain', ...stamp }).state
    expect(expectKind(retried, 'loadingProfiles').origin).toEqual({ kind: 'reauth', provider: exampleCable })
    const activating = transition(retried, { type: 'profilesLoaded', profiles: [], ...stamp }).state
    expect(expectKind(transition(activating, { type: 'back' }).state, 'reauth').provider).toEqual(exampleCable)
  })

  it('"Use another provider" with another provider still signed in takes it (one) or shows the grid (several)', () => {
    const looking = transition(reauth, { type: 'useAnotherProvider' }).state
    const one = transition(looking, { type: 'profilesLoaded', profiles: [profile('Fiber', T0 + DAY)], ...stamp }).state
    expect(expectKind(one, 'authorized').profile.mvpd).toBe('Fiber')
    const two = transition(looking, { type: 'profilesLoaded', profiles: [profile('Fiber', T0 + DAY), profile('Sat', T0 + 2 * DAY)], ...stamp }).state
    expect(expectKind(two, 'choosing').profiles.map((p) => p.mvpd)).toEqual(['Sat', 'Fiber'])
  })

  it('Back from the activation it led to returns to reauth', () => {
    const activating = transition(reauth, { type: 'signInAgain' }).state
    const { state } = transition(activating, { type: 'back' })
    expect(expectKind(state, 'reauth').provider).toEqual(exampleCable)
  })
})

describe('activating', () => {
  it('shows the code, the activation URL and the QR URL, and schedules expiry and the first poll (CL-AUTHN-1)', () => {
    const activating = run(launchedWith(null).state, { type: 'profilesLoaded', profiles: [], ...stamp }).state
    const notAfter = T0 + 30 * 60_000
    const { state, effects } = transition(activating, { type: 'sessionCreated', session: session('ABC1234', notAfter), ...stamp })
    expect(expectKind(state, 'activating').activation).toEqual({
      code: 'ABC1234',
      notAfter,
      createdAt: T0,
      displayUrl: 'https://tv.example/activate',
      qrUrl: 'https://tv.example/activate?code=ABC1234',
    })
    expect(effects).toEqual([
      // Kept across a relaunch: the phone may already hold this code.
      { type: 'savePendingSession', session: { code: 'ABC1234', notAfter, createdAt: T0, mvpd: null } },
      { type: 'scheduleExpiry', at: notAfter },
      { type: 'schedulePoll', ms: 5000 },
    ])
  })

  it('a session answer "authorize" loads profiles again: all without a provider', () => {
    const activating = run(launchedWith(null).state, { type: 'profilesLoaded', profiles: [], ...stamp }).state
    const { state, effects } = transition(activating, {
      type: 'sessionCreated',
      session: session(undefined, undefined, { actionName: 'authorize' }),
      ...stamp,
    })
    expect(expectKind(state, 'loadingProfiles').origin).toEqual({ kind: 'authorize' })
    expect(effects).toEqual([{ type: 'loadProfiles' }])
    // Nothing there after all: fail instead of creating sessions in a loop.
    const empty = transition(state, { type: 'profilesLoaded', profiles: [], ...stamp })
    expect(expectKind(empty.state, 'failed').error).toEqual({ kind: 'noProfileAfterAuthorize' })
  })

  it('a session answer "authorize" with the cached provider loads that provider profile', () => {
    const reauth = run(launchedWith(exampleCable).state, { type: 'profileForMvpdLoaded', profile: null, ...stamp }).state
    const { effects } = run(
      reauth,
      { type: 'signInAgain' },
      {
        type: 'sessionCreated',
        session: session(undefined, undefined, { actionName: 'authorize' }),
        ...stamp,
      },
    )
    expect(effects).toEqual([{ type: 'loadProfileForMvpd', mvpd: 'ExampleCable' }])
  })

  it('a session without a code → failed', () => {
    const activating = run(launchedWith(null).state, { type: 'profilesLoaded', profiles: [], ...stamp }).state
    const { state } = transition(activating, { type: 'sessionCreated', session: session(undefined, T0 + 1000), ...stamp })
    expect(expectKind(state, 'failed').error).toEqual({ kind: 'unexpectedSession', actionName: 'resume' })
  })

  it('a session already past notAfter in server time → codeExpired', () => {
    const activating = run(launchedWith(null).state, { type: 'profilesLoaded', profiles: [], ...stamp }).state
    const { state } = transition(activating, { type: 'sessionCreated', session: session('OLD1234', T0), ...stamp })
    expect(state.kind).toBe('codeExpired')
  })

  it('pollDue polls the code once; a second pollDue while in flight does nothing (CL-AUTHN-3)', () => {
    const shown = showingCode()
    const first = transition(shown, { type: 'pollDue' })
    expect(first.effects).toEqual([{ type: 'pollProfileForCode', code: 'ABC1234' }])
    const second = transition(first.state, { type: 'pollDue' })
    expect(second.effects).toEqual([])
  })

  it('an empty poll keeps polling one interval later', () => {
    const polling = transition(showingCode(), { type: 'pollDue' }).state
    const { state, effects } = transition(polling, { type: 'pollSucceeded', profiles: [], now: 12_000, serverNow: T0 + 7000, random: 0.5 })
    expect(expectKind(state, 'activating').poll).toEqual({ inFlight: false, lastAt: 12_000, sentAt: 10_000, failures: 0 })
    expect(effects).toEqual([{ type: 'schedulePoll', ms: 5000 }])
  })

  it('a profile for the code → authorized (CL-AUTHN-2: stop on success)', () => {
    const polling = transition(showingCode(), { type: 'pollDue' }).state
    const p = profile('ExampleCable', T0 + DAY)
    const { state, effects } = transition(polling, { type: 'pollSucceeded', profiles: [p], ...stamp })
    expect(expectKind(state, 'authorized').profile).toBe(p)
    expect(effects).toEqual([{ type: 'clearPendingSession' }, { type: 'persistAuthorized', profile: p, provider: null }])
  })

  it('a profile for the preselected provider keeps its known name (CL-CFG-1)', () => {
    const polling = transition(showingCode(exampleCable, 'reauth'), { type: 'pollDue' }).state
    const { state } = transition(polling, { type: 'pollSucceeded', profiles: [profile('ExampleCable', T0 + DAY)], ...stamp })
    expect(expectKind(state, 'authorized').provider).toEqual(exampleCable)
  })

  it.each(['invalid_authentication_session', 'invalid_parameter_code'])('%s while polling → codeExpired', (code) => {
    const polling = transition(showingCode(), { type: 'pollDue' }).state
    const { state } = transition(polling, { type: 'pollFailed', error: passError(code, 'none'), ...stamp })
    expect(state.kind).toBe('codeExpired')
  })

  it('transient poll failures are counted; the third in a row → failed (CL-AUTHN-3)', () => {
    let state: FlowState = showingCode()
    for (let i = 1; i <= 2; i++) {
      state = transition(state, { type: 'pollDue' }).state
      const failed = transition(state, { type: 'pollFailed', error: passError('internal_server_error', 'none', 500), ...stamp })
      expect(failed.effects).toEqual([{ type: 'schedulePoll', ms: 5000 }])
      state = failed.state
      expect(expectKind(state, 'activating').poll.failures).toBe(i)
    }
    state = transition(state, { type: 'pollDue' }).state
    const last = passError('network_connection_timeout', 'retry', 403)
    const third = transition(state, { type: 'pollFailed', error: last, ...stamp }).state
    const failed = expectKind(third, 'failed')
    expect(failed.error).toEqual({ kind: 'pollingFailed', attempts: 3, last })
    // The code is still valid: "Try again" polls it again rather than making another.
    expect(failed.retry).toEqual({ to: 'activating', mvpd: null, origin: { kind: 'launch' }, resume: expectKind(showingCode(), 'activating').activation })
  })

  it('a success resets the failure count', () => {
    let state: FlowState = transition(showingCode(), { type: 'pollDue' }).state
    state = transition(state, { type: 'pollFailed', error: new NetworkError('poll'), ...stamp }).state
    state = transition(state, { type: 'pollDue' }).state
    state = transition(state, { type: 'pollSucceeded', profiles: [], ...stamp }).state
    expect(expectKind(state, 'activating').poll.failures).toBe(0)
  })

  it('a 429 waits at least as long as the throttle asks', () => {
    const polling = transition(showingCode(), { type: 'pollDue' }).state
    const { effects } = transition(polling, { type: 'pollFailed', error: new ThrottledError('poll', 8000), ...stamp })
    expect(effects).toEqual([{ type: 'schedulePoll', ms: 8000 }])
  })

  it('429s wait and continue (CL-AUTHN-3): they never count towards giving up', () => {
    let state: FlowState = showingCode()
    for (let i = 0; i < 5; i += 1) {
      state = transition(state, { type: 'pollDue' }).state
      state = transition(state, { type: 'pollFailed', error: new ThrottledError('poll', 1000), ...stamp }).state
      expect(expectKind(state, 'activating').poll.failures).toBe(0)
    }
  })

  it('a configuration error while polling → failed at once', () => {
    const polling = transition(showingCode(), { type: 'pollDue' }).state
    // A 500 status, but the action names the remedy (CL-ERR-1): not counted as transient.
    const error = passError('invalid_configuration_platform', 'configuration', 500)
    const { state } = transition(polling, { type: 'pollFailed', error, ...stamp })
    expect(expectKind(state, 'failed').error).toBe(error)
  })

  it('expiryDue compares with server time: early → re-arm, due → codeExpired (CL-AUTHN-2)', () => {
    const shown = showingCode()
    const early = transition(shown, { type: 'expiryDue', now: 0, serverNow: T0 + 30 * 60_000 - 1, random: 0.5 })
    expect(early.state).toBe(shown)
    expect(early.effects).toEqual([{ type: 'scheduleExpiry', at: T0 + 30 * 60_000 }])
    const due = transition(shown, { type: 'expiryDue', now: 0, serverNow: T0 + 30 * 60_000, random: 0.5 })
    expect(expectKind(due.state, 'codeExpired').mvpd).toBeNull()
  })

  it('newCode enters a new activating state (new epoch) and creates a new session', () => {
    const shown = showingCode(exampleCable, 'reauth')
    const { state, effects } = transition(shown, { type: 'newCode', ...after(6000) })
    const next = expectKind(state, 'activating')
    expect(next.epoch).toBeGreaterThan(shown.epoch)
    expect(next.activation).toBeNull()
    // The old code is given up for good before the new one is asked for.
    expect(effects).toEqual([{ type: 'clearPendingSession' }, { type: 'createSession', mvpd: 'ExampleCable' }])
  })

  it('hidden pauses polling; visible after the interval polls at once', () => {
    const shown = showingCode() // code shown at local 5 000
    const hidden = transition(shown, { type: 'hidden' })
    expect(hidden.effects).toEqual([{ type: 'cancelPoll' }])
    expect(hidden.state.env.hidden).toBe(true)
    expect(transition(hidden.state, { type: 'pollDue' }).effects).toEqual([])
    const back = transition(hidden.state, { type: 'visible', now: 60_000, serverNow: T0 + 55_000, random: 0.5 })
    expect(back.effects).toEqual([{ type: 'pollProfileForCode', code: 'ABC1234' }])
  })

  it('visible before the interval elapsed waits for the rest of it', () => {
    const hidden = transition(showingCode(), { type: 'hidden' }).state
    const back = transition(hidden, { type: 'visible', now: 7_000, serverNow: T0 + 2_000, random: 0.5 })
    expect(back.effects).toEqual([{ type: 'schedulePoll', ms: 3_000 }])
  })

  it('visible after notAfter (server time) → codeExpired', () => {
    const hidden = transition(showingCode(), { type: 'hidden' }).state
    expect(transition(hidden, { type: 'visible', now: 10_000, serverNow: T0 + 31 * 60_000, random: 0.5 }).state.kind).toBe('codeExpired')
  })

  it('offline with the code shown pauses polling; online resumes it', () => {
    const offline = transition(showingCode(), { type: 'offline', ...stamp })
    expect(offline.state.kind).toBe('activating')
    expect(offline.effects).toEqual([{ type: 'cancelPoll' }])
    const online = transition(offline.state, { type: 'online', now: 30_000, serverNow: T0 + 25_000, random: 0.5 })
    expect(online.effects).toEqual([{ type: 'pollProfileForCode', code: 'ABC1234' }])
  })

  it('offline while the session is being created → failed (network), retried when online', () => {
    const activating = run(launchedWith(null).state, { type: 'profilesLoaded', profiles: [], ...stamp }).state
    const failed = transition(activating, { type: 'offline', ...stamp }).state
    expect(expectKind(failed, 'failed').error.kind).toBe('offline')
    expect(expectKind(failed, 'failed').autoRetryAt).toBeNull()
    expect(transition(failed, { type: 'online', ...after(5000) }).effects).toEqual([{ type: 'createSession' }])
  })

  it('Back with no screen to return to changes nothing', () => {
    const shown = showingCode()
    expect(transition(shown, { type: 'back' }).state).toBe(shown)
  })
})

describe('codeExpired', () => {
  it('"Get a new code" → activating with the same provider choice', () => {
    const expired = transition(showingCode(exampleCable, 'reauth'), { type: 'expiryDue', now: 0, serverNow: T0 + HOUR_MS, random: 0.5 }).state
    const { state, effects } = transition(expired, { type: 'newCode', ...after(HOUR_MS) })
    expect(expectKind(state, 'activating').mvpd).toEqual(exampleCable)
    expect(effects).toEqual([{ type: 'createSession', mvpd: 'ExampleCable' }])
  })

  it('results of the left activation are ignored', () => {
    const expired = transition(showingCode(), { type: 'expiryDue', now: 0, serverNow: T0 + HOUR_MS, random: 0.5 }).state
    const late = transition(expired, { type: 'pollSucceeded', profiles: [profile('X', T0 + 2 * HOUR_MS)], ...stamp })
    expect(late.state).toBe(expired)
    expect(late.effects).toEqual([])
  })
})

describe('authorized', () => {
  it('is final: records the provider once persisted and ignores intents', () => {
    const authorized = transition(launchedWith(null).state, {
      type: 'profilesLoaded',
      profiles: [profile('ExampleCable', T0 + DAY)],
      ...stamp,
    }).state
    const persisted = transition(authorized, { type: 'persisted', provider: exampleCable }).state
    const done = expectKind(persisted, 'authorized')
    expect(done.provider).toEqual(exampleCable)
    expect(done.persisted).toBe(true)
    expect(done.epoch).toBe(authorized.epoch)
    for (const intent of ['newCode', 'tryAgain', 'signInAgain', 'useAnotherProvider', 'back'] as const) {
      expect(transition(persisted, { type: intent, ...stamp }).state).toBe(persisted)
    }
  })
})

describe('epochs', () => {
  it('every state entered gets a new epoch; staying keeps it', () => {
    const loading = launchedWith(null).state
    const activating = transition(loading, { type: 'profilesLoaded', profiles: [], ...stamp }).state
    const shown = transition(activating, { type: 'sessionCreated', session: session('CCCC333', T0 + HOUR_MS), ...stamp }).state
    expect(activating.epoch).toBe(loading.epoch + 1)
    expect(shown.epoch).toBe(activating.epoch)
  })
})

const HOUR_MS = 60 * 60 * 1000

describe('origin: how the viewer got here decides where Back leads', () => {
  const reauth = run(launchedWith(exampleCable).state, { type: 'profileForMvpdLoaded', profile: null, ...stamp }).state
  const twoOthers = [profile('ExampleCable', T0 + 9 * DAY), profile('Fiber', T0 + DAY), profile('Sat', T0 + 2 * DAY)]

  it('a grid of other providers reached from reauth: "Another provider", then Back, shows that grid again, still without the reauth provider and with Back to reauth', () => {
    const grid = run(reauth, { type: 'useAnotherProvider' }, { type: 'profilesLoaded', profiles: twoOthers, ...stamp }).state
    const activating = transition(grid, { type: 'useAnotherProvider' }).state
    expect(expectKind(activating, 'activating').origin).toEqual({ kind: 'grid', grid: { kind: 'reauth', provider: exampleCable } })
    const again = run(activating, { type: 'back' }, { type: 'profilesLoaded', profiles: twoOthers, ...stamp }).state
    expect(expectKind(again, 'choosing').profiles.map((p) => p.mvpd)).toEqual(['Sat', 'Fiber'])
    expect(expectKind(transition(again, { type: 'back' }).state, 'reauth').provider).toEqual(exampleCable)
  })

  it('Back on a grid reached at launch goes nowhere inside the flow (the UI asks to exit)', () => {
    const grid = run(launchedWith(null).state, { type: 'profilesLoaded', profiles: twoOthers, ...stamp }).state
    expect(expectKind(grid, 'choosing').origin).toEqual({ kind: 'launch' })
    expect(transition(grid, { type: 'back' }).state).toBe(grid)
  })

  it('"Try again" after a failed load that followed an authorize answer starts over: an empty answer then asks for a code', () => {
    const activating = run(launchedWith(null).state, { type: 'profilesLoaded', profiles: [], ...stamp }).state
    const loading = transition(activating, { type: 'sessionCreated', session: session(undefined, undefined, { actionName: 'authorize' }), ...stamp }).state
    const failed = transition(loading, { type: 'loadFailed', error: new NetworkError('profiles'), ...stamp }).state
    const retried = transition(expectKind(failed, 'failed'), { type: 'tryAgain', ...stamp }).state
    expect(expectKind(retried, 'loadingProfiles').origin).toEqual({ kind: 'launch' })
    expect(transition(retried, { type: 'profilesLoaded', profiles: [], ...stamp }).effects).toEqual([{ type: 'createSession' }])
  })

  it('a relaunch whose remembered provider is gone still polls the pending code when no profile is found', () => {
    const pending = { code: 'KEEP123', notAfter: T0 + 20 * 60_000, createdAt: T0 - 60_000, mvpd: null }
    const loading = run(start, { type: 'launch' }, { type: 'remembered', lastMvpd: exampleCable, pending, signedOutOf: null, ...stamp }).state
    expect(expectKind(loading, 'loadingProfiles').origin).toEqual({ kind: 'relaunch', pending })
    const all = transition(loading, { type: 'loadFailed', error: passError('invalid_integration', 'none'), ...stamp }).state
    const { state, effects } = transition(all, { type: 'profilesLoaded', profiles: [], ...stamp })
    expect(expectKind(state, 'activating').activation?.code).toBe('KEEP123')
    expect(effects).toContainEqual({ type: 'pollProfileForCode', code: 'KEEP123' })
  })
})

describe('choosing: provider names (CL-CFG-1)', () => {
  const grid = run(launchedWith(exampleCable).state, { type: 'profileForMvpdLoaded', profile: null, ...stamp }, { type: 'useAnotherProvider' }).state

  it("the configuration answer keeps the names of the grid's providers only, in the state", () => {
    const choosing = expectKind(
      transition(grid, { type: 'profilesLoaded', profiles: [profile('Fiber', T0 + DAY), profile('Sat', T0 + 2 * DAY)], ...stamp }).state,
      'choosing',
    )
    const named = transition(choosing, {
      type: 'providersLoaded',
      providers: [
        { id: 'Fiber', displayName: 'Fiber Co', isTempPass: false },
        { id: 'Elsewhere', displayName: 'Elsewhere TV' },
      ],
    })
    expect(named.effects).toEqual([])
    expect(expectKind(named.state, 'choosing').providers).toEqual([{ id: 'Fiber', displayName: 'Fiber Co' }])
    expect(expectKind(named.state, 'choosing').epoch).toBe(choosing.epoch)
  })
})
