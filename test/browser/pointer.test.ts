/**
 * The Magic Remote pointer in a real Chromium (Lightning `enablePointer`), on the legacy build the TV
 * packages ship, with the webOS adapter forced by the development override: hovering a tile focuses
 * it, clicking selects it, and when the pointer hides (`cursorStateChange`) the keys carry on and
 * the pointer takes the focus back when it moves again (LG: every element works with both).
 */
import type { Page } from 'playwright-core'
import { focused, waitForFocus, waitForRoute, press } from './harness'
import { stackPerTest, startStack, tvDeviceId, type Stack } from './stack'

jest.setTimeout(90_000)

/** A stage point over each hoverable item, found by moving the pointer (no layout numbers assumed). */
const points = new Map<string, { x: number; y: number }>()
const stack = stackPerTest({ flavour: 'es5' })
let page: Page

async function cursorState(p: Page, visibility: boolean): Promise<void> {
  await p.evaluate((v) => document.dispatchEvent(new CustomEvent('cursorStateChange', { detail: { visibility: v } })), visibility)
}

async function frames(p: Page): Promise<void> {
  await p.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
}

/** A webOS TV on the grid of two providers (Riverside Cable focused), on `target`'s own profile. */
async function gridTv(target: Stack): Promise<Page> {
  const first = await target.openTv({ platform: 'webos' })
  await waitForRoute(first, 'activation')
  const deviceId = tvDeviceId(target.sandbox)
  target.sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 20 * 86_400_000 })
  target.sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 9 * 86_400_000 })
  await first.close()
  const tv = await target.openTv({ platform: 'webos' })
  await waitForRoute(tv, 'profiles')
  await waitForFocus(tv, 'Tile_Sandbox_Cable')
  return tv
}

// The layout is measured once, on a stack of its own that is gone before the first test: every
// test's grid is drawn from the same two profiles, so the points hold for each of them.
beforeAll(async () => {
  const measuring = await startStack({ flavour: 'es5' })
  try {
    const tv = await gridTv(measuring)
    // Sweep the pointer over the middle of the screen and note where the focus moved to each item
    // (a point counts only when the move itself changed the focus).
    let previous = await focused(tv)
    for (let y = 300; y <= 800; y += 50) {
      for (let x = 60; x <= 1860; x += 60) {
        await tv.mouse.move(x, y)
        const ref = await focused(tv)
        if (ref && ref !== previous && !points.has(ref)) points.set(ref, { x, y })
        previous = ref
      }
    }
  } finally {
    await measuring.stop()
  }
})

beforeEach(async () => {
  page = await gridTv(stack())
})

test('hovering a tile focuses it', async () => {
  expect([...points.keys()]).toEqual(expect.arrayContaining(['Tile_Sandbox_Cable', 'Tile_Sandbox_Fiber']))
  const fiber = points.get('Tile_Sandbox_Fiber') as { x: number; y: number }
  const cable = points.get('Tile_Sandbox_Cable') as { x: number; y: number }
  await page.mouse.move(fiber.x, fiber.y)
  await waitForFocus(page, 'Tile_Sandbox_Fiber')
  await page.mouse.move(cable.x, cable.y)
  await waitForFocus(page, 'Tile_Sandbox_Cable')
  expect(await focused(page)).toBe('Tile_Sandbox_Cable')
})

test('when the pointer hides the keys move the focus; moving the pointer again focuses what is under it', async () => {
  const fiber = points.get('Tile_Sandbox_Fiber') as { x: number; y: number }
  await page.mouse.move(fiber.x, fiber.y)
  await waitForFocus(page, 'Tile_Sandbox_Fiber')
  // An arrow key on the Magic Remote hides the pointer (5-way mode).
  await cursorState(page, false)
  await press(page, 'ArrowLeft')
  expect(await focused(page)).toBe('Tile_Sandbox_Cable')
  await press(page, 'ArrowRight')
  await press(page, 'ArrowRight')
  expect(await focused(page)).toBe('AnotherProvider')
  // Shaking the remote shows the pointer where it was; its next move focuses the tile under it.
  await cursorState(page, true)
  await page.mouse.move(fiber.x + 3, fiber.y + 3)
  await frames(page)
  await waitForFocus(page, 'Tile_Sandbox_Fiber')
  expect(await focused(page)).toBe('Tile_Sandbox_Fiber')
})

test('with the exit dialog open, a click on a tile behind it does nothing', async () => {
  const fiber = points.get('Tile_Sandbox_Fiber') as { x: number; y: number }
  await press(page, 'Escape')
  await waitForRoute(page, 'exit')
  await page.mouse.click(fiber.x, fiber.y)
  await frames(page)
  expect(await page.evaluate(() => (window as unknown as { __tvApp: { route: string } }).__tvApp.route)).toBe('exit')
  expect(await page.evaluate(() => (window as unknown as { __tvApp: { focusPath(): string[] } }).__tvApp.focusPath())).toContain('ExitDialog')
  await press(page, 'Backspace')
  await waitForRoute(page, 'profiles')
})

test('clicking a tile selects that provider', async () => {
  const cable = points.get('Tile_Sandbox_Cable') as { x: number; y: number }
  await page.mouse.click(cable.x, cable.y)
  await waitForRoute(page, 'decisions')
  expect(await page.evaluate(() => (window as unknown as { __tvApp: { route: string } }).__tvApp.route)).toBe('decisions')
})
