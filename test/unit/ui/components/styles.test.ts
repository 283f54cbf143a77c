import { buttonStyle, buttonWidth } from '../../../../src/ui/components/Button.styles'
import { codeBoxLayout, codeBoxMetrics } from '../../../../src/ui/components/CodeBox.styles'
import { containFit, logoWellStyle } from '../../../../src/ui/components/LogoWell.styles'
import { tileStyle } from '../../../../src/ui/components/Tile.styles'
import { titleCardStyle } from '../../../../src/ui/components/TitleCard.styles'
import { baseTokens, withBrand } from '../../../../src/ui/theme/tokens'

const t = baseTokens

test('every focusable grows by the focus token, and only when focused', () => {
  const scaled = { ...t, focus: { ...t.focus, scale: 1.08 } }
  expect(buttonStyle(scaled, { focused: true, disabled: false }).scale).toBe(1.08)
  expect(tileStyle(scaled, { focused: true }).scale).toBe(1.08)
  expect(titleCardStyle(scaled, { focused: true, tone: 'success' }).scale).toBe(1.08)
  expect(buttonStyle(scaled, { focused: false, disabled: false }).scale).toBe(1)
  expect(tileStyle(scaled, { focused: false }).scale).toBe(1)
})

test('a focused button turns light with dark text; a disabled one is dimmed', () => {
  expect(buttonStyle(t, { focused: true, disabled: false })).toMatchObject({ fill: t.colors.focus, labelColor: t.colors.onFocus, alpha: 1 })
  expect(buttonStyle(t, { focused: false, disabled: true })).toMatchObject({ fill: t.colors.surface2, labelColor: t.colors.text, alpha: t.opacity.disabled })
  expect(buttonWidth(10)).toBe(200)
  expect(buttonWidth(300)).toBe(396)
})

test('the brand accent reaches the tile badge', () => {
  const branded = withBrand(t, { accent: 0xff123456, accentText: 0xff000000 })
  expect(tileStyle(branded, { focused: false })).toMatchObject({ badgeFill: 0xff123456, badgeText: 0xff000000 })
})

test('the focused frame grows outwards by the outline', () => {
  const frame = tileStyle(t, { focused: true }).frame
  expect(frame).toMatchObject({ offset: -t.focus.outline, stroke: t.focus.outline, strokeColor: t.colors.focus })
  expect(frame.w).toBe(440 + t.focus.outline * 2)
})

test('the code is centred on its ink: the trailing letter spacing is not counted', () => {
  // A 7-letter code measured 700 px wide, 22 px of which is the spacing after the last letter.
  const { boxW, textX } = codeBoxLayout(700, 22)
  const inkW = 700 - 22
  expect(boxW).toBe(inkW + codeBoxMetrics.padX * 2)
  expect(textX).toBe(codeBoxMetrics.padX)
  // Equal gaps either side of the ink.
  expect(boxW - (textX + inkW)).toBe(textX)
  // The texture (ink plus trailing spacing) still fits inside the box.
  expect(textX + 700).toBeLessThanOrEqual(boxW)
  expect(codeBoxLayout(0, 22).boxW).toBe(codeBoxMetrics.minW)
})

test('containFit keeps the aspect ratio and fills the box on one side', () => {
  expect(containFit({ w: 320, h: 180 }, { w: 356, h: 100 })).toEqual({ w: 177, h: 100 })
  expect(containFit({ w: 100, h: 10 }, { w: 356, h: 100 })).toEqual({ w: 356, h: 35 })
  expect(containFit({ w: 10, h: 10 }, { w: 356, h: 100 })).toEqual({ w: 100, h: 100 })
  expect(containFit({ w: 0, h: 0 }, { w: 50, h: 50 })).toEqual({ w: 50, h: 50 })
})

test('a provider name in a well wraps to two lines at a legible size', () => {
  const tall = logoWellStyle(t, { w: 368, h: 112 })
  expect(tall.nameMaxLines).toBe(2)
  expect(tall.nameLineHeight * 2).toBeLessThanOrEqual(112)
  expect(tall.nameFontSize).toBeGreaterThan(t.type.small.fontSize)
  const small = logoWellStyle(t, { w: 180, h: 72 })
  expect(small.nameFontSize).toBe(t.type.small.fontSize)
  expect(small.nameLineHeight * 2).toBeLessThanOrEqual(72)
})
