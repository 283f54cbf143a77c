/**
 * The decisions logic (CL-AUTHZ-2, CL-LOGOUT-1) on the fake clock and the scriptable fake client: one
 * preauthorize per visit (CL-PREAUTHZ-1..3), one authorize per play (CL-AUTHZ-1), routing by
 * `action` (CL-AUTHZ-2), no retries of its own on top of the client's (bounded, no loops), stale
 * answers dropped, and logout only on request (CL-LOGOUT-1, CL-LOGOUT-R1).
 */
import { createDecisionsController, type DecisionsController } from '../../../../src/core/decisions'
import type { SignOutOutcome } from '../../../../src/core/flow/model'
import { NetworkError, PassError, type EnhancedError } from '../../../../src/core/pass/errors'
import type { Decision } from '../../../../src/core/pass/types'
import { retryDenyDecision } from '../../../support/fake-adobe'
import { FakeClock, flushPromises } from '../../../support/fake-clock'
import { FakePassClient } from '../../../support/fake-pass-client'
import { rig, settle } from '../../../support/pass-client-build'

const resources = [
  { id: 'live', title: 'MyChannel Live' },
  { id: 'news', title: 'Evening News' },
  { id: 'movies', title: 'Movie Night' },
  { id: 'sports', title: 'Sports Center' },
  { id: 'kids', title: 'Kids Club' },
]
const MIN = 60_000

const permit = (resource: string, extra: Partial<Decision> = {}): Decision => ({ resource, mvpd: 'Cable', authorized: true, source: 'mvpd', ...extra })
const deny = (resource: string, error: EnhancedError): Decision => ({ resource, mvpd: 'Cable', authorized: false, source: 'mvpd', error })
const eec = (code: string, action: string, extra: Partial<EnhancedError> = {}): EnhancedError => ({ status: 403, code, action, ...extra })

interface Rig {
  clock: FakeClock
  client: FakePassClient
  decisions: DecisionsController
  reauth: number
  signedOut: SignOutOutcome[]
}

function setup(): Rig {
  const clock = new FakeClock(1_700_000_000_000)
  const client = new FakePassClient(clock)
  const r: Rig = { clock, client, decisions: undefined as unknown as DecisionsController, reauth: 0, signedOut: [] }
  r.decisions = createDecisionsController({
    client,
    resources,
    onReauthenticate: () => (r.reauth += 1),
    onSignedOut: (outcome) => r.signedOut.push(outcome),
  })
  return r
}

const badges = (d: DecisionsController) => Object.fromEntries(d.getState().items.map((i) => [i.id, i.badge]))

async function openWithBadges(r: Rig, answer: (resource: string) => Decision = (x) => permit(x)): Promise<void> {
  r.decisions.open({ key: 'v1', mvpd: 'Cable' })
  const call = r.client.last('preauthorize')
  call.resolve(call.args[1].map(answer))
  await flushPromises()
}

/** A visit whose row has its badges (all permits), then `resource` played: its authorize is pending. */
async function playing(resource: string): Promise<Rig> {
  const r = setup()
  await openWithBadges(r)
  r.decisions.play(resource)
  return r
}

describe('preauthorization for the row (CL-PREAUTHZ-1..3)', () => {
  it('asks once for all configured resources (≤ 5, one call) and shows badges while checking', async () => {
    const r = setup()
    r.decisions.open({ key: 'v1', mvpd: 'Cable' })
    expect(r.client.callsTo('preauthorize')).toHaveLength(1)
    expect(r.client.last('preauthorize').args.slice(0, 2)).toEqual(['Cable', ['live', 'news', 'movies', 'sports', 'kids']])
    expect(Object.values(badges(r.decisions))).toEqual(Array(5).fill('checking'))
    r.client
      .last('preauthorize')
      .resolve([
        permit('live'),
        permit('news'),
        deny('movies', eec('authorization_denied_by_parental_controls', 'none')),
        deny('sports', eec('preauthorization_denied_by_mvpd', 'none')),
        deny('kids', eec('network_connection_timeout', 'retry')),
      ])
    await flushPromises()
    expect(badges(r.decisions)).toEqual({ live: 'included', news: 'included', movies: 'parentalControls', sports: 'notInPackage', kids: 'unknown' })
  })

  it('the same visit again (back from the player) asks nothing; a new visit asks again', async () => {
    const r = setup()
    await openWithBadges(r)
    r.decisions.open({ key: 'v1', mvpd: 'Cable' })
    expect(r.client.callsTo('preauthorize')).toHaveLength(1)
    r.decisions.open({ key: 'v2', mvpd: 'Fiber' })
    expect(r.client.callsTo('preauthorize')).toHaveLength(2)
    expect(r.client.last('preauthorize').args[0]).toBe('Fiber')
  })

  it('never starts playback: a preauth permit still needs authorize on play (CL-PREAUTHZ-1, CL-AUTHZ-1)', async () => {
    const r = setup()
    await openWithBadges(r)
    expect(r.decisions.getState().play).toEqual({ kind: 'idle' })
    r.decisions.play('live')
    expect(r.client.callsTo('authorize')).toHaveLength(1)
    expect(r.decisions.getState().play).toEqual({ kind: 'authorizing', resource: 'live' })
  })

  it('a failed preauthorize leaves badges unknown and asks nothing more, however long we wait (CL-PREAUTHZ-2)', async () => {
    const r = setup()
    r.decisions.open({ key: 'v1', mvpd: 'Cable' })
    r.client.last('preauthorize').reject(new NetworkError('test'))
    await r.clock.advance(60 * MIN)
    expect(Object.values(badges(r.decisions))).toEqual(Array(5).fill('unknown'))
    expect(r.client.callsTo('preauthorize')).toHaveLength(1)
    expect(r.clock.pendingTimers).toBe(0)
  })

  it('a preauthorize answered with action authentication sends the viewer to re-authentication (CL-AUTHZ-2)', async () => {
    const r = setup()
    r.decisions.open({ key: 'v1', mvpd: 'Cable' })
    r.client.last('preauthorize').reject(new PassError(eec('authenticated_profile_invalidated', 'authentication'), 403, 'test'))
    await flushPromises()
    expect(r.reauth).toBe(1)
  })
})

describe('authorization on every play (CL-AUTHZ-1, CL-AUTHZ-2, CL-AUTHZ-R2)', () => {
  it('a permit shows the media token validity, never the token, and updates the badge', async () => {
    const r = setup()
    await openWithBadges(r, (x) => deny(x, eec('network_connection_timeout', 'retry')))
    r.decisions.play('live')
    const now = r.client.serverNow()
    r.client.last('authorize').resolve(permit('live', { token: { notBefore: now, notAfter: now + 7 * MIN, serializedToken: 'U0VDUkVU' } }))
    await flushPromises()
    const play = r.decisions.getState().play
    expect(play).toEqual({ kind: 'permitted', resource: 'live', tokenNotAfter: now + 7 * MIN, receivedAt: now, source: 'mvpd' })
    expect(JSON.stringify(r.decisions.getState())).not.toContain('U0VDUkVU')
    expect(badges(r.decisions).live).toBe('included')
  })

  it('asks again on every play, even right after a permit: nothing is cached', async () => {
    const r = setup()
    await openWithBadges(r)
    r.client.on('authorize', (_mvpd, resource) => permit(resource, { token: { notBefore: 0, notAfter: 1, serializedToken: 'x' } }))
    for (let i = 0; i < 3; i++) {
      r.decisions.play('news')
      await flushPromises()
      r.decisions.closePlayer()
    }
    expect(r.client.callsTo('authorize').map((c) => c.args[1])).toEqual(['news', 'news', 'news'])
  })

  it('a play while one is authorizing is ignored (one request in flight)', async () => {
    const r = await playing('live')
    r.decisions.play('news')
    expect(r.client.callsTo('authorize')).toHaveLength(1)
    expect(r.client.maxInFlight('authorize')).toBe(1)
  })

  it.each([
    ['authorization_denied_by_mvpd', 'notInPackage'],
    ['authorization_denied_by_parental_controls', 'parentalControls'],
    ['authorization_denied_by_degradation_rule', 'degradation'],
    ['too_many_resources', 'setup'],
    ['something_new', 'other'],
  ])('a deny %s shows reason %s with the error (message, details, trace) for the screen; the row keeps the reason', async (code, reason) => {
    const r = await playing('sports')
    const before = badges(r.decisions).sports
    const error = eec(code, code === 'too_many_resources' ? 'configuration' : 'none', {
      message: 'MVPD denied access',
      details: 'Package lacks this channel',
      trace: 't-1',
    })
    r.client.last('authorize').resolve(deny('sports', error))
    await flushPromises()
    expect(r.decisions.getState().play).toEqual({ kind: 'denied', resource: 'sports', reason, error })
    // A deny the provider or a rule made marks the row with its reason; a failure leaves the row as it was.
    expect(badges(r.decisions).sports).toBe(reason === 'setup' || reason === 'other' ? before : reason)
    expect(r.reauth).toBe(0)
    expect(r.client.callsTo('logout')).toHaveLength(0) // CL-LOGOUT-R1: never after a deny
  })

  it('an item deny with action authentication routes to re-authentication, with no message', async () => {
    const r = await playing('live')
    r.client.last('authorize').resolve(deny('live', eec('authorization_denied_by_session_invalidated', 'authentication')))
    await flushPromises()
    expect(r.reauth).toBe(1)
    expect(r.decisions.getState().play).toEqual({ kind: 'idle' })
  })

  it('a request-level authentication error (403 authenticated_profile_expired) routes the same way', async () => {
    const r = await playing('live')
    r.client.last('authorize').reject(new PassError(eec('authenticated_profile_expired', 'authentication'), 403, 'test'))
    await flushPromises()
    expect(r.reauth).toBe(1)
  })

  it('a retry deny the client returns after its own retries is shown at once: no further request, no timer (CL-AUTHZ-2)', async () => {
    const r = await playing('live')
    r.client.last('authorize').resolve(deny('live', eec('network_received_error', 'retry')))
    await r.clock.advance(10 * MIN)
    expect(r.decisions.getState().play).toMatchObject({ kind: 'denied', reason: 'providerBusy' })
    expect(r.client.callsTo('authorize')).toHaveLength(1)
    expect(r.clock.pendingTimers).toBe(0)
  })

  it('a transport failure is shown as failed; a permit without a media token cannot play', async () => {
    const r = await playing('live')
    r.client.last('authorize').reject(new NetworkError('test'))
    await flushPromises()
    expect(r.decisions.getState().play).toMatchObject({ kind: 'failed', error: { kind: 'network' } })
    r.decisions.play('news')
    r.client.last('authorize').resolve(permit('news'))
    await flushPromises()
    expect(r.decisions.getState().play).toMatchObject({ kind: 'failed', error: { kind: 'noMediaToken' } })
  })
})

describe('retry bounds over the real client (CL-AUTHZ-2, CL-PREAUTHZ-2)', () => {
  const sp = 'MYCHAN'
  const path = (kind: string) => `/api/v2/${sp}/decisions/${kind}/Cable`

  it('a resource that keeps answering retry costs 3 authorize requests with backoff on the clock, then the message; never a loop', async () => {
    const { client, adobe, clock } = rig()
    adobe.on((req) =>
      req.path === path('preauthorize')
        ? { json: { decisions: (JSON.parse(req.body) as { resources: string[] }).resources.map((x) => retryDenyDecision(x)) } }
        : undefined,
    )
    adobe.on((req) => (req.path === path('authorize') ? { json: { decisions: [retryDenyDecision('live')] } } : undefined))
    let reauth = 0
    const decisions = createDecisionsController({ client, resources, onReauthenticate: () => (reauth += 1), onSignedOut: () => undefined })
    decisions.open({ key: 'v1', mvpd: 'Cable' })
    await settle(clock, new Promise<void>((resolve) => decisions.subscribe((s) => s.items.every((i) => i.badge !== 'checking') && resolve())))
    // Preauthorize: the whole row once, then only the failed items, 2 retries at most.
    expect(adobe.count('POST', path('preauthorize'))).toBe(3)
    const before = clock.now()
    decisions.play('live')
    await settle(clock, new Promise<void>((resolve) => decisions.subscribe((s) => s.play.kind === 'denied' && resolve())))
    expect(adobe.count('POST', path('authorize'))).toBe(3)
    // The backoff ran on the injected clock (500 ms, then 1 s), not in real time.
    expect(clock.now() - before).toBeGreaterThanOrEqual(1500)
    await clock.advance(30 * MIN)
    expect(adobe.count('POST', path('authorize'))).toBe(3)
    expect(decisions.getState().play).toMatchObject({ kind: 'denied', reason: 'providerBusy' })
    expect(reauth).toBe(0)
  })
})

describe('leaving the screen drops stale answers (docs/architecture.md, "Flow")', () => {
  it('close() aborts the visit requests; a late answer changes nothing', async () => {
    const r = setup()
    r.client.honorAbort = false // a transport that answers anyway: only the visit check can drop it
    r.decisions.open({ key: 'v1', mvpd: 'Cable' })
    const pre = r.client.last('preauthorize')
    r.decisions.close()
    expect(pre.signal?.aborted).toBe(true)
    pre.resolve(resources.map((x) => permit(x.id)))
    await flushPromises()
    expect(r.decisions.getState()).toEqual({ mvpd: null, items: [], play: { kind: 'idle' }, signOut: { kind: 'idle' } })
  })

  it('an answer for an old visit does not paint the new one', async () => {
    const r = setup()
    r.client.honorAbort = false
    r.decisions.open({ key: 'v1', mvpd: 'Cable' })
    const old = r.client.last('preauthorize')
    r.decisions.open({ key: 'v2', mvpd: 'Fiber' })
    old.resolve(resources.map((x) => permit(x.id)))
    await flushPromises()
    expect(Object.values(badges(r.decisions))).toEqual(Array(5).fill('checking'))
  })
})

describe('sign out (CL-LOGOUT-1, CL-LOGOUT-R1)', () => {
  it('nothing logs out by itself: opening, playing, denies and closing make no logout call', async () => {
    const r = await playing('live')
    r.client.last('authorize').resolve(deny('live', eec('authorization_denied_by_mvpd', 'none')))
    await flushPromises()
    r.decisions.close()
    await r.clock.advance(60 * MIN)
    expect(r.client.callsTo('logout')).toHaveLength(0)
  })

  it.each([
    [[{ mvpd: 'Cable', actionName: 'complete', actionType: 'none' }], 'complete'],
    [[{ mvpd: 'Cable', actionName: 'logout', actionType: 'interactive', url: 'https://cable.example/logout' }], 'interactive'],
    [[{ mvpd: 'Cable', actionName: 'invalid', actionType: 'none' }], 'invalid'],
    [
      [
        { mvpd: 'Cable', actionName: 'complete', actionType: 'none' },
        { mvpd: 'Sso', actionName: 'logout', actionType: 'interactive', url: '/x' },
      ],
      'interactive',
    ],
    [[{ mvpd: 'Cable', actionName: 'partner_logout', actionType: 'partner_interactive' }], 'complete'],
    [[], 'complete'],
  ])('one logout call; entries %j end as %s', async (entries, outcome) => {
    const r = setup()
    await openWithBadges(r)
    r.decisions.signOut()
    r.decisions.signOut() // a second press while signing out is ignored
    expect(r.client.callsTo('logout')).toHaveLength(1)
    expect(r.client.last('logout').args[0]).toBe('Cable')
    expect(r.decisions.getState().signOut).toEqual({ kind: 'signingOut' })
    r.client.last('logout').resolve(entries)
    await flushPromises()
    expect(r.signedOut).toEqual([outcome])
  })

  it('a failed logout keeps the viewer signed in and says so; no automatic retry', async () => {
    const r = setup()
    await openWithBadges(r)
    r.decisions.signOut()
    r.client.last('logout').reject(new PassError(eec('internal_server_error', 'none', { status: 500 }), 500, 'test'))
    await r.clock.advance(10 * MIN)
    expect(r.decisions.getState().signOut).toMatchObject({ kind: 'failed', error: { code: 'internal_server_error' } })
    expect(r.signedOut).toEqual([])
    expect(r.client.callsTo('logout')).toHaveLength(1)
  })

  it('signing out aborts a play being authorized', async () => {
    const r = await playing('live')
    const authorize = r.client.last('authorize')
    r.decisions.signOut()
    expect(authorize.signal?.aborted).toBe(true)
    expect(r.decisions.getState().play).toEqual({ kind: 'idle' })
  })
})

describe('listeners', () => {
  it('a listener that throws neither stops the others nor the visit', async () => {
    const r = setup()
    const seen: string[] = []
    r.decisions.subscribe(() => {
      throw new Error('broken screen')
    })
    r.decisions.subscribe((state) => seen.push(state.items.map((i) => i.badge).join(',')))
    await openWithBadges(r)
    expect(seen.at(-1)).toBe(resources.map(() => 'included').join(','))
    expect(badges(r.decisions)).toEqual(Object.fromEntries(resources.map((x) => [x.id, 'included'])))
  })
})

describe('cancelling a play', () => {
  it('Back while authorizing aborts the request; its late answer changes nothing; a new play is allowed', async () => {
    const r = await playing('live')
    const authorize = r.client.last('authorize')
    r.decisions.cancelPlay()
    expect(authorize.signal?.aborted).toBe(true)
    expect(r.decisions.getState().play).toEqual({ kind: 'idle' })
    authorize.resolve(permit('live', { token: { notBefore: 0, notAfter: 1, serializedToken: 'x' } }))
    await flushPromises()
    expect(r.decisions.getState().play).toEqual({ kind: 'idle' })
    r.decisions.play('news')
    expect(r.client.last('authorize').args[1]).toBe('news')
  })

  it('does nothing when no play is being authorized (a deny on screen stays)', async () => {
    const r = await playing('sports')
    r.client.last('authorize').resolve(deny('sports', eec('authorization_denied_by_mvpd', 'none')))
    await flushPromises()
    r.decisions.cancelPlay()
    expect(r.decisions.getState().play.kind).toBe('denied')
  })
})
