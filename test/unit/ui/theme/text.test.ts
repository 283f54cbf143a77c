/** Text helpers the layout relies on: wrapping at a line's separators, and the dialog's growth. */
import { keepPartsTogether, lineHeightOf } from '../../../../src/ui/theme/text'
import { dialogLayout } from '../../../../src/ui/widgets/ConfirmDialog.styles'

test('a meta line wraps at its " · " separators only, never inside "29 days"', () => {
  const kept = keepPartsTogether('Sesión iniciada · quedan 29 días')
  expect(kept).toBe('Sesión\u00A0iniciada · quedan\u00A029\u00A0días')
  expect(kept.split(' ')).toEqual(['Sesión\u00A0iniciada', '·', 'quedan\u00A029\u00A0días'])
  expect(keepPartsTogether('Sign in with a code')).toBe('Sign\u00A0in\u00A0with\u00A0a\u00A0code')
})

test('a dialog whose title or body wraps moves the body and the buttons down and grows the panel', () => {
  const lh = { title: lineHeightOf({ fontSize: 56 }), body: lineHeightOf({ fontSize: 32 }) }
  const one = dialogLayout(1, 1, lh)
  const wrapped = dialogLayout(2, 2, lh)
  expect(wrapped.bodyY - one.bodyY).toBe(lh.title)
  expect(wrapped.actionsY - one.actionsY).toBe(lh.title + lh.body)
  expect(wrapped.panelH - one.panelH).toBe(lh.title + lh.body)
})
