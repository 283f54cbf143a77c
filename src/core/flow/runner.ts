/**
 * Runs the flow machine: performs its effects through the injected ports and feeds the results back
 * as events. Work belongs to the state (epoch) that asked for it: leaving the state aborts its
 * requests and clears its timers, and any result that still arrives for it is dropped
 * (docs/architecture.md, "Flow"). `stop()` ends all of it.
 */
import { clampTimerMs, type Clock, type TimerHandle } from '../base/clock'
import { assertNever } from '../base/guards'
import { silentLogger, type Logger } from '../base/logger'
import { promiseOf } from '../base/promise'
import type { LastMvpd, PassClient, Profile } from '../pass/types'
import type { FlowFailure } from './failure'
import { logFieldsOf, toFlowFailure } from './failure'
import { initialState, transition } from './machine'
import { rememberedProvider } from './provider'
import type { FlowEffect, FlowEvent, FlowInput, FlowState, PendingSession, Stamp } from './model'
import type { FlowStore } from './ports'
import type { FlowSettingsInput } from './settings'
import { resolveFlowSettings } from './settings'

export interface FlowRunnerOptions {
  /** The Adobe Pass client (it refreshes the token itself and retries transient failures of one-shot calls; a poll is sent once, the flow's interval being its retry). */
  readonly client: PassClient
  /** Where the provider and profile parts are kept across launches. */
  readonly store: FlowStore
  /** Owns every timer the flow sets. */
  readonly clock: Clock
  /** Poll interval (clamped to ≥ 3000 ms, CL-AUTHN-3), activation URL template, failed-poll limit. */
  readonly settings: FlowSettingsInput
  /**
   * Receives what the runner recovered from (a failed save, a dropped result).
   * @defaultValue a logger that discards everything
   */
  readonly logger?: Logger
  /**
   * A number in [0, 1) for each stamped event: the jitter of automatic retries.
   * @defaultValue Math.random
   */
  readonly random?: () => number
}

export type FlowListener = (state: FlowState) => void

export interface FlowRunner {
  /** Begin at `starting` (once). */
  start(): void
  /**
   * Abort every request, clear every timer, drop every listener (the viewer left the app); the runner
   * cannot be restarted and ignores what is sent after. Store writes already under way finish;
   * nothing is logged out (CL-LOGOUT-R1).
   */
  stop(): void
  /** A viewer intent or a platform signal (hidden/visible/offline/online). */
  send(input: FlowInput): void
  /** Called with every new state; returns the unsubscribe function. */
  subscribe(listener: FlowListener): () => void
  getState(): FlowState
  /** Server time, for the countdown: `activation.notAfter - serverNow()`. */
  serverNow(): number
}

type TimerName = 'poll' | 'expiry' | 'retry'

/** The work owned by one state visit (one epoch). */
interface Scope {
  readonly epoch: number
  readonly controllers: Set<AbortController>
  readonly timers: Map<TimerName, TimerHandle>
  poll: AbortController | null
}

export function createFlowRunner(options: FlowRunnerOptions): FlowRunner {
  const { client, store, clock } = validate(options)
  const logger = options.logger ?? silentLogger
  const random = options.random ?? Math.random
  /** Pending-session writes in the order the machine asked for them (a clear then a save must not swap). */
  let pendingWrites: Promise<void> = Promise.resolve()
  const settings = resolveFlowSettings(options.settings)

  let state: FlowState = initialState(settings)
  let scope = openScope(state.epoch)
  let started = false
  let stopped = false
  const listeners = new Set<FlowListener>()
  const queue: FlowEvent[] = []
  let dispatching = false

  // -- dispatching ------------------------------------------------------------------------------

  /** Events are applied one at a time, in order, even when a listener sends from inside a notification. */
  function dispatch(event: FlowEvent): void {
    if (stopped) return
    queue.push(event)
    if (dispatching) return
    dispatching = true
    try {
      for (let next = queue.shift(); next; next = queue.shift()) step(next)
    } finally {
      dispatching = false
    }
  }

  function step(event: FlowEvent): void {
    if (stopped) return
    const previous = state
    const { state: next, effects } = transition(previous, event)
    if (next.epoch !== previous.epoch) {
      // Leaving a state: its timers and requests end before the next state's effects start
      // (CL-AUTHN-2: the old poll stops before a new session is created).
      closeScope(scope)
      scope = openScope(next.epoch)
    }
    state = next
    for (const effect of effects) perform(effect)
    if (next !== previous) notify()
  }

  function notify(): void {
    const current = state
    for (const listener of [...listeners]) {
      try {
        listener(current)
      } catch (error) {
        logger.warn('flow: a state listener threw', logFieldsOf(error))
      }
    }
  }

  /** Feed a result back only if its state is still the current one (`makeEvent` may make none). */
  function deliver(epoch: number, makeEvent: () => FlowEvent | void): void {
    if (stopped) return
    if (epoch !== state.epoch) {
      logger.debug('flow: dropped a result for a state already left', { epoch, now: state.epoch })
      return
    }
    const event = makeEvent()
    if (event) dispatch(event)
  }

  function stamp(): Stamp {
    return { now: clock.now(), serverNow: client.serverNow(), random: random() }
  }

  // -- effects ----------------------------------------------------------------------------------

  function perform(effect: FlowEffect): void {
    switch (effect.type) {
      case 'loadRemembered':
        return loadRemembered()
      case 'loadProfiles':
        return request(
          (signal) => client.retrieveProfiles({ signal }),
          (profiles) => ({ type: 'profilesLoaded', profiles, ...stamp() }),
          (error) => ({ type: 'loadFailed', error, ...stamp() }),
        )
      case 'loadProfileForMvpd':
        return request(
          (signal) => client.retrieveProfileForMvpd(effect.mvpd, { signal }),
          (profile) => ({ type: 'profileForMvpdLoaded', profile, ...stamp() }),
          (error) => ({ type: 'loadFailed', error, ...stamp() }),
        )
      case 'forgetLastMvpd':
        return void store.forgetLastMvpd().catch(warnWith('flow: could not forget the provider'))
      case 'createSession':
        return request(
          (signal) => client.createSession(effect.mvpd === undefined ? {} : { mvpd: effect.mvpd }, { signal }),
          (session) => ({ type: 'sessionCreated', session, ...stamp() }),
          (error) => ({ type: 'sessionFailed', error, ...stamp() }),
        )
      case 'pollProfileForCode':
        return request(
          (signal) => client.retrieveProfileForCode(effect.code, { signal }),
          (profiles) => ({ type: 'pollSucceeded', profiles, ...stamp() }),
          (error) => ({ type: 'pollFailed', error, ...stamp() }),
          true,
        )
      case 'loadProviders':
        return request(
          (signal) => client.configuration({ signal }),
          (configuration) => ({ type: 'providersLoaded', providers: configuration.mvpds }),
          // Without names the tiles show the provider ids: still usable; the next grid asks again.
          warnWith('flow: configuration unavailable; provider tiles show ids'),
        )
      case 'schedulePoll':
        return setTimer('poll', effect.ms, () => ({ type: 'pollDue' }))
      case 'cancelPoll':
        clearTimer('poll')
        scope.poll?.abort()
        scope.poll = null
        return
      case 'scheduleExpiry':
        // The timer runs on the local clock, but the deadline is server time: convert with the
        // current offset, and the machine re-checks against serverNow when it fires.
        return setTimer('expiry', effect.at - client.serverNow(), () => ({ type: 'expiryDue', ...stamp() }))
      case 'scheduleRetry':
        return setTimer('retry', effect.ms, () => ({ type: 'retryDue', ...stamp() }))
      case 'persistAuthorized':
        return void persistAuthorized(effect.profile, effect.provider)
      case 'savePendingSession': {
        const { session } = effect
        return writePending('save the pending sign-in', () => store.savePendingSession(session))
      }
      case 'clearPendingSession':
        return writePending('clear the pending sign-in', () => store.clearPendingSession())
      case 'rememberSignOut':
        return void store.saveSignedOut(effect.mvpd).catch(warnWith('flow: could not remember the sign-out'))
      case 'forgetSignOut':
        return void store.clearSignedOut().catch(warnWith('flow: could not clear the sign-out'))
      default:
        return assertNever(effect)
    }
  }

  /** A recovered failure, logged by kind (never its message, which may quote a server answer). */
  function warnWith(message: string): (error: unknown) => void {
    return (error) => logger.warn(message, logFieldsOf(error))
  }

  /** `onError` returning nothing: the failure is only logged, the state carries on. */
  function request<T>(
    call: (signal: AbortSignal) => Promise<T>,
    onValue: (value: T) => FlowEvent,
    onError: (error: FlowFailure) => FlowEvent | void,
    isPoll = false,
  ): void {
    const owner = scope
    const controller = new AbortController()
    owner.controllers.add(controller)
    if (isPoll) owner.poll = controller
    const settle = (makeEvent: () => FlowEvent | void): void => {
      owner.controllers.delete(controller)
      if (owner.poll === controller) owner.poll = null
      // Aborted by us (state left, or polling paused): whatever came back is stale.
      if (controller.signal.aborted) return
      deliver(owner.epoch, makeEvent)
    }
    const pending = promiseOf(() => call(controller.signal))
    pending.then(
      (value) => settle(() => onValue(value)),
      (error: unknown) => settle(() => onError(toFlowFailure(error))),
    )
  }

  function setTimer(name: TimerName, ms: number, makeEvent: () => FlowEvent): void {
    const owner = scope
    clearTimer(name)
    // Clamped: a deadline weeks away must not overflow setTimeout into firing at once (a spin).
    const handle = clock.setTimeout(() => {
      owner.timers.delete(name)
      deliver(owner.epoch, makeEvent)
    }, clampTimerMs(ms))
    owner.timers.set(name, handle)
  }

  function clearTimer(name: TimerName): void {
    const handle = scope.timers.get(name)
    if (handle === undefined) return
    clock.clearTimeout(handle)
    scope.timers.delete(name)
  }

  /** Each record read on its own: a broken one reads as absent and the viewer can still sign in. */
  function loadRemembered(): void {
    const epoch = state.epoch
    const read = <T>(what: string, load: () => Promise<T | null>): Promise<T | null> =>
      promiseOf(load).catch((error: unknown) => {
        warnWith(`flow: could not read ${what}`)(error)
        return null
      })
    void Promise.all([
      read('the remembered provider', () => store.loadLastMvpd()),
      read<PendingSession>('the pending sign-in', () => store.loadPendingSession()),
      read('the sign-out', () => store.loadSignedOut()),
    ]).then(([lastMvpd, pending, signedOutOf]) => deliver(epoch, () => ({ type: 'remembered', lastMvpd, pending, signedOutOf, ...stamp() })))
  }

  function writePending(what: string, write: () => Promise<void>): void {
    pendingWrites = pendingWrites.then(() => promiseOf(write)).catch(warnWith(`flow: could not ${what}`))
  }

  /**
   * CL-CFG-2 + CL-AUTHN-4. The provider is remembered the moment its profile is found, before any
   * name is looked up: leaving the app meanwhile must not lose it (the next launch asks for its
   * profile alone). Its name and logo, when not known yet, are stored once the configuration
   * answers. Save failures are logged, never fatal: the viewer is signed in either way.
   */
  async function persistAuthorized(profile: Profile, known: LastMvpd | null): Promise<void> {
    const owner = scope
    const { mvpd, attributes, notAfter } = profile
    const first = known ?? byId(mvpd)
    const saved = Promise.all([
      store.saveProfileParts({ mvpd, attributes, notAfter }).catch(warnWith('flow: could not save the profile parts')),
      store.saveLastMvpd(first).catch(warnWith('flow: could not save the provider')),
    ])
    const named = isNamed(first) ? null : await providerFromConfiguration(mvpd, owner)
    await saved
    const provider = named ?? first
    if (named) await store.saveLastMvpd(named).catch(warnWith('flow: could not save the provider'))
    deliver(owner.epoch, () => ({ type: 'persisted', provider }))
  }

  /** CL-CFG-1: the configuration is fetched only here, when the provider's name is not already known; null without it. */
  async function providerFromConfiguration(mvpd: string, owner: Scope): Promise<LastMvpd | null> {
    const controller = new AbortController()
    owner.controllers.add(controller)
    try {
      const configuration = await client.configuration({ signal: controller.signal })
      const entry = configuration.mvpds.find((candidate) => candidate.id === mvpd)
      if (entry) return rememberedProvider(entry)
      logger.warn('flow: the provider is not in the configuration; remembering it by id', { mvpd })
    } catch (error) {
      warnWith('flow: could not read the configuration; remembering the provider by id')(error)
    } finally {
      owner.controllers.delete(controller)
    }
    return null
  }

  // -- scopes -----------------------------------------------------------------------------------

  function openScope(epoch: number): Scope {
    return { epoch, controllers: new Set(), timers: new Map(), poll: null }
  }

  function closeScope(closing: Scope): void {
    for (const handle of closing.timers.values()) clock.clearTimeout(handle)
    closing.timers.clear()
    for (const controller of closing.controllers) controller.abort()
    closing.controllers.clear()
    closing.poll = null
  }

  // -- public surface ---------------------------------------------------------------------------

  return {
    start() {
      if (started || stopped) return
      started = true
      dispatch({ type: 'launch' })
      // A returning viewer's first screen need not wait for IndexedDB: the quick copy's provider is
      // drawn while the real reads run (dropped if they answer first: the epoch has moved on).
      const epoch = state.epoch
      const peek = store.peekReturningProvider
      if (peek) {
        promiseOf(() => peek.call(store)).then((mvpd) => {
          if (mvpd) deliver(epoch, () => ({ type: 'providerHint', mvpd }))
        }, warnWith('flow: could not peek at the remembered provider'))
      }
    },
    stop() {
      if (stopped) return
      stopped = true
      queue.length = 0
      closeScope(scope)
      listeners.clear()
    },
    send(input) {
      // Time-dependent signals get a stamp here so the machine stays pure.
      switch (input.type) {
        case 'visible':
        case 'online':
        case 'offline':
        case 'newCode':
        case 'tryAgain':
          return dispatch({ type: input.type, ...stamp() })
        default:
          return dispatch(input)
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    getState: () => state,
    serverNow: () => client.serverNow(),
  }
}

/** A provider known by its id alone: the id still lets the next launch ask for this provider's profile. */
function byId(mvpd: string): LastMvpd {
  return { id: mvpd, displayName: mvpd }
}

/** Whether the provider has a name of its own (one remembered by id alone is named again from the configuration). */
function isNamed(provider: LastMvpd): boolean {
  return provider.logoUrl !== undefined || (provider.displayName.trim() !== '' && provider.displayName !== provider.id)
}

function validate(options: FlowRunnerOptions): FlowRunnerOptions {
  const missing = (['client', 'store', 'clock', 'settings'] as const).filter((key) => !options?.[key])
  if (missing.length > 0) {
    throw new TypeError(`createFlowRunner: missing option(s) ${missing.join(', ')} (see FlowRunnerOptions in src/core/flow/runner.ts)`)
  }
  return options
}
