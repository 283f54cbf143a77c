/**
 * From the decisions logic's state to the screen (docs/architecture.md, "Screens"): the row with its
 * badges and a notice line on the decisions screen, or the player stand-in after a permit. Pure.
 */
import type { Badge, DecisionsState, DenyReason, EnhancedError, PlayState } from '../../../core'
import { assertNever } from '../../../core'
import { copy, durationInWords } from '../../copy'
import { errorReference, type ReferencedError } from '../reference'
import type { Screen } from '../screen'
import type { DecisionItemView, DecisionsView, PlayerView } from '../views'

/** `base`: the decisions view the sign-in flow's state gives (provider name and logo). */
export function presentDecisions(base: DecisionsView, state: DecisionsState): Screen {
  const { play } = state
  const titleOf = (resource: string): string => state.items.find((i) => i.id === resource)?.title ?? resource
  if (play.kind === 'permitted') return { route: 'player', view: playerView(titleOf(play.resource), play) }
  const view: DecisionsView = {
    ...base,
    items: state.mvpd ? state.items.map((item) => ({ id: item.id, title: item.title, badge: badgeView(item.badge) })) : base.items,
    busy: play.kind === 'authorizing' || state.signOut.kind === 'signingOut',
    ...(play.kind === 'authorizing' ? { playPending: true } : {}),
  }
  const notice = noticeOf(state, titleOf, base.providerName)
  return { route: 'decisions', view: { ...view, ...notice } }
}

/** What the viewer chose on the decisions screen while it was `confirming`: carried out once the sign-in is. */
export type HeldIntent = { readonly type: 'play'; readonly resource: string } | { readonly type: 'signOut' } | { readonly type: 'switchProvider' }

/**
 * The decisions screen while the sign-in is being confirmed: the row as the flow drew it ("Checking…")
 * and, once the viewer has chosen, what is waiting (a title being checked, a sign-out under way).
 */
export function presentConfirming(base: DecisionsView, held: HeldIntent | undefined): Screen {
  if (!held) return { route: 'decisions', view: base }
  const titleOf = (resource: string): string => base.items.find((i) => i.id === resource)?.title ?? resource
  switch (held.type) {
    case 'play':
      return {
        route: 'decisions',
        view: {
          ...base,
          busy: true,
          playPending: true,
          notice: { tone: 'info', text: copy.decisions.checkingAccess(titleOf(held.resource)) },
          noticeFor: held.resource,
        },
      }
    case 'signOut':
      return { route: 'decisions', view: { ...base, busy: true, notice: { tone: 'info', text: copy.decisions.signingOut } } }
    case 'switchProvider':
      return { route: 'decisions', view: { ...base, busy: true } }
    default:
      return assertNever(held)
  }
}

function playerView(title: string, play: Extract<PlayState, { kind: 'permitted' }>): PlayerView {
  // The media token's validity in words (never the token): typically about 7 minutes.
  const left = durationInWords(play.tokenNotAfter - play.receivedAt)
  const note = play.source === 'degradation' ? copy.player.degraded : play.source === 'temppass' ? copy.player.temppass : undefined
  return {
    title,
    headline: copy.player.headline,
    validity: left ? copy.player.validity(left) : copy.player.validityShort,
    ...(note ? { note } : {}),
  }
}

/**
 * The row says the real reason of a deny, from preauthorization or from the title just chosen alike
 * (the decisions logic keeps it on the item); a degradation rule reads as "unavailable now".
 */
function badgeView(badge: Badge): DecisionItemView['badge'] {
  return badge === 'degradation' ? 'unavailableNow' : badge
}

type Notice = Pick<DecisionsView, 'notice' | 'noticeFor' | 'reference'>

function noticeOf(state: DecisionsState, titleOf: (resource: string) => string, provider: string): Notice {
  const { play, signOut } = state
  if (signOut.kind === 'signingOut') return { notice: { tone: 'info', text: copy.decisions.signingOut } }
  if (signOut.kind === 'failed') return { notice: { tone: 'danger', text: copy.decisions.signOutFailed }, ...referenceOf(signOut.error) }
  switch (play.kind) {
    case 'authorizing':
      return { notice: { tone: 'info', text: copy.decisions.checkingAccess(titleOf(play.resource)) }, noticeFor: play.resource }
    case 'denied':
      return {
        notice: { tone: 'danger', text: denyText(play.reason, titleOf(play.resource), provider, play.error) },
        noticeFor: play.resource,
        ...referenceOf(play.error),
      }
    case 'failed':
      return { notice: { tone: 'danger', text: copy.deny.failed(titleOf(play.resource)) }, noticeFor: play.resource, ...referenceOf(play.error) }
    default:
      return {}
  }
}

/**
 * CL-AUTHZ-R2: what happened in our words, what the viewer can do, and the provider's or Adobe's
 * own words from the enhanced error (`details` is the provider's text, `message` Adobe's).
 */
export function denyText(reason: DenyReason, title: string, provider: string, error: EnhancedError | undefined): string {
  const ours = copy.deny[reason](title, provider)
  if (error?.details) return `${ours} ${copy.deny.said(provider, error.details)}`
  if (error?.message) return `${ours} ${copy.deny.quoted(error.message)}`
  return ours
}

function referenceOf(error: ReferencedError | undefined): Pick<DecisionsView, 'reference'> {
  const parts = error ? errorReference(error) : ''
  return parts ? { reference: copy.error.reference(parts) } : {}
}
