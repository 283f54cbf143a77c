/** The decisions screen's logic: authorization and logout (docs/adobe-pass.md; docs/architecture.md, "Screens"). */
export type { Badge, DeniedBadge, DecisionItem, DecisionSource, DecisionsState, DenyReason, PlayState, SignOutState } from './model'
export type { DecisionsController, DecisionsControllerOptions, DecisionsListener, DecisionsResource, DecisionsVisit } from './controller'
export { createDecisionsController } from './controller'
export { badgeOf, deniedBadge, denyReason, needsAuthentication, signOutOutcome } from './classify'
