import type { Tokens } from '../theme/tokens'

export const codeBoxMetrics = {
  h: 176,
  /** Space between the code's ink and the box's sides. */
  padX: 58,
  minW: 420,
} as const

export interface CodeBoxStyle {
  readonly fill: number
  readonly stroke: number
  readonly strokeColor: number
  readonly radius: number
  readonly textColor: number
  readonly letterSpacing: number
  readonly alpha: number
}

/** The box around the activation code; dimmed while there is no code to type. */
export function codeBoxStyle(t: Tokens, state: { readonly dimmed: boolean }): CodeBoxStyle {
  return {
    fill: t.colors.surface,
    stroke: 2,
    strokeColor: t.colors.borderStrong,
    radius: t.layout.radiusSmall + 4,
    textColor: t.colors.text,
    letterSpacing: t.type.code.letterSpacing ?? 0,
    alpha: state.dimmed ? 0.25 : 1,
  }
}

/**
 * The box's width and where the code's text goes in it, from the text's measured width. Lightning
 * adds the letter spacing after every letter, the last one too, so the ink is `letterSpacing`
 * narrower than the texture: centring the texture would leave the code that much left of centre.
 * The trailing spacing stays inside the texture, so a wide last letter keeps its right edge.
 */
export function codeBoxLayout(textW: number, letterSpacing: number): { readonly boxW: number; readonly textX: number } {
  const inkW = Math.max(0, textW - letterSpacing)
  const boxW = Math.max(codeBoxMetrics.minW, Math.ceil(inkW + codeBoxMetrics.padX * 2))
  return { boxW, textX: Math.round((boxW - inkW) / 2) }
}
