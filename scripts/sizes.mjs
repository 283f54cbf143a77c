// Raw and gzip sizes of each JavaScript file of a dist (for the build log and the size budget test).
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export function distSizes(root) {
  const rows = []
  for (const flavour of ['es6', 'es5']) {
    const dir = join(root, flavour, 'js')
    if (!existsSync(dir)) continue
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .sort()) {
      const bytes = readFileSync(join(dir, file))
      rows.push({ flavour, file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length })
    }
  }
  return rows
}

export function formatSizes(rows) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`
  const lines = rows.map((r) => `  ${r.flavour}/js/${r.file}: ${kb(r.raw)} raw, ${kb(r.gzip)} gzip`)
  for (const flavour of new Set(rows.map((r) => r.flavour))) {
    const mine = rows.filter((r) => r.flavour === flavour)
    const sum = (key) => mine.reduce((n, r) => n + r[key], 0)
    lines.push(`  ${flavour}/js total: ${kb(sum('raw'))} raw, ${kb(sum('gzip'))} gzip (${sum('gzip')} bytes)`)
  }
  return lines.join('\n')
}
