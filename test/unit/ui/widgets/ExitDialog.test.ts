/** The exit dialog as the App owns it: Back with nowhere to go asks, and closing it gives the focus back. */
import { createApp } from '../../../../src/ui/App'
import type { Screen, ScreenSource } from '../../../../src/ui/model/screen'
import type { UiIntent } from '../../../../src/ui/model/intents'
import { mount, type Mounted } from '../../../support/lightning-kit'

const decisions: Screen = {
  route: 'decisions',
  view: {
    providerName: 'Riverside Cable',
    busy: false,
    items: [
      { id: 'live', title: 'MyChannel Live', badge: 'included' },
      { id: 'news', title: 'Evening News', badge: 'included' },
      { id: 'kids', title: 'Kids Club', badge: 'notIncluded' },
    ],
  },
}

// The SDK's Router is one per module registry: one App for this file, the tests in order on it.
let k: Mounted<never>
const exits: number[] = []
const intents: UiIntent[] = []

beforeAll(async () => {
  const screens: ScreenSource = {
    subscribe(listener) {
      listener(decisions)
      return () => undefined
    },
    dispatch: (intent) => intents.push(intent),
  }
  const App = createApp({ screens, exitApp: () => exits.push(1) })
  k = mount(App as never)
  await k.settle()
})

afterAll(() => k?.unmount())

test('Back with nowhere to go opens the exit dialog over the page, Stay focused', () => {
  expect(k.focusPath()).toEqual(['Subject', 'DecisionsPage', 'Cards', 'Card_live'])
  k.press('Back')
  expect(k.focusPath()).toEqual(['Subject', 'ExitDialog', 'Actions', 'Stay'])
  expect(k.texts()).toContain('Exit MyChannel?')
  k.press('Back')
})

test('while open, no key reaches the page; Back answers Stay and the focus returns where it was', () => {
  k.press('Right')
  expect(k.focused()).toBe('Card_news')
  k.press('Back')
  for (const key of ['Left', 'Right', 'Right', 'Down', 'Up', 'Left'] as const) k.press(key)
  expect(k.focused()).toBe('Stay')
  k.press('Back')
  expect(k.focusPath()).toEqual(['Subject', 'DecisionsPage', 'Cards', 'Card_news'])
  expect(k.texts()).not.toContain('Exit MyChannel?')
  expect(exits).toEqual([])
  expect(intents).toEqual([])
})

test('OK on Stay closes the dialog back to the same title; OK on Exit leaves the app', () => {
  k.press('Right')
  expect(k.focused()).toBe('Card_kids')
  k.press('Back')
  k.press('Enter')
  expect(k.focused()).toBe('Card_kids')
  expect(k.texts()).not.toContain('Exit MyChannel?')
  k.press('Back')
  k.press('Right')
  k.press('Enter')
  expect(exits).toEqual([1])
})
