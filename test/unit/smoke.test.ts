import ky from 'ky'
import { createStore, set, get } from 'idb-keyval'
import 'fake-indexeddb/auto'

test('jsdom has the globals ky and IndexedDB need', async () => {
  expect(typeof ky.get).toBe('function')
  const store = createStore('smoke', 'kv')
  await set('k', { v: 1 }, store)
  expect(await get('k', store)).toEqual({ v: 1 })
})
