import type { Lightning } from '@lightningjs/sdk'
import { fontFamily, type TextStyle } from './tokens'

/** A Lightning text definition from a type token, so pages never spell out fonts or sizes. */
export function textOf(
  style: TextStyle,
  text: string,
  color: number,
  extra: Partial<Lightning.textures.TextTexture.Settings> = {},
): Lightning.textures.TextTexture.Settings {
  return {
    text,
    fontFace: fontFamily,
    fontStyle: String(style.weight),
    fontSize: style.fontSize,
    lineHeight: lineHeightOf(style),
    letterSpacing: style.letterSpacing ?? 0,
    textColor: color,
    // Centre glyphs in their line box so mountY 0.5 centres text optically.
    verticalAlign: 'middle',
    ...extra,
  }
}

/** The line height every text of this style is drawn with. */
export function lineHeightOf(style: Pick<TextStyle, 'fontSize'>): number {
  return Math.round(style.fontSize * 1.3)
}

/** How many lines Lightning drew a text in (1 before it is drawn). */
export function lineCount(element: Lightning.Element): number {
  const info = element.texture?.source?.renderInfo as { readonly lines?: readonly unknown[] } | undefined
  return Math.max(1, info?.lines?.length ?? 1)
}

/**
 * A line of parts joined by " · " ("Signed in · 29 days left") wraps at its separators only: each
 * part's own spaces become no-break spaces, so "29 days" never ends up split over two lines.
 */
export function keepPartsTogether(text: string): string {
  return text
    .split(' · ')
    .map((part) => part.replace(/ /g, '\u00A0'))
    .join(' · ')
}
