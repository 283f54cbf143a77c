/** idb-kv.ts over fake-indexeddb: values persist in the app's own named database. */
import 'fake-indexeddb/auto'
import { createIdbStore } from '../../../../src/core/storage/idb-kv'

let n = 0
const uniqueDb = (): string => `idb-kv-${++n}`

test('values round-trip through IndexedDB in the app’s own named database', async () => {
  const dbName = uniqueDb()
  const store = createIdbStore({ dbName })
  await store.set('k', { v: 1, data: { a: [1, 2] } })
  expect(await store.get('k')).toEqual({ v: 1, data: { a: [1, 2] } })
  // A second store object over the same database sees the value (it is persisted, not in memory).
  expect(await createIdbStore({ dbName }).get('k')).toEqual({ v: 1, data: { a: [1, 2] } })
  await store.del('k')
  expect(await store.get('k')).toBeUndefined()
  const names = (await indexedDB.databases()).map((d) => d.name)
  expect(names).toContain(dbName)
  expect(names).not.toContain('keyval-store')
})
