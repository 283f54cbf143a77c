/**
 * What real homes do to the flow: a mashed remote, a relaunch while the viewer is on the phone, a
 * flapping network or app visibility, a sign-out followed by a relaunch, deadlines weeks away.
 * Everything on the fake clock; requests counted on the fake client.
 */
import { NetworkError } from '../../../../src/core/pass/errors'
import { present } from '../../../../src/ui/model/signin/present'
import { flushPromises } from '../../../support/fake-clock'
import {
  DAY,
  exampleCable,
  failPollsOnNetwork,
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

describe('"Get a new code" pressed over and over', () => {
  it('20 presses in a second make no new session while one is being made, and none within 5 s of the last', async () => {
    const h = setup()
    await showCode(h)
    for (let i = 0; i < 20; i++) {
      h.runner.send({ type: 'newCode' })
      await h.clock.advance(50)
    }
    // The code was made a second ago: every press was too soon.
    expect(h.client.callsTo('createSession')).toHaveLength(1)

    await h.clock.advance(4_000)
    h.client.on('createSession', () => new Promise(() => undefined)) // the next one takes its time
    for (let i = 0; i < 20; i++) h.runner.send({ type: 'newCode' })
    // One press got through; the rest met a session being made.
    expect(h.client.callsTo('createSession')).toHaveLength(2)
    expect(h.state('activating').activation).toBeNull()
  })

  it('an expired code makes one new session however often OK is pressed', async () => {
    const h = setup()
    await showCodeAndPoll(h, 'ABC1234', 10_000)
    await h.clock.advance(10_000)
    h.state('codeExpired')
    for (let i = 0; i < 20; i++) h.runner.send({ type: 'newCode' })
    expect(h.client.callsTo('createSession')).toHaveLength(2)
  })
})

describe('the pending code across launches', () => {
  it('is kept when shown and given up on success, expiry, a new code and Back', async () => {
    const h = setup()
    await showCode(h, 'ABC1234')
    expect(h.store.pending).toMatchObject({ code: 'ABC1234', mvpd: null })
    h.client.on('retrieveProfileForCode', () => [profile('ExampleCable', h.client.serverNow() + DAY)])
    await h.clock.advance(5_000)
    h.state('authorized')
    expect(h.store.pending).toBeNull()

    const expired = setup()
    await showCodeAndPoll(expired, 'EXP1234', 10_000)
    await expired.clock.advance(10_000)
    expired.state('codeExpired')
    expect(expired.store.pending).toBeNull()

    const renewed = setup()
    await showCode(renewed, 'OLD1234')
    await renewed.clock.advance(6_000)
    renewed.runner.send({ type: 'newCode' })
    await flushPromises()
    expect(renewed.store.pending).toBeNull()
    renewed.client.last('createSession').resolve(session('NEW1234', renewed.client.serverNow() + 30 * MINUTE))
    await flushPromises()
    expect(renewed.store.pending?.code).toBe('NEW1234')
    // The writes happened in the order asked: the clear never lands after the new save.
    expect(renewed.store.writes.filter((w) => w.includes('Pending'))).toEqual([
      'savePendingSession:OLD1234',
      'clearPendingSession',
      'savePendingSession:NEW1234',
    ])
  })

  it('a relaunch while the code is valid and no profile is found shows the same code and polls it at once: no new session', async () => {
    const h = setup({ pending: { code: 'KEEP123', notAfter: 1_000_000 + 20 * MINUTE, createdAt: 1_000_000 - 10 * MINUTE, mvpd: null } })
    await h.launch()
    // The sign-in may have finished while the TV was off: the profiles are asked for first.
    h.client.last('retrieveProfiles').resolve([])
    await flushPromises()
    const state = h.state('activating')
    expect(state.activation?.code).toBe('KEEP123')
    expect(h.client.callsTo('createSession')).toHaveLength(0)
    expect(pollTimes(h, 1_000_000, 'KEEP123')).toEqual([0])
    h.client.last('retrieveProfileForCode').resolve([profile('ExampleCable', h.client.serverNow() + DAY)])
    await flushPromises()
    h.state('authorized')
  })

  it('a relaunch that finds a profile goes on with it and gives the code up', async () => {
    const h = setup({ lastMvpd: exampleCable, pending: { code: 'KEEP123', notAfter: 1_000_000 + 20 * MINUTE, createdAt: 1_000_000, mvpd: null } })
    await h.launch()
    h.client.last('retrieveProfileForMvpd').resolve(profile('ExampleCable', h.client.serverNow() + DAY))
    await flushPromises()
    h.state('authorized')
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(0)
    expect(h.store.pending).toBeNull()
  })

  it('a code made for a re-authentication resumes with its provider, and Back leads to that reauth screen', async () => {
    const h = setup({ lastMvpd: exampleCable, pending: { code: 'KEEP123', notAfter: 1_000_000 + 20 * MINUTE, createdAt: 1_000_000, mvpd: exampleCable } })
    await launchWithNoProfileForProvider(h)
    expect(h.state('activating').mvpd).toEqual(exampleCable)
    h.runner.send({ type: 'back' })
    expect(h.state('reauth').provider).toEqual(exampleCable)
    // Left for good: never shown again.
    await flushPromises()
    expect(h.store.pending).toBeNull()
  })

  it('a code at or near its end is not resumed: it is given up and the launch goes on as usual', async () => {
    const h = setup({ pending: { code: 'OLD1234', notAfter: 1_000_000 + 20_000, createdAt: 0, mvpd: null } })
    await h.launch()
    h.state('loadingProfiles')
    await flushPromises()
    expect(h.store.pending).toBeNull()
    h.client.last('retrieveProfiles').resolve([])
    await flushPromises()
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(0)
    expect(h.client.callsTo('createSession')).toHaveLength(1)
  })

  it('"Try again" after polling failed polls the same code while it is valid', async () => {
    const h = setup()
    await showCode(h, 'SAME123')
    await failPollsOnNetwork(h)
    expect(h.store.pending?.code).toBe('SAME123')
    h.client.on('retrieveProfileForCode', () => [])
    h.runner.send({ type: 'tryAgain' })
    expect(h.state('activating').activation?.code).toBe('SAME123')
    expect(h.client.callsTo('createSession')).toHaveLength(1)
  })

  it('a broken store never blocks the launch', async () => {
    const h = setup()
    h.store.failing = true
    await h.launch()
    h.state('loadingProfiles')
    expect(h.warnings.join('\n')).toMatch(/pending sign-in/)
  })
})

describe('the viewer signed out', () => {
  it('a relaunch says the viewer signed out, and a sign-in forgets it', async () => {
    const h = setup({ lastMvpd: exampleCable, signedOut: 'ExampleCable' })
    await launchWithNoProfileForProvider(h)
    expect(h.state('reauth').signedOut).toBe('earlier')

    await signInAgainWithCode(h)
    h.client.on('retrieveProfileForCode', () => [profile('ExampleCable', h.client.serverNow() + DAY)])
    await h.clock.advance(5_000)
    h.state('authorized')
    expect(h.store.signedOut).toBeNull()
  })

  it('a sign-in that merely ended still reads as ended', async () => {
    const h = setup({ lastMvpd: exampleCable, signedOut: 'SomeOtherTV' })
    await launchWithNoProfileForProvider(h)
    expect(h.state('reauth').signedOut).toBeUndefined()
  })

  it('a provider remembered without a name is named by its id, never by an empty string', async () => {
    const h = setup({ lastMvpd: { id: 'ExampleCable', displayName: ' ' } })
    await launchWithNoProfileForProvider(h)
    expect(h.state('reauth').provider.displayName).toBe('ExampleCable')
  })
})

describe('flapping and outages never multiply requests', () => {
  it('the app hidden and shown 50 times in 10 s: at most one poll in flight, never two within an interval', async () => {
    const h = setup()
    await showCode(h)
    const shownAt = h.clock.now()
    h.client.on('retrieveProfileForCode', () => new Promise((resolve) => h.clock.setTimeout(() => resolve([]), 300)))
    for (let i = 0; i < 50; i++) {
      h.runner.send({ type: i % 2 === 0 ? 'hidden' : 'visible' })
      await h.clock.advance(200)
    }
    await h.clock.advance(1_000)
    const times = pollTimes(h, shownAt)
    for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(5_000)
    expect(times.length).toBeLessThanOrEqual(3)
    expect(h.client.maxInFlight('retrieveProfileForCode')).toBeLessThanOrEqual(1)
  })

  it('the network flapping 50 times while the service is down: no request sooner than an interval after the last', async () => {
    const h = setup()
    h.client.on('retrieveProfiles', () => Promise.reject(new NetworkError('profiles')))
    const startedAt = h.clock.now()
    await h.launch()
    for (let i = 0; i < 50; i++) {
      h.runner.send({ type: i % 2 === 0 ? 'offline' : 'online' })
      await h.clock.advance(100)
    }
    await h.clock.advance(10_000)
    const times = h.client.callsTo('retrieveProfiles').map((call) => call.at - startedAt)
    for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(5_000)
    expect(times.length).toBeLessThanOrEqual(4)
  })

  it('"Try again" acts at once, whatever the automatic wait', async () => {
    const h = setup()
    h.client.on('retrieveProfiles', () => Promise.reject(passError('internal_server_error', 'none', 503)))
    await h.launch()
    expect(h.state('failed').autoRetryAt).toBe(h.clock.now() + 5_000)
    h.runner.send({ type: 'tryAgain' })
    expect(h.client.callsTo('retrieveProfiles')).toHaveLength(2)
  })

  it('an outage that ends: the automatic retry finds the profiles without a key press', async () => {
    const h = setup({ lastMvpd: exampleCable })
    h.client.on('retrieveProfileForMvpd', () => Promise.reject(new NetworkError('profiles')))
    await h.launch()
    await h.clock.advance(20_000)
    h.client.on('retrieveProfileForMvpd', () => profile('ExampleCable', h.client.serverNow() + DAY))
    await h.clock.advance(20_000)
    h.state('authorized')
  })
})

describe('deadlines weeks away', () => {
  it('a code valid for 30 days arms one expiry timer, which never fires and re-arms in a spin', async () => {
    const h = setup({ overflowLikeBrowsers: true })
    await showCodeAndPoll(h, 'LONG123', 30 * DAY)
    // A delay over 2^31 - 1 ms would fire at once and re-arm for ever (the fake clock throws then).
    await h.clock.advance(MINUTE)
    expect(h.state('activating').activation?.code).toBe('LONG123')
    expect(h.clock.pendingTimers).toBe(2)
  })
})

describe('a session code the TV cannot use', () => {
  it.each(['..', '.', 'AB/CD12', 'ABC\uD800D', ''])('%j is never shown or polled: the error screen offers a new code', async (code) => {
    const h = setup()
    await launchWithNoProfiles(h)
    h.client.last('createSession').resolve(session(code, h.client.serverNow() + 30 * MINUTE))
    await flushPromises()
    const failed = h.state('failed')
    expect(failed.retry).toEqual({ to: 'activating', mvpd: null, origin: { kind: 'launch' } })
    expect(h.client.callsTo('retrieveProfileForCode')).toHaveLength(0)
    expect(h.store.pending).toBeNull()
    h.runner.send({ type: 'tryAgain' })
    expect(h.client.callsTo('createSession')).toHaveLength(2)
  })
})

describe('an outage while a code is shown', () => {
  it('a retry keeps the error up until the service answers: the code does not flash on and off', async () => {
    const h = setup()
    await showCode(h, 'SAME123')
    await failPollsOnNetwork(h)
    h.client.manual('retrieveProfileForCode')
    await h.clock.advance(5_000) // the automatic retry
    const probing = h.state('activating')
    expect(probing.probe?.kind).toBe('pollingFailed')
    expect(present(probing, presentContext(h)).route).toBe('error')
    h.client.last('retrieveProfileForCode').resolve([])
    await flushPromises()
    const back = h.state('activating')
    expect(back.probe).toBeUndefined()
    expect(present(back, presentContext(h)).route).toBe('activation')
  })
})

function presentContext(h: ReturnType<typeof setup>) {
  return {
    settings: { activationUrl: 'https://tv.example/activate?code={code}', resources: [] },
    names: new Map(),
    serverNow: () => h.client.serverNow(),
    now: () => h.clock.now(),
  }
}
