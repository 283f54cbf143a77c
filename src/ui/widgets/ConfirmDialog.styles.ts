import type { Tokens } from '../theme/tokens'

export const dialogMetrics = {
  panelW: 1040,
  pad: 64,
  /** Between the title's last line and the body, and between the body and the buttons. */
  titleGap: 14,
  bodyGap: 78,
  buttonH: 86,
  actionsGap: 48,
  shadowBlur: 40,
  bodyFontSize: 32,
} as const

/** Where the body and buttons go, and how tall the panel is, for a title and body of so many lines. */
export function dialogLayout(titleLines: number, bodyLines: number, lineHeights: { readonly title: number; readonly body: number }) {
  const m = dialogMetrics
  const bodyY = m.pad + titleLines * lineHeights.title + m.titleGap
  const actionsY = bodyY + bodyLines * lineHeights.body + m.bodyGap
  return { bodyY, actionsY, panelH: actionsY + m.buttonH + m.pad }
}

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
