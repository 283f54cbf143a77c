import type { Tokens } from '../theme/tokens'

export const dialogMetrics = {
  panelW: 900,
  panelH: 420,
  pad: 64,
  bodyY: 150,
  actionsY: 270,
  actionsGap: 48,
  shadowBlur: 40,
  bodyFontSize: 32,
} as const

export interface DialogStyle {
  readonly dim: number
  readonly panelFill: number
  readonly panelStroke: number
  readonly panelStrokeColor: number
  readonly radius: number
  readonly shadow: number
  readonly title: number
  readonly body: number
}

export function dialogStyle(t: Tokens): DialogStyle {
  return {
    dim: t.colors.dim,
    panelFill: t.colors.surface,
    panelStroke: 2,
    panelStrokeColor: t.colors.borderStrong,
    radius: t.layout.radiusLarge,
    shadow: t.colors.shadow,
    title: t.colors.text,
    body: t.colors.text2,
  }
}
