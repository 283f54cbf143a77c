import { en } from '../../../../src/ui/copy/en'
import { es } from '../../../../src/ui/copy/es'

const tables = { en, es } as const

/** Every leaf of a table as [path, value]. */
function leaves(node: unknown, path = ''): [string, unknown][] {
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
  return [[path, node]]
}

/** What a function entry says for sample arguments: milliseconds or seconds for the times, else names and titles. */
function sayings(path: string, fn: unknown): unknown[] {
  if (path.startsWith('time.') || path === 'error.retryIn') return [29 * 86_400_000, 7 * 60_000, 1000, 1].map((n) => (fn as (n: number) => unknown)(n))
  return [(fn as (...a: string[]) => unknown)('Sample Provider', 'Sample Title')]
}

const keysOf = (table: object): string[] =>
  leaves(table)
    .map(([p]) => p)
    .sort()

test.each(Object.keys(tables))('%s has exactly the English keys', (name) => {
  expect(keysOf(tables[name as keyof typeof tables])).toEqual(keysOf(en))
})

test.each(Object.keys(tables))('every %s entry reads as words', (name) => {
  const english = new Map(leaves(en))
  for (const [path, value] of leaves(tables[name as keyof typeof tables])) {
    expect([path, typeof value]).toEqual([path, typeof english.get(path)])
    const texts = typeof value === 'function' ? sayings(path, value) : [value]
    for (const text of texts) {
      if (text === null) continue
      expect(typeof text).toBe('string')
      expect([path, (text as string).trim() === '']).toEqual([path, false])
      expect(text).not.toMatch(/undefined|NaN|\[object/)
    }
  }
})

test('names, titles and the provider’s own words are shown as they come', () => {
  for (const table of Object.values(tables)) {
    expect(table.activation.titleWith('Acme “TV” & Co')).toContain('Acme “TV” & Co')
    expect(table.deny.said('Acme', 'Blocked: ask your admin.')).toContain('Blocked: ask your admin.')
    const deny = table.deny.parentalControls('Live News', 'Acme')
    expect(deny).toContain('Live News')
    expect(deny).toContain('Acme')
  }
})

test('Spanish is written out, not left in English', () => {
  const english = new Map(leaves(en))
  const same = leaves(es).filter(([p, v]) => typeof v === 'string' && v === english.get(p))
  // The brand placeholder is a name, the same in every language.
  expect(same.map(([p]) => p)).toEqual(['defaultBrand'])
})
