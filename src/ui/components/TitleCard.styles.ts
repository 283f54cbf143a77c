import type { Tokens } from '../theme/tokens'
import { frameStyle, type FrameStyle } from './Tile.styles'

export type BadgeTone = 'success' | 'danger' | 'neutral'

export const cardMetrics = {
  w: 400,
  h: 250,
  pad: 30,
  radius: 22,
  badgeH: 44,
  badgePadX: 16,
} as const

export interface TitleCardStyle {
  readonly frame: FrameStyle
  readonly badgeFill: number
  readonly badgeText: number
  readonly titleColor: number
  readonly scale: number
  readonly zIndex: number
}

/** A programme card: its preauthorization badge takes the tone's tint; focus as on every card. */
export function titleCardStyle(t: Tokens, state: { readonly focused: boolean; readonly tone: BadgeTone }): TitleCardStyle {
  const tones: Record<BadgeTone, { fill: number; text: number }> = {
    success: { fill: t.colors.successTint, text: t.colors.success },
    danger: { fill: t.colors.dangerTint, text: t.colors.danger },
    neutral: { fill: t.colors.surface2, text: t.colors.text2 },
  }
  return {
    frame: frameStyle(t, { w: cardMetrics.w, h: cardMetrics.h, radius: cardMetrics.radius }, state.focused, t.colors.surface2),
    badgeFill: tones[state.tone].fill,
    badgeText: tones[state.tone].text,
    titleColor: t.colors.text,
    scale: state.focused ? t.focus.scale : 1,
    zIndex: state.focused ? 2 : 1,
  }
}
