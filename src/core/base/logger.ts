/**
 * The logging seam of core. Callers pass only non-secret fields: never a client secret, an access
 * token, a media token or a request's headers (issue 4 "Secrets").
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
