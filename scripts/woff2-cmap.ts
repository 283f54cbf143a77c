/**
 * Reads a WOFF2 font's table directory and its character map, so a test can tell which characters a
 * shipped font really draws (docs/architecture.md, "Fonts"). WOFF2 (https://www.w3.org/TR/WOFF2/)
 * stores every table in one Brotli stream, in directory order; only glyf, loca and hmtx may be
 * transformed, so cmap, GSUB and GPOS are read as they are in the font.
 */
import { brotliDecompressSync } from 'node:zlib'

/** The tags of the WOFF2 "known tables", by index (WOFF2 §5.1, table 1). */
const knownTags = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
] // prettier-ignore

export interface Woff2Table {
  readonly tag: string
  /** The table's bytes as stored in the stream (transformed for glyf, loca and hmtx when `transformed`). */
  readonly data: Buffer
  readonly transformed: boolean
}

/** Thrown for bytes that are not a WOFF2 font this reader understands. */
export class FontFormatError extends Error {
  override readonly name = 'FontFormatError'
}

/** WOFF2's variable-length integer (UIntBase128, §4.1). */
function readBase128(bytes: Buffer, at: { offset: number }): number {
  let value = 0
  for (let i = 0; i < 5; i++) {
    const byte = bytes.readUInt8(at.offset++)
    if (i === 0 && byte === 0x80) throw new FontFormatError('UIntBase128 with a leading zero')
    value = value * 128 + (byte & 0x7f)
    if ((byte & 0x80) === 0) return value
  }
  throw new FontFormatError('UIntBase128 longer than 5 bytes')
}

/** Every table of a single-font WOFF2 file, decompressed. */
export function woff2Tables(file: Buffer): Woff2Table[] {
  if (file.toString('latin1', 0, 4) !== 'wOF2') throw new FontFormatError('not a WOFF2 file')
  if (file.toString('latin1', 4, 8) === 'ttcf') throw new FontFormatError('font collections are not read')
  const numTables = file.readUInt16BE(12)
  const totalCompressedSize = file.readUInt32BE(20)
  const at = { offset: 48 }
  const entries: { tag: string; length: number; transformed: boolean }[] = []
  for (let i = 0; i < numTables; i++) {
    const flags = file.readUInt8(at.offset++)
    const tagIndex = flags & 0x3f
    let tag = knownTags[tagIndex]
    if (tagIndex === 63) {
      tag = file.toString('latin1', at.offset, at.offset + 4)
      at.offset += 4
    }
    if (tag === undefined) throw new FontFormatError(`unknown table index ${tagIndex}`)
    const version = flags >> 6
    const origLength = readBase128(file, at)
    // glyf and loca are transformed at version 0, hmtx at version 1; other tables never are.
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : tag === 'hmtx' ? version === 1 : false
    const length = transformed ? readBase128(file, at) : origLength
    entries.push({ tag, length, transformed })
  }
  const stream = brotliDecompressSync(file.subarray(at.offset, at.offset + totalCompressedSize))
  let offset = 0
  return entries.map(({ tag, length, transformed }) => {
    const data = stream.subarray(offset, offset + length)
    if (data.length !== length) throw new FontFormatError(`table ${tag} runs past the data`)
    offset += length
    return { tag, data, transformed }
  })
}

/** The table `tag` of a WOFF2 file; throws when the font has none. */
export function woff2Table(file: Buffer, tag: string): Buffer {
  const table = woff2Tables(file).find((t) => t.tag === tag)
  if (!table) throw new FontFormatError(`no ${tag} table`)
  return table.data
}

/** The code points a cmap table maps to a glyph other than .notdef (formats 4 and 12, Unicode subtables). */
export function cmapCodePoints(cmap: Buffer): Set<number> {
  const points = new Set<number>()
  const count = cmap.readUInt16BE(2)
  for (let i = 0; i < count; i++) {
    const record = 4 + i * 8
    const platform = cmap.readUInt16BE(record)
    const encoding = cmap.readUInt16BE(record + 2)
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    if (!unicode) continue
    const sub = cmap.subarray(cmap.readUInt32BE(record + 4))
    const format = sub.readUInt16BE(0)
    if (format === 4) readFormat4(sub, points)
    else if (format === 12) readFormat12(sub, points)
  }
  return points
}

function readFormat4(sub: Buffer, points: Set<number>): void {
  const segments = sub.readUInt16BE(6) / 2
  const ends = 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  for (let s = 0; s < segments; s++) {
    const end = sub.readUInt16BE(ends + s * 2)
    const start = sub.readUInt16BE(starts + s * 2)
    const delta = sub.readInt16BE(deltas + s * 2)
    const rangeOffsetAt = rangeOffsets + s * 2
    const rangeOffset = sub.readUInt16BE(rangeOffsetAt)
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff
      else {
        const raw = sub.readUInt16BE(rangeOffsetAt + rangeOffset + (c - start) * 2)
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff
      }
      if (glyph !== 0) points.add(c)
    }
  }
}

function readFormat12(sub: Buffer, points: Set<number>): void {
  const groups = sub.readUInt32BE(12)
  for (let g = 0; g < groups; g++) {
    const group = 16 + g * 12
    const start = sub.readUInt32BE(group)
    const end = sub.readUInt32BE(group + 4)
    const startGlyph = sub.readUInt32BE(group + 8)
    for (let c = start; c <= end; c++) if (startGlyph + (c - start) !== 0) points.add(c)
  }
}

/** The OpenType feature tags of a GSUB or GPOS table's FeatureList ("kern", "tnum", …). */
export function layoutFeatureTags(table: Buffer): Set<string> {
  const list = table.subarray(table.readUInt16BE(6))
  const tags = new Set<string>()
  const count = list.readUInt16BE(0)
  for (let i = 0; i < count; i++) tags.add(list.toString('latin1', 2 + i * 6, 6 + i * 6))
  return tags
}

/** The code points a WOFF2 font draws. */
export function woff2CodePoints(file: Buffer): Set<number> {
  return cmapCodePoints(woff2Table(file, 'cmap'))
}
