/**
 * What the UI (src/ui) sees of core, and only that: the UI imports core through this file alone
 * (docs/architecture.md "Layers"). The composition root (src/index.ts) imports the modules it wires
 * directly; tests import the modules they test.
 */
export type { PassSettings } from './base/settings'
export { assertNever } from './base/guards'
export type { EnhancedError } from './pass/errors'
export type { LastMvpd, Mvpd, PassClient } from './pass/types'
export type { FlowFailure, FlowRunner, FlowState, UserIntent } from './flow'
export { activationUrls, failureRemedy, NEW_CODE_COOLDOWN_MS } from './flow'
export type { Badge, DecisionsController, DecisionsState, DenyReason, PlayState } from './decisions'
export type { Announcement, Speech, SpeechPart } from './speech'
