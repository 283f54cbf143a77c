import { mountApp, type MountedApp } from '../../../support/lightning-kit'

let kit: MountedApp | undefined
afterEach(() => kit?.unmount())

const boot = { route: 'boot', view: { message: 'starting' } } as const

describe('the App owns its subscriptions', () => {
  test('it follows the screens and the pointer while on the stage, and lets go when it leaves', async () => {
    kit = await mountApp(boot)
    expect(kit.subscribers()).toEqual({ screens: 1, pointer: 1 })
    const component = kit.subject

    kit.app.childList.remove(component)
    expect(kit.subscribers()).toEqual({ screens: 0, pointer: 0 })

    // Back on the stage: one subscription each again, never two.
    kit.app.childList.add(component)
    expect(kit.subscribers()).toEqual({ screens: 1, pointer: 1 })
  })

  test('destroying the application releases them', async () => {
    const mounted = await mountApp(boot)
    mounted.unmount()

    expect(mounted.subscribers()).toEqual({ screens: 0, pointer: 0 })
  })
})

test('the pointer hiding (the arrow keys took over) makes Lightning forget what it last hovered', async () => {
  kit = await mountApp(boot)
  const internals = kit.app as unknown as { __hoveredChild: unknown }
  internals.__hoveredChild = kit.subject

  kit.setPointerVisible(true)
  expect(internals.__hoveredChild).not.toBeNull()
  kit.setPointerVisible(false)

  expect(internals.__hoveredChild).toBeNull()
})
