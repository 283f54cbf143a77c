import { ConfirmDialog, type ConfirmContent } from '../../../../src/ui/widgets/ConfirmDialog'
import { mount, type Mounted } from '../../../support/lightning-kit'

const exit: ConfirmContent = {
  title: 'Exit MyChannel?',
  body: 'You can come back any time.',
  cancel: 'Stay',
  confirm: 'Exit',
  refs: { cancel: 'Stay', confirm: 'Exit' },
}

let kit: Mounted<ConfirmDialog> | undefined
afterEach(() => kit?.unmount())

function opened(): Mounted<ConfirmDialog> {
  kit = mount(ConfirmDialog, { signals: ['$dialogAnswered'] })
  kit.subject.open(exit)
  kit.app._refocus()
  kit.frames()
  return kit
}

test('opens with the safe choice focused and the question on screen', () => {
  const k = opened()
  expect(k.subject.isOpen).toBe(true)
  expect(k.focusPath()).toEqual(['Subject', 'Actions', 'Stay'])
  expect(k.texts()).toEqual(expect.arrayContaining(['Exit MyChannel?', 'You can come back any time.', 'Stay', 'Exit']))
})

test('every arrow stays inside the dialog: none reaches the page behind', () => {
  const k = opened()
  for (const key of ['Left', 'Up', 'Down', 'Right', 'Right', 'Up', 'Down'] as const) k.press(key)
  expect(k.focused()).toBe('Exit')
  expect(k.bubbled).toEqual([])
  expect(k.fired).toEqual([])
})

test('Back answers like the safe choice', () => {
  const k = opened()
  k.press('Right')
  k.press('Back')
  expect(k.fired).toEqual([{ name: '$dialogAnswered', args: [false] }])
  expect(k.bubbled).toEqual([])
})

test('OK on Stay answers no, OK on Exit answers yes', () => {
  const k = opened()
  k.press('Enter')
  k.press('Right')
  k.press('Enter')
  expect(k.fired.map((f) => f.args)).toEqual([[false], [true]])
})

test('closing hides it; opening again starts on the safe choice', () => {
  const k = opened()
  k.press('Right')
  k.subject.close()
  expect(k.subject.isOpen).toBe(false)
  expect(k.texts()).toEqual([])
  k.subject.open(exit)
  k.app._refocus()
  k.frames()
  expect(k.focused()).toBe('Stay')
})
