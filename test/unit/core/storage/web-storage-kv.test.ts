/** web-storage-kv.ts: the localStorage mirror, JSON under a prefix; failures are StorageFailures. */
import { isStorageFailure } from '../../../../src/core/storage/kv'
import { createWebStorageStore } from '../../../../src/core/storage/web-storage-kv'

beforeEach(() => localStorage.clear())

test('values round-trip as JSON under the prefix, and other keys are left alone', async () => {
  localStorage.setItem('other', 'kept')
  const store = createWebStorageStore(() => localStorage, 'app:')
  await store.set('k', { v: 1, data: { a: [1, 2] } })
  expect(localStorage.getItem('app:k')).toBe('{"v":1,"data":{"a":[1,2]}}')
  expect(await store.get('k')).toEqual({ v: 1, data: { a: [1, 2] } })
  await store.del('k')
  expect(await store.get('k')).toBeUndefined()
  expect(localStorage.getItem('other')).toBe('kept')
})

test('a corrupt entry reads as absent, not as an error', async () => {
  localStorage.setItem('app:k', '{not json')
  await expect(createWebStorageStore(() => localStorage, 'app:').get('k')).resolves.toBeUndefined()
})

test('no Web Storage in this engine: every call rejects with an `unsupported` StorageFailure', async () => {
  const store = createWebStorageStore(() => undefined, 'app:')
  await expect(store.get('k')).rejects.toMatchObject({ name: 'StorageFailure', operation: 'get', kind: 'unsupported' })
  await expect(store.set('k', 1)).rejects.toMatchObject({ operation: 'set', kind: 'unsupported' })
})

test('an engine error (quota, private mode) rejects with a StorageFailure naming the error, never the value', async () => {
  const full = {
    getItem: () => null,
    setItem: () => {
      throw new DOMException('quota exceeded for SECRET-value', 'QuotaExceededError')
    },
    removeItem: () => undefined,
  } as unknown as Storage
  const error: unknown = await createWebStorageStore(() => full, 'app:')
    .set('k', 'SECRET-value')
    .catch((e: unknown) => e)
  expect(isStorageFailure(error)).toBe(true)
  expect(error).toMatchObject({ operation: 'set', reason: 'QuotaExceededError', kind: 'failed' })
  expect(String((error as Error).message)).not.toContain('SECRET')
})

test('a storage getter that throws on access (some private modes) is a failure too', async () => {
  const store = createWebStorageStore(() => {
    throw new DOMException('denied', 'SecurityError')
  }, 'app:')
  await expect(store.get('k')).rejects.toMatchObject({ operation: 'get', reason: 'SecurityError' })
})
