/** Shared fixtures for the flow tests: builders, an in-memory FlowStore and a wired runner. */
import { transition } from '../../src/core/flow/machine'
import { createFlowRunner } from '../../src/core/flow/runner'
import type { FlowRunner } from '../../src/core/flow/runner'
import type { FlowEvent, FlowState, PendingSession, Transition } from '../../src/core/flow/model'
import type { Logger } from '../../src/core/base/logger'
import type { FlowStore } from '../../src/core/flow/ports'
import type { FlowSettings } from '../../src/core/flow/settings'
import { NetworkError, PassError } from '../../src/core/pass/errors'
import type { EnhancedError } from '../../src/core/pass/errors'
import type { CachedProfile, LastMvpd, Profile, Session } from '../../src/core/pass/types'
import { FakeClock, flushPromises } from './fake-clock'
import { FakePassClient } from './fake-pass-client'

export const ACTIVATION_URL = 'https://tv.example/activate?code={code}'
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export const settings: FlowSettings = { pollIntervalMs: 5000, activationUrl: ACTIVATION_URL, maxFailedPolls: 3 }

export function profile(mvpd: string, notAfter: number, extra: Partial<Profile> = {}): Profile {
  return {
    mvpd,
    type: 'regular',
    issuer: mvpd,
    notBefore: 0,
    notAfter,
    attributes: { userID: { value: `user-${mvpd}`, state: 'plain' } },
    ...extra,
  }
}

export function session(code: string | undefined, notAfter: number | undefined, extra: Partial<Session> = {}): Session {
  return {
    actionName: 'resume',
    actionType: 'direct',
    reasonType: 'none',
    ...(code === undefined ? {} : { code }),
    ...(notAfter === undefined ? {} : { notAfter }),
    sessionId: `session-${code ?? 'none'}`,
    serviceProvider: 'MYCHAN',
    missingParameters: ['mvpd'],
    ...extra,
  }
}

export function passError(code: string, action: EnhancedError['action'], status = 400): PassError {
  return new PassError({ status, code, action }, status, 'test')
}

export const exampleCable: LastMvpd = { id: 'ExampleCable', displayName: 'Example Cable', logoUrl: 'https://cdn.example/ec.png' }

/** A FlowStore in memory that records writes and can be told to fail. */
export class MemoryFlowStore implements FlowStore {
  lastMvpd: LastMvpd | null
  parts: CachedProfile | null = null
  pending: PendingSession | null = null
  signedOut: string | null = null
  readonly writes: string[] = []
  failing = false

  constructor(lastMvpd: LastMvpd | null = null) {
    this.lastMvpd = lastMvpd
  }

  /** Every read fails while `failing`. */
  private async read<T>(value: () => T): Promise<T> {
    if (this.failing) throw new Error('store broken')
    return value()
  }

  /** Every write is recorded (failed ones too), then fails while `failing`. */
  private async write(label: string, apply: () => void): Promise<void> {
    this.writes.push(label)
    if (this.failing) throw new Error('store broken')
    apply()
  }

  loadLastMvpd = () => this.read(() => this.lastMvpd)
  saveLastMvpd = (mvpd: LastMvpd) => this.write(`saveLastMvpd:${mvpd.id}`, () => (this.lastMvpd = mvpd))
  forgetLastMvpd = () => this.write('forgetLastMvpd', () => (this.lastMvpd = null))
  saveProfileParts = (parts: CachedProfile) => this.write(`saveProfileParts:${parts.mvpd}`, () => (this.parts = parts))
  loadPendingSession = () => this.read(() => this.pending)
  savePendingSession = (session: PendingSession) => this.write(`savePendingSession:${session.code}`, () => (this.pending = session))
  clearPendingSession = () => this.write('clearPendingSession', () => (this.pending = null))
  loadSignedOut = () => this.read(() => this.signedOut)
  saveSignedOut = (mvpd: string) => this.write(`saveSignedOut:${mvpd}`, () => (this.signedOut = mvpd))
  clearSignedOut = () => this.write('clearSignedOut', () => (this.signedOut = null))
}

export interface Harness {
  readonly clock: FakeClock
  readonly client: FakePassClient
  readonly store: MemoryFlowStore
  readonly runner: FlowRunner
  readonly states: FlowState[]
  readonly warnings: string[]
  /** start() and let the store answer. */
  launch(): Promise<void>
  /** The current state, narrowed to `kind` (fails the test when the flow is elsewhere). */
  state<K extends FlowState['kind']>(kind: K): Extract<FlowState, { kind: K }>
}

export interface HarnessOptions {
  readonly lastMvpd?: LastMvpd | null
  /** Local clock at the start. */
  readonly startAt?: number
  /** Server time minus local time. */
  readonly serverOffsetMs?: number
  readonly pollIntervalMs?: number
  /** false: the fake transport ignores aborts, so only the runner's epoch check can drop late answers. */
  readonly honorAbort?: boolean
  /** true: the runner's clearTimeout does nothing (an unreliable platform), so cleared timers still fire. */
  readonly leakyTimers?: boolean
  /** A delay over 2^31 - 1 ms fires at once, as in browsers. */
  readonly overflowLikeBrowsers?: boolean
  /** What the store holds at launch. */
  readonly pending?: PendingSession | null
  readonly signedOut?: string | null
}

export function setup(options: HarnessOptions = {}): Harness {
  const clock = new FakeClock(options.startAt ?? 1_000_000, { overflowLikeBrowsers: options.overflowLikeBrowsers ?? false })
  const client = new FakePassClient(clock, {
    serverOffsetMs: options.serverOffsetMs ?? 0,
    honorAbort: options.honorAbort ?? true,
  })
  const store = new MemoryFlowStore(options.lastMvpd ?? null)
  store.pending = options.pending ?? null
  store.signedOut = options.signedOut ?? null
  const warnings: string[] = []
  const logger: Logger = { debug: () => undefined, warn: (message) => void warnings.push(message) }
  const runner = createFlowRunner({
    client,
    store,
    clock: options.leakyTimers ? { now: () => clock.now(), setTimeout: (cb, ms) => clock.setTimeout(cb, ms), clearTimeout: () => undefined } : clock,
    logger,
    settings: { activationUrl: ACTIVATION_URL, pollIntervalMs: options.pollIntervalMs ?? 5000 },
    // Jitter at its middle: retry times are exact in tests.
    random: () => 0.5,
  })
  const states: FlowState[] = []
  runner.subscribe((state) => states.push(state))
  return {
    clock,
    client,
    store,
    runner,
    states,
    warnings,
    async launch() {
      runner.start()
      await flushPromises()
    },
    state(kind) {
      const current = runner.getState()
      expect(current.kind).toBe(kind)
      return current as Extract<FlowState, { kind: typeof kind }>
    },
  }
}

/** Launch and answer the profiles with none: without a remembered provider, a session is being created. */
export async function launchWithNoProfiles(h: Harness): Promise<void> {
  await h.launch()
  h.client.last('retrieveProfiles').resolve([])
  await flushPromises()
}

/** Launch and answer the remembered provider's profile with none: usually the reauth screen. */
export async function launchWithNoProfileForProvider(h: Harness): Promise<void> {
  await h.launch()
  h.client.last('retrieveProfileForMvpd').resolve(null)
  await flushPromises()
}

/**
 * Launch without a remembered provider and no profile, answer the session with `code`, valid for
 * `lifetimeMs` of server time: the activation screen with the code shown.
 */
export async function showCode(h: Harness, code = 'ABC1234', lifetimeMs = 30 * 60_000): Promise<void> {
  await launchWithNoProfiles(h)
  h.client.last('createSession').resolve(session(code, h.client.serverNow() + lifetimeMs))
  await flushPromises()
}

/** showCode, then every poll answers "not signed in yet". The local time the code was shown. */
export async function showCodeAndPoll(h: Harness, code?: string, lifetimeMs?: number): Promise<number> {
  await showCode(h, code, lifetimeMs)
  const shownAt = h.clock.now()
  h.client.on('retrieveProfileForCode', () => [])
  return shownAt
}

/** From the reauth screen: "Sign in again", the session answered with `code` valid for `lifetimeMs`. */
export async function signInAgainWithCode(h: Harness, code = 'ABC1234', lifetimeMs = 30 * 60_000): Promise<void> {
  h.runner.send({ type: 'signInAgain' })
  h.client.last('createSession').resolve(session(code, h.client.serverNow() + lifetimeMs))
  await flushPromises()
}

/** With a code shown: every poll fails on the network until the runner gives up (three intervals). */
export async function failPollsOnNetwork(h: Harness): Promise<Extract<FlowState, { kind: 'failed' }>> {
  h.client.on('retrieveProfileForCode', () => Promise.reject(new NetworkError('poll')))
  await h.clock.advance(15_000)
  return h.state('failed')
}

/** Local times at which the code was polled, relative to `from`. */
export function pollTimes(h: Harness, from: number, code?: string): number[] {
  return h.client
    .callsTo('retrieveProfileForCode')
    .filter((call) => code === undefined || call.args[0] === code)
    .map((call) => call.at - from)
}

/** Machine tests' clock: local 5 000 ms, server time T0. */
export const T0 = 1_700_000_000_000
export const stamp = { now: 5_000, serverNow: T0, random: 0.5 }

/** Applies events in order to the pure machine; the last transition (its state and effects). */
export function run(state: FlowState, ...events: FlowEvent[]): Transition {
  let result: Transition = { state, effects: [] }
  for (const event of events) result = transition(result.state, event)
  return result
}

export function expectKind<K extends FlowState['kind']>(state: FlowState, kind: K): Extract<FlowState, { kind: K }> {
  expect(state.kind).toBe(kind)
  return state as Extract<FlowState, { kind: K }>
}
