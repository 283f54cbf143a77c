/**
 * The logging seam of every core layer (pass, storage, flow, decisions). Callers pass only
 * non-secret fields: never a client secret, an access token, a media token or a request's headers.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
}

/** Discards everything. */
export const silentLogger: Logger = {
  debug: () => undefined,
  warn: () => undefined,
}

/** Warnings to the console, debug lines dropped (what a TV build wants). */
export const consoleLogger: Logger = {
  debug: () => undefined,
  warn: (message, fields) => {
    if (typeof console !== 'undefined') console.warn(message, fields ?? '')
  },
}

/**
 * The name of a thrown value ("TimeoutError", "QuotaExceededError", …), or its type when it has
 * none: what a log line or a failure reason may say of an error. Its message is left out, since a
 * message can quote a value.
 */
export function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) return String((error as { name: unknown }).name)
  return typeof error
}

/** Log fields for a caught error: `{ error: <its name> }`. */
export function errorFields(error: unknown): LogFields {
  return { error: errorName(error) }
}
