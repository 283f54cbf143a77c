/**
 * The last guard before the voice: a value that looks like a secret (a token, a client secret, a
 * device id) is never said, even if a caller passed one by mistake (docs/architecture.md "Voice
 * guidance"). Codes a viewer types are short; tokens are long unbroken runs of letters and digits.
 */

/** Longest value `{ spell }` accepts: activation codes are far shorter. */
export const MAX_SPELL_LENGTH = 16

/** A JWT's base64url header (`{"` encodes as `eyJ`), followed by a dot. */
const jwt = /eyJ[A-Za-z0-9_-]{6,}\./

/** An unbroken run of token characters long enough to be a key, an id or a token (slashes and dots break it, so addresses pass). */
const tokenRun = /[A-Za-z0-9+=_-]{20,}/g

/** True for text holding a JWT, or a run of 20+ token characters that mixes letters and digits. */
export function looksSecret(text: string): boolean {
  if (jwt.test(text)) return true
  return (text.match(tokenRun) ?? []).some((run) => /[0-9]/.test(run) && /[A-Za-z]/.test(run))
}

/** True for a value `{ spell }` must not say: longer than any code, or secret-looking. */
export function unspellable(value: string): boolean {
  return value.replace(/\s/g, '').length > MAX_SPELL_LENGTH || looksSecret(value)
}
