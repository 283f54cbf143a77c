/**
 * The shipped fonts (docs/architecture.md, "Fonts"): one file per weight the type tokens use, and
 * every character the UI can draw in each, read from the files' own character maps.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { en } from '../../../../src/ui/copy/en'
import { es } from '../../../../src/ui/copy/es'
import { appFonts, fontWeights } from '../../../../src/ui/theme/fonts'
import { fontCodePoints, fontFile, fontWeights as subsetWeights, sourceFontFile } from '../../../../scripts/font-subset'
import { cmapCodePoints, layoutFeatureTags, woff2CodePoints, woff2Table, woff2Tables } from '../../../../scripts/woff2-cmap'

/**
 * Characters the UI draws that Inter's Latin files have no glyph for, so the system font draws
 * them: the arrows of the grid's hint and the player's play mark.
 */
const systemFontCharacters = ['◀', '▶']

const shipped = subsetWeights.map((weight) => ({ weight, file: join('static', fontFile(weight)) }))
const codePointsOf = new Map(shipped.map(({ weight, file }) => [weight, woff2CodePoints(readFileSync(file))]))

const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`

/** Every leaf of a copy table as [path, value]. */
function leaves(node: unknown, path = ''): [string, unknown][] {
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
  return [[path, node]]
}

const msSamples = [0, 1000, 29_000, 59_000, 61_000, 90_000, 7 * 60_000, 59 * 60_000, 3_600_000, 5 * 3_600_000, 86_400_000, 29 * 86_400_000]

/** Everything a copy entry can say: its text, or a function's words for every kind of number and a few names. */
function sayings(path: string, value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value !== 'function') return []
  const fn = value as (...args: unknown[]) => unknown
  const numeric = path.startsWith('time.') || path === 'error.retryIn' || path === 'spoken.position'
  const calls = numeric
    ? [...msSamples, 1, 2, 8, 60].map((n) => fn(n, n))
    : [fn('Sample Provider', 'Sample Title'), fn('Canal Señal Ñandú', 'Fútbol ¡En vivo! ¿Quién?')]
  return calls.filter((text): text is string => typeof text === 'string')
}

/** The text of every string and template literal in the UI's source (comments are not literals). */
function uiLiterals(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
  const texts: string[] = []
  for (const file of files(join('src', 'ui'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false)
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) texts.push(node.text)
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return texts
}

let literals: string[] = []
// Parsing every UI module takes a few seconds on a loaded machine: once, with room for it.
beforeAll(() => {
  literals = uiLiterals()
}, 60_000)

function charactersOf(texts: readonly string[]): string[] {
  const set = new Set<string>()
  for (const text of texts) for (const ch of text) set.add(ch)
  return [...set].filter((ch) => ch !== '\n').sort()
}

test('the app loads exactly the weights its text styles use, each from a shipped file, and ships no other', () => {
  expect(fontWeights()).toEqual([...subsetWeights])
  const urls = appFonts().map((font) => font.url)
  expect(urls.map((url) => url.slice(url.indexOf('fonts/')))).toEqual(subsetWeights.map(fontFile))
  for (const { file } of shipped) expect(existsSync(file)).toBe(true)
  const fonts = readdirSync(join('static', 'fonts')).filter((name) => /\.(woff2?|ttf|otf)$/.test(name))
  expect(fonts.sort()).toEqual(shipped.map(({ file }) => relative(join('static', 'fonts'), file)).sort())
})

test.each(['en', 'es'] as const)('every character of the %s copy, in every form, is in every weight', (language) => {
  const table = { en, es }[language]
  const texts = leaves(table).flatMap(([path, value]) => sayings(path, value))
  expect(texts.length).toBeGreaterThan(100)
  const characters = charactersOf(texts).filter((ch) => !systemFontCharacters.includes(ch))
  for (const [weight, points] of codePointsOf) {
    const missing = characters.filter((ch) => !points.has(ch.codePointAt(0) ?? 0))
    expect([weight, missing.map((ch) => `${ch} ${hex(ch.codePointAt(0) ?? 0)}`)]).toEqual([weight, []])
  }
})

test('every character of a string in the UI source (pages, components, separators) is in every weight', () => {
  const characters = charactersOf(literals).filter((ch) => !systemFontCharacters.includes(ch) && ch >= ' ')
  expect(characters).toEqual(expect.arrayContaining(['á', 'ó', '¿', '·', '…', '“', '”', '\u00A0']))
  for (const [weight, points] of codePointsOf) {
    const missing = characters.filter((ch) => !points.has(ch.codePointAt(0) ?? 0))
    expect([weight, missing.map((ch) => `${ch} ${hex(ch.codePointAt(0) ?? 0)}`)]).toEqual([weight, []])
  }
})

test('the characters left to the system font are really missing, and really used', () => {
  const used = charactersOf(literals)
  for (const ch of systemFontCharacters) {
    expect(used).toContain(ch)
    for (const points of codePointsOf.values()) expect(points.has(ch.codePointAt(0) ?? 0)).toBe(false)
  }
})

test('every weight draws all of Basic Latin and Latin-1 (names from the server) and little else', () => {
  // U+00AD, the soft hyphen, is invisible and not in the source files.
  const wanted = fontCodePoints.filter((c) => c !== 0xad)
  for (const [weight, points] of codePointsOf) {
    expect([weight, wanted.filter((c) => !points.has(c)).map(hex)]).toEqual([weight, []])
    expect([weight, [...points].filter((c) => !fontCodePoints.includes(c)).map(hex)]).toEqual([weight, []])
  }
})

test('every weight keeps kerning and contextual forms, and carries no hinting', () => {
  for (const { weight, file } of shipped) {
    const font = readFileSync(file)
    expect([weight, layoutFeatureTags(woff2Table(font, 'GPOS')).has('kern')]).toEqual([weight, true])
    expect([weight, layoutFeatureTags(woff2Table(font, 'GSUB')).has('calt')]).toEqual([weight, true])
    const tags = woff2Tables(font).map((t) => t.tag)
    expect([weight, tags.filter((tag) => ['fpgm', 'prep', 'cvt '].includes(tag))]).toEqual([weight, []])
  }
})

test('the WOFF2 reader reads the source files as they are: Latin-1 and a few more, no Latin Extended-A', () => {
  const source = readFileSync(sourceFontFile(400))
  const points = woff2CodePoints(source)
  expect(points.has(0x41)).toBe(true)
  expect(points.has(0xf1)).toBe(true)
  expect(points.has(0x0131)).toBe(true)
  expect(points.has(0x0100)).toBe(false)
  expect(cmapCodePoints(woff2Table(source, 'cmap'))).toEqual(points)
  expect(() => woff2Tables(Buffer.from('wOFF0000000000000000000000000000000000000000000000'))).toThrow('not a WOFF2 file')
})
