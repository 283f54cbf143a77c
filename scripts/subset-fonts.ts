/**
 * Cuts the shipped fonts, static/fonts/inter-<weight>.woff2, from @fontsource/inter's Latin files
 * (docs/architecture.md, "Fonts"): only the characters and features in scripts/font-subset.ts, no
 * hinting. The outputs are committed, so a build needs no subsetter; run this again after changing
 * the glyph set or @fontsource/inter:
 *
 *   npx tsx scripts/subset-fonts.ts
 *
 * It needs the devDependency subset-font (HarfBuzz's hb-subset as WebAssembly). The committed files
 * were made from @fontsource/inter 5.3.0 with subset-font 2.9.0 (harfbuzzjs 1.6.4).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { fontCodePoints, fontFeatures, fontFile, fontWeights, sourceFontFile } from './font-subset'
import { woff2CodePoints } from './woff2-cmap'

interface SubsetOptions {
  readonly targetFormat: 'woff2'
  readonly noHinting: boolean
  readonly keepFeatures: readonly string[]
}

type SubsetFont = (font: Buffer, text: string, options: SubsetOptions) => Promise<Buffer>

// Resolved from the repository, so a subsetter installed elsewhere can be named with NODE_PATH.
const requireHere = createRequire(resolve('package.json'))
function loadSubsetter(): SubsetFont {
  try {
    return requireHere('subset-font') as SubsetFont
  } catch {
    throw new Error('subset-font is not installed: install the devDependencies, or name a folder holding it with NODE_PATH')
  }
}
const versionOf = (name: string): string => (requireHere(`${name}/package.json`) as { version: string }).version

const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`

async function main(): Promise<void> {
  const subsetFont = loadSubsetter()
  console.log(`@fontsource/inter ${versionOf('@fontsource/inter')}, subset-font ${versionOf('subset-font')}`)
  for (const weight of fontWeights) {
    const source = readFileSync(sourceFontFile(weight))
    const available = woff2CodePoints(source)
    const missing = fontCodePoints.filter((c) => !available.has(c))
    const kept = fontCodePoints.filter((c) => available.has(c))
    const text = String.fromCodePoint(...kept)
    const subset = await subsetFont(source, text, { targetFormat: 'woff2', noHinting: true, keepFeatures: fontFeatures })
    const drawn = woff2CodePoints(subset)
    const lost = kept.filter((c) => !drawn.has(c))
    if (lost.length > 0) throw new Error(`weight ${weight}: the subset lost ${lost.map(hex).join(' ')}`)
    const out = join('static', fontFile(weight))
    writeFileSync(out, subset)
    const skipped = missing.length > 0 ? `; not in the source: ${missing.map(hex).join(' ')}` : ''
    console.log(`${out}: ${subset.length} bytes (source ${source.length}), ${drawn.size} characters${skipped}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
