/**
 * The screen source of the app: follows the sign-in flow, turns each state into a screen (present.ts)
 * and forwards the viewer's intents. Everything it shows comes with the flow's state: it never calls
 * Adobe Pass itself (docs/architecture.md, "Layers").
 */
import type { FlowRunner, PassSettings } from '../../../core'
import { present } from './present'
import type { Screen, ScreenSource } from '../screen'
import type { UiIntent } from '../intents'

export interface SignInScreensOptions {
  readonly runner: Pick<FlowRunner, 'subscribe' | 'getState' | 'send' | 'serverNow'>
  readonly settings: Pick<PassSettings, 'activationUrl' | 'resources'>
  /** Local time (the error screen's automatic retry countdown). */
  readonly now: () => number
  /** Intents the sign-in flow does not own (decisions: play, sign out, switch provider). */
  readonly onOtherIntent?: (intent: UiIntent) => void
}

export interface SignInScreens extends ScreenSource {
  /** Releases the runner subscription and its own listeners (the runner is stopped by its owner). */
  dispose(): void
}

export function createSignInScreens(options: SignInScreensOptions): SignInScreens {
  const { runner, settings } = options
  const listeners = new Set<(screen: Screen) => void>()
  const ctx = { settings, serverNow: () => runner.serverNow(), now: options.now }
  // A screen from the start: subscribers get one at once, even before the flow's first change.
  let latest: Screen = present(runner.getState(), ctx)

  const unsubscribe = runner.subscribe((state) => {
    latest = present(state, ctx)
    for (const listener of [...listeners]) listener(latest)
  })

  return {
    subscribe(listener) {
      listeners.add(listener)
      listener(latest)
      return () => listeners.delete(listener)
    },
    dispatch(intent) {
      switch (intent.type) {
        case 'pickProfile':
        case 'useAnotherProvider':
        case 'signInAgain':
        case 'newCode':
        case 'tryAgain':
        case 'back':
          runner.send(intent)
          return
        default:
          options.onOtherIntent?.(intent)
      }
    },
    dispose() {
      unsubscribe()
      listeners.clear()
    },
  }
}
