import type { Tokens } from '../theme/tokens'

export const buttonMetrics = {
  height: 86,
  padX: 48,
  minW: 200,
  shadowBlur: 24,
  /** The label sits a little below the middle: Inter's caps look centred there. */
  labelDy: 3,
} as const

export interface ButtonStyle {
  readonly fill: number
  readonly labelColor: number
  readonly radius: number
  readonly shadowColor: number
  readonly shadowAlpha: number
  readonly alpha: number
  readonly scale: number
}

/** Focused, a button turns light with dark text and grows (docs/architecture.md, "UI"). */
export function buttonStyle(t: Tokens, state: { readonly focused: boolean; readonly disabled: boolean }): ButtonStyle {
  return {
    fill: state.focused ? t.colors.focus : t.colors.surface2,
    labelColor: state.focused ? t.colors.onFocus : t.colors.text,
    radius: t.layout.radiusSmall,
    shadowColor: t.colors.shadow,
    shadowAlpha: state.focused ? 1 : 0,
    alpha: state.disabled ? t.opacity.disabled : 1,
    scale: state.focused ? t.focus.scale : 1,
  }
}

/** A button is as wide as its label plus padding, never narrower than `minW`. */
export function buttonWidth(labelW: number): number {
  return Math.max(buttonMetrics.minW, Math.round(labelW + buttonMetrics.padX * 2))
}
