/**
 * Stored envelopes (envelope.ts): values `{ v, at, data }` and clears `{ v, at, deleted: true }`.
 * Tombstones were added without a version bump, so every record stored before them still reads.
 */
import { decodeEntry, encodeEntry, recordVersion, sameEntry } from '../../../../src/core/storage/envelope'
import { validators } from '../../../../src/core/storage/records'

const mvpd = { id: 'Cable', displayName: 'Cable Co' }

test('a clear is a stamped tombstone without data, so a build from before tombstones reads it as absent', () => {
  const tombstone = encodeEntry({ kind: 'cleared', at: 5 })
  expect(tombstone).toEqual({ v: recordVersion, at: 5, deleted: true })
  // What an earlier build checks before it reads a record: the version and a `data` object.
  expect(tombstone.v).toBe(recordVersion)
  expect('data' in tombstone).toBe(false)
  expect(decodeEntry(tombstone, validators.lastMvpd)).toEqual({ kind: 'cleared', at: 5 })
})

test('records stored before tombstones (and before stamps) still read, at the same version', () => {
  expect(recordVersion).toBe(1)
  expect(decodeEntry({ v: 1, data: mvpd }, validators.lastMvpd)).toEqual({ kind: 'value', value: mvpd, at: Number.NEGATIVE_INFINITY })
  expect(decodeEntry({ v: 1, at: 3, data: mvpd }, validators.lastMvpd)).toEqual({ kind: 'value', value: mvpd, at: 3 })
  expect(encodeEntry({ kind: 'value', value: mvpd, at: Number.NEGATIVE_INFINITY })).toEqual({ v: 1, data: mvpd })
})

test.each([
  ['a tombstone without a stamp', { v: 1, deleted: true }],
  ['a tombstone carrying data', { v: 1, at: 2, deleted: true, data: mvpd }],
  ['another version', { v: 2, at: 2, deleted: true }],
  ['no envelope at all', 'garbage'],
])('%s is unreadable', (_, raw) => {
  expect(decodeEntry(raw, validators.lastMvpd)).toEqual({ kind: 'invalid', problem: 'unreadable' })
})

test('nothing stored and data the validator rejects are told apart', () => {
  expect(decodeEntry(undefined, validators.lastMvpd)).toEqual({ kind: 'none' })
  expect(decodeEntry({ v: 1, at: 1, data: { id: 42 } }, validators.lastMvpd)).toEqual({ kind: 'invalid', problem: 'rejected' })
})

test('sameEntry: two clears are the same whatever their stamps; a clear is not "nothing"', () => {
  expect(sameEntry({ kind: 'cleared', at: 1 }, { kind: 'cleared', at: 2 })).toBe(true)
  expect(sameEntry({ kind: 'cleared', at: 1 }, null)).toBe(false)
  expect(sameEntry({ kind: 'value', value: mvpd, at: 1 }, { kind: 'value', value: { ...mvpd }, at: 9 })).toBe(true)
  expect(sameEntry({ kind: 'value', value: mvpd, at: 1 }, { kind: 'cleared', at: 1 })).toBe(false)
})
