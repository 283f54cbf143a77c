/**
 * Values checked before they go into a request path. A path parameter must stay one segment of the
 * path it was meant for: `encodeURIComponent` leaves dots alone and URL parsing resolves `.` and
 * `..`, so a code of ".." on the poll would ask GET …/profiles, the device's profiles for every
 * provider. The rules accept what Adobe hands out and nothing that could leave its segment.
 * A value that fails them is refused with InvalidInputError before anything is sent.
 */
import { InvalidInputError } from './errors'

/**
 * An authentication code (docs/adobe-pass.md "Endpoints", "Profiles"): uppercase letters and digits. Adobe does not fix the
 * format (its samples use 7 characters); 4–16 covers any sane variant.
 */
const CODE = /^[A-Z0-9]{4,16}$/

/**
 * A provider id as the configuration lists it (docs/adobe-pass.md "Endpoints"): letters, digits, `_`, `-`, `.`
 * (e.g. `Comcast_SSO`, `TempPass_1h`). No `/`, `\`, `%`, whitespace or control characters.
 */
const MVPD_ID = /^[A-Za-z0-9_.-]{1,128}$/

const ONLY_DOTS = /^\.+$/

export function isValidCode(code: string): boolean {
  return typeof code === 'string' && CODE.test(code)
}

export function isValidMvpdId(id: string): boolean {
  // `.` and `..` are dot segments; a value of dots only is refused outright, whatever its length.
  return typeof id === 'string' && MVPD_ID.test(id) && !ONLY_DOTS.test(id)
}

/** `code`, or InvalidInputError (the value stays out of the message: it may be anything). */
export function requireCode(code: string, context: string): string {
  if (!isValidCode(code)) throw new InvalidInputError(context, 'code', 'not 4 to 16 uppercase letters and digits')
  return code
}

/** `id`, or InvalidInputError. */
export function requireMvpdId(id: string, context: string): string {
  if (!isValidMvpdId(id)) {
    throw new InvalidInputError(context, 'mvpd', 'not 1 to 128 letters, digits, "_", "-" or "." (and not dots only)')
  }
  return id
}
