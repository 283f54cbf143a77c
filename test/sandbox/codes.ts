import { randomInt } from 'node:crypto'

/**
 * Authentication codes (section 6.1 `code`; format UNSPECIFIED, samples show 7 upper-case
 * alphanumerics). The alphabet leaves out look-alikes (0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V) so a code
 * read off a TV across the room is typed right on a phone.
 */
export const CODE_ALPHABET = 'ACEFGHJKMNPRTWXY34679'
export const CODE_LENGTH = 7

/** Shape a code must have to be looked up at all (else invalid_parameter_code). */
export const CODE_PATTERN = /^[A-Z0-9]{4,12}$/

export function generateCode(isTaken: (code: string) => boolean): string {
  for (;;) {
    let code = ''
    for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
    if (!isTaken(code)) return code
  }
}

/** What a person typed, made comparable: case, spaces and dashes do not matter on the activation page. */
export function normaliseTypedCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '')
}
