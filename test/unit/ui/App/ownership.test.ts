import { mountApp, type MountedApp } from './mount-app'
import type { Lightning } from '@lightningjs/sdk'

let app: MountedApp | undefined
afterEach(() => {
  app?.destroy()
  app = undefined
})

const boot = { route: 'boot', view: { message: 'Starting' } } as const

function appComponent(mounted: MountedApp): Lightning.Element {
  const component = mounted.application.childList.getAt(0)
  if (!component) throw new Error('the app is not mounted')
  return component
}

describe('the App owns its subscriptions', () => {
  test('it follows the screens and the pointer while on the stage, and lets go when it leaves', async () => {
    app = await mountApp(boot)
    expect(app.subscribers()).toEqual({ screens: 1, pointer: 1 })
    const component = appComponent(app)

    app.application.childList.remove(component)
    expect(app.subscribers()).toEqual({ screens: 0, pointer: 0 })

    // Back on the stage: one subscription each again, never two.
    app.application.childList.add(component)
    expect(app.subscribers()).toEqual({ screens: 1, pointer: 1 })
  })

  test('destroying the application releases them', async () => {
    const mounted = await mountApp(boot)
    mounted.destroy()

    expect(mounted.subscribers()).toEqual({ screens: 0, pointer: 0 })
  })
})

test('the pointer hiding (the arrow keys took over) makes Lightning forget what it last hovered', async () => {
  app = await mountApp(boot)
  const internals = app.application as unknown as { __hoveredChild: unknown }
  internals.__hoveredChild = appComponent(app)

  app.setPointerVisible(true)
  expect(internals.__hoveredChild).not.toBeNull()
  app.setPointerVisible(false)

  expect(internals.__hoveredChild).toBeNull()
})
