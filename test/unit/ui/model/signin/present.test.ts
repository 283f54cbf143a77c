/**
 * From flow states to screens: what the viewer is shown for each state (docs/architecture.md,
 * "Flow" and "Screens") and its words ("TV provider", times in words, errors with a reference line).
 */
import { initialState, transition } from '../../../../../src/core/flow/machine'
import type { FlowEvent, FlowState } from '../../../../../src/core/flow/model'
import { MalformedResponseError, NetworkError } from '../../../../../src/core/pass/errors'
import { present, shortUrl } from '../../../../../src/ui/model/signin/present'
import { DAY, exampleCable, passError, profile, run, session, settings } from '../../../../support/flow-harness'

const T0 = 1_750_000_000_000
const stamp = { now: T0, serverNow: T0, random: 0.5 }
const ctx = () => ({
  settings: { activationUrl: settings.activationUrl, resources: [{ id: 'live', title: 'Live' }] },
  serverNow: () => T0,
  now: () => T0,
})

/** The flow after launch, storage having remembered `lastMvpd`, then `events`. */
const afterLaunch = (lastMvpd: typeof exampleCable | null, ...events: FlowEvent[]): FlowState =>
  run(initialState(settings), { type: 'launch' }, { type: 'remembered', lastMvpd, pending: null, signedOutOf: null, ...stamp }, ...events).state

/** A new viewer (no profiles) with the activation code ABC1234 on screen for 30 minutes. */
const showingCode = (): FlowState =>
  afterLaunch(null, { type: 'profilesLoaded', profiles: [], ...stamp }, { type: 'sessionCreated', session: session('ABC1234', T0 + 30 * 60_000), ...stamp })

test('starting and loading show the boot screen', () => {
  expect(present(initialState(settings), ctx()).route).toBe('boot')
  expect(present(afterLaunch(null), ctx())).toEqual({ route: 'boot', view: { message: 'checking' } })
})

test('a returning viewer sees the decisions screen from the remembered provider while its profile is in flight, nothing permitted yet', () => {
  const loading = afterLaunch(exampleCable)
  expect(loading.kind).toBe('loadingProfiles')
  expect(present(loading, ctx())).toEqual({
    route: 'decisions',
    view: {
      providerName: 'Example Cable',
      logoUrl: 'https://cdn.example/ec.png',
      items: [{ id: 'live', title: 'Live' }].map((r) => ({ ...r, badge: 'checking' })),
      busy: false,
      confirming: true,
    },
  })
  // Confirmed: the same screen, no longer waiting; the badges are the decisions logic's from here.
  const confirmed = present(transition(loading, { type: 'profileForMvpdLoaded', profile: profile('ExampleCable', T0 + DAY), ...stamp }).state, ctx())
  expect(confirmed.route === 'decisions' && confirmed.view).toMatchObject({ providerName: 'Example Cable', busy: false })
  expect(confirmed.route === 'decisions' && confirmed.view.confirming).toBeUndefined()
  // Not confirmed: the reauth screen, as without the early draw.
  expect(present(transition(loading, { type: 'profileForMvpdLoaded', profile: null, ...stamp }).state, ctx()).route).toBe('reauth')
})

test("while the app starts, the quick copy's provider draws the same confirming screen; the real reads then decide", () => {
  const hinted = run(initialState(settings), { type: 'launch' }, { type: 'providerHint', mvpd: exampleCable }).state
  const screen = present(hinted, ctx())
  expect(screen.route === 'decisions' && screen.view).toMatchObject({ providerName: 'Example Cable', confirming: true })
  expect(screen.route === 'decisions' && screen.view.items.every((i) => i.badge === 'checking')).toBe(true)
  // The real reads found a pending code: the boot screen while the profiles load, as without the hint.
  const pending = { code: 'ABCD1234', notAfter: T0 + 20 * 60_000, createdAt: T0 - 60_000, mvpd: null }
  const relaunch = transition(hinted, { type: 'remembered', lastMvpd: exampleCable, pending, signedOutOf: null, ...stamp }).state
  expect(present(relaunch, ctx()).route).toBe('boot')
})

test('a provider remembered by its id alone is named by its id, never by an empty name', () => {
  const screen = present(afterLaunch({ id: 'ExampleCable', displayName: ' ' }), ctx())
  expect(screen.route === 'decisions' && screen.view.providerName).toBe('ExampleCable')
})

test('a load that is not a plain returning launch keeps the boot screen: all profiles, or a relaunch with a pending code', () => {
  expect(present(afterLaunch(null), ctx()).route).toBe('boot')
  const pending = { code: 'ABCD1234', notAfter: T0 + 20 * 60_000, createdAt: T0 - 60_000, mvpd: null }
  const relaunch = run(initialState(settings), { type: 'launch' }, { type: 'remembered', lastMvpd: exampleCable, pending, signedOutOf: null, ...stamp }).state
  expect(relaunch.kind === 'loadingProfiles' && relaunch.origin.kind).toBe('relaunch')
  expect(present(relaunch, ctx())).toEqual({ route: 'boot', view: { message: 'checking' } })
})

test('the grid names providers from the configuration, says validity in words and marks the last one used', () => {
  const state = afterLaunch(exampleCable, { type: 'profileForMvpdLoaded', profile: null, ...stamp })
  expect(state.kind).toBe('reauth')
  const grid = afterLaunch(null, {
    type: 'profilesLoaded',
    profiles: [profile('ExampleCable', T0 + 29 * DAY + 1000), profile('Other', T0 + 5 * 3_600_000)],
    ...stamp,
  })
  const named = transition(
    { ...grid, lastMvpd: exampleCable },
    { type: 'providersLoaded', providers: [{ id: 'Other', displayName: 'Other TV', logoUrl: 'https://x/o.png' }] },
  ).state
  const screen = present(named, ctx())
  expect(screen.route).toBe('profiles')
  if (screen.route !== 'profiles') return
  expect(screen.view.tiles).toEqual([
    { mvpd: 'ExampleCable', name: 'Example Cable', logoUrl: 'https://cdn.example/ec.png', validity: 'Signed in · 29 days left', lastUsed: true },
    { mvpd: 'Other', name: 'Other TV', logoUrl: 'https://x/o.png', validity: 'Signed in · 5 hours left', lastUsed: false },
  ])
})

test('a provider the configuration does not know is shown by its id rather than not at all', () => {
  const grid = afterLaunch(null, { type: 'profilesLoaded', profiles: [profile('A', T0 + DAY * 3), profile('B', T0 + DAY * 2)], ...stamp })
  const screen = present(grid, ctx())
  expect(screen.route === 'profiles' && screen.view.tiles.map((t) => t.name)).toEqual(['A', 'B'])
})

test('activation: the address without its query, the QR URL with the code, the countdown end, Back only when it leads somewhere', () => {
  const state = showingCode()
  const screen = present(state, ctx())
  expect(screen.route).toBe('activation')
  if (screen.route !== 'activation') return
  expect(screen.view).toMatchObject({
    code: 'ABC1234',
    displayUrl: 'tv.example/activate',
    qrUrl: 'https://tv.example/activate?code=ABC1234',
    notAfter: T0 + 30 * 60_000,
    expired: false,
    busy: false,
    canGoBack: false,
  })
})

test('while the session is being created the activation screen is busy, with no code and no QR', () => {
  const state = afterLaunch(null, { type: 'profilesLoaded', profiles: [], ...stamp })
  const screen = present(state, ctx())
  expect(screen.route === 'activation' && screen.view).toMatchObject({ busy: true, code: '', qrUrl: '' })
})

test('reauth names the remembered provider; authorized waits for the name before showing decisions', () => {
  const reauth = present(afterLaunch(exampleCable, { type: 'profileForMvpdLoaded', profile: null, ...stamp }), ctx())
  expect(reauth).toEqual({ route: 'reauth', view: { providerName: 'Example Cable', logoUrl: 'https://cdn.example/ec.png' } })

  const picked = afterLaunch(null, { type: 'profilesLoaded', profiles: [profile('Unknown', T0 + DAY)], ...stamp })
  expect(picked.kind).toBe('authorized')
  expect(present(picked, ctx()).route).toBe('boot')
  const named = present(transition(picked, { type: 'persisted', provider: { id: 'Unknown', displayName: 'Known Now' } }).state, ctx())
  expect(named.route === 'decisions' && named.view.providerName).toBe('Known Now')
})

test('a reauth for the provider the viewer signed out of says they signed out, never that the sign-in ended', () => {
  const reauth = afterLaunch(exampleCable, { type: 'profileForMvpdLoaded', profile: null, ...stamp })
  if (reauth.kind !== 'reauth') throw new Error('expected reauth')
  const { signedOut: _outcome, ...rest } = reauth
  const screen = present({ ...rest, signedOutOf: exampleCable.id }, ctx())
  expect(screen.route === 'reauth' && screen.view).toMatchObject({
    title: "You're signed out",
    message: 'You signed out of Example Cable on this TV. Sign in again whenever you like.',
  })
  // Another provider's sign-out says nothing about this one.
  expect(present({ ...rest, signedOutOf: 'Other' }, ctx())).toEqual({
    route: 'reauth',
    view: { providerName: 'Example Cable', logoUrl: 'https://cdn.example/ec.png' },
  })
})

test.each([
  [new NetworkError('GET profiles'), "We can't reach the sign-in service", 'network_error'],
  [passError('invalid_configuration_platform', 'configuration', 500), "Sign-in isn't available right now", 'invalid_configuration_platform'],
  [passError('internal_server_error', 'none', 500), 'The sign-in service had a problem', 'internal_server_error'],
  [new MalformedResponseError('GET profiles', 200, 'not JSON'), 'The sign-in service sent something unexpected', 'malformed_response · HTTP 200'],
])('a failure (%s) says what happened, what to do, and gives a reference', (error, title, reference) => {
  const failed = afterLaunch(null, { type: 'loadFailed', error, ...stamp })
  const screen = present(failed, ctx())
  expect(screen.route).toBe('error')
  if (screen.route !== 'error') return
  expect(screen.view.title).toBe(title)
  expect(screen.view.message.length).toBeGreaterThan(10)
  expect(screen.view.reference).toBe(reference)
  expect(screen.view.actionLabel).toBe('Try again')
})

test('the reference line carries the code and trace, never a token', () => {
  const error = passError('invalid_access_token_client_application', 'application-registration', 401)
  const withTrace = Object.assign(error, { trace: 'tr-1' })
  const failed = afterLaunch(null, { type: 'loadFailed', error: withTrace, ...stamp })
  const screen = present(failed, ctx())
  expect(screen.route === 'error' && screen.view.reference).toBe('invalid_access_token_client_application · tr-1')
})

test('shortUrl drops the scheme and a trailing slash', () => {
  expect(shortUrl('https://mychannel.com/activate/')).toBe('mychannel.com/activate')
  expect(shortUrl('http://127.0.0.1:4000/activate')).toBe('127.0.0.1:4000/activate')
})

test('offline puts the network-loss banner over the screen (the code stays on the activation screen)', () => {
  const showing = showingCode()
  expect(present(showing, ctx()).offline).toBeUndefined()
  const offline = transition(showing, { type: 'offline', ...stamp }).state
  const screen = present(offline, ctx())
  expect(screen.offline).toBe(true)
  expect(screen.route === 'activation' && screen.view.code).toBe('ABC1234')
})
