import { Lightning } from '@lightningjs/sdk'
import { Row, rowScroll } from '../../../../src/ui/components/Row'
import { mount, type Mounted } from '../../../support/lightning-kit'

class Item extends Lightning.Component {
  static override _template(): Lightning.Component.Template {
    return { w: 400, h: 100 }
  }
}

let kit: Mounted<Row> | undefined
afterEach(() => kit?.unmount())

function row(count: number, viewport = 1000): Mounted<Row> {
  kit = mount(Row, { props: { gap: 40, viewport }, signals: ['$rowFocusChanged'] })
  kit.subject.setItems(Array.from({ length: count }, (_, i) => ({ ref: `I${i}`, type: Item, w: 400 })))
  kit.frames()
  return kit
}

test('Left on the first item and Right on the last are not handled, so the key bubbles', () => {
  const k = row(3)
  expect(k.focused()).toBe('I0')
  k.press('Left')
  expect(k.bubbled).toEqual(['Left'])
  k.press('Right')
  k.press('Right')
  expect(k.focused()).toBe('I2')
  expect(k.bubbled).toEqual(['Left'])
  k.press('Right')
  expect(k.focused()).toBe('I2')
  expect(k.bubbled).toEqual(['Left', 'Right'])
  // Up and Down are not the row's keys at all.
  k.press('Down')
  expect(k.bubbled).toEqual(['Left', 'Right', 'Down'])
})

test('arrows move the focus and tell the page', () => {
  const k = row(3)
  k.press('Right')
  expect(k.focusPath()).toEqual(['Subject', 'I1'])
  expect(k.fired.at(-1)).toEqual({ name: '$rowFocusChanged', args: ['Subject', 1] })
  k.press('Left')
  expect(k.focused()).toBe('I0')
})

test('the scroll keeps the focused item inside the viewport, with room for its focus growth', () => {
  const k = row(5, 1000)
  // Items at 0, 440, 880, 1320, 1760, each 400 wide.
  expect(k.subject.scroll).toBe(0)
  k.press('Right')
  expect(k.subject.scroll).toBe(0)
  k.press('Right')
  expect(k.subject.scroll).toBe(880 + 400 + 40 - 1000)
  k.press('Right')
  k.press('Right')
  expect(k.subject.scroll).toBe(1760 + 400 + 40 - 1000)
  k.press('Left')
  // Still visible where it is: no movement.
  expect(k.subject.scroll).toBe(1200)
  k.press('Left')
  k.press('Left')
  k.press('Left')
  expect(k.focused()).toBe('I0')
  expect(k.subject.scroll).toBe(0)
})

test('when the focus leaves the row it rests at its start, and scrolls back to the focused item on return', () => {
  kit = mount(Row, { props: { gap: 40, viewport: 1000 }, siblings: { Elsewhere: { type: Item } } })
  const k = kit
  k.subject.setItems(Array.from({ length: 5 }, (_, i) => ({ ref: `I${i}`, type: Item, w: 400 })))
  k.frames()
  for (let i = 0; i < 4; i += 1) k.press('Right')
  expect(k.subject.scroll).toBeGreaterThan(0)
  k.focusOn(k.app.tag('Elsewhere' as never) as unknown as Lightning.Component)
  expect(k.subject.scroll).toBe(0)
  expect(k.subject.index).toBe(4)
  k.focusSubject()
  expect(k.focused()).toBe('I4')
  expect(k.subject.scroll).toBe(1200)
})

test('rowScroll never scrolls a row that fits, nor past either end', () => {
  const slots = [0, 1, 2].map((i) => ({ x: i * 440, w: 400 }))
  expect(rowScroll(slots, 2, 2000, 40, 0)).toBe(0)
  expect(rowScroll(slots, 2, 1000, 40, 0)).toBe(320)
  expect(rowScroll(slots, 0, 1000, 40, 320)).toBe(0)
  expect(rowScroll(slots, 2, 1000, 40, 5000)).toBe(320)
  expect(rowScroll(slots, null, 1000, 40, 320)).toBe(0)
  expect(rowScroll([], 0, 1000, 40, 0)).toBe(0)
})
