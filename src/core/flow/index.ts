/** The sign-in flow's public surface (design section 2). */
export type {
  Activation,
  ActivatingState,
  AuthorizedState,
  BackTarget,
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
  LoadingProfilesState,
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
export type { FlowLogger, FlowStore, LastMvpd, ProfileParts } from './ports'
export { silentLogger } from './ports'
export type { FlowSettings, FlowSettingsInput } from './settings'
export { DEFAULT_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS, NEW_CODE_COOLDOWN_MS, resolveFlowSettings } from './settings'
export type { FailureRemedy, FlowFailure } from './failure'
export { failureRemedy, isNetworkFailure } from './failure'
export type { ActivationUrls } from './activation-url'
export { activationUrls } from './activation-url'
export { countdownMs } from './countdown'
export type { Clock, TimerHandle } from '../base/clock'
