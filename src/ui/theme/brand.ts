/**
 * The programmer's brand, read from settings.json `appSettings.brand` (docs/architecture.md,
 * "Settings"). Framework-free (it imports only the tokens), so it is unit-tested on its own and a
 * build script can read the same block the same way:
 *
 * ```json
 * "brand": {
 *   "appName": "MyChannel",
 *   "wordmark": { "plain": "MY", "accented": "CHANNEL", "image": "images/wordmark.png" },
 *   "colors": { "accent": "#4F8BFF", "accentText": "#F4F6FA" }
 * }
 * ```
 *
 * A bad value never stops the app: it is replaced by its default and reported through `warn`.
 */
import { colors } from './tokens'

/** How the brand is written in a sentence ("Exit MyChannel?"), the page title and store listings. */
export interface Brand {
  readonly appName: string
  readonly wordmark: Wordmark
  readonly colors: BrandColors
}

/**
 * The logo at the top of every screen: `plain` in the secondary text colour followed by `accented`
 * in the accent colour, or `image` (a file under static/) with the text as its fallback.
 */
export interface Wordmark {
  readonly plain: string
  readonly accented: string
  readonly image?: string
}

/** ARGB numbers, as Lightning wants them. */
export interface BrandColors {
  /** Replaces the accent token: the wordmark, badges, progress dots. */
  readonly accent: number
  /** Text drawn on the accent colour (e.g. the "Last used" badge). */
  readonly accentText: number
}

export const defaultBrand: Brand = {
  appName: 'MyChannel',
  wordmark: { plain: 'MY', accented: 'CHANNEL' },
  colors: { accent: colors.accent, accentText: colors.onAccent },
}

const maxNameLength = 40
const maxWordmarkLength = 24
const imagePattern = /^(?!\/)(?!.*\.\.)[\w./@-]+\.(png|jpe?g|webp|svg)$/i

/** "#RGB", "#RRGGBB" or "#RRGGBBAA" (CSS order) as an ARGB number; undefined when it is none of them. */
export function parseHexColor(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(value.trim())
  const hex = m?.[1]
  if (hex === undefined) return undefined
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
  const rgb = parseInt(full.slice(0, 6), 16)
  const alpha = full.length === 8 ? parseInt(full.slice(6, 8), 16) : 0xff
  // `>>> 0` keeps the number unsigned: Lightning reads colours as 32-bit ARGB.
  return ((alpha << 24) | rgb) >>> 0
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function unknownKeys(where: string, value: Record<string, unknown>, known: readonly string[], warn: (message: string) => void): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) warn(`${where}.${key} is not a brand setting and is ignored (known: ${known.join(', ')})`)
  }
}

function text(where: string, value: unknown, fallback: string, max: number, warn: (message: string) => void, allowEmpty = false): string {
  if (value === undefined) return fallback
  if (typeof value === 'string' && value.trim().length <= max && (allowEmpty || value.trim() !== '')) return value.trim()
  warn(`${where} must be ${allowEmpty ? 'a' : 'a non-empty'} string of at most ${max} characters; using "${fallback}"`)
  return fallback
}

function parseWordmark(value: unknown, warn: (message: string) => void): Wordmark {
  const fallback = defaultBrand.wordmark
  if (value === undefined) return fallback
  if (!isRecord(value)) {
    warn(`brand.wordmark must be an object like { "plain": "MY", "accented": "CHANNEL" }; using the default`)
    return fallback
  }
  unknownKeys('brand.wordmark', value, ['plain', 'accented', 'image'], warn)
  const plain = text('brand.wordmark.plain', value.plain, '', maxWordmarkLength, warn, true)
  const accented = text('brand.wordmark.accented', value.accented, '', maxWordmarkLength, warn, true)
  let image: string | undefined
  if (value.image !== undefined) {
    if (typeof value.image === 'string' && imagePattern.test(value.image.trim())) image = value.image.trim()
    else warn(`brand.wordmark.image must be a .png, .jpg, .webp or .svg path inside static/ (e.g. "images/wordmark.png"); showing the text`)
  }
  if (plain === '' && accented === '') {
    // An image alone still needs words to fall back to when it cannot load.
    if (image === undefined) warn('brand.wordmark has no text; using the default')
    return image === undefined ? fallback : { ...fallback, image }
  }
  return image === undefined ? { plain, accented } : { plain, accented, image }
}

function parseColors(value: unknown, warn: (message: string) => void): BrandColors {
  const fallback = defaultBrand.colors
  if (value === undefined) return fallback
  if (!isRecord(value)) {
    warn('brand.colors must be an object like { "accent": "#4F8BFF" }; using the default colours')
    return fallback
  }
  unknownKeys('brand.colors', value, ['accent', 'accentText'], warn)
  const color = (key: keyof BrandColors): number => {
    if (value[key] === undefined) return fallback[key]
    const parsed = parseHexColor(value[key])
    if (parsed !== undefined) return parsed
    warn(`brand.colors.${key} must be a colour like "#4F8BFF"; using the default`)
    return fallback[key]
  }
  return { accent: color('accent'), accentText: color('accentText') }
}

/** Validates `appSettings.brand`; every value that is missing or wrong falls back to `defaultBrand`. */
export function parseBrand(raw: unknown, warn: (message: string) => void = () => undefined): Brand {
  if (raw === undefined || raw === null) {
    warn('appSettings.brand is missing; using the default brand')
    return defaultBrand
  }
  if (!isRecord(raw)) {
    warn('appSettings.brand must be an object; using the default brand')
    return defaultBrand
  }
  unknownKeys('brand', raw, ['appName', 'wordmark', 'colors'], warn)
  return {
    appName: text('brand.appName', raw.appName, defaultBrand.appName, maxNameLength, warn),
    wordmark: parseWordmark(raw.wordmark, warn),
    colors: parseColors(raw.colors, warn),
  }
}
