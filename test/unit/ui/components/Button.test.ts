import { Button } from '../../../../src/ui/components/Button'
import { baseTokens } from '../../../../src/ui/theme/tokens'
import { mount, type Mounted } from '../../../support/lightning-kit'

let kit: Mounted<Button> | undefined
afterEach(() => kit?.unmount())

test('OK fires $buttonPressed with its ref; a disabled button swallows it', () => {
  kit = mount(Button, { props: { label: 'Get a new code' }, signals: ['$buttonPressed'] })
  kit.press('Enter')
  expect(kit.fired).toEqual([{ name: '$buttonPressed', args: ['Subject'] }])
  kit.subject.disabled = true
  kit.press('Enter')
  expect(kit.fired).toHaveLength(1)
  expect(kit.bubbled).toEqual([])
  expect(kit.subject.alpha).toBe(baseTokens.opacity.disabled)
  kit.subject.disabled = false
  expect(kit.subject.alpha).toBe(1)
})

test('focused, it heads for the focus scale of the tokens; its width follows its label', () => {
  kit = mount(Button, { props: { label: 'Switch provider' } })
  kit.frames(2)
  expect(kit.subject.getSmooth('scale')).toBe(baseTokens.focus.scale)
  expect(kit.texts()).toEqual(['Switch provider'])
  const label = kit.subject.tag('Label')!
  expect(kit.subject.w).toBe(Math.max(200, Math.round(label.renderWidth + 96)))
  expect(label.x).toBe(kit.subject.w / 2)
})
