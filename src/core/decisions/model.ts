/**
 * The decisions screen's vocabulary (docs/architecture.md, "Screens"): what the viewer
 * may watch (preauthorization badges, for display only: CL-PREAUTHZ-1), what happened when they chose
 * a title (authorization, every time: CL-AUTHZ-1) and where a sign-out stands (CL-LOGOUT-1).
 * Plain data: the UI turns it into words. The media token itself never appears here, only its validity.
 */
import type { EnhancedError, PassClientError } from '../pass/errors'

/**
 * A preauthorization badge. A deny carries its reason when the provider or a rule gave one
 * (`notInPackage`, `parentalControls`, `degradation`: the DenyReason of the same code), so the row
 * says the real reason. `unknown`: no answer worth showing (the viewer can still press OK).
 */
export type Badge = 'checking' | 'included' | DeniedBadge | 'unknown'

/** The deny reasons a row shows as such; any other deny is a failure, not a decision, and reads `unknown`. */
export type DeniedBadge = Extract<DenyReason, 'notInPackage' | 'parentalControls' | 'degradation'>

export interface DecisionItem {
  readonly id: string
  readonly title: string
  readonly badge: Badge
}

/**
 * Why a title cannot be watched, from the enhanced error's `code` and `action` (CL-ERR-1,
 * CL-AUTHZ-2), never from its message text:
 * - `notInPackage`: the provider denied it (authorization_denied_by_mvpd);
 * - `parentalControls`: authorization_denied_by_parental_controls;
 * - `degradation`: a degradation rule denies it (authorization_denied_by_degradation_rule);
 * - `providerBusy`: action `retry`, still failing after the client's 2 retries;
 * - `setup`: action `configuration` / `application-registration` (nothing the viewer can change);
 * - `other`: any other deny (unknown codes included).
 */
export type DenyReason = 'notInPackage' | 'parentalControls' | 'degradation' | 'providerBusy' | 'setup' | 'other'

/** Where the source of a permit says it came from (the decision's `source`). */
export type DecisionSource = 'mvpd' | 'degradation' | 'temppass' | 'dummy' | (string & {})

export type PlayState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'authorizing'; readonly resource: string }
  /** Playback would start: validity of the media token in server time (never the token itself). */
  | {
      readonly kind: 'permitted'
      readonly resource: string
      readonly tokenNotAfter: number
      /** Server time the permit arrived, so the validity can be told in words without a clock in the UI. */
      readonly receivedAt: number
      readonly source: DecisionSource
    }
  | { readonly kind: 'denied'; readonly resource: string; readonly reason: DenyReason; readonly error?: EnhancedError }
  /** No decision at all (network, timeout, 5xx after the client's retries, an answer without a media token). */
  | {
      readonly kind: 'failed'
      readonly resource: string
      readonly error: PassClientError | { readonly kind: 'noMediaToken' } | { readonly kind: 'unexpected' }
    }

export type SignOutState =
  { readonly kind: 'idle' } | { readonly kind: 'signingOut' } | { readonly kind: 'failed'; readonly error: PassClientError | { readonly kind: 'unexpected' } }

export interface DecisionsState {
  /** The provider decisions are asked for; null while the decisions screen is not in use. */
  readonly mvpd: string | null
  readonly items: readonly DecisionItem[]
  readonly play: PlayState
  readonly signOut: SignOutState
}
