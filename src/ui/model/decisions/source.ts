/**
 * The app's screen source once decisions are wired in: the sign-in screens as they are, except that
 * while the flow is `authorized` the decisions logic fills the decisions screen (badges, notices) or
 * shows the player stand-in. It opens a decisions visit when the flow enters `authorized` and closes
 * it when the flow leaves (late answers are dropped), and routes the decisions intents: play, close
 * the player and sign out to the decisions logic, switch provider to the flow.
 */
import type { DecisionsController, FlowRunner } from '../../../core'
import { presentDecisions } from './present'
import type { UiIntent } from '../intents'
import type { Screen, ScreenSource } from '../screen'

export interface DecisionsScreensOptions {
  /** The sign-in screens (present.ts over the flow). */
  readonly signIn: ScreenSource
  readonly runner: Pick<FlowRunner, 'getState' | 'send'>
  readonly decisions: DecisionsController
}

export interface DecisionsScreens extends ScreenSource {
  /**
   * Releases its subscriptions (the sign-in screens' and the decisions logic's) and closes the
   * decisions visit, aborting its requests. The sign-in screens and the runner have their own owners.
   */
  dispose(): void
}

export function createDecisionsScreens(options: DecisionsScreensOptions): DecisionsScreens {
  const { signIn, runner, decisions } = options
  const listeners = new Set<(screen: Screen) => void>()
  let base: Screen | undefined
  let latest: Screen | undefined

  const render = (): void => {
    if (!base) return
    latest = base.route === 'decisions' ? presentDecisions(base.view, decisions.getState()) : base
    for (const listener of [...listeners]) listener(latest)
  }

  /** One visit per entry into `authorized` (its epoch): back from the player keeps the row as it was. */
  const follow = (): void => {
    const state = runner.getState()
    if (state.kind === 'authorized') decisions.open({ key: `flow-${state.epoch}`, mvpd: state.profile.mvpd })
    else decisions.close()
  }

  const unsubscribeDecisions = decisions.subscribe(render)
  const unsubscribeSignIn = signIn.subscribe((screen) => {
    base = screen
    follow()
    render()
  })

  return {
    subscribe(listener) {
      listeners.add(listener)
      if (latest) listener(latest)
      return () => listeners.delete(listener)
    },
    dispatch(intent: UiIntent) {
      switch (intent.type) {
        case 'play':
          return decisions.play(intent.resource)
        case 'closePlayer':
          return decisions.closePlayer()
        case 'cancelPlay':
          return decisions.cancelPlay()
        case 'signOut':
          return decisions.signOut()
        case 'switchProvider':
          return runner.send({ type: 'switchProvider' })
        default:
          return signIn.dispatch(intent)
      }
    },
    dispose() {
      unsubscribeSignIn()
      unsubscribeDecisions()
      decisions.close()
      listeners.clear()
    },
  }
}
