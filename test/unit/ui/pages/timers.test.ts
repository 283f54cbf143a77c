import { freshSdk, mountApp, type MountedApp } from '../../../support/lightning-kit'
import type { Screen } from '../../../../src/ui/model/screen'
import { activationScreen, reauthScreen } from '../../../support/app-screens'

const outage: Screen = {
  route: 'error',
  view: { title: 'Down', message: 'Trying', actionLabel: 'Try again', autoRetryAt: 10_000, now: () => 0 },
}

let app: MountedApp | undefined
afterEach(() => app?.unmount())

/** Mounts on `first`, counting the intervals set through Registry that are still running. */
async function mountCounting(first: Screen): Promise<{ running(): number }> {
  const sdk = await freshSdk()
  const live = new Set<unknown>()
  const set = sdk.Registry.setInterval.bind(sdk.Registry)
  const clear = sdk.Registry.clearInterval.bind(sdk.Registry)
  jest.spyOn(sdk.Registry, 'setInterval').mockImplementation((...args: Parameters<typeof set>) => {
    const id = set(...args)
    live.add(id)
    return id
  })
  jest.spyOn(sdk.Registry, 'clearInterval').mockImplementation((id) => {
    live.delete(id)
    clear(id)
  })
  app = await mountApp(first, { sdk })
  return { running: () => live.size }
}

test.each([
  ['the activation countdown', activationScreen()],
  ['the automatic retry countdown', outage],
])('%s runs one 1 s ticker while its page is shown and stops it when the page is left', async (_name, screen) => {
  const timers = await mountCounting(screen)
  expect(timers.running()).toBe(1)

  await app?.publish(reauthScreen)
  expect(timers.running()).toBe(0)

  // Coming back starts one ticker again, not a second one beside a leftover.
  await app?.publish(screen)
  expect(timers.running()).toBe(1)
})
