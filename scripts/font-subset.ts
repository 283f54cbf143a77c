/**
 * What the shipped Inter files hold (docs/architecture.md, "Fonts"): the weights the type tokens use
 * and the characters the app can draw. `scripts/subset-fonts.ts` makes them; the unit tests check
 * the files against it and against every string the UI draws.
 */

/** The weights of `type` in src/ui/theme/tokens.ts: 400 text, 600 buttons, 700 titles, 800 wordmark and code. */
export const fontWeights = [400, 600, 700, 800] as const

export type FontWeight = (typeof fontWeights)[number]

/** The shipped file of a weight, under static/ (what `Utils.asset` and the preload name). */
export function fontFile(weight: FontWeight): string {
  return `fonts/inter-${weight}.woff2`
}

/** The @fontsource/inter file a weight is cut from (its Latin file, the smallest that covers Latin-1). */
export function sourceFontFile(weight: FontWeight): string {
  return `node_modules/@fontsource/inter/files/inter-latin-${weight}-normal.woff2`
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i)

/**
 * The characters kept. Provider and title names come from the server, so all of Basic Latin and
 * Latin-1 (every Spanish letter, ¿ ¡ « » · and the no-break space), then the typographic marks the
 * copy or a name may use: – — ‘ ’ “ ” • …. What the source has not got (the soft hyphen) is skipped.
 */
export const fontCodePoints: readonly number[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  0x2013, // – en dash
  0x2014, // — em dash
  0x2018, // ‘
  0x2019, // ’
  0x201c, // “
  0x201d, // ”
  0x2022, // •
  0x2026, // …
]

/**
 * The OpenType features kept: those a browser applies by default when it shapes text (Lightning
 * draws with the canvas 2D API, which cannot ask for any other, so tabular and fraction figures
 * could never be used): kerning, contextual alternates (Inter's colon between digits, as in the
 * countdown "29:41"), composition and localised forms, mark positioning.
 */
export const fontFeatures: readonly string[] = ['kern', 'calt', 'ccmp', 'locl', 'mark', 'mkmk']
