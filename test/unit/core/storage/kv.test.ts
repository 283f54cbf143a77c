/** kv.ts: how a store's failure is told apart from other errors and named without a value. */
import { isStorageFailure, StorageFailure, toStorageFailure } from '../../../../src/core/storage/kv'

test('toStorageFailure keeps a StorageFailure and names any other error by its name only', () => {
  const timeout = new StorageFailure('get', 'timeout', 'timeout')
  expect(toStorageFailure('set', timeout)).toBe(timeout)
  const named = toStorageFailure('set', new DOMException('value SECRET did not fit', 'QuotaExceededError'))
  expect(named).toMatchObject({ operation: 'set', reason: 'QuotaExceededError', kind: 'failed' })
  expect(named.message).not.toContain('SECRET')
  expect(toStorageFailure('get', 'a string')).toMatchObject({ reason: 'string' })
})

test('isStorageFailure also knows a StorageFailure from another realm by its name and operation', () => {
  const foreign = Object.assign(new Error('storage get failed'), { name: 'StorageFailure', operation: 'get' })
  expect(isStorageFailure(foreign)).toBe(true)
  expect(isStorageFailure(new Error('x'))).toBe(false)
  expect(isStorageFailure({ name: 'StorageFailure', operation: 'get' })).toBe(false)
})
