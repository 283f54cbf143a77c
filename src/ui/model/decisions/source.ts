/**
 * The app's screen source once decisions are wired in: the sign-in screens as they are, except that
 * while the flow is `authorized` the decisions logic fills the decisions screen (badges, notices) or
 * shows the player stand-in. It opens a decisions visit when the flow enters `authorized` and closes
 * it when the flow leaves (late answers are dropped), and routes the decisions intents: play, close
 * the player and sign out to the decisions logic, switch provider to the flow. While a returning
 * viewer's sign-in is still being confirmed (the screen drawn from the remembered provider), a
 * choice is held and carried out once the flow is `authorized`.
 */
import type { DecisionsController, FlowRunner } from '../../../core'
import { assertNever } from '../../../core'
import { presentConfirming, presentDecisions, type HeldIntent } from './present'
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

  /** A choice made while the sign-in was being confirmed: carried out once it is, dropped if it is not. */
  let held: HeldIntent | undefined

  const confirming = (): boolean => base?.route === 'decisions' && base.view.confirming === true

  const render = (): void => {
    if (!base) return
    if (base.route !== 'decisions') latest = base
    else latest = base.view.confirming ? presentConfirming(base.view, held) : presentDecisions(base.view, decisions.getState())
    for (const listener of [...listeners]) listener(latest)
  }

  const perform = (intent: HeldIntent): void => {
    switch (intent.type) {
      case 'play':
        return decisions.play(intent.resource)
      case 'signOut':
        return decisions.signOut()
      case 'switchProvider':
        return runner.send({ type: 'switchProvider' })
      default:
        return assertNever(intent)
    }
  }

  /** One visit per entry into `authorized` (its epoch): back from the player keeps the row as it was. */
  const follow = (): void => {
    const state = runner.getState()
    if (state.kind === 'authorized') {
      decisions.open({ key: `flow-${state.epoch}`, mvpd: state.profile.mvpd })
      const intent = held
      held = undefined
      if (intent) perform(intent)
    } else {
      decisions.close()
      if (!confirming()) held = undefined
    }
  }

  const holdOrPerform = (intent: HeldIntent): void => {
    if (!confirming()) return perform(intent)
    // The latest choice wins, as a second press would replace the first once signed in.
    held = intent
    render()
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
        case 'signOut':
        case 'switchProvider':
          return holdOrPerform(intent)
        case 'closePlayer':
          return decisions.closePlayer()
        case 'cancelPlay':
          if (held?.type === 'play') {
            held = undefined
            return render()
          }
          return decisions.cancelPlay()
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
