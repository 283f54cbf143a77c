/**
 * Polling the code through the runner on a fake clock (CL-AUTHN-1..3; docs/architecture.md, "Flow"):
 * cadence (CL-AUTHN-3), start (CL-AUTHN-1), every stop condition (CL-AUTHN-2), no overlap, expiry
 * in server time, pause while hidden, bounded failures.
 */
import { CancelledError, NetworkError } from '../../../../src/core/pass/errors'
import { flushPromises } from '../../../support/fake-clock'
import {
  DAY,
  exampleCable,
  HOUR,
  launchWithNoProfileForProvider,
  launchWithNoProfiles,
  MINUTE,
  passError,
  pollTimes,
  profile,
  session,
  setup,
  showCode,
  showCodeAndPoll,
  signInAgainWithCode,
} from '../../../support/flow-harness'

describe('cadence (CL-AUTHN-1, CL-AUTHN-3)', () => {
  it('the first poll is one interval after the code is shown, then exactly one per 5 s', async () => {
    const h = setup()
    const shownAt = await showCodeAndPoll(h)
    await h.clock.advance(60_000)

    expect(pollTimes(h, shownAt)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60].map((s) => s * 1000))
    expect(h.client.callsTo('retrieveProfileForCode').every((call) => call.args[0] === 'ABC1234')).toBe(true)
  })

  it('a 3 s setting polls every 3 s; anything faster is clamped to 3 s', async () => {
    for (const [setting, expected] of [
      [3000, [3000, 6000, 9000]],
      [1000, [3000, 6000, 9000]],
    ] as const) {
      const h = setup({ pollIntervalMs: setting })
      const shownAt = await showCodeAndPoll(h)
      await h.clock.advance(9_000)
      expect(pollTimes(h, shownAt)).toEqual(expected)
    }
  })

  it('a slow poll delays the next one: never two in flight (CL-AUTHN-3)', async () => {
    const h = setup()
    await showCode(h)
    const shownAt = h.clock.now()
    await h.clock.advance(5_000)
    expect(h.client.pending('retrieveProfileForCode')).toHaveLength(1)

    await h.clock.advance(20_000) // the server takes 20 s to answer
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(1)
    h.client.last('retrieveProfileForCode').resolve([])
    await h.clock.advance(4_999)
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(1)
    await h.clock.advance(1)

    expect(pollTimes(h, shownAt)).toEqual([5_000, 30_000])
    expect(h.client.maxInFlight('retrieveProfileForCode')).toBe(1)
  })
})

describe('stop conditions (CL-AUTHN-2)', () => {
  it('success: polling stops at once, every timer is gone, the flow is authorized', async () => {
    const h = setup()
    await showCode(h)
    h.client.on('configuration', () => ({ mvpds: [exampleCable] }))
    await h.clock.advance(10_000)
    h.client.last('retrieveProfileForCode').resolve([profile('ExampleCable', h.client.serverNow() + DAY)])
    await flushPromises()
    const polls = h.client.callsTo('retrieveProfileForCode').length

    await h.clock.advance(5 * MINUTE)
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(polls)
    expect(h.clock.pendingTimers).toBe(0)
    expect(h.state('authorized').provider).toEqual(exampleCable)
  })

  it('expiry: at notAfter (server time) the code expires and polling stops', async () => {
    const h = setup()
    const shownAt = await showCodeAndPoll(h, 'ABC1234', 10 * MINUTE)
    await h.clock.advance(10 * MINUTE - 1)
    expect(h.runner.getState().kind).toBe('activating')
    await h.clock.advance(1)

    expect(h.runner.getState().kind).toBe('codeExpired')
    const polls = pollTimes(h, shownAt)
    expect(polls).toHaveLength(119) // 5 s … 595 s; the one due at 600 s is not sent
    await h.clock.advance(10 * MINUTE)
    expect(pollTimes(h, shownAt)).toEqual(polls)
    expect(h.clock.pendingTimers).toBe(0)
  })

  it.each([
    ['local clock 2 h behind the server', 2 * HOUR],
    ['local clock 2 h ahead of the server', -2 * HOUR],
  ])('expiry is judged on server time: %s', async (_label, serverOffsetMs) => {
    const h = setup({ serverOffsetMs })
    await showCode(h, 'ABC1234', 10 * MINUTE) // notAfter = server now + 10 min
    h.client.on('retrieveProfileForCode', () => [])
    const activation = h.state('activating').activation
    expect(activation && activation.notAfter - h.runner.serverNow()).toBe(10 * MINUTE) // the countdown

    await h.clock.advance(10 * MINUTE - 1)
    expect(h.runner.getState().kind).toBe('activating')
    await h.clock.advance(1)
    expect(h.runner.getState().kind).toBe('codeExpired')
  })

  it('a server clock that moved ahead since the code was shown: the next poll answer ends it', async () => {
    const h = setup()
    await showCodeAndPoll(h, 'ABC1234', 10 * MINUTE)
    await h.clock.advance(MINUTE)
    h.client.serverOffsetMs = 10 * MINUTE // the client learned a new Date-header offset
    await h.clock.advance(5_000)

    expect(h.runner.getState().kind).toBe('codeExpired')
  })

  it('"Get a new code": the old poll stops before the new session is created, and the old code is never polled again', async () => {
    const h = setup()
    await showCode(h, 'OLD1111')
    await h.clock.advance(5_000)
    const oldPoll = h.client.last('retrieveProfileForCode')
    let oldPollAbortedFirst: boolean | undefined
    h.client.on('createSession', () => {
      oldPollAbortedFirst = oldPoll.signal?.aborted
      return session('NEW2222', h.client.serverNow() + 30 * MINUTE)
    })

    h.runner.send({ type: 'newCode' })
    await flushPromises()
    expect(oldPollAbortedFirst).toBe(true)
    expect(h.client.callsTo('createSession')).toHaveLength(2)
    expect(h.state('activating').activation?.code).toBe('NEW2222')

    const shownAt = h.clock.now()
    h.client.on('retrieveProfileForCode', () => [])
    await h.clock.advance(30_000)
    expect(pollTimes(h, shownAt, 'OLD1111')).toEqual([0]) // only the one aborted by "Get a new code"
    expect(pollTimes(h, shownAt, 'NEW2222')).toEqual([5_000, 10_000, 15_000, 20_000, 25_000, 30_000])
  })

  it('the late answer of the old code is ignored even when the transport ignores the abort', async () => {
    const h = setup({ honorAbort: false })
    await showCode(h, 'OLD1111')
    await h.clock.advance(5_000)
    const oldPoll = h.client.last('retrieveProfileForCode')
    h.runner.send({ type: 'newCode' })
    oldPoll.resolve([profile('Stale', h.client.serverNow() + DAY)])
    await flushPromises()

    expect(h.state('activating').activation).toBeNull()
    expect(h.client.callsTo('configuration')).toHaveLength(0)
  })

  it('leaving the screen (Back to reauth) stops polling', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await launchWithNoProfileForProvider(h)
    await signInAgainWithCode(h)
    await h.clock.advance(5_000)
    const inFlight = h.client.last('retrieveProfileForCode')

    h.runner.send({ type: 'back' })
    expect(h.runner.getState().kind).toBe('reauth')
    expect(inFlight.signal?.aborted).toBe(true)
    await h.clock.advance(MINUTE)
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(1)
    expect(h.clock.pendingTimers).toBe(0)
  })

  it('stop(): aborts the poll in flight, clears every timer, sends nothing more', async () => {
    const h = setup()
    await showCode(h)
    await h.clock.advance(5_000)
    const inFlight = h.client.last('retrieveProfileForCode')
    const notified = h.states.length

    h.runner.stop()
    expect(inFlight.signal?.aborted).toBe(true)
    expect(h.clock.pendingTimers).toBe(0)
    await h.clock.advance(10 * MINUTE)
    h.runner.send({ type: 'newCode' })
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(1)
    expect(h.client.callsTo('createSession')).toHaveLength(1)
    expect(h.states).toHaveLength(notified)
  })

  it.each(['invalid_authentication_session', 'invalid_parameter_code'])('%s: stop and offer a new code', async (code) => {
    const h = setup()
    await showCode(h)
    await h.clock.advance(5_000)
    h.client.last('retrieveProfileForCode').reject(passError(code, 'none'))
    await h.clock.advance(MINUTE)

    expect(h.runner.getState().kind).toBe('codeExpired')
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(1)
  })

  it('"Use another provider" and the viewer picks the remembered one anyway: its name is known, no configuration (CL-CFG-1)', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await launchWithNoProfileForProvider(h)
    h.runner.send({ type: 'useAnotherProvider' })
    h.client.last('retrieveProfiles').resolve([])
    await flushPromises()
    h.client.last('createSession').resolve(session('ABC1234', h.client.serverNow() + 30 * MINUTE))
    h.client.on('retrieveProfileForCode', () => [profile('ExampleCable', h.client.serverNow() + DAY)])
    await h.clock.advance(5_000)

    expect(h.state('authorized').provider).toEqual(exampleCable)
    expect(h.client.callsTo('configuration')).toHaveLength(0)
  })

  it('from codeExpired, "Get a new code" creates a session with the same provider choice', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await launchWithNoProfileForProvider(h)
    await signInAgainWithCode(h, 'ABC1234', MINUTE)
    h.client.on('retrieveProfileForCode', () => [])
    await h.clock.advance(MINUTE)
    expect(h.runner.getState().kind).toBe('codeExpired')

    h.runner.send({ type: 'newCode' })
    expect(h.client.callsTo('createSession').map((call) => call.args[0])).toEqual([{ mvpd: 'ExampleCable' }, { mvpd: 'ExampleCable' }])
  })
})

describe('visibility (docs/architecture.md, "Flow": pause while hidden)', () => {
  it('no polls while hidden; on return after the interval, one poll at once, then the usual cadence', async () => {
    const h = setup()
    const shownAt = await showCodeAndPoll(h)
    await h.clock.advance(7_000) // polled at 5 s
    h.runner.send({ type: 'hidden' })
    await h.clock.advance(60_000)
    expect(pollTimes(h, shownAt)).toEqual([5_000])

    h.runner.send({ type: 'visible' })
    await h.clock.advance(10_000)
    expect(pollTimes(h, shownAt)).toEqual([5_000, 67_000, 72_000, 77_000])
  })

  it('on return before the interval elapsed, the next poll keeps the original cadence', async () => {
    const h = setup()
    const shownAt = await showCodeAndPoll(h)
    await h.clock.advance(6_000) // polled at 5 s
    h.runner.send({ type: 'hidden' })
    await h.clock.advance(2_000)
    h.runner.send({ type: 'visible' })
    await h.clock.advance(7_000)

    expect(pollTimes(h, shownAt)).toEqual([5_000, 10_000, 15_000])
  })

  it('a poll in flight when hidden is aborted and its answer ignored', async () => {
    const h = setup({ honorAbort: false })
    await showCode(h)
    await h.clock.advance(5_000)
    const inFlight = h.client.last('retrieveProfileForCode')
    h.runner.send({ type: 'hidden' })
    inFlight.resolve([profile('ExampleCable', h.client.serverNow() + DAY)])
    await flushPromises()

    expect(inFlight.signal?.aborted).toBe(true)
    expect(h.state('activating').env.hidden).toBe(true)
  })

  it('the aborted poll answering late is not taken for the answer to the next poll', async () => {
    const h = setup({ honorAbort: false })
    await showCode(h)
    await h.clock.advance(5_000)
    const aborted = h.client.last('retrieveProfileForCode')
    h.runner.send({ type: 'hidden' })
    h.runner.send({ type: 'visible' })
    // The poll cut short still counts: the next one is an interval after it was sent, not at once.
    expect(h.client.pending('retrieveProfileForCode')).toHaveLength(1)
    await h.clock.advance(5_000)
    expect(h.client.pending('retrieveProfileForCode')).toHaveLength(2)
    aborted.resolve([profile('ExampleCable', h.client.serverNow() + DAY)])
    await flushPromises()

    expect(h.state('activating').poll.inFlight).toBe(true)
    h.client.last('retrieveProfileForCode').resolve([])
    await flushPromises()
    expect(h.state('activating').poll.inFlight).toBe(false)
  })

  it('returning after notAfter shows the code as expired without polling', async () => {
    const h = setup()
    await showCode(h, 'ABC1234', 2 * MINUTE)
    h.runner.send({ type: 'hidden' })
    h.client.serverOffsetMs = 5 * MINUTE // e.g. the TV slept and the expiry timer had not fired yet
    h.runner.send({ type: 'visible' })

    expect(h.runner.getState().kind).toBe('codeExpired')
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(0)
  })

  it('hidden while the session is being created: the code is shown but polling waits for the return', async () => {
    const h = setup()
    await launchWithNoProfiles(h)
    h.runner.send({ type: 'hidden' })
    h.client.last('createSession').resolve(session('ABC1234', h.client.serverNow() + 30 * MINUTE))
    await h.clock.advance(MINUTE)
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(0)

    h.runner.send({ type: 'visible' })
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(1)
  })
})

describe('bounded failures (CL-AUTHN-3, CL-ERR-1)', () => {
  it('three consecutive transient failures → failed; then one poll of the same code per backoff; "Try again" polls it at once', async () => {
    const h = setup()
    await showCode(h)
    const shownAt = h.clock.now()
    h.client.on('retrieveProfileForCode', () => Promise.reject(passError('internal_server_error', 'none', 500)))
    await h.clock.advance(15_000)

    expect(pollTimes(h, shownAt)).toEqual([5_000, 10_000, 15_000])
    const failed = h.state('failed')
    expect(failed.error.kind).toBe('pollingFailed')
    // Only the automatic retry is waiting (5 s, then 10 s, 20 s …, jitter fixed at its middle here).
    expect(failed.autoRetryAt).toBe(shownAt + 20_000)
    expect(h.clock.pendingTimers).toBe(1)

    await h.clock.advance(MINUTE)
    // The outage goes on: each retry is one poll of the same code, further apart each time.
    expect(pollTimes(h, shownAt)).toEqual([5_000, 10_000, 15_000, 20_000, 30_000, 50_000])
    expect(h.client.callsTo('createSession')).toHaveLength(1)

    h.runner.send({ type: 'tryAgain' })
    expect(pollTimes(h, shownAt)).toHaveLength(7)
    expect(h.client.callsTo('createSession')).toHaveLength(1)
  })

  it('failures that are not consecutive do not add up', async () => {
    const h = setup()
    await showCode(h)
    let n = 0
    h.client.on('retrieveProfileForCode', () => (++n % 3 === 0 ? [] : Promise.reject(new NetworkError('poll'))))
    await h.clock.advance(2 * MINUTE)

    expect(h.runner.getState().kind).toBe('activating')
    expect(n).toBe(24)
  })

  it('a cancellation the runner did not ask for is neither counted nor fatal', async () => {
    const h = setup()
    await showCode(h)
    h.client.on('retrieveProfileForCode', () => Promise.reject(new CancelledError('poll')))
    await h.clock.advance(MINUTE)

    expect(h.state('activating').poll.failures).toBe(0)
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(12)
  })

  it('an `authentication` action while polling offers a new code instead of looping', async () => {
    const h = setup()
    await showCode(h)
    h.client.on('retrieveProfileForCode', () => Promise.reject(passError('authenticated_profile_invalidated', 'authentication', 403)))
    await h.clock.advance(MINUTE)

    expect(h.runner.getState().kind).toBe('codeExpired')
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(1)
    expect(h.client.callsTo('createSession')).toHaveLength(1)
  })
})
