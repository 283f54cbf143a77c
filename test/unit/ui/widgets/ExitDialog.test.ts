/** The exit dialog as the App owns it: Back with nowhere to go asks, and closing it gives the focus back. */
import type { Screen } from '../../../../src/ui/model/screen'
import { mountApp, type MountedApp } from '../../../support/lightning-kit'

const decisions: Screen = {
  route: 'decisions',
  view: {
    providerName: 'Riverside Cable',
    busy: false,
    items: [
      { id: 'live', title: 'MyChannel Live', badge: 'included' },
      { id: 'news', title: 'Evening News', badge: 'included' },
      { id: 'kids', title: 'Kids Club', badge: 'notInPackage' },
    ],
  },
}

// One App for this file: the tests walk through it in order, each starting where the last left it.
let k: MountedApp

beforeAll(async () => {
  k = await mountApp(decisions)
})

afterAll(() => k?.unmount())

test('Back with nowhere to go opens the exit dialog over the page, Stay focused', async () => {
  expect(k.focusPath()).toEqual(['Subject', 'DecisionsPage', 'Cards', 'Card_live'])
  await k.press('Back')
  expect(k.focusPath()).toEqual(['Subject', 'ExitDialog', 'Actions', 'Stay'])
  expect(k.texts()).toContain('Exit MyChannel?')
  await k.press('Back')
})

test('while open, no key reaches the page; Back answers Stay and the focus returns where it was', async () => {
  await k.press('Right')
  expect(k.focused()).toBe('Card_news')
  await k.press('Back')
  for (const key of ['Left', 'Right', 'Right', 'Down', 'Up', 'Left'] as const) await k.press(key)
  expect(k.focused()).toBe('Stay')
  await k.press('Back')
  expect(k.focusPath()).toEqual(['Subject', 'DecisionsPage', 'Cards', 'Card_news'])
  expect(k.texts()).not.toContain('Exit MyChannel?')
  expect(k.exits).toBe(0)
  expect(k.dispatched).toEqual([])
})

test('OK on Stay closes the dialog back to the same title; OK on Exit leaves the app', async () => {
  await k.press('Right')
  expect(k.focused()).toBe('Card_kids')
  await k.press('Back')
  await k.press('Enter')
  expect(k.focused()).toBe('Card_kids')
  expect(k.texts()).not.toContain('Exit MyChannel?')
  await k.press('Back')
  await k.press('Right')
  await k.press('Enter')
  expect(k.exits).toBe(1)
})
