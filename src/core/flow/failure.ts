/**
 * What the `failed` state carries: the client's typed errors plus the few failures only the flow can
 * see. One `kind` discriminant across all of them; the UI picks the message by kind/action/code
 * (CL-ERR-1), never by message text.
 */
import { assertNever } from '../base/guards'
import type { LogFields } from '../base/logger'
import type { PassAction, PassClientError } from '../pass/errors'
import { isPassClientError, isTransient } from '../pass/errors'

export type FlowFailure =
  | PassClientError
  /** The platform reported the network gone while a request was needed. */
  | { readonly kind: 'offline' }
  /** Polling gave up after `attempts` consecutive transient failures (CL-AUTHN-3). */
  | { readonly kind: 'pollingFailed'; readonly attempts: number; readonly last: PassClientError }
  /** A session answer the flow cannot show: no code to display. */
  | { readonly kind: 'unexpectedSession'; readonly actionName: string }
  /** The session said a profile exists (actionName authorize) but none could be retrieved. */
  | { readonly kind: 'noProfileAfterAuthorize' }
  /** A port rejected with something that is not a client error (a defect, kept for the support line). */
  | { readonly kind: 'unexpected'; readonly cause: unknown }

/** What the viewer can do about a failure (the UI maps this to words and buttons). */
export type FailureRemedy =
  /** Wait: the flow tries again by itself when the network returns. */
  | 'waitForNetwork'
  /** "Try again" is likely to help (a transient failure). */
  | 'tryAgain'
  /** Setup must change before this works (action configuration / application-registration); "Try again" stays offered. */
  | 'contactSupport'

export function toFlowFailure(error: unknown): FlowFailure {
  return isPassClientError(error) ? error : { kind: 'unexpected', cause: error }
}

export function isNetworkFailure(failure: FlowFailure): boolean {
  return failure.kind === 'offline' || failure.kind === 'network'
}

/** CL-ERR-1: the enhanced error actions that only a change of setup fixes (nothing the viewer can do). */
export function isSetupAction(action: PassAction | undefined): boolean {
  return action === 'configuration' || action === 'application-registration'
}

/** CL-ERR-1: the remedy follows the enhanced error `action`. */
export function failureRemedy(failure: FlowFailure): FailureRemedy {
  switch (failure.kind) {
    case 'offline':
    case 'network':
      return 'waitForNetwork'
    case 'pass':
      return isSetupAction(failure.action) ? 'contactSupport' : 'tryAgain'
    case 'pollingFailed':
      return failure.last.kind === 'network' ? 'waitForNetwork' : 'tryAgain'
    case 'timeout':
    case 'throttled':
    case 'malformed':
    case 'cancelled':
    case 'invalidInput':
    case 'unexpectedSession':
    case 'noProfileAfterAuthorize':
    case 'unexpected':
      return 'tryAgain'
    default:
      return assertNever(failure)
  }
}

/** Transient = worth another poll without any change (retry action, 5xx, 429, transport). */
export function isTransientFailure(failure: FlowFailure): failure is PassClientError {
  // CL-ERR-1: the client's one retry rule (a named remedy wins over a 5xx status).
  return isPassClientError(failure) && isTransient(failure)
}

/**
 * What a log line says about something that went wrong: its kind or name, never its message (which
 * may quote a server answer). For the warnings of the runner and the decisions logic.
 */
export function logFieldsOf(error: unknown): LogFields {
  if (isPassClientError(error)) return error.kind === 'pass' ? { reason: error.kind, code: error.code } : { reason: error.kind }
  return { reason: error instanceof Error ? error.name : typeof error }
}
