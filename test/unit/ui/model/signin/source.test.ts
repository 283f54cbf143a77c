/**
 * The screen source follows the flow: every state becomes a screen, intents of the sign-in go to the
 * runner, and provider names come from the configuration only when a grid needs them (CL-CFG-1),
 * asked again after a failure rather than never.
 */
import { initialState, transition } from '../../../../../src/core/flow/machine'
import type { FlowInput, FlowState } from '../../../../../src/core/flow/model'
import type { FlowRunner } from '../../../../../src/core/flow/runner'
import type { Configuration } from '../../../../../src/core/pass/types'
import { NetworkError } from '../../../../../src/core/pass/errors'
import { createSignInScreens } from '../../../../../src/ui/model/signin/source'
import type { Screen } from '../../../../../src/ui/model/screen'
import { flushPromises } from '../../../../support/fake-clock'
import { DAY, profile, settings } from '../../../../support/flow-harness'

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
  }
}

const grid = (): FlowState =>
  [
    { type: 'launch' } as const,
    { type: 'remembered', lastMvpd: null, pending: null, signedOutOf: null, ...stamp } as const,
    { type: 'profilesLoaded', profiles: [profile('A', T0 + 3 * DAY), profile('B', T0 + 2 * DAY)], ...stamp } as const,
  ].reduce<FlowState>((s, e) => transition(s, e).state, initialState(settings))

function setup(state: FlowState, configuration: () => Promise<Configuration>) {
  const fake = fakeRunner(state)
  let configCalls = 0
  const screens = createSignInScreens({
    runner: fake.runner,
    now: () => T0,
    client: {
      configuration: () => {
        configCalls += 1
        return configuration()
      },
    },
    settings: { activationUrl: settings.activationUrl, resources: [] },
  })
  const seen: Screen[] = []
  screens.subscribe((s) => seen.push(s))
  return { fake, screens, seen, configCalls: () => configCalls }
}

test('no configuration request unless a grid needs provider names (CL-CFG-1)', async () => {
  const r = setup(initialState(settings), () => Promise.resolve({ mvpds: [] }))
  await flushPromises()
  expect(r.seen.at(-1)?.route).toBe('boot')
  expect(r.configCalls()).toBe(0)
})

test('a grid asks for the configuration once and shows the names when they arrive', async () => {
  const r = setup(grid(), () => Promise.resolve({ mvpds: [{ id: 'A', displayName: 'Alpha TV' }, { id: 'B', displayName: 'Beta Cable' }] }))
  await flushPromises()
  const last = r.seen.at(-1)
  expect(last?.route === 'profiles' && last.view.tiles.map((t) => t.name)).toEqual(['Alpha TV', 'Beta Cable'])
  r.fake.set(grid())
  await flushPromises()
  expect(r.configCalls()).toBe(1)
})

test('after a failed configuration request the next grid asks again', async () => {
  let fail = true
  const r = setup(grid(), () => (fail ? Promise.reject(new NetworkError('GET configuration')) : Promise.resolve({ mvpds: [{ id: 'A', displayName: 'Alpha TV' }] })))
  await flushPromises()
  const first = r.seen.at(-1)
  expect(first?.route === 'profiles' && first.view.tiles[0]?.name).toBe('A')
  fail = false
  r.fake.set(grid())
  await flushPromises()
  expect(r.configCalls()).toBe(2)
  const last = r.seen.at(-1)
  expect(last?.route === 'profiles' && last.view.tiles[0]?.name).toBe('Alpha TV')
})

test('sign-in intents go to the runner; others go to the next owner', () => {
  const other: string[] = []
  const fake = fakeRunner(grid())
  const screens = createSignInScreens({
    runner: fake.runner,
    now: () => T0,
    client: { configuration: () => Promise.resolve({ mvpds: [] }) },
    settings: { activationUrl: settings.activationUrl, resources: [] },
    onOtherIntent: (i) => other.push(i.type),
  })
  screens.dispatch({ type: 'pickProfile', mvpd: 'A' })
  screens.dispatch({ type: 'back' })
  screens.dispatch({ type: 'play', resource: 'live' })
  expect(fake.sent).toEqual([{ type: 'pickProfile', mvpd: 'A' }, { type: 'back' }])
  expect(other).toEqual(['play'])
})
