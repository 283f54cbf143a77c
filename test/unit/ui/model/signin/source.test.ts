/**
 * The screen source follows the flow: every state becomes a screen and intents of the sign-in go to
 * the runner. It has no Adobe Pass client: provider names arrive with the flow's state.
 */
import { initialState, transition } from '../../../../../src/core/flow/machine'
import type { FlowInput, FlowState } from '../../../../../src/core/flow/model'
import type { FlowRunner } from '../../../../../src/core/flow/runner'
import { createSignInScreens } from '../../../../../src/ui/model/signin/source'
import type { Screen } from '../../../../../src/ui/model/screen'
import { DAY, profile, run, settings } from '../../../../support/flow-harness'

const T0 = 1_750_000_000_000
const stamp = { now: T0, serverNow: T0, random: 0.5 }

function fakeRunner(start: FlowState) {
  let state = start
  const listeners = new Set<(s: FlowState) => void>()
  const sent: FlowInput[] = []
  const runner: FlowRunner = {
    start: () => undefined,
    stop: () => undefined,
    send: (input) => sent.push(input),
    subscribe: (l) => {
      listeners.add(l)
      l(state)
      return () => listeners.delete(l)
    },
    getState: () => state,
    serverNow: () => T0,
  }
  return {
    runner,
    sent,
    set(next: FlowState) {
      state = next
      listeners.forEach((l) => l(state))
    },
    listenerCount: () => listeners.size,
  }
}

const grid = (): FlowState =>
  run(
    initialState(settings),
    { type: 'launch' },
    { type: 'remembered', lastMvpd: null, pending: null, signedOutOf: null, ...stamp },
    { type: 'profilesLoaded', profiles: [profile('A', T0 + 3 * DAY), profile('B', T0 + 2 * DAY)], ...stamp },
  ).state

function setup(state: FlowState) {
  const fake = fakeRunner(state)
  const screens = createSignInScreens({ runner: fake.runner, now: () => T0, settings: { activationUrl: settings.activationUrl, resources: [] } })
  const seen: Screen[] = []
  screens.subscribe((s) => seen.push(s))
  return { fake, screens, seen }
}

const tileNames = (screen: Screen | undefined) => (screen?.route === 'profiles' ? screen.view.tiles.map((t) => t.name) : null)

test('a subscriber gets the current screen at once', () => {
  const r = setup(initialState(settings))
  expect(r.seen.map((s) => s.route)).toEqual(['boot'])
})

test('the grid shows provider ids until the flow has the names, then the names (the source itself asks nothing)', () => {
  const r = setup(grid())
  expect(tileNames(r.seen.at(-1))).toEqual(['A', 'B'])
  r.fake.set(
    transition(grid(), {
      type: 'providersLoaded',
      providers: [
        { id: 'A', displayName: 'Alpha TV' },
        { id: 'B', displayName: 'Beta Cable' },
      ],
    }).state,
  )
  expect(tileNames(r.seen.at(-1))).toEqual(['Alpha TV', 'Beta Cable'])
})

test('dispose releases the runner subscription and its own listeners', () => {
  const r = setup(grid())
  const before = r.seen.length
  r.screens.dispose()
  r.fake.set(initialState(settings))
  expect(r.seen.length).toBe(before)
  expect(r.fake.listenerCount()).toBe(0)
})

test('sign-in intents go to the runner; others go to the next owner', () => {
  const other: string[] = []
  const fake = fakeRunner(grid())
  const screens = createSignInScreens({
    runner: fake.runner,
    now: () => T0,
    settings: { activationUrl: settings.activationUrl, resources: [] },
    onOtherIntent: (i) => other.push(i.type),
  })
  screens.dispatch({ type: 'pickProfile', mvpd: 'A' })
  screens.dispatch({ type: 'back' })
  screens.dispatch({ type: 'play', resource: 'live' })
  expect(fake.sent).toEqual([{ type: 'pickProfile', mvpd: 'A' }, { type: 'back' }])
  expect(other).toEqual(['play'])
})
