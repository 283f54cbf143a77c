import { mountApp, type MountedApp } from '../../../support/lightning-kit'
import type { Screen } from '../../../../src/ui/model/screen'
import { playerScreen, reauthScreen } from '../../../support/app-screens'

const decisions = (providerName = 'Riverside Cable'): Screen => ({
  route: 'decisions',
  view: {
    providerName,
    items: [
      { id: 'news', title: 'News', badge: 'included' },
      { id: 'movie', title: 'Movie', badge: 'included' },
      { id: 'sports', title: 'Sports', badge: 'notInPackage' },
    ],
    busy: false,
  },
})

const switchGrid: Screen = {
  route: 'profiles',
  view: { tiles: [{ mvpd: 'Cable', name: 'Riverside Cable', validity: 'Signed in', lastUsed: true }], canGoBack: true },
}

let app: MountedApp | undefined
afterEach(() => app?.unmount())

async function onThirdTitle(): Promise<MountedApp> {
  const mounted = await mountApp(decisions())
  await mounted.press('Right')
  await mounted.press('Right')
  expect(mounted.focusPath()).toContain('Card_sports')
  return mounted
}

describe('focus memory', () => {
  test.each([
    ['the player', playerScreen],
    ['the grid of "Switch provider"', switchGrid],
  ])('coming back from %s lands on the title the viewer left', async (_name, detour) => {
    app = await onThirdTitle()

    await app.publish(detour)
    expect(app.activeRoute()).toBe(detour.route)
    await app.publish(decisions())

    expect(app.activeRoute()).toBe('decisions')
    expect(app.focusPath()).toContain('Card_sports')
  })

  test('a detour left before it was drawn (OK then Back at once) keeps the place too', async () => {
    app = await onThirdTitle()

    app.publishNow(playerScreen)
    await app.publish(decisions())

    expect(app.activeRoute()).toBe('decisions')
    expect(app.focusPath()).toContain('Card_sports')
  })

  test('the buttons row comes back on "Switch provider", never on "Sign out"', async () => {
    app = await mountApp(decisions())
    await app.press('Down')
    await app.press('Right')
    expect(app.focusPath()).toContain('SignOut')

    await app.publish(switchGrid)
    await app.publish(decisions())

    expect(app.focusPath()).toContain('Switch')
  })

  test('leaving any other way (the sign-in ended) starts at the first title next time', async () => {
    app = await onThirdTitle()

    await app.publish(reauthScreen)
    await app.publish(decisions())

    expect(app.focusPath()).toContain('Card_news')
  })

  test('a sign-in with another provider starts at the first title', async () => {
    app = await onThirdTitle()

    await app.publish(switchGrid)
    await app.publish(decisions('Sat One'))

    expect(app.focusPath()).toContain('Card_news')
  })
})
