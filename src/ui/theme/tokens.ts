/**
 * Design tokens (docs/architecture.md, "UI"): the only place colours, type sizes, spacing and focus
 * scales are literals. Colours are ARGB numbers as Lightning wants them. Components read them through
 * their X.styles.ts functions, with the brand's accent applied (see `withBrand`).
 */
export const colors = {
  background: 0xff0e1016,
  backgroundGlow: 0xff1b2133,
  surface: 0xff1a1d27,
  surface2: 0xff242836,
  border: 0xff2c3142,
  borderStrong: 0xff343a4d,
  text: 0xfff4f6fa,
  text2: 0xffaab1c2,
  text3: 0xff7c8498,
  accent: 0xff4f8bff,
  /** Text drawn on the accent colour. */
  onAccent: 0xfff4f6fa,
  /** A provider's name written in its logo well. */
  logoText: 0xffdfe6ff,
  success: 0xff35d28f,
  warning: 0xffffb547,
  danger: 0xffff6b6b,
  focus: 0xffffffff,
  onFocus: 0xff0e1016,
  dim: 0xb805060a,
  shadow: 0x99000000,
  qrDark: 0xff0f1117,
  qrLight: 0xffffffff,
  successTint: 0x2e35d28f,
  dangerTint: 0x29ff6b6b,
  warningTint: 0x26ffb547,
} as const

export const fontFamily = 'Inter'

/** Text styles: size in px on the 1080 stage, weight as a CSS font weight. Nothing under 26 px. */
export const type = {
  brand: { fontSize: 30, weight: 800 },
  title: { fontSize: 68, weight: 700 },
  subtitle: { fontSize: 34, weight: 400 },
  body: { fontSize: 36, weight: 400 },
  bodyStrong: { fontSize: 36, weight: 700 },
  button: { fontSize: 34, weight: 600 },
  caption: { fontSize: 28, weight: 400 },
  small: { fontSize: 26, weight: 400 },
  tileName: { fontSize: 38, weight: 700 },
  badge: { fontSize: 26, weight: 700 },
  code: { fontSize: 112, weight: 800, letterSpacing: 22 },
  dialogTitle: { fontSize: 56, weight: 700 },
  icon: { fontSize: 72, weight: 800 },
  stepNumber: { fontSize: 30, weight: 700 },
  timer: { fontSize: 30, weight: 700 },
} as const

export interface TextStyle {
  readonly fontSize: number
  readonly weight: number
  readonly letterSpacing?: number
}

export const layout = {
  stageW: 1920,
  stageH: 1080,
  /** Title-safe margins (5 %). */
  marginX: 96,
  marginY: 54,
  tileGap: 48,
  radius: 24,
  radiusSmall: 16,
  radiusLarge: 28,
  radiusBadge: 10,
} as const

export const focus = {
  scale: 1.07,
  outline: 6,
  durationS: 0.15,
} as const

export const opacity = {
  /** A control that is shown but takes no action. */
  disabled: 0.45,
  /** Not `visible: false`: Lightning only loads the textures of visible elements. */
  loading: 0.001,
} as const

/** The shape of a token group with its values as plain numbers (so a theme may change them). */
type Widen<T> = { readonly [K in keyof T]: T[K] extends number ? number : Widen<T[K]> }

/** Every token group, as the style functions take them. */
export interface Tokens {
  readonly colors: Widen<typeof colors>
  readonly type: { readonly [K in keyof typeof type]: TextStyle }
  readonly layout: Widen<typeof layout>
  readonly focus: Widen<typeof focus>
  readonly opacity: Widen<typeof opacity>
}

export const baseTokens: Tokens = { colors, type, layout, focus, opacity }

/** The tokens with the brand's colours in place of the defaults (settings `appSettings.brand.colors`). */
export function withBrand(tokens: Tokens, brandColors: { readonly accent: number; readonly accentText: number }): Tokens {
  return { ...tokens, colors: { ...tokens.colors, accent: brandColors.accent, onAccent: brandColors.accentText } }
}

/** `color` with its alpha replaced (0–1), e.g. a glow that fades to nothing. */
export function withAlpha(color: number, alpha: number): number {
  const a = Math.max(0, Math.min(255, Math.round(alpha * 255)))
  return ((a << 24) | (color & 0xffffff)) >>> 0
}
