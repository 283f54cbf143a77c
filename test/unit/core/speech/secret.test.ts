/** The secret guard: tokens and ids are refused, what the screens say (addresses, codes, names) is not. */
import { looksSecret, unspellable } from '../../../../src/core/speech/secret'

test.each([
  'Go to tv.mychannel.com/activate',
  'https://sp.auth.adobe.com/api/v2/authenticate',
  'Your code is JAPC988',
  'Xfinity, 3 of 12',
  'Sign in again with DIRECTV STREAM',
  'abcdefghijklmnopqrstuvwxyz',
])('"%s" may be said', (text) => {
  expect(looksSecret(text)).toBe(false)
})

test.each([
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ2aWV3ZXIifQ.sig',
  '550e8400-e29b-41d4-a716-446655440000',
  'secret 8f14e45fceea167a5a36dedd4bea2543',
  'dGhpcyBpcyBhIHNlY3JldCB0b2tlbiAx',
])('"%s" is never said', (text) => {
  expect(looksSecret(text)).toBe(true)
})

test('a code is spellable; anything longer than a code, or secret-looking, is not', () => {
  expect(unspellable('JAPC988')).toBe(false)
  expect(unspellable('ab12')).toBe(false)
  expect(unspellable('ABCDEFGHIJKLMNOPQ')).toBe(true)
  expect(unspellable('eyJhbGciOi.x')).toBe(true)
})
