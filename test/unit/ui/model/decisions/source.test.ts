/** The decisions screen source: opens a decisions visit per sign-in, and dispose() lets go of everything it holds. */
import type { DecisionsController, DecisionsListener, DecisionsState, DecisionsVisit } from '../../../../../src/core/decisions'
import { initialState } from '../../../../../src/core/flow/machine'
import type { FlowState } from '../../../../../src/core/flow/model'
import { createDecisionsScreens } from '../../../../../src/ui/model/decisions/source'
import type { Screen, ScreenSource } from '../../../../../src/ui/model/screen'
import { DAY, profile, settings } from '../../../../support/flow-harness'

const idle: DecisionsState = { mvpd: null, items: [], play: { kind: 'idle' }, signOut: { kind: 'idle' } }

function fakeDecisions() {
  const listeners = new Set<DecisionsListener>()
  const opened: DecisionsVisit[] = []
  const calls: string[] = []
  let closes = 0
  const controller: DecisionsController = {
    open: (visit) => void opened.push(visit),
    close: () => void (closes += 1),
    play: (resource) => void calls.push(`play ${resource}`),
    closePlayer: () => undefined,
    cancelPlay: () => void calls.push('cancelPlay'),
    signOut: () => void calls.push('signOut'),
    getState: () => idle,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
  return { controller, opened, calls, closes: () => closes, listeners }
}

function fakeSignIn() {
  const listeners = new Set<(screen: Screen) => void>()
  const source: ScreenSource = {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    dispatch: () => undefined,
  }
  return { source, listeners, show: (screen: Screen) => listeners.forEach((l) => l(screen)) }
}

const authorized: FlowState = {
  ...initialState(settings),
  kind: 'authorized',
  epoch: 7,
  profile: profile('Cable', DAY),
  provider: { id: 'Cable', displayName: 'Cable Co' },
  persisted: true,
}

test('a sign-in opens one decisions visit; dispose() closes it and releases both subscriptions', () => {
  const decisions = fakeDecisions()
  const signIn = fakeSignIn()
  const screens = createDecisionsScreens({
    signIn: signIn.source,
    runner: { getState: () => authorized, send: () => undefined },
    decisions: decisions.controller,
  })
  const seen: Screen[] = []
  screens.subscribe((screen) => seen.push(screen))

  signIn.show({ route: 'decisions', view: { providerName: 'Cable Co', items: [], busy: false } })
  expect(decisions.opened).toEqual([{ key: 'flow-7', mvpd: 'Cable' }])
  expect(seen.map((s) => s.route)).toEqual(['decisions'])

  screens.dispose()
  expect(decisions.closes()).toBeGreaterThan(0)
  expect(signIn.listeners.size).toBe(0)
  expect(decisions.listeners.size).toBe(0)
  signIn.show({ route: 'boot', view: { message: 'starting' } })
  expect(seen).toHaveLength(1)
})

describe("while a returning viewer's sign-in is being confirmed", () => {
  const loading: FlowState = { ...initialState(settings), kind: 'loadingProfiles', epoch: 3, route: { by: 'all' }, origin: { kind: 'launch' }, retries: 0 }
  const items = [
    { id: 'live', title: 'Live', badge: 'checking' as const },
    { id: 'news', title: 'News', badge: 'checking' as const },
  ]
  const confirmingScreen: Screen = { route: 'decisions', view: { providerName: 'Cable Co', items, busy: false, confirming: true } }
  const confirmedScreen: Screen = { route: 'decisions', view: { providerName: 'Cable Co', items, busy: false } }

  function setUp() {
    const decisions = fakeDecisions()
    const signIn = fakeSignIn()
    let state: FlowState = loading
    const sent: string[] = []
    const screens = createDecisionsScreens({
      signIn: signIn.source,
      runner: { getState: () => state, send: (event) => void sent.push(event.type) },
      decisions: decisions.controller,
    })
    const seen: Screen[] = []
    screens.subscribe((screen) => seen.push(screen))
    signIn.show(confirmingScreen)
    const moveTo = (next: FlowState, screen: Screen): void => {
      state = next
      signIn.show(screen)
    }
    return { decisions, screens, seen, sent, moveTo, last: () => seen[seen.length - 1] }
  }

  test('a title chosen waits, shown as being checked, and is authorized once the profile is confirmed', () => {
    const { decisions, screens, moveTo, last } = setUp()
    screens.dispatch({ type: 'play', resource: 'news' })
    expect(decisions.calls).toEqual([])
    expect(decisions.opened).toEqual([])
    expect(last()).toMatchObject({ route: 'decisions', view: { busy: true, playPending: true, noticeFor: 'news' } })
    const notice = last()?.route === 'decisions' ? (last() as Extract<Screen, { route: 'decisions' }>).view.notice : undefined
    expect(notice?.text).toContain('News')
    // Nothing shows as permitted before Adobe says so: every title is still being checked.
    expect(last()?.route === 'decisions' && (last() as Extract<Screen, { route: 'decisions' }>).view.items.every((i) => i.badge === 'checking')).toBe(true)

    moveTo(authorized, confirmedScreen)
    expect(decisions.opened).toEqual([{ key: 'flow-7', mvpd: 'Cable' }])
    expect(decisions.calls).toEqual(['play news'])
    // Once: a later change of the same sign-in does not play it again.
    moveTo(authorized, confirmedScreen)
    expect(decisions.calls).toEqual(['play news'])
  })

  test('the latest choice wins; Back (cancelPlay) drops a held title without reaching the decisions logic', () => {
    const { decisions, screens, moveTo, last } = setUp()
    screens.dispatch({ type: 'play', resource: 'live' })
    screens.dispatch({ type: 'play', resource: 'news' })
    screens.dispatch({ type: 'cancelPlay' })
    expect(last()).toEqual(confirmingScreen)
    moveTo(authorized, confirmedScreen)
    expect(decisions.calls).toEqual([])

    const again = setUp()
    again.screens.dispatch({ type: 'play', resource: 'live' })
    again.screens.dispatch({ type: 'signOut' })
    again.moveTo(authorized, confirmedScreen)
    expect(again.decisions.calls).toEqual(['signOut'])
  })

  test('a choice held when the sign-in is not confirmed (reauth) is dropped, and never played later', () => {
    const { decisions, screens, moveTo } = setUp()
    screens.dispatch({ type: 'play', resource: 'live' })
    const reauth: FlowState = { ...initialState(settings), kind: 'reauth', epoch: 4, provider: { id: 'Cable', displayName: 'Cable Co' } }
    moveTo(reauth, { route: 'reauth', view: { providerName: 'Cable Co' } })
    moveTo(authorized, confirmedScreen)
    expect(decisions.calls).toEqual([])
  })

  test('Switch provider chosen while confirming goes to the flow once signed in', () => {
    const { sent, screens, moveTo } = setUp()
    screens.dispatch({ type: 'switchProvider' })
    expect(sent).toEqual([])
    moveTo(authorized, confirmedScreen)
    expect(sent).toEqual(['switchProvider'])
  })
})
