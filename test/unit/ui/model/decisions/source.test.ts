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
  let closes = 0
  const controller: DecisionsController = {
    open: (visit) => void opened.push(visit),
    close: () => void (closes += 1),
    play: () => undefined,
    closePlayer: () => undefined,
    cancelPlay: () => undefined,
    signOut: () => undefined,
    getState: () => idle,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
  return { controller, opened, closes: () => closes, listeners }
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
