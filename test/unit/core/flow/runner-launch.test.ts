/**
 * Launch paths through the runner (a returning viewer with a cached provider, a first launch without
 * one): which requests go out, where the flow lands, and what is persisted (CL-CFG-1, CL-CFG-2,
 * CL-AUTHN-4).
 */
import { flushPromises } from '../../../support/fake-clock'
import {
  DAY,
  exampleCable,
  HOUR,
  launchWithNoProfileForProvider,
  launchWithNoProfiles,
  passError,
  profile,
  session,
  setup,
  showCode,
} from '../../../support/flow-harness'

describe('launch with a cached provider', () => {
  it('a valid profile: one request for that provider, straight to authorized, no configuration (CL-CFG-1)', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await h.launch()
    const p = profile('ExampleCable', h.client.serverNow() + DAY)
    h.client.last('retrieveProfileForMvpd').resolve(p)
    await flushPromises()

    expect(h.client.calls.map((call) => call.method)).toEqual(['retrieveProfileForMvpd'])
    expect(h.client.last('retrieveProfileForMvpd').args[0]).toBe('ExampleCable')
    const authorized = h.state('authorized')
    expect(authorized.profile).toBe(p)
    expect(authorized.provider).toEqual(exampleCable)
    expect(authorized.persisted).toBe(true)
    // CL-AUTHN-4: mvpd, attributes and notAfter are kept.
    expect(h.store.parts).toEqual({ mvpd: 'ExampleCable', attributes: p.attributes, notAfter: p.notAfter })
    expect(h.store.lastMvpd).toEqual(exampleCable)
  })

  it('no profile: the reauth screen with the provider name, nothing else requested', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await launchWithNoProfileForProvider(h)

    expect(h.state('reauth').provider.displayName).toBe('Example Cable')
    expect(h.client.calls).toHaveLength(1)
  })

  it('"Sign in again with <provider>" creates the session WITH the provider (re-authentication)', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await launchWithNoProfileForProvider(h)
    h.runner.send({ type: 'signInAgain' })

    expect(h.client.last('createSession').args[0]).toEqual({ mvpd: 'ExampleCable' })
    expect(h.state('activating').mvpd).toEqual(exampleCable)
  })

  it('"Use another provider" creates the session WITHOUT a provider (picked on the second screen)', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await launchWithNoProfileForProvider(h)
    h.runner.send({ type: 'useAnotherProvider' })
    h.client.last('retrieveProfiles').resolve([])
    await flushPromises()

    expect(h.client.last('createSession').args[0]).toEqual({})
    expect(h.client.callsTo('configuration')).toHaveLength(0)
  })

  it('an integration no longer active: forget the provider and retrieve all profiles', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await h.launch()
    h.client.last('retrieveProfileForMvpd').reject(passError('invalid_integration', 'none'))
    await flushPromises()

    expect(h.store.writes).toContain('forgetLastMvpd')
    expect(h.store.lastMvpd).toBeNull()
    expect(h.client.callsTo('retrieveProfiles')).toHaveLength(1)
    expect(h.state('loadingProfiles').route).toEqual({ by: 'all' })
  })

  it('a profile expired in server time counts as absent although the local clock says valid', async () => {
    // The TV's clock runs 3 h behind the server.
    const h = setup({ lastMvpd: exampleCable, serverOffsetMs: 3 * HOUR })
    await h.launch()
    const notAfter = h.clock.now() + HOUR // valid for the local clock, expired for the server
    h.client.last('retrieveProfileForMvpd').resolve(profile('ExampleCable', notAfter))
    await flushPromises()

    expect(h.runner.getState().kind).toBe('reauth')
  })
})

describe('launch without a cached provider', () => {
  it('one valid profile is taken automatically; name and logo come from the configuration (CL-CFG-1, CL-CFG-2)', async () => {
    const h = setup()
    await h.launch()
    h.client.on('configuration', () => ({
      mvpds: [
        { id: 'Other', displayName: 'Other TV' },
        { id: 'ExampleCable', displayName: 'Example Cable', logoUrl: 'https://cdn.example/ec.png' },
      ],
    }))
    const now = h.client.serverNow()
    h.client.last('retrieveProfiles').resolve([profile('Gone', now - 1), profile('ExampleCable', now + DAY)])
    await flushPromises()

    const authorized = h.state('authorized')
    expect(authorized.profile.mvpd).toBe('ExampleCable')
    expect(authorized.provider).toEqual(exampleCable)
    expect(h.client.callsTo('configuration')).toHaveLength(1)
    expect(h.store.lastMvpd).toEqual(exampleCable)
    expect(h.store.parts?.mvpd).toBe('ExampleCable')
  })

  it('several: the grid, longest validity first; picking one authorizes it (CL-AUTHN-R2)', async () => {
    const h = setup()
    await h.launch()
    h.client.on('configuration', () => ({ mvpds: [{ id: 'B', displayName: 'Bee TV' }] }))
    const now = h.client.serverNow()
    h.client.last('retrieveProfiles').resolve([profile('A', now + DAY), profile('B', now + 9 * DAY), profile('C', now + 3 * DAY)])
    await flushPromises()

    const choosing = h.state('choosing')
    expect(choosing.profiles.map((p) => p.mvpd)).toEqual(['B', 'C', 'A'])
    expect(choosing.focusedMvpd).toBe('B')

    h.runner.send({ type: 'pickProfile', mvpd: 'B' })
    await flushPromises()
    expect(h.state('authorized').provider).toEqual({ id: 'B', displayName: 'Bee TV' })
    expect(h.store.lastMvpd).toEqual({ id: 'B', displayName: 'Bee TV' })
  })

  it('several after a forgotten provider: nothing remembered to focus, so the first tile', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await h.launch()
    h.client.last('retrieveProfileForMvpd').reject(passError('invalid_integration', 'none'))
    await flushPromises()
    const now = h.client.serverNow()
    h.client.last('retrieveProfiles').resolve([profile('A', now + DAY), profile('B', now + 2 * DAY)])
    await flushPromises()

    expect(h.state('choosing').focusedMvpd).toBe('B')
  })

  it('none: activation with a session without provider', async () => {
    const h = setup()
    await launchWithNoProfiles(h)

    expect(h.client.last('createSession').args[0]).toEqual({})
    expect(h.state('activating').activation).toBeNull()
  })

  it('a session answer "authorize" (a profile exists) goes to load the profiles again', async () => {
    const h = setup()
    await launchWithNoProfiles(h)
    h.client.last('createSession').resolve(session(undefined, undefined, { actionName: 'authorize', reasonType: 'authenticated' }))
    await flushPromises()

    expect(h.client.callsTo('retrieveProfiles')).toHaveLength(2)
    h.client.on('configuration', () => ({ mvpds: [exampleCable] }))
    h.client.last('retrieveProfiles').resolve([profile('ExampleCable', h.client.serverNow() + DAY)])
    await flushPromises()
    expect(h.state('authorized').profile.mvpd).toBe('ExampleCable')
  })
})

describe('persistence never blocks the sign-in', () => {
  it('a store that cannot be read counts as "no provider remembered"', async () => {
    const h = setup({ lastMvpd: exampleCable })
    h.store.failing = true
    await h.launch()

    expect(h.state('loadingProfiles').route).toEqual({ by: 'all' })
    expect(h.warnings.some((warning) => warning.includes('remembered provider'))).toBe(true)
  })

  it('failed saves are logged and the flow still reaches authorized/persisted', async () => {
    const h = setup({ lastMvpd: exampleCable })
    await h.launch()
    h.store.failing = true
    h.client.last('retrieveProfileForMvpd').resolve(profile('ExampleCable', h.client.serverNow() + DAY))
    await flushPromises()

    expect(h.state('authorized').persisted).toBe(true)
    expect(h.store.writes).toEqual(['saveProfileParts:ExampleCable', 'saveLastMvpd:ExampleCable'])
    expect(h.warnings).toHaveLength(2)
  })

  it('a configuration failure still remembers the provider, by id (the next launch can use it)', async () => {
    const h = setup()
    await h.launch()
    h.client.on('configuration', () => Promise.reject(passError('internal_server_error', 'none', 500)))
    h.client.last('retrieveProfiles').resolve([profile('ExampleCable', h.client.serverNow() + DAY)])
    await flushPromises()

    expect(h.state('authorized').provider).toEqual({ id: 'ExampleCable', displayName: 'ExampleCable' })
    expect(h.store.lastMvpd?.id).toBe('ExampleCable')
    expect(h.warnings.some((warning) => warning.includes('configuration'))).toBe(true)
  })
})

describe('the provider is remembered the moment its profile is found (CL-CFG-2)', () => {
  const byId = { id: 'ExampleCable', displayName: 'ExampleCable' }

  it('a single profile at launch: stored by id while the configuration is still asked; its name and logo follow', async () => {
    const h = setup()
    await h.launch()
    h.client.last('retrieveProfiles').resolve([profile('ExampleCable', h.client.serverNow() + DAY)])
    await flushPromises()

    // Leaving the app now must not lose the provider: the configuration has not answered yet.
    expect(h.client.callsTo('configuration')).toHaveLength(1)
    expect(h.store.lastMvpd).toEqual(byId)
    expect(h.store.parts?.mvpd).toBe('ExampleCable')
    expect(h.state('authorized').persisted).toBe(false)

    h.client.last('configuration').resolve({ mvpds: [exampleCable] })
    await flushPromises()
    expect(h.store.lastMvpd).toEqual(exampleCable)
    expect(h.state('authorized')).toMatchObject({ provider: exampleCable, persisted: true })
  })

  it('a profile found for the code: stored before the configuration answers', async () => {
    const h = setup()
    await showCode(h)
    h.client.on('retrieveProfileForCode', () => [profile('ExampleCable', h.client.serverNow() + DAY)])
    await h.clock.advance(5000)

    expect(h.state('authorized').persisted).toBe(false)
    expect(h.client.callsTo('configuration')).toHaveLength(1)
    expect(h.store.lastMvpd).toEqual(byId)
  })

  it('a provider remembered by id alone is named from the configuration at the next sign-in', async () => {
    const h = setup({ lastMvpd: byId })
    await h.launch()
    h.client.last('retrieveProfileForMvpd').resolve(profile('ExampleCable', h.client.serverNow() + DAY))
    await flushPromises()

    // The decisions screen does not wait for the name: the state is authorized with the id meanwhile.
    expect(h.state('authorized').provider).toEqual(byId)
    h.client.last('configuration').resolve({ mvpds: [exampleCable] })
    await flushPromises()
    expect(h.state('authorized').provider).toEqual(exampleCable)
    expect(h.store.lastMvpd).toEqual(exampleCable)
  })
})

describe("the grid's provider names come through the flow (CL-CFG-1)", () => {
  const threeProfiles = (now: number) => [profile('A', now + DAY), profile('B', now + 9 * DAY), profile('C', now + 3 * DAY)]

  it('entering the grid asks the configuration once; the names arrive in the state, and picking needs no second request', async () => {
    const h = setup()
    await h.launch()
    expect(h.client.callsTo('configuration')).toHaveLength(0)
    h.client.last('retrieveProfiles').resolve(threeProfiles(h.client.serverNow()))
    await flushPromises()
    expect(h.state('choosing').providers).toEqual([])
    expect(h.client.callsTo('configuration')).toHaveLength(1)

    h.client.last('configuration').resolve({
      mvpds: [
        { id: 'A', displayName: 'Alpha TV', logoUrl: 'https://x/a.png' },
        { id: 'B', displayName: 'Bee TV' },
        { id: 'Z', displayName: 'Not here' },
      ],
    })
    await flushPromises()
    expect(h.state('choosing').providers).toEqual([
      { id: 'A', displayName: 'Alpha TV', logoUrl: 'https://x/a.png' },
      { id: 'B', displayName: 'Bee TV' },
    ])

    h.runner.send({ type: 'pickProfile', mvpd: 'A' })
    await flushPromises()
    expect(h.state('authorized').provider).toEqual({ id: 'A', displayName: 'Alpha TV', logoUrl: 'https://x/a.png' })
    expect(h.store.lastMvpd?.displayName).toBe('Alpha TV')
    expect(h.client.callsTo('configuration')).toHaveLength(1)
  })

  it('a failed configuration leaves the ids on the tiles and is logged; the grid itself stays usable', async () => {
    const h = setup()
    await h.launch()
    h.client.last('retrieveProfiles').resolve(threeProfiles(h.client.serverNow()))
    await flushPromises()
    h.client.last('configuration').reject(passError('internal_server_error', 'none', 500))
    await flushPromises()

    expect(h.state('choosing').providers).toEqual([])
    expect(h.warnings.some((warning) => warning.includes('configuration'))).toBe(true)
    h.runner.send({ type: 'pickProfile', mvpd: 'C' })
    expect(h.state('authorized').profile.mvpd).toBe('C')
  })

  it('names that arrive after the grid was left are dropped', async () => {
    const h = setup()
    await h.launch()
    h.client.last('retrieveProfiles').resolve(threeProfiles(h.client.serverNow()))
    await flushPromises()
    const asked = h.client.last('configuration')
    h.runner.send({ type: 'useAnotherProvider' })
    expect(asked.signal?.aborted).toBe(true)
    asked.resolve({ mvpds: [{ id: 'A', displayName: 'Alpha TV' }] })
    await flushPromises()
    expect(h.state('activating').activation).toBeNull()
  })
})

describe('the quick copy of the remembered provider (FlowStore.peekReturningProvider)', () => {
  /** A store whose real reads wait until `answer()` (IndexedDB in a cold engine), with a quick peek. */
  function slowStore(h: ReturnType<typeof setup>, peek: () => Promise<typeof exampleCable | null>) {
    let answer: () => void = () => undefined
    const answered = new Promise<void>((resolve) => (answer = resolve))
    const load = h.store.loadLastMvpd
    h.store.loadLastMvpd = () => answered.then(load)
    Object.assign(h.store, { peekReturningProvider: peek })
    return () => answer()
  }

  it('is drawn while the real reads run, and the flow acts on the real reads alone', async () => {
    const h = setup({ lastMvpd: exampleCable })
    const answer = slowStore(h, async () => exampleCable)
    await h.launch()
    expect(h.state('starting').hint).toEqual(exampleCable)
    // Nothing is asked of Adobe Pass on the strength of the hint.
    expect(h.client.calls).toEqual([])

    answer()
    await flushPromises()
    const loading = h.state('loadingProfiles')
    expect(loading.route).toEqual({ by: 'mvpd', mvpd: exampleCable })
    expect('hint' in loading).toBe(false)
    expect(h.client.calls.map((call) => call.method)).toEqual(['retrieveProfileForMvpd'])
  })

  it('a hint the real reads contradict changes nothing: no provider remembered means all profiles', async () => {
    const h = setup({ lastMvpd: null })
    const answer = slowStore(h, async () => exampleCable)
    await h.launch()
    expect(h.state('starting').hint).toEqual(exampleCable)
    answer()
    await flushPromises()
    expect(h.state('loadingProfiles').route).toEqual({ by: 'all' })
  })

  it('a hint that comes after the real reads, or a peek that fails, is dropped', async () => {
    const late = setup({ lastMvpd: exampleCable })
    let release: () => void = () => undefined
    Object.assign(late.store, { peekReturningProvider: () => new Promise((resolve) => (release = () => resolve(exampleCable))) })
    await late.launch()
    expect(late.state('loadingProfiles').route).toEqual({ by: 'mvpd', mvpd: exampleCable })
    release()
    await flushPromises()
    expect(late.runner.getState().kind).toBe('loadingProfiles')
    expect(late.states.some((s) => s.kind === 'starting' && s.hint)).toBe(false)

    const failing = setup({ lastMvpd: exampleCable })
    Object.assign(failing.store, { peekReturningProvider: () => Promise.reject(new Error('mirror broken')) })
    await failing.launch()
    expect(failing.state('loadingProfiles').route).toEqual({ by: 'mvpd', mvpd: exampleCable })
    expect(failing.warnings).toContain('flow: could not peek at the remembered provider')
  })
})
