/**
 * Pure helpers: enhanced errors to deny reasons and badges (by `code` and `action`, never message
 * text: CL-ERR-1), and logout entries to one outcome (CL-LOGOUT-1).
 */
import type { EnhancedError } from '../pass/errors'
import type { Decision, LogoutEntry } from '../pass/types'
import { isSetupAction } from '../flow/failure'
import type { SignOutOutcome } from '../flow/model'
import type { Badge, DeniedBadge, DenyReason } from './model'

/** Every enhanced error code whose action is `authentication` sends the viewer to re-authentication (CL-ERR-1). */
export function needsAuthentication(error: Pick<EnhancedError, 'action'> | undefined): boolean {
  return error?.action === 'authentication'
}

export function denyReason(error: EnhancedError | undefined): DenyReason {
  if (!error) return 'other'
  switch (error.code) {
    case 'authorization_denied_by_mvpd':
    case 'preauthorization_denied_by_mvpd':
      return 'notInPackage'
    case 'authorization_denied_by_parental_controls':
      return 'parentalControls'
    case 'authorization_denied_by_degradation_rule':
      return 'degradation'
    default:
      break
  }
  if (error.action === 'retry') return 'providerBusy'
  return isSetupAction(error.action) ? 'setup' : 'other'
}

/**
 * A preauthorization decision as a badge (CL-PREAUTHZ-1: a hint for the row, never a playback
 * decision). A deny the provider or a rule made shows its reason; a deny that is really a failure
 * (retry, setup, unknown codes) leaves the badge unknown.
 */
export function badgeOf(decision: Decision | undefined): Badge {
  if (!decision) return 'unknown'
  if (decision.authorized) return 'included'
  return deniedBadge(denyReason(decision.error)) ?? 'unknown'
}

/** The badge a deny reason shows on the row, or undefined when the reason is a failure rather than a decision. */
export function deniedBadge(reason: DenyReason): DeniedBadge | undefined {
  return reason === 'notInPackage' || reason === 'parentalControls' || reason === 'degradation' ? reason : undefined
}

/**
 * One outcome for the viewer over all entries (CL-LOGOUT-1): `interactive` when a provider offers a
 * logout page (the TV cannot open it; Adobe's logout API lets a TV stop there); `invalid` when every
 * entry says no valid profile was left; otherwise `complete` (partner_logout is Apple-only, and
 * unknown action names are treated as done, since the profile is gone either way).
 */
export function signOutOutcome(entries: readonly LogoutEntry[]): SignOutOutcome {
  if (entries.some((e) => e.actionName === 'logout')) return 'interactive'
  if (entries.length > 0 && entries.every((e) => e.actionName === 'invalid')) return 'invalid'
  return 'complete'
}
