/** latest-writer.ts: frequent writes of one record collapse while a write is under way. */
import { createLatestWriter } from '../../../../src/core/storage/latest-writer'
import { flushPromises } from '../../../support/fake-clock'

/** A write whose calls the test settles one by one. */
function heldWrites() {
  const written: number[] = []
  const pending: Array<{ resolve: () => void; reject: (e: unknown) => void }> = []
  const write = (value: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      written.push(value)
      pending.push({ resolve, reject })
    })
  return { write, written, settle: () => pending.shift()?.resolve(), fail: (e: unknown) => pending.shift()?.reject(e) }
}

test('one write in flight; the values given meanwhile become one write of the latest', async () => {
  const held = heldWrites()
  const put = createLatestWriter(held.write)
  const settled: number[] = []
  const calls = [1, 2, 3, 4].map((v) => put(v).then(() => settled.push(v)))
  expect(held.written).toEqual([1])
  held.settle()
  await flushPromises()
  expect(settled).toEqual([1])
  expect(held.written).toEqual([1, 4])
  held.settle()
  await Promise.all(calls)
  expect(settled).toEqual([1, 2, 3, 4])
  // Idle again: the next value is written at once.
  void put(5)
  expect(held.written).toEqual([1, 4, 5])
})

test('a failed write rejects the calls it carried, and the queued value is still written', async () => {
  const held = heldWrites()
  const put = createLatestWriter(held.write)
  const first = put(1)
  const second = put(2)
  held.fail(new Error('QuotaExceededError'))
  await expect(first).rejects.toThrow('QuotaExceededError')
  await flushPromises()
  expect(held.written).toEqual([1, 2])
  held.settle()
  await expect(second).resolves.toBeUndefined()
})

test('a write that throws at once is a rejection, not a throw', async () => {
  const put = createLatestWriter<number>(() => {
    throw new Error('sync')
  })
  await expect(put(1)).rejects.toThrow('sync')
  await expect(put(2)).rejects.toThrow('sync')
})
