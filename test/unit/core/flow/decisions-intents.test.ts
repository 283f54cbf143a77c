/**
 * What the decisions screen asks of the sign-in flow (docs/architecture.md, "Screens"; CL-AUTHZ-2, CL-LOGOUT-1):
 * switch provider, re-authenticate after a decision with action `authentication`, and move on after
 * the viewer's own sign-out. Machine rows first, then the runner against the fake client.
 */
import { initialState, transition } from '../../../../src/core/flow/machine'
import type { AuthorizedState, FlowEvent, Transition } from '../../../../src/core/flow/model'
import type { LastMvpd } from '../../../../src/core/pass/types'
import { flushPromises } from '../../../support/fake-clock'
import { DAY, exampleCable, passError, profile, session, settings, setup, T0, stamp, run, expectKind } from '../../../support/flow-harness'

const cable = profile('ExampleCable', T0 + 20 * DAY)
const fiber = profile('Fiber', T0 + 5 * DAY)

/** The machine from its start: launched with `lastMvpd` remembered and nothing pending, then `events`. */
function fromLaunch(lastMvpd: LastMvpd | null, ...events: FlowEvent[]): Transition {
  return run(initialState(settings), { type: 'launch' }, { type: 'remembered', lastMvpd, pending: null, signedOutOf: null, ...stamp }, ...events)
}

/** Signed in with Example Cable, remembered from an earlier launch, provider persisted. */
function signedIn(): AuthorizedState {
  const { state } = fromLaunch(exampleCable, { type: 'profileForMvpdLoaded', profile: cable, ...stamp }, { type: 'persisted', provider: exampleCable })
  return expectKind(state, 'authorized')
}

/** Signed in, then "switch provider" found Example Cable and Fiber: the switch grid. */
function switchGrid(): Transition {
  return run(signedIn(), { type: 'switchProvider' }, { type: 'profilesLoaded', profiles: [cable, fiber], ...stamp })
}

describe('switchProvider (docs/architecture.md, "Screens")', () => {
  it('loads all profiles, remembering the sign-in in use', () => {
    const from = signedIn()
    const { state, effects } = transition(from, { type: 'switchProvider' })
    const loading = expectKind(state, 'loadingProfiles')
    expect(loading.route).toEqual({ by: 'all' })
    expect(loading.origin).toEqual({ kind: 'switch', from: { profile: cable, provider: exampleCable } })
    expect(loading.epoch).toBe(from.epoch + 1)
    expect(effects).toEqual([{ type: 'loadProfiles' }])
  })

  it('with another valid profile shows the grid of all valid ones, focused on the other provider', () => {
    const { state } = switchGrid()
    const choosing = expectKind(state, 'choosing')
    expect(choosing.profiles.map((p) => p.mvpd)).toEqual(['ExampleCable', 'Fiber'])
    // Not the auto-pick and not the last provider: the viewer asked to leave it.
    expect(choosing.focusedMvpd).toBe('Fiber')
  })

  it('Back on that grid returns to the sign-in in use; a launch grid has nowhere to go back to', () => {
    const grid = switchGrid().state
    const { state, effects } = transition(grid, { type: 'back' })
    expect(expectKind(state, 'authorized').profile).toEqual(cable)
    // Nothing is asked of Adobe Pass: the same sign-in is simply kept (and stored again).
    expect(effects).toEqual([{ type: 'persistAuthorized', profile: cable, provider: exampleCable }])
    const launchGrid = fromLaunch(null, { type: 'profilesLoaded', profiles: [cable, fiber], ...stamp }).state
    expect(transition(launchGrid, { type: 'back' }).state).toBe(launchGrid)
  })

  it('a failed switch and "Try again" still make a grid whose Back returns to the titles', () => {
    const loading = transition(signedIn(), { type: 'switchProvider' }).state
    const failed = transition(loading, { type: 'loadFailed', error: passError('internal_server_error', 'none', 500), ...stamp }).state
    const retried = transition(expectKind(failed, 'failed'), { type: 'tryAgain', ...stamp }).state
    const grid = transition(retried, { type: 'profilesLoaded', profiles: [cable, fiber], ...stamp }).state
    expect(expectKind(grid, 'choosing').origin).toEqual({ kind: 'switch', from: { profile: cable, provider: exampleCable } })
    expect(expectKind(transition(grid, { type: 'back' }).state, 'authorized').profile).toEqual(cable)
  })

  it('"Another provider" on the switch grid, then Back, then Back again returns to the titles', () => {
    const grid = switchGrid().state
    const activating = transition(grid, { type: 'useAnotherProvider' }).state
    const reloading = transition(activating, { type: 'back' }).state
    const again = transition(reloading, { type: 'profilesLoaded', profiles: [cable, fiber], ...stamp }).state
    expect(expectKind(again, 'choosing').origin).toMatchObject({ kind: 'switch', from: { profile: cable } })
    expect(expectKind(transition(again, { type: 'back' }).state, 'authorized').profile).toEqual(cable)
  })

  it('with exactly one other valid profile (the current one expired) still shows the grid, not an auto-pick', () => {
    const expired = profile('ExampleCable', T0 - 1)
    const { state } = run(signedIn(), { type: 'switchProvider' }, { type: 'profilesLoaded', profiles: [expired, fiber], ...stamp })
    const choosing = expectKind(state, 'choosing')
    expect(choosing.profiles.map((p) => p.mvpd)).toEqual(['Fiber'])
    expect(choosing.focusedMvpd).toBe('Fiber')
  })

  it('with only the current profile goes to activation without a provider; Back returns to decisions', () => {
    const { state, effects } = run(signedIn(), { type: 'switchProvider' }, { type: 'profilesLoaded', profiles: [cable], ...stamp })
    const activating = expectKind(state, 'activating')
    expect(activating.mvpd).toBeNull()
    expect(activating.origin.kind).toBe('switch')
    expect(effects).toEqual([{ type: 'createSession' }]) // no preselected provider
    const back = transition(activating, { type: 'back' })
    const authorized = expectKind(back.state, 'authorized')
    expect(authorized.profile).toBe(cable)
    expect(authorized.provider).toEqual(exampleCable)
    expect(back.effects).toEqual([{ type: 'persistAuthorized', profile: cable, provider: exampleCable }])
  })

  it('a new code and an expired code keep the way back to decisions', () => {
    const activating = run(signedIn(), { type: 'switchProvider' }, { type: 'profilesLoaded', profiles: [cable], ...stamp }).state
    const shown = transition(activating, { type: 'sessionCreated', session: session('ABC1234', T0 + 60_000), ...stamp }).state
    const expired = transition(shown, { type: 'expiryDue', now: 70_000, serverNow: T0 + 60_000, random: 0.5 }).state
    expect(expectKind(expired, 'codeExpired').origin.kind).toBe('switch')
    const again = transition(expired, { type: 'newCode', ...stamp, now: 70_000, serverNow: T0 + 60_000 }).state
    expect(expectKind(again, 'activating').origin).toMatchObject({ kind: 'switch', from: { profile: cable } })
    expect(transition(again, { type: 'back' }).state.kind).toBe('authorized')
  })

  it('with no valid profile at all goes to activation that Back cannot leave', () => {
    const { state } = run(signedIn(), { type: 'switchProvider' }, { type: 'profilesLoaded', profiles: [], ...stamp })
    const activating = expectKind(state, 'activating')
    expect(activating.origin).toEqual({ kind: 'launch' })
    expect(transition(activating, { type: 'back' }).state).toBe(activating)
  })

  it('a grid reached by switching picks like any grid', () => {
    const choosing = switchGrid().state
    const picked = transition(choosing, { type: 'pickProfile', mvpd: 'Fiber' })
    expect(expectKind(picked.state, 'authorized').profile).toBe(fiber)
  })
})

describe('reauthenticate (CL-AUTHZ-2)', () => {
  it('before the provider was stored, Back from its activation still returns to reauth with that provider', () => {
    const { state: picked } = fromLaunch(null, { type: 'profilesLoaded', profiles: [cable], ...stamp })
    const authorized = expectKind(picked, 'authorized')
    expect(authorized.persisted).toBe(false)
    const { state } = run(authorized, { type: 'reauthenticate' }, { type: 'signInAgain' }, { type: 'back' })
    expect(expectKind(state, 'reauth').provider.id).toBe('ExampleCable')
  })

  it('goes to reauth with the cached provider, no request', () => {
    const from = signedIn()
    const { state, effects } = transition(from, { type: 'reauthenticate' })
    const reauth = expectKind(state, 'reauth')
    expect(reauth.provider).toEqual(exampleCable)
    expect(reauth.signedOut).toBeUndefined()
    expect(effects).toEqual([])
    // Re-authentication: confirming creates the session with the provider.
    expect(transition(reauth, { type: 'signInAgain' }).effects).toEqual([{ type: 'createSession', mvpd: 'ExampleCable' }])
  })

  it('falls back to the provider id when its name was never resolved', () => {
    const { state } = fromLaunch(null, { type: 'profilesLoaded', profiles: [profile('Lone', T0 + DAY)], ...stamp }, { type: 'reauthenticate' })
    expect(expectKind(state, 'reauth').provider).toEqual({ id: 'Lone', displayName: 'Lone' })
  })

  it('is ignored outside authorized', () => {
    const reauth = fromLaunch(exampleCable, { type: 'profileForMvpdLoaded', profile: null, ...stamp }).state
    for (const type of ['reauthenticate', 'switchProvider'] as const) expect(transition(reauth, { type }).state).toBe(reauth)
    expect(transition(reauth, { type: 'signedOut', outcome: 'complete' }).state).toBe(reauth)
  })
})

describe('signedOut (CL-LOGOUT-1)', () => {
  it.each(['complete', 'interactive', 'invalid'] as const)('%s → reauth with the provider kept and the outcome', (outcome) => {
    const { state, effects } = transition(signedIn(), { type: 'signedOut', outcome })
    const reauth = expectKind(state, 'reauth')
    expect(reauth.provider).toEqual(exampleCable)
    expect(reauth.lastMvpd).toEqual(exampleCable)
    expect(reauth.signedOut).toBe(outcome)
    // CL-LOGOUT-R1: the flow itself never logs out; it only remembers that the viewer did.
    expect(effects).toEqual([{ type: 'rememberSignOut', mvpd: 'ExampleCable' }])
    expect(reauth.signedOutOf).toBe('ExampleCable')
  })
})

describe('runner', () => {
  /** A runner launched with Example Cable remembered and its profile valid for 20 days: authorized. */
  async function signedInRunner() {
    const h = setup({ lastMvpd: exampleCable })
    await h.launch()
    const now = h.client.serverNow()
    h.client.last('retrieveProfileForMvpd').resolve(profile('ExampleCable', now + 20 * DAY))
    await flushPromises()
    return { h, now }
  }

  it('switching with two valid profiles asks for all profiles once and shows the grid; no logout (CL-LOGOUT-R1)', async () => {
    const { h, now } = await signedInRunner()
    h.state('authorized')
    h.runner.send({ type: 'switchProvider' })
    expect(h.client.callsTo('retrieveProfiles')).toHaveLength(1)
    h.client.last('retrieveProfiles').resolve([profile('ExampleCable', now + 20 * DAY), profile('Fiber', now + DAY)])
    await flushPromises()
    expect(h.state('choosing').focusedMvpd).toBe('Fiber')
    expect(h.client.callsTo('logout')).toHaveLength(0)
  })

  it('a failed switch shows the error, whose Try again reloads all profiles; other decisions intents wait', async () => {
    const { h } = await signedInRunner()
    h.runner.send({ type: 'switchProvider' })
    const call = h.client.last('retrieveProfiles')
    h.runner.send({ type: 'reauthenticate' }) // ignored: loadingProfiles has no such rule
    expect(h.state('loadingProfiles').origin).toMatchObject({ kind: 'switch', from: { profile: { mvpd: 'ExampleCable' } } })
    call.reject(passError('internal_server_error', 'none', 500))
    await flushPromises()
    // The retry remembers the sign-in being switched from, so the grid it leads to can go Back to it.
    expect(h.state('failed').retry).toMatchObject({
      to: 'loadingProfiles',
      route: { by: 'all' },
      origin: { kind: 'switch', from: { profile: { mvpd: 'ExampleCable' } } },
    })
  })
})
