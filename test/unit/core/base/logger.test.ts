/** base/logger.ts: what a log line may say of an error is its name, never its message. */
import { errorFields, errorName } from '../../../../src/core/base/logger'

test('an error is named by its name; its message, which may quote a value, is left out', () => {
  const error = new DOMException('value SECRET-token did not fit', 'QuotaExceededError')
  expect(errorName(error)).toBe('QuotaExceededError')
  expect(JSON.stringify(errorFields(error))).not.toContain('SECRET')
  expect(errorFields(new TypeError('x'))).toEqual({ error: 'TypeError' })
})

test('a thrown value without a name is named by its type', () => {
  expect(errorName('SECRET-string')).toBe('string')
  expect(errorName(undefined)).toBe('undefined')
  expect(errorName(null)).toBe('object')
})
