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
    lineHeight: Math.round(style.fontSize * 1.3),
    letterSpacing: style.letterSpacing ?? 0,
    textColor: color,
    // Centre glyphs in their line box so mountY 0.5 centres text optically.
    verticalAlign: 'middle',
    ...extra,
  }
}
