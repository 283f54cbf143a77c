import type { Tokens } from '../theme/tokens'

export interface Size {
  readonly w: number
  readonly h: number
}

/** Space kept between a logo and the edge of its well. */
export const logoInset = 6

/**
 * The largest size of `source` that fits inside `box` keeping its aspect ratio (CSS `contain`),
 * whole pixels, never zero.
 */
export function containFit(source: Size, box: Size): Size {
  const sw = source.w > 0 ? source.w : 1
  const sh = source.h > 0 ? source.h : 1
  const scale = Math.min(box.w / sw, box.h / sh)
  return { w: Math.max(1, Math.floor(sw * scale)), h: Math.max(1, Math.floor(sh * scale)) }
}

export interface LogoWellStyle {
  readonly fill: number
  readonly radius: number
  readonly nameColor: number
  readonly nameFontSize: number
  readonly nameLineHeight: number
  readonly nameMaxLines: number
  readonly nameWrapWidth: number
}

/**
 * The well, and the provider's name written in it when there is no logo: as large as two lines
 * allow in the well's height, never under the smallest type size, wrapped rather than cut.
 */
export function logoWellStyle(t: Tokens, size: Size): LogoWellStyle {
  const maxLines = 2
  const large = t.type.tileName.fontSize
  const small = t.type.small.fontSize
  const lineFactor = 1.15
  const fitting = Math.floor((size.h - logoInset * 2) / (maxLines * lineFactor))
  const fontSize = Math.max(small, Math.min(large, fitting))
  return {
    fill: t.colors.surface2,
    radius: t.layout.radiusSmall - 2,
    nameColor: t.colors.logoText,
    nameFontSize: fontSize,
    nameLineHeight: Math.round(fontSize * lineFactor),
    nameMaxLines: maxLines,
    nameWrapWidth: Math.max(1, size.w - logoInset * 4),
  }
}
