/** The sign-in flow's public surface (docs/architecture.md, "Flow"). */
export type {
  Activation,
  ActivatingState,
  ActivationOrigin,
  AuthorizedState,
  ChoosingState,
  CodeExpiredState,
  EffectResult,
  Environment,
  EnvironmentSignal,
  FailedState,
  FlowEffect,
  FlowEvent,
  FlowInput,
  FlowState,
  FlowStateKind,
  GridOrigin,
  LoadingProfilesState,
  LoadOrigin,
  Origin,
  PendingSession,
  PollStatus,
  ProfilesRoute,
  ReauthState,
  Remembered,
  RetryTarget,
  SignedIn,
  SignOutOutcome,
  Stamp,
  StartingState,
  Transition,
  UserIntent,
} from './model'
export { initialState, transition } from './machine'
export type { FlowListener, FlowRunner, FlowRunnerOptions } from './runner'
export { createFlowRunner } from './runner'
export type { FlowStore } from './ports'
export type { FlowSettings, FlowSettingsInput } from './settings'
export { DEFAULT_POLL_INTERVAL_MS, NEW_CODE_COOLDOWN_MS, resolveFlowSettings } from './settings'
export type { FailureRemedy, FlowFailure } from './failure'
export { failureRemedy, isNetworkFailure, isSetupAction } from './failure'
export type { ActivationUrls } from './activation-url'
export { activationUrls } from './activation-url'
export { countdownMs } from './countdown'
export type { Clock, TimerHandle } from '../base/clock'
