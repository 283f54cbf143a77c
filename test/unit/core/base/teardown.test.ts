/** base/teardown.ts: one owner releases everything it was given, newest first, once. */
import { createTeardown } from '../../../../src/core/base/teardown'

test('run releases newest first, and only once', () => {
  const order: string[] = []
  const owned = createTeardown()
  owned.add(() => order.push('subscription'))
  owned.add(() => order.push('runner'))
  owned.add(() => order.push('screens'))
  owned.run()
  owned.run()
  expect(order).toEqual(['screens', 'runner', 'subscription'])
})

test('a release that throws does not keep the others from running; the first error is rethrown', () => {
  const order: string[] = []
  const owned = createTeardown()
  owned.add(() => order.push('first'))
  owned.add(() => {
    throw new Error('second failed')
  })
  owned.add(() => {
    throw new Error('third failed')
  })
  expect(() => owned.run()).toThrow('third failed')
  expect(order).toEqual(['first'])
})

test('a release added after run (a late subscription) is released at once', () => {
  const owned = createTeardown()
  owned.run()
  const late = jest.fn()
  owned.add(late)
  expect(late).toHaveBeenCalledTimes(1)
})
