import { mountApp, type MountedApp } from '../../../support/lightning-kit'
import { playerScreen, reauthScreen } from '../../../support/app-screens'
import { failureCopy } from '../../../../src/ui/copy'

let app: MountedApp | undefined
afterEach(() => app?.unmount())

describe("the Router's not-found and error routes", () => {
  test('a path no route knows draws the error page with "Try again" focused, not a black screen', async () => {
    app = await mountApp(reauthScreen)

    app.sdk.Router.navigate('nowhere', {}, false)
    await app.settle()

    expect(app.activeRoute()).toBe('*')
    expect(app.texts()).toEqual(expect.arrayContaining([failureCopy.generic.title, 'Reference: screen_not_found', 'Try again']))
    expect(app.focusPath()).toContain('TryAgain')
  })

  test('"Try again" there returns to the screen the flow is on, without bothering the flow', async () => {
    app = await mountApp(reauthScreen)
    app.sdk.Router.navigate('nowhere', {}, false)
    await app.settle()

    await app.press('Enter')

    expect(app.activeRoute()).toBe('reauth')
    expect(app.focusPath()).toContain('Again')
    expect(app.dispatched).toEqual([])
  })

  test('a failed page load (the Router sends it to "!") draws the error page', async () => {
    app = await mountApp(reauthScreen)

    app.sdk.Router.navigate('!', {}, false)
    await app.settle()

    expect(app.activeRoute()).toBe('!')
    expect(app.texts()).toEqual(expect.arrayContaining([failureCopy.generic.title, 'Reference: screen_failed']))
    expect(app.focusPath()).toContain('TryAgain')
  })

  test('the next screen from the flow takes the viewer off the fallback', async () => {
    app = await mountApp(reauthScreen)
    app.sdk.Router.navigate('nowhere', {}, false)
    await app.settle()

    await app.publish(playerScreen)

    expect(app.activeRoute()).toBe('player')
    expect(app.texts()).toContain('Playback would start now')
  })
})
