/**
 * How a record is laid out in a store: `{ v, at, data }` for a value, `{ v, at, deleted: true }`
 * for a clear (a tombstone). `at` is the write time, so of two copies (IndexedDB and the mirror)
 * the newer wins, a clear included: a clear that reached only one store must not be undone by the
 * other store's older value. Records written before stamps existed have no `at` and count as the
 * oldest.
 */
import { isRecord } from '../base/guards'
import { num, type Validator } from './records'

/**
 * Bumped when a record's shape changes; older records then read as absent. (The write stamp `at`
 * and the tombstone were added without a bump: every record stored before them still reads, and a
 * build from before tombstones reads one as an unreadable record, which is absent, as meant.)
 */
export const recordVersion = 1

/** What one store holds for a key: a value or a clear, each with its write stamp. */
export type Entry<T> = { readonly kind: 'value'; readonly value: T; readonly at: number } | { readonly kind: 'cleared'; readonly at: number }

/**
 * A stored envelope decoded: an Entry, `none` (nothing stored), or `invalid` (`unreadable`: not an
 * envelope of this version; `rejected`: the data fails the record's validator).
 */
export type Decoded<T> = Entry<T> | { readonly kind: 'none' } | { readonly kind: 'invalid'; readonly problem: 'unreadable' | 'rejected' }

export function encodeEntry(entry: Entry<object>): Record<string, unknown> {
  if (entry.kind === 'cleared') return { v: recordVersion, at: entry.at, deleted: true }
  return Number.isFinite(entry.at) ? { v: recordVersion, at: entry.at, data: entry.value } : { v: recordVersion, data: entry.value }
}

export function decodeEntry<T>(raw: unknown, validate: Validator<T>): Decoded<T> {
  if (raw === undefined) return { kind: 'none' }
  if (!isRecord(raw) || raw.v !== recordVersion) return { kind: 'invalid', problem: 'unreadable' }
  if (raw.deleted === true) {
    // Tombstones are always stamped (a clear without a time could not be ordered) and carry no data.
    return num(raw.at) && !('data' in raw) ? { kind: 'cleared', at: raw.at } : { kind: 'invalid', problem: 'unreadable' }
  }
  if (!isRecord(raw.data)) return { kind: 'invalid', problem: 'unreadable' }
  const value = validate(raw.data)
  if (value === null) return { kind: 'invalid', problem: 'rejected' }
  return { kind: 'value', value, at: num(raw.at) ? raw.at : Number.NEGATIVE_INFINITY }
}

/** The same thing stored: two clears, or two equal values (stamps aside). */
export function sameEntry<T>(a: Entry<T> | null, b: Entry<T> | null): boolean {
  if (a === null || b === null) return a === b
  if (a.kind === 'cleared' || b.kind === 'cleared') return a.kind === b.kind
  return JSON.stringify(a.value) === JSON.stringify(b.value)
}
