/**
 * Values checked before they go into a request path (validate.ts, http.ts pathOf): a parameter stays
 * in its own segment. A dot segment would be resolved by URL parsing, so a code of ".." on the poll
 * (…/profiles/code/..) would become GET …/profiles; those values never leave the client.
 */
import { InvalidInputError } from '../../../../src/core/pass/errors'
import { pathOf } from '../../../../src/core/pass/http'
import { isValidCode, isValidMvpdId } from '../../../../src/core/pass/validate'

const loneHigh = '\uD800'
const loneLow = '\uDC00'

describe('isValidCode: uppercase letters and digits, 4 to 16 of them', () => {
  test.each(['Q4M7ZT2', 'ABCD', 'A1B2', '1234567890ABCDEF', 'ACEFGHJ'])('%s is a code', (code) => {
    expect(isValidCode(code)).toBe(true)
  })

  test.each([
    ['empty', ''],
    ['a dot segment', '.'],
    ['a double-dot segment', '..'],
    ['dots only', '....'],
    ['lower case', 'q4m7zt2'],
    ['too short', 'ABC'],
    ['too long', 'A'.repeat(17)],
    ['a slash', 'ABC/123'],
    ['a backslash', 'ABC\\123'],
    ['percent-encoding', 'AB%2E%2E'],
    ['a space', 'ABC 123'],
    ['a control character', 'ABC\n123'],
    ['a NUL', 'ABC\u0000123'],
    ['a lone high surrogate', `ABC${loneHigh}123`],
    ['a lone low surrogate', `ABC${loneLow}123`],
    ['a letter outside ASCII', 'ÄBC1234'],
    ['a dash', 'ABC-123'],
  ])('%s is not', (_, code) => {
    expect(isValidCode(code)).toBe(false)
  })

  test('a value that is not a string is not', () => {
    expect(isValidCode(undefined as unknown as string)).toBe(false)
    expect(isValidCode(1234 as unknown as string)).toBe(false)
  })
})

describe('isValidMvpdId: letters, digits, "_", "-", "." as the configuration gives them', () => {
  test.each([
    'Sandbox_Cable',
    'TempPass_1h',
    'ATTOTT',
    'Comcast_SSO',
    'Cablevision',
    'dish-network',
    'cox.net',
    'a',
    'x'.repeat(128),
    'a.b',
    '.hidden',
    'v1..2',
  ])('%s is an id', (id) => {
    expect(isValidMvpdId(id)).toBe(true)
  })

  test.each([
    ['empty', ''],
    ['a dot segment', '.'],
    ['a double-dot segment', '..'],
    ['dots only', '...'],
    ['a slash', 'Cable/One'],
    ['a backslash', 'Cable\\One'],
    ['percent-encoded dots', '%2e%2e'],
    ['a percent sign', 'Cable%20One'],
    ['a space', 'Cable One'],
    ['a tab', 'Cable\tOne'],
    ['a control character', 'Cable\u007fOne'],
    ['a lone surrogate', `Cable${loneHigh}`],
    ['a letter outside ASCII', 'Câble'],
    ['a query', 'Cable?x=1'],
    ['a fragment', 'Cable#x'],
    ['too long', 'x'.repeat(129)],
  ])('%s is not', (_, id) => {
    expect(isValidMvpdId(id)).toBe(false)
  })
})

describe('pathOf never emits a dot segment or an encoding error', () => {
  test('parameters are encoded into their own segment', () => {
    expect(pathOf('/api/v2', 'MYCHAN', 'profiles', 'Cable_One.tv')).toBe('/api/v2/MYCHAN/profiles/Cable_One.tv')
    expect(pathOf('/api/v2', 'MY CHAN', 'a/b')).toBe('/api/v2/MY%20CHAN/a%2Fb')
  })

  test.each([
    ['.', 'empty or dots only'],
    ['..', 'empty or dots only'],
    ['...', 'empty or dots only'],
    ['', 'empty or dots only'],
    [loneHigh, 'cannot be URL-encoded'],
    [`x${loneLow}`, 'cannot be URL-encoded'],
  ])('%j is refused with InvalidInputError', (segment, reason) => {
    let caught: unknown
    try {
      pathOf('/api/v2', 'MYCHAN', 'profiles', 'code', segment)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InvalidInputError)
    expect(caught).toMatchObject({ kind: 'invalidInput', parameter: 'path segment', reason })
  })
})
