import { freshSdk, mountApp, type MountedApp } from '../../../support/lightning-kit'
import type { Screen } from '../../../../src/ui/model/screen'
import { activationScreen, reauthScreen } from '../../../support/app-screens'

const outage: Screen = {
  route: 'error',
  view: { title: 'Down', message: 'Trying', actionLabel: 'Try again', autoRetryAt: 10_000, now: () => 0 },
}

let app: MountedApp | undefined
afterEach(() => app?.unmount())

interface Ticker {
  readonly ms: number
  readonly tick: () => void
}

/** Mounts on `first`, keeping the intervals set through Registry that are still running. */
async function mountCounting(first: Screen): Promise<{ running(): Ticker[] }> {
  const sdk = await freshSdk()
  const live = new Map<unknown, Ticker>()
  const set = sdk.Registry.setInterval.bind(sdk.Registry)
  const clear = sdk.Registry.clearInterval.bind(sdk.Registry)
  jest.spyOn(sdk.Registry, 'setInterval').mockImplementation((...args: Parameters<typeof set>) => {
    const id = set(...args)
    live.set(id, { tick: args[0] as () => void, ms: Number(args[1]) })
    return id
  })
  jest.spyOn(sdk.Registry, 'clearInterval').mockImplementation((id) => {
    live.delete(id)
    clear(id)
  })
  app = await mountApp(first, { sdk })
  return { running: () => [...live.values()] }
}

const periods = (tickers: Ticker[]): number[] => tickers.map((t) => t.ms).sort((a, b) => a - b)

type Node = { ref?: string; alpha: number; rotation: number; visible: boolean; children: Node[] }
const find = (node: Node, ref: string): Node | undefined => (node.ref === ref ? node : node.children.map((c) => find(c, ref)).find(Boolean))
const runningAnimations = (mounted: MountedApp): number =>
  [...(mounted.app.stage as unknown as { animations: { active: Set<{ isActive(): boolean }> } }).animations.active].filter((a) => a.isActive()).length

test.each([
  ['the activation countdown and waiting dots', activationScreen(), [250, 1000]],
  ['the automatic retry countdown', outage, [1000]],
])('%s: page tickers run while the page is shown and stop when it is left', async (_name, screen, expected) => {
  const timers = await mountCounting(screen)
  expect(periods(timers.running())).toEqual(expected)

  await app?.publish(reauthScreen)
  expect(timers.running()).toHaveLength(0)

  // Coming back starts them again, not a second set beside leftovers.
  await app?.publish(screen)
  expect(periods(timers.running())).toEqual(expected)
})

// Every frame Lightning draws costs a slow TV's main thread: what moves while the viewer waits
// changes a few times a second, never at 60 fps.
test('the boot spinner shows after a second, then turns in twelfths of a turn on a 100 ms ticker, with no animation running', async () => {
  const timers = await mountCounting({ route: 'boot', view: { message: 'starting' } })
  const [ticker] = timers.running()
  expect(periods(timers.running())).toEqual([100])
  const spinner = find(app?.app as unknown as Node, 'Spinner')
  // The ticker's first tick came as it started: nine more make the first second.
  for (let i = 0; i < 9; i++) ticker?.tick()
  expect(spinner?.visible).toBe(false)
  ticker?.tick()
  expect(spinner?.visible).toBe(true)
  const first = spinner?.rotation ?? NaN
  ticker?.tick()
  expect((spinner?.rotation ?? NaN) - first).toBeCloseTo((Math.PI * 2) / 12)
  expect(runningAnimations(app as MountedApp)).toBe(0)

  // Shown again later: hidden for its first second again.
  await app?.publish(reauthScreen)
  await app?.publish({ route: 'boot', view: { message: 'starting' } })
  expect(find(app?.app as unknown as Node, 'Spinner')?.visible).toBe(false)
})

test('the waiting dots step through one wave, each dot a step behind the one before, with no animation running', async () => {
  const timers = await mountCounting(activationScreen())
  const wave = timers.running().find((t) => t.ms === 250)
  const dots = ['D0', 'D1', 'D2'].map((ref) => find(app?.app as unknown as Node, ref))
  const seen: number[][] = []
  for (let i = 0; i < 6; i++) {
    wave?.tick()
    seen.push(dots.map((d) => d?.alpha ?? NaN))
  }
  // Six steps make one 1.5 s wave: the seventh is the first again.
  wave?.tick()
  expect(dots.map((d) => d?.alpha)).toEqual(seen[0])
  // Dot i shows at each step what dot 0 showed i steps before.
  for (let step = 2; step < 6; step++) {
    expect(seen[step]?.[1]).toBe(seen[step - 1]?.[0])
    expect(seen[step]?.[2]).toBe(seen[step - 2]?.[0])
  }
  expect(new Set(seen.map((s) => s[0])).size).toBeGreaterThan(2)
  expect(runningAnimations(app as MountedApp)).toBe(0)
})
