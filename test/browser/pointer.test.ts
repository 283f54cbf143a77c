/**
 * The Magic Remote pointer in a real Chromium (Lightning `enablePointer`), on the legacy build the TV
 * packages ship, with the webOS adapter forced by the development override: hovering a tile focuses
 * it, clicking selects it, and when the pointer hides (`cursorStateChange`) the keys carry on and
 * the pointer takes the focus back when it moves again (LG: every element works with both).
 */
import type { Page } from 'playwright-core'
import { focused, waitForFocus, waitForRoute, press } from './harness'
import { startStack, tvDeviceId, type Stack } from './stack'

jest.setTimeout(90_000)

let stack: Stack
let page: Page
/** A stage point over each hoverable item, found by moving the pointer (no layout numbers assumed). */
const points = new Map<string, { x: number; y: number }>()

async function cursorState(p: Page, visibility: boolean): Promise<void> {
  await p.evaluate((v) => document.dispatchEvent(new CustomEvent('cursorStateChange', { detail: { visibility: v } })), visibility)
}

async function frames(p: Page): Promise<void> {
  await p.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
}

beforeAll(async () => {
  stack = await startStack({ flavour: 'es5' })
  page = await stack.openTv({ platform: 'webos' })
  await waitForRoute(page, 'activation')
  const deviceId = tvDeviceId(stack.sandbox)
  stack.sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 20 * 86_400_000 })
  stack.sandbox.seedProfile({ deviceId, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 9 * 86_400_000 })
  await page.close()
  page = await stack.openTv({ platform: 'webos' })
  await waitForRoute(page, 'profiles')
  await waitForFocus(page, 'Tile_Sandbox_Cable')
  // Sweep the pointer over the middle of the screen and note where the focus moved to each item
  // (a point counts only when the move itself changed the focus).
  let previous = await focused(page)
  for (let y = 300; y <= 800; y += 50) {
    for (let x = 60; x <= 1860; x += 60) {
      await page.mouse.move(x, y)
      const ref = await focused(page)
      if (ref && ref !== previous && !points.has(ref)) points.set(ref, { x, y })
      previous = ref
    }
  }
})

afterAll(async () => {
  await stack?.stop()
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
  expect((await page.evaluate(() => (window as unknown as { __tvApp: { focusPath(): string[] } }).__tvApp.focusPath()))).toContain('ExitDialog')
  await press(page, 'Backspace')
  await waitForRoute(page, 'profiles')
})

test('clicking a tile selects that provider', async () => {
  const cable = points.get('Tile_Sandbox_Cable') as { x: number; y: number }
  await page.mouse.click(cable.x, cable.y)
  await waitForRoute(page, 'decisions')
  expect(await page.evaluate(() => (window as unknown as { __tvApp: { route: string } }).__tvApp.route)).toBe('decisions')
})
