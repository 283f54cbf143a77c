import type { Tokens } from '../theme/tokens'

export const tileMetrics = {
  w: 440,
  /** Room for a name and a meta line of two lines each (a long provider name, a longer language). */
  h: 380,
  pad: 36,
  wellH: 112,
  nameY: 166,
  /** Between the name's last line and the meta line. */
  metaGap: 7,
  shadowBlur: 28,
  badgeH: 44,
  badgePadX: 16,
} as const

export interface FrameStyle {
  /** Offset of the frame: a focused frame's outline grows outwards. */
  readonly offset: number
  readonly w: number
  readonly h: number
  readonly radius: number
  readonly stroke: number
  readonly strokeColor: number
  readonly fill: number
}

export interface TileStyle {
  readonly frame: FrameStyle
  readonly shadowColor: number
  readonly shadowAlpha: number
  readonly nameColor: number
  readonly metaColor: number
  readonly badgeFill: number
  readonly badgeText: number
  readonly scale: number
  readonly zIndex: number
}

/** A card's frame: a thin border at rest, the white focus outline (and a little more radius) when focused. */
export function frameStyle(
  t: Tokens,
  size: { readonly w: number; readonly h: number; readonly radius: number },
  focused: boolean,
  focusedFill: number,
): FrameStyle {
  const o = t.focus.outline
  return focused
    ? { offset: -o, w: size.w + o * 2, h: size.h + o * 2, radius: size.radius + 4, stroke: o, strokeColor: t.colors.focus, fill: focusedFill }
    : { offset: 0, w: size.w, h: size.h, radius: size.radius, stroke: 2, strokeColor: t.colors.border, fill: t.colors.surface }
}

/** A provider tile: focused, it gets the outline, a shadow, grows and comes to the front. */
export function tileStyle(t: Tokens, state: { readonly focused: boolean }): TileStyle {
  return {
    frame: frameStyle(t, { w: tileMetrics.w, h: tileMetrics.h, radius: t.layout.radius }, state.focused, t.colors.surface),
    shadowColor: t.colors.shadow,
    shadowAlpha: state.focused ? 1 : 0,
    nameColor: t.colors.text,
    metaColor: t.colors.text2,
    badgeFill: t.colors.accent,
    badgeText: t.colors.onAccent,
    scale: state.focused ? t.focus.scale : 1,
    zIndex: state.focused ? 2 : 1,
  }
}
