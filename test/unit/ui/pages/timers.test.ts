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

test('the boot spinner turns in steps on one 100 ms ticker, not as a per-frame animation, and stops when its page is left', async () => {
  const sdk = await freshSdk()
  const ticks: { handler: () => void; ms: number; id: unknown }[] = []
  const live = new Set<unknown>()
  const set = sdk.Registry.setInterval.bind(sdk.Registry)
  const clear = sdk.Registry.clearInterval.bind(sdk.Registry)
  jest.spyOn(sdk.Registry, 'setInterval').mockImplementation((...args: Parameters<typeof set>) => {
    const id = set(...args)
    ticks.push({ handler: args[0] as () => void, ms: Number(args[1]), id })
    live.add(id)
    return id
  })
  jest.spyOn(sdk.Registry, 'clearInterval').mockImplementation((id) => {
    live.delete(id)
    clear(id)
  })
  app = await mountApp({ route: 'boot', view: { message: 'starting' } }, { sdk })
  expect([...live].map((id) => ticks.find((t) => t.id === id)?.ms)).toEqual([100])
  type Node = { ref?: string; rotation: number; children: Node[] }
  const find = (node: Node, ref: string): Node | undefined => (node.ref === ref ? node : node.children.map((c) => find(c, ref)).find(Boolean))
  const spinner = find(app.app as unknown as Node, 'Spinner')
  const tick = ticks.find((t) => live.has(t.id))
  expect(spinner).toBeDefined()
  const before = spinner?.rotation ?? NaN
  tick?.handler()
  expect((spinner?.rotation ?? NaN) - before).toBeCloseTo((Math.PI * 2) / 12)
  // Nothing else keeps Lightning drawing: no animation is running on the stage.
  const { active } = (app.app.stage as unknown as { animations: { active: Set<{ isActive(): boolean }> } }).animations
  expect([...active].filter((a) => a.isActive())).toHaveLength(0)

  await app.publish(reauthScreen)
  expect(live.size).toBe(0)
})
