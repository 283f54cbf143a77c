/**
 * Errors, the network and the runner's own contract: stale results dropped, offline/online
 * recovery, "Try again", subscriptions, construction checks, and no logout ever (CL-LOGOUT-R1).
 */
import { createFlowRunner } from '../../../../src/core/flow/runner'
import type { FlowRunnerOptions } from '../../../../src/core/flow/runner'
import type { FlowStateKind } from '../../../../src/core/flow/model'
import { NetworkError } from '../../../../src/core/pass/errors'
import { FakeClock, flushPromises } from '../../../support/fake-clock'
import { FakePassClient } from '../../../support/fake-pass-client'
import {
  ACTIVATION_URL,
  DAY,
  exampleCable,
  failPollsOnNetwork,
  launchWithNoProfileForProvider,
  launchWithNoProfiles,
  MemoryFlowStore,
  passError,
  pollTimes,
  profile,
  session,
  setup,
  showCode,
  showCodeAndPoll,
  signInAgainWithCode,
} from '../../../support/flow-harness'

describe('stale results are dropped', () => {
  it('profiles answering after the flow moved on (offline → failed) change nothing, even if the transport ignores aborts', async () => {
    const h = setup({ honorAbort: false })
    await h.launch()
    const late = h.client.last('retrieveProfiles')
    h.runner.send({ type: 'offline' })
    expect(late.signal?.aborted).toBe(true)
    late.resolve([profile('ExampleCable', h.client.serverNow() + DAY)])
    await flushPromises()

    expect(h.state('failed').error).toEqual({ kind: 'offline' })
    expect(h.store.writes).toEqual([])
  })

  it('a session created for a left activation is not shown and never polled', async () => {
    const h = setup({ lastMvpd: exampleCable, honorAbort: false })
    await launchWithNoProfileForProvider(h)
    h.runner.send({ type: 'signInAgain' })
    const late = h.client.last('createSession')
    h.runner.send({ type: 'back' })
    late.resolve(session('LATE123', h.client.serverNow() + 30 * 60_000))
    await h.clock.advance(60_000)

    expect(h.runner.getState().kind).toBe('reauth')
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(0)
  })

  it('a timer of a left state that fires anyway (clearTimeout unreliable) is ignored', async () => {
    const h = setup({ leakyTimers: true })
    const shownAt = await showCodeAndPoll(h, 'OLD1111', 10_000)
    await h.clock.advance(6_000) // "Get a new code" works a few seconds after the last code
    h.client.on('createSession', () => session('NEW2222', h.client.serverNow() + 30 * 60_000))
    h.runner.send({ type: 'newCode' })
    await h.clock.advance(13_000) // the old poll (10 s) and expiry (10 s) timers fire on the way

    expect(h.state('activating').activation?.code).toBe('NEW2222')
    expect(h.client.callsTo('retrieveProfileForCode').map((call) => [call.args[0], call.at - shownAt])).toEqual([
      ['OLD1111', 5_000],
      ['NEW2222', 11_000],
      ['NEW2222', 16_000],
    ])
  })
})

describe('network loss (docs/architecture.md, "Flow")', () => {
  it('offline while loading → failed (network); online → tried again automatically', async () => {
    const h = setup()
    await h.launch()
    h.runner.send({ type: 'offline' })
    expect(h.state('failed').retry).toEqual({ to: 'loadingProfiles', route: { by: 'all' }, origin: { kind: 'launch' } })

    h.runner.send({ type: 'online' })
    // Never sooner than a poll interval after the failure, however fast the network flaps back.
    expect(h.client.callsTo('retrieveProfiles')).toHaveLength(1)
    await h.clock.advance(5_000)
    expect(h.client.callsTo('retrieveProfiles')).toHaveLength(2)
    h.client.last('retrieveProfiles').resolve([])
    await flushPromises()
    expect(h.runner.getState().kind).toBe('activating')
  })

  it('a NetworkError from the client → failed; the network returning retries the same request', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await h.launch()
    h.client.last('retrieveProfileForMvpd').reject(new NetworkError('profiles'))
    await flushPromises()
    expect(h.state('failed').error.kind).toBe('network')

    h.runner.send({ type: 'offline' })
    h.runner.send({ type: 'online' })
    await h.clock.advance(5_000)
    expect(h.client.callsTo('retrieveProfileForMvpd')).toHaveLength(2)
  })

  it('offline with the code shown: the code stays, polling pauses, and resumes promptly online', async () => {
    const h = setup()
    const shownAt = await showCodeAndPoll(h)
    await h.clock.advance(6_000)
    h.runner.send({ type: 'offline' })
    await h.clock.advance(30_000)
    expect(h.state('activating').env.offline).toBe(true)
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(1)

    h.runner.send({ type: 'online' })
    await h.clock.advance(5_000)
    expect(h.client.callsTo('retrieveProfileForCode').map((call) => call.at - shownAt)).toEqual([5_000, 36_000, 41_000])
  })

  it('polling given up on network failures recovers when the network returns, polling the same code', async () => {
    const h = setup()
    await showCode(h)
    const shownAt = h.clock.now()
    expect((await failPollsOnNetwork(h)).error.kind).toBe('pollingFailed')

    h.client.on('retrieveProfileForCode', () => [])
    h.runner.send({ type: 'offline' })
    h.runner.send({ type: 'online' })
    await h.clock.advance(5_000)
    // The phone may already hold this code: no new session, the same code polled again.
    expect(h.client.callsTo('createSession')).toHaveLength(1)
    expect(pollTimes(h, shownAt, 'ABC1234')).toEqual([5_000, 10_000, 15_000, 20_000])
    expect(h.state('activating').activation?.code).toBe('ABC1234')
  })
})

describe('errors by action (CL-ERR-1)', () => {
  it('configuration / none: failed with the typed error and "Try again" repeats the failed step', async () => {
    const h = setup()
    await h.launch()
    const error = passError('invalid_configuration_platform', 'configuration', 500)
    h.client.last('retrieveProfiles').reject(error)
    await flushPromises()
    expect(h.state('failed').error).toBe(error)

    h.runner.send({ type: 'tryAgain' })
    expect(h.client.callsTo('retrieveProfiles')).toHaveLength(2)
    expect(h.runner.getState().kind).toBe('loadingProfiles')
  })

  it('session creation failing → failed; "Try again" creates the session again with the same provider', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await launchWithNoProfileForProvider(h)
    h.runner.send({ type: 'signInAgain' })
    h.client.last('createSession').reject(passError('internal_server_error', 'none', 500))
    await flushPromises()
    expect(h.state('failed').retry).toEqual({ to: 'activating', mvpd: exampleCable, origin: { kind: 'reauth', provider: exampleCable } })

    h.runner.send({ type: 'tryAgain' })
    expect(h.client.callsTo('createSession').map((call) => call.args[0])).toEqual([{ mvpd: 'ExampleCable' }, { mvpd: 'ExampleCable' }])
  })

  it('a one-shot call the client gave up on is tried again by the flow only on its backoff: 5 s, 10 s, 20 s, 40 s', async () => {
    const h = setup()
    const startedAt = h.clock.now()
    h.client.on('retrieveProfiles', () => Promise.reject(passError('network_connection_timeout', 'retry', 403)))
    await h.launch()
    await h.clock.advance(2 * 60_000)

    expect(h.client.callsTo('retrieveProfiles').map((call) => call.at - startedAt)).toEqual([0, 5_000, 15_000, 35_000, 75_000])
    const failed = h.state('failed')
    expect(failed.attempt).toBe(5)
    // Capped at 60 s from there on.
    expect(failed.autoRetryAt).toBe(startedAt + 135_000)
  })

  it('a setup failure (action configuration) is not retried unasked', async () => {
    const h = setup()
    h.client.on('retrieveProfiles', () => Promise.reject(passError('invalid_configuration_platform', 'configuration', 500)))
    await h.launch()
    await h.clock.advance(5 * 60_000)
    expect(h.client.callsTo('retrieveProfiles')).toHaveLength(1)
    expect(h.state('failed').autoRetryAt).toBeNull()
    expect(h.clock.pendingTimers).toBe(0)
  })

  it('a port that rejects with something unexpected becomes a typed failure, not a crash', async () => {
    const h = setup()
    await h.launch()
    h.client.last('retrieveProfiles').reject(new RangeError('bug'))
    await flushPromises()

    const { error } = h.state('failed')
    expect(error.kind).toBe('unexpected')
  })
})

describe('no logout is ever called automatically (CL-LOGOUT-R1)', () => {
  it('not on reauth, expiry, failures, a new code or authorization', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await h.launch()
    h.client.last('retrieveProfileForMvpd').reject(passError('authenticated_profile_expired', 'authentication', 403))
    await flushPromises()
    expect(h.runner.getState().kind).toBe('reauth')
    await signInAgainWithCode(h, 'AAAA111', 60_000)
    h.client.on('retrieveProfileForCode', () => [])
    await h.clock.advance(60_000)
    expect(h.runner.getState().kind).toBe('codeExpired')
    h.runner.send({ type: 'newCode' })
    h.client.last('createSession').resolve(session('BBBB222', h.client.serverNow() + 60_000))
    h.client.on('retrieveProfileForCode', () => Promise.reject(passError('internal_server_error', 'none', 500)))
    await h.clock.advance(15_000)
    expect(h.runner.getState().kind).toBe('failed')
    h.runner.send({ type: 'tryAgain' })
    h.client.last('createSession').resolve(session('CCCC333', h.client.serverNow() + 60_000))
    h.client.on('retrieveProfileForCode', () => [profile('ExampleCable', h.client.serverNow() + DAY)])
    await h.clock.advance(10_000)
    expect(h.runner.getState().kind).toBe('authorized')

    expect(h.client.callsTo('logout')).toHaveLength(0)
  })
})

describe('runner contract', () => {
  it('subscribe gets every new state in order; unsubscribe stops it', async () => {
    const h = setup()
    const seen: FlowStateKind[] = []
    const unsubscribe = h.runner.subscribe((state) => seen.push(state.kind))
    await launchWithNoProfiles(h)
    unsubscribe()
    h.client.last('createSession').resolve(session('ABC1234', h.client.serverNow() + 60_000))
    await flushPromises()

    expect(seen).toEqual(['loadingProfiles', 'activating'])
    expect(h.states.map((state) => state.kind)).toEqual(['loadingProfiles', 'activating', 'activating'])
  })

  it('a listener that throws is logged and does not stop the others', async () => {
    const h = setup()
    h.runner.subscribe(() => {
      throw new Error('listener bug')
    })
    await h.launch()

    expect(h.states.map((state) => state.kind)).toEqual(['loadingProfiles'])
    expect(h.warnings).toContain('flow: a state listener threw')
  })

  it('a listener may send from inside a notification: events are applied in order', async () => {
    const h = setup({ lastMvpd: exampleCable })
    h.runner.subscribe((state) => {
      if (state.kind === 'reauth') h.runner.send({ type: 'signInAgain' })
    })
    await launchWithNoProfileForProvider(h)

    expect(h.states.map((state) => state.kind)).toEqual(['loadingProfiles', 'reauth', 'activating'])
    expect(h.client.callsTo('createSession')).toHaveLength(1)
  })

  it('start() twice launches once', async () => {
    const h = setup()
    await h.launch()
    h.runner.start()
    await flushPromises()

    expect(h.client.callsTo('retrieveProfiles')).toHaveLength(1)
  })

  it('getState() before start is `starting`', () => {
    expect(setup().runner.getState().kind).toBe('starting')
  })

  it('names a missing option at construction', () => {
    const clock = new FakeClock()
    const options = { client: new FakePassClient(clock), store: new MemoryFlowStore(), clock, settings: { activationUrl: ACTIVATION_URL } }
    expect(() => createFlowRunner({ ...options, store: undefined } as unknown as FlowRunnerOptions)).toThrow(/missing option\(s\) store/)
    expect(() => createFlowRunner({ ...options, settings: { activationUrl: '' } })).toThrow(/activationUrl/)
  })
})
