/** The decisions screen's logic (reference sections 8 and 8A, design section 3). */
export type { Badge, DecisionItem, DecisionSource, DecisionsState, DenyReason, PlayState, SignOutState } from './model'
export type {
  DecisionsController,
  DecisionsControllerOptions,
  DecisionsListener,
  DecisionsResource,
  DecisionsVisit,
} from './controller'
export { createDecisionsController } from './controller'
export { badgeOf, denyReason, needsAuthentication, signOutOutcome } from './classify'
