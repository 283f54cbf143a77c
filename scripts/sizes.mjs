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
  return rows.map((r) => `  ${r.flavour}/js/${r.file}: ${kb(r.raw)} raw, ${kb(r.gzip)} gzip`).join('\n')
}
