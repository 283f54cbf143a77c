import { withAlpha, type Tokens } from '../theme/tokens'

export interface ChromeStyle {
  readonly background: number
  /** A soft glow in the top-right corner: the four corner colours of one gradient rectangle. */
  readonly glow: { readonly ul: number; readonly ur: number; readonly bl: number; readonly br: number }
  readonly wordmarkPlain: number
  readonly wordmarkAccented: number
  readonly title: number
  readonly subtitle: number
}

export const chromeMetrics = {
  glowX: 900,
  glowH: 700,
  glowAlpha: 0.4,
  /** The wordmark image's height: the wordmark text's line box. */
  wordmarkH: 40,
  wordmarkMaxW: 600,
  titleY: 150,
  subtitleY: 250,
} as const

export function chromeStyle(t: Tokens): ChromeStyle {
  const clear = withAlpha(t.colors.background, 0)
  return {
    background: t.colors.background,
    glow: { ul: clear, ur: withAlpha(t.colors.backgroundGlow, chromeMetrics.glowAlpha), bl: clear, br: clear },
    wordmarkPlain: t.colors.text2,
    wordmarkAccented: t.colors.accent,
    title: t.colors.text,
    subtitle: t.colors.text2,
  }
}
