/**
 * The decisions screen's logic (authorization and logout, docs/adobe-pass.md), framework-free. One
 * controller lives as long as the app; each sign-in the viewer reaches is a *visit* (`open`), and
 * leaving it (`close`) aborts the visit's requests and drops any result that still arrives
 * (docs/architecture.md, "Flow").
 *
 * Requests per viewer action, at the minimum Adobe's checklist allows (docs/adobe-pass.md):
 * - the row: one preauthorize per visit for all configured resources (the client sends at most 5 per
 *   call and keeps permits in memory: CL-PREAUTHZ-3); badges only, never a playback decision
 *   (CL-PREAUTHZ-1);
 * - each play: one authorize for that resource, every time, nothing cached (CL-AUTHZ-1);
 * - sign out: one logout, only when the viewer asks (CL-LOGOUT-R1).
 *
 * Retries: the client retries `retry` actions (request or item), 5xx and 429 at most 2 more times in all, with backoff
 * on the injected clock (CL-PREAUTHZ-2, CL-AUTHZ-2); this controller adds none on top, so a failing
 * decision costs at most 3 requests and then shows what the viewer can do. A new try is the viewer's
 * own choice (OK again), never a loop.
 */
import { silentLogger, type Logger } from '../base/logger'
import { logFieldsOf } from '../flow/failure'
import type { SignOutOutcome } from '../flow/model'
import { isPassClientError, type PassClientError } from '../pass/errors'
import type { Decision, PassClient } from '../pass/types'
import { badgeOf, deniedBadge, denyReason, needsAuthentication, signOutOutcome } from './classify'
import type { DecisionItem, DecisionsState, PlayState } from './model'
import { promiseOf } from '../base/promise'

export interface DecisionsResource {
  readonly id: string
  readonly title: string
}

export interface DecisionsControllerOptions {
  readonly client: Pick<PassClient, 'preauthorize' | 'authorize' | 'logout' | 'serverNow'>
  /** The titles of the row (settings `pass.resources`), in order. */
  readonly resources: readonly DecisionsResource[]
  /** A decision answered action `authentication`: the sign-in flow must re-authenticate (CL-AUTHZ-2). */
  readonly onReauthenticate: () => void
  /** The viewer's logout finished; the sign-in flow moves on (CL-LOGOUT-1). */
  readonly onSignedOut: (outcome: SignOutOutcome) => void
  /** @defaultValue a logger that discards everything */
  readonly logger?: Logger
}

/** Identifies one visit: the same key again (e.g. back from the player) keeps the row as it was. */
export interface DecisionsVisit {
  readonly key: string
  readonly mvpd: string
}

export type DecisionsListener = (state: DecisionsState) => void

export interface DecisionsController {
  /** Start a visit (a new key asks preauthorization once for the row); the same key is a no-op. */
  open(visit: DecisionsVisit): void
  /** Leave the visit: abort its requests, drop late results. */
  close(): void
  /** Authorize this resource now (CL-AUTHZ-1). Ignored while another play or a sign-out runs. */
  play(resource: string): void
  /** Back from the player stand-in or dismiss a deny: the row again, with nothing pending. */
  closePlayer(): void
  /** Back while a play is being authorized: abort that request; its answer, if any, is dropped. */
  cancelPlay(): void
  /** The viewer asked to sign out (CL-LOGOUT-R1). */
  signOut(): void
  getState(): DecisionsState
  subscribe(listener: DecisionsListener): () => void
}

const idle: DecisionsState = { mvpd: null, items: [], play: { kind: 'idle' }, signOut: { kind: 'idle' } }

export function createDecisionsController(options: DecisionsControllerOptions): DecisionsController {
  const { client, resources } = options
  const logger = options.logger ?? silentLogger
  const listeners = new Set<DecisionsListener>()
  /** The authorize request of the play in progress (Back may cancel it). */
  let playRequest: AbortController | undefined
  let state: DecisionsState = idle
  let visit: { key: string; mvpd: string; epoch: number; controllers: Set<AbortController> } | null = null
  let epoch = 0

  function set(next: DecisionsState): void {
    state = next
    for (const listener of [...listeners]) {
      try {
        listener(state)
      } catch (error) {
        // One broken listener must not stop the others or the request that produced this state.
        logger.warn('decisions: a listener threw', logFieldsOf(error))
      }
    }
  }

  function setItems(update: (item: DecisionItem) => DecisionItem): void {
    set({ ...state, items: state.items.map(update) })
  }

  /** Runs `call` for the current visit; `onValue`/`onError` only run while that visit is current. */
  function run<T>(
    call: (signal: AbortSignal) => Promise<T>,
    onValue: (value: T) => void,
    onError: (error: PassClientError | { kind: 'unexpected' }) => void,
  ): AbortController | undefined {
    const owner = visit
    if (!owner) return undefined
    const controller = new AbortController()
    owner.controllers.add(controller)
    const current = (): boolean => {
      owner.controllers.delete(controller)
      if (controller.signal.aborted || visit !== owner || owner.epoch !== epoch) {
        logger.debug('decisions: dropped a result for a visit already left', {})
        return false
      }
      return true
    }
    const pending = promiseOf(() => call(controller.signal))
    pending.then(
      (value) => {
        if (current()) onValue(value)
      },
      (error: unknown) => {
        if (!current()) return
        if (isPassClientError(error)) {
          if (error.kind !== 'cancelled') onError(error)
          return
        }
        logger.warn('decisions: a request failed unexpectedly', logFieldsOf(error))
        onError({ kind: 'unexpected' })
      },
    )
    return controller
  }

  function preauthorize(mvpd: string): void {
    run(
      (signal) =>
        client.preauthorize(
          mvpd,
          resources.map((r) => r.id),
          { signal },
        ),
      (decisions: Decision[]) => setItems((item) => ({ ...item, badge: badgeOf(decisions.find((d) => d.resource === item.id)) })),
      (error) => {
        // CL-PREAUTHZ-2 by action: authentication means the profile is gone (sign in again); anything
        // else leaves the badges unknown, with no further request (the viewer can still press OK).
        if (error.kind === 'pass' && needsAuthentication(error)) {
          options.onReauthenticate()
          return
        }
        setItems((item) => ({ ...item, badge: item.badge === 'checking' ? 'unknown' : item.badge }))
      },
    )
  }

  function onDecision(resource: string, decision: Decision): void {
    if (decision.authorized) {
      const token = decision.token
      if (!token) {
        setPlay({ kind: 'failed', resource, error: { kind: 'noMediaToken' } })
        return
      }
      setItems((item) => (item.id === resource ? { ...item, badge: 'included' } : item))
      setPlay({ kind: 'permitted', resource, tokenNotAfter: token.notAfter, receivedAt: client.serverNow(), source: decision.source })
      return
    }
    // CL-AUTHZ-2: driven by action. authentication → re-authentication with the cached provider.
    if (needsAuthentication(decision.error)) {
      setPlay({ kind: 'idle' })
      options.onReauthenticate()
      return
    }
    const reason = denyReason(decision.error)
    const badge = deniedBadge(reason)
    if (badge) setItems((item) => (item.id === resource ? { ...item, badge } : item))
    // CL-AUTHZ-R2: clear feedback; the error (message, details, code, trace) goes to the screen.
    setPlay(decision.error ? { kind: 'denied', resource, reason, error: decision.error } : { kind: 'denied', resource, reason })
  }

  function setPlay(play: PlayState): void {
    set({ ...state, play })
  }

  return {
    open(next) {
      if (visit && visit.key === next.key && visit.mvpd === next.mvpd) return
      this.close()
      epoch += 1
      visit = { key: next.key, mvpd: next.mvpd, epoch, controllers: new Set() }
      set({
        mvpd: next.mvpd,
        items: resources.map((r) => ({ id: r.id, title: r.title, badge: 'checking' })),
        play: { kind: 'idle' },
        signOut: { kind: 'idle' },
      })
      preauthorize(next.mvpd)
    },
    close() {
      if (!visit) return
      for (const controller of visit.controllers) controller.abort()
      visit.controllers.clear()
      visit = null
      epoch += 1
      set(idle)
    },
    play(resource) {
      const owner = visit
      if (!owner || state.play.kind === 'authorizing' || state.signOut.kind === 'signingOut') return
      if (!resources.some((r) => r.id === resource)) return
      setPlay({ kind: 'authorizing', resource })
      playRequest = run(
        (signal) => client.authorize(owner.mvpd, resource, { signal }),
        (decision) => onDecision(resource, decision),
        (error) => {
          // A request-level authentication error (403 authenticated_profile_*) means the same as an item one.
          if (error.kind === 'pass' && needsAuthentication(error)) {
            setPlay({ kind: 'idle' })
            options.onReauthenticate()
            return
          }
          if (error.kind === 'pass' && error.httpStatus < 500 && error.action !== 'retry') {
            setPlay({ kind: 'denied', resource, reason: denyReason(error), error: { ...error, message: error.serverMessage } })
            return
          }
          setPlay({ kind: 'failed', resource, error })
        },
      )
    },
    cancelPlay() {
      if (state.play.kind !== 'authorizing') return
      playRequest?.abort()
      playRequest = undefined
      setPlay({ kind: 'idle' })
    },
    closePlayer() {
      if (state.play.kind === 'authorizing' || state.play.kind === 'idle') return
      setPlay({ kind: 'idle' })
    },
    signOut() {
      const owner = visit
      if (!owner || state.signOut.kind === 'signingOut') return
      // A play still being authorized is of no use once the viewer leaves: abort it.
      for (const controller of owner.controllers) controller.abort()
      owner.controllers.clear()
      set({
        ...state,
        play: { kind: 'idle' },
        items: state.items.map((i) => (i.badge === 'checking' ? { ...i, badge: 'unknown' } : i)),
        signOut: { kind: 'signingOut' },
      })
      run(
        (signal) => client.logout(owner.mvpd, { signal }),
        (entries) => {
          set({ ...state, signOut: { kind: 'idle' } })
          options.onSignedOut(signOutOutcome(entries))
        },
        (error) => set({ ...state, signOut: { kind: 'failed', error } }),
      )
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
