/**
 * What the `failed` state carries: the client's typed errors plus the few failures only the flow can
 * see. One `kind` discriminant across all of them; the UI picks the message by kind/action/code
 * (house rule 5), never by message text.
 */
import type { PassClientError } from '../pass/errors'
import { isPassClientError, isTransient } from '../pass/errors'

export type FlowFailure =
  | PassClientError
  /** The platform reported the network gone while a request was needed. */
  | { readonly kind: 'offline' }
  /** Polling gave up after `attempts` consecutive transient failures (reference 14 step 3.5). */
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

/** CL-ERR-1: the remedy follows the enhanced error `action`. */
export function failureRemedy(failure: FlowFailure): FailureRemedy {
  switch (failure.kind) {
    case 'offline':
    case 'network':
      return 'waitForNetwork'
    case 'pass':
      if (failure.action === 'configuration' || failure.action === 'application-registration') return 'contactSupport'
      return 'tryAgain'
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

export function assertNever(value: never): never {
  throw new Error(`flow: unexpected value ${JSON.stringify(value)}`)
}
