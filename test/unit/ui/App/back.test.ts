import { mountApp, type MountedApp } from '../../../support/lightning-kit'
import type { Screen } from '../../../../src/ui/model/screen'
import { activationScreen } from '../../../support/app-screens'

const profiles = (canGoBack: boolean): Screen => ({
  route: 'profiles',
  view: {
    tiles: [
      { mvpd: 'Cable', name: 'Riverside Cable', validity: 'Signed in · 29 days left', lastUsed: true },
      { mvpd: 'Sat', name: 'Sat One', validity: 'Signed in · 5 days left', lastUsed: false },
    ],
    focusMvpd: 'Cable',
    canGoBack,
  },
})

let app: MountedApp | undefined
afterEach(() => app?.unmount())

describe('Back', () => {
  test('on the first screen opens the exit dialog with "Stay" focused, and nothing reaches the flow', async () => {
    app = await mountApp(profiles(false))
    expect(app.activeRoute()).toBe('profiles')
    expect(app.focusPath()).toContain('Tile_Cable')

    await app.press('Back')

    expect(app.focusPath()).toEqual(expect.arrayContaining(['ExitDialog', 'Stay']))
    expect(app.dispatched).toEqual([])
    expect(app.exits).toBe(0)
  })

  test('on a screen the flow has no history for (the titles) opens the exit dialog too', async () => {
    app = await mountApp({ route: 'decisions', view: { providerName: 'Riverside Cable', items: [{ id: 'a', title: 'A', badge: 'included' }], busy: false } })

    await app.press('Back')

    expect(app.focusPath()).toContain('ExitDialog')
    expect(app.dispatched).toEqual([])
  })

  test('in the exit dialog closes it and gives the focus back to where it was', async () => {
    app = await mountApp(profiles(false))
    await app.press('Right')
    const before = app.focusPath()
    expect(before).toContain('Tile_Sat')

    await app.press('Back')
    expect(app.focusPath()).toContain('ExitDialog')
    await app.press('Back')

    expect(app.focusPath()).toEqual(before)
    expect(app.exits).toBe(0)
    expect(app.dispatched).toEqual([])
  })

  test('"Exit" in the dialog leaves the app', async () => {
    app = await mountApp(profiles(false))
    await app.press('Back')
    await app.press('Right')
    expect(app.focusPath()).toContain('Exit')

    await app.press('Enter')

    expect(app.exits).toBe(1)
  })

  test.each([
    ['the grid opened by "Switch provider"', profiles(true)],
    ['the activation code reached from another screen', activationScreen(true)],
  ])('on %s sends the flow its back intent, no dialog', async (_name, screen) => {
    app = await mountApp(screen)

    await app.press('Back')

    expect(app.dispatched).toEqual([{ type: 'back' }])
    expect(app.focusPath()).not.toContain('ExitDialog')
  })
})
