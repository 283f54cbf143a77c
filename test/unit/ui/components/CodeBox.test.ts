import { CodeBox } from '../../../../src/ui/components/CodeBox'
import { baseTokens } from '../../../../src/ui/theme/tokens'
import { mount, type Mounted } from '../../../support/lightning-kit'

let kit: Mounted<CodeBox> | undefined
afterEach(() => kit?.unmount())

test('the code is shown, and its ink is centred in the box once its text is measured', () => {
  kit = mount(CodeBox, { props: { code: 'QX7KP3M' } })
  kit.frames(3)
  const box = kit.subject
  const text = box.tag('CodeText')!
  expect(kit.texts()).toEqual(['QX7KP3M'])
  expect(box.measuredTextW).toBeGreaterThan(0)
  expect(box.measuredTextW).toBe(text.renderWidth)
  const inkW = text.renderWidth - (baseTokens.type.code.letterSpacing ?? 0)
  const left = text.x
  const right = box.w - (text.x + inkW)
  expect(Math.abs(left - right)).toBeLessThanOrEqual(1)
  // The whole texture, last letter's spacing included, lies inside the box.
  expect(text.x + text.renderWidth).toBeLessThanOrEqual(box.w)
})

test('dimmed while there is no code, back to full strength with one', () => {
  kit = mount(CodeBox, { props: { code: '·······', dimmed: true } })
  kit.frames()
  expect(kit.subject.alpha).toBe(0.25)
  kit.subject.patch({ code: 'ABCDEFG', dimmed: false })
  kit.frames()
  expect(kit.subject.alpha).toBe(1)
  expect(kit.texts()).toEqual(['ABCDEFG'])
})
