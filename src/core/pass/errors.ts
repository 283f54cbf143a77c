/**
 * Typed failures of the Adobe Pass client. Every failure the client can produce is one of these
 * values, told apart by `kind`; the flow branches on `kind`, `action` and `code`, never on message text.
 *
 * Enhanced error codes: docs/adobe-pass.md "Errors" (CL-ERR-1, CL-ERR-2).
 */

/** The remedy Adobe suggests for an enhanced error code (docs/adobe-pass.md "Errors"). Unknown values are kept as-is. */
export type PassAction = 'none' | 'configuration' | 'application-registration' | 'authentication' | 'authorization' | 'retry' | (string & {})

/** The fields of an enhanced error code object, top level or item level (docs/adobe-pass.md "Errors"). */
export interface EnhancedError {
  readonly status: number
  readonly code: string
  readonly action: PassAction
  readonly message?: string
  readonly details?: string
  readonly helpUrl?: string
  readonly trace?: string
}

abstract class PassFailure extends Error {
  abstract readonly kind: string
}

/** An HTTP error answered with an enhanced error body (top level), or a DCR OAuth error. */
export class PassError extends PassFailure implements EnhancedError {
  readonly kind = 'pass' as const
  readonly status: number
  readonly httpStatus: number
  readonly code: string
  readonly action: PassAction
  readonly details?: string
  readonly helpUrl?: string
  readonly trace?: string

  constructor(error: EnhancedError, httpStatus: number, context: string) {
    super(`${context}: ${error.code} (HTTP ${httpStatus}, action ${error.action})`)
    this.name = 'PassError'
    this.status = error.status
    this.httpStatus = httpStatus
    this.code = error.code
    this.action = error.action
    if (error.details !== undefined) this.details = error.details
    if (error.helpUrl !== undefined) this.helpUrl = error.helpUrl
    if (error.trace !== undefined) this.trace = error.trace
    this.serverMessage = error.message
  }

  /** Adobe's human-readable message (may be shown to the viewer, docs/adobe-pass.md "Errors"). */
  readonly serverMessage: string | undefined
}

/** No answer: the network is down or the host unreachable. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- `cause` is set in the constructor
export class NetworkError extends PassFailure {
  readonly kind = 'network' as const
  constructor(context: string, cause?: unknown) {
    super(`${context}: network unreachable`)
    this.name = 'NetworkError'
    // Set as a plain property: `Error.cause` exists only from ES2022 typings on (declared below).
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause
  }
}

/** The underlying failure, reduced to name and message (no request headers). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the class above
export interface NetworkError {
  readonly cause?: unknown
}

/** No answer within the request timeout. */
export class TimeoutError extends PassFailure {
  readonly kind = 'timeout' as const
  constructor(
    context: string,
    readonly timeoutMs: number,
  ) {
    super(`${context}: no answer within ${timeoutMs} ms`)
    this.name = 'TimeoutError'
  }
}

/** HTTP 429 (docs/adobe-pass.md "Throttling"): wait at least `retryAfterMs` before the next request. */
export class ThrottledError extends PassFailure {
  readonly kind = 'throttled' as const
  constructor(
    context: string,
    readonly retryAfterMs: number,
  ) {
    super(`${context}: throttled (HTTP 429)`)
    this.name = 'ThrottledError'
  }
}

/** A response whose body is not the JSON the operation promises (or an HTTP error without one). */
export class MalformedResponseError extends PassFailure {
  readonly kind = 'malformed' as const
  constructor(
    context: string,
    readonly httpStatus: number,
    readonly reason: string,
  ) {
    super(`${context}: malformed response (HTTP ${httpStatus}): ${reason}`)
    this.name = 'MalformedResponseError'
  }
}

/** The request was cancelled by its caller (an AbortSignal); never shown to the viewer. */
export class CancelledError extends PassFailure {
  readonly kind = 'cancelled' as const
  constructor(context: string) {
    super(`${context}: cancelled`)
    this.name = 'CancelledError'
  }
}

/**
 * A value the client refused to put into a request: a code or provider id that fails validation
 * (pass/validate.ts), so it can never reach another path segment. Nothing was sent.
 */
export class InvalidInputError extends PassFailure {
  readonly kind = 'invalidInput' as const
  constructor(
    context: string,
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`${context}: invalid ${parameter} (${reason})`)
    this.name = 'InvalidInputError'
  }
}

export type PassClientError = PassError | InvalidInputError | NetworkError | TimeoutError | ThrottledError | MalformedResponseError | CancelledError

const kinds = new Set(['pass', 'network', 'timeout', 'throttled', 'malformed', 'cancelled', 'invalidInput'])

/** True for any failure this client produces (checks the discriminant, so it works across realms). */
export function isPassClientError(value: unknown): value is PassClientError {
  return value instanceof Error && kinds.has((value as { kind?: unknown }).kind as string)
}

export function isPassError(value: unknown): value is PassError {
  return isPassClientError(value) && value.kind === 'pass'
}

/**
 * The one retry rule (CL-ERR-1, docs/adobe-pass.md "Errors"): worth another try later without any change.
 * A named remedy wins over the HTTP status: a 5xx whose enhanced error says `configuration`,
 * `authentication`, … is not retried; a 5xx with action `none` (or none given) is, and so is action
 * `retry` at any status. 429 (section 10) and transport failures (network, timeout) are transient
 * too, but what is sent again follows http.ts `shouldResend`: within a request's retry budget (the
 * HTTP layer's, or a decision call's) a 429 is resent after at least 1 s, while network loss and
 * timeouts go back to the caller. The poll has no budget (one request per poll): there the flow
 * counts a transport failure as a failed poll and a 429 only as a reason to wait longer.
 */
export function isTransient(error: PassClientError): boolean {
  switch (error.kind) {
    case 'pass':
      return error.action === 'retry' || (error.httpStatus >= 500 && error.action === 'none')
    case 'network':
    case 'timeout':
    case 'throttled':
      return true
    case 'malformed':
      // A 5xx answered by a proxy's HTML page is still a 5xx (docs/adobe-pass.md "Errors": retry on 5xx).
      return error.httpStatus >= 500
    default:
      return false
  }
}
