/**
 * The small print for support under an error: the enhanced error's code and trace, or what kind of
 * failure it was. Never a secret, never the message text. One format for every screen.
 */
import type { EnhancedError, FlowFailure } from '../../core'

/** What a screen may have to reference: a flow failure, an enhanced error, or a failure only the UI model names. */
export type ReferencedError = FlowFailure | EnhancedError | { readonly kind: string }

export function errorReference(error: ReferencedError): string {
  if ('code' in error && typeof error.code === 'string') return [error.code, error.trace].filter(Boolean).join(' · ')
  if (!('kind' in error)) return ''
  switch (error.kind) {
    case 'pollingFailed':
      return 'last' in error ? `polling_failed · ${errorReference(error.last)}` : 'polling_failed'
    case 'network':
    case 'offline':
      return 'network_error'
    case 'malformed':
      return 'httpStatus' in error ? `malformed_response · HTTP ${error.httpStatus}` : 'malformed_response'
    default:
      return error.kind
  }
}
