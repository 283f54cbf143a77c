/**
 * The screen source of the app: follows the sign-in flow, turns each state into a screen (present.ts)
 * and forwards the viewer's intents. Provider names for the grid come from the configuration, asked
 * for only when the viewer must choose among providers (CL-CFG-1) and cached by the client (CL-CFG-R1).
 */
import type { FlowRunner, FlowState, Mvpd, PassClient, PassSettings } from '../../../core'
import { present } from './present'
import type { Screen, ScreenSource } from '../screen'
import type { UiIntent } from '../intents'

export interface SignInScreensOptions {
  readonly runner: FlowRunner
  readonly client: Pick<PassClient, 'configuration'>
  readonly settings: Pick<PassSettings, 'activationUrl' | 'resources'>
  /** Local time (the error screen's automatic retry countdown). */
  readonly now: () => number
  /** Intents the sign-in flow does not own (decisions: play, sign out, switch provider). */
  readonly onOtherIntent?: (intent: UiIntent) => void
  readonly warn?: (message: string) => void
}

export interface SignInScreens extends ScreenSource {
  /** Stops listening to the runner (the runner itself is stopped by its owner). */
  stop(): void
}

export function createSignInScreens(options: SignInScreensOptions): SignInScreens {
  const { runner, client, settings } = options
  const listeners = new Set<(screen: Screen) => void>()
  const names = new Map<string, Mvpd>()
  let namesRequested = false
  let latest: Screen | undefined

  const render = (state: FlowState): void => {
    latest = present(state, { settings, names, serverNow: () => runner.serverNow(), now: options.now })
    for (const listener of listeners) listener(latest)
  }

  const needNames = (state: FlowState): boolean =>
    state.kind === 'choosing' && state.profiles.some((p) => !names.has(p.mvpd) && state.lastMvpd?.id !== p.mvpd)

  const loadNames = (): void => {
    if (namesRequested) return
    namesRequested = true
    client.configuration().then(
      (config) => {
        for (const mvpd of config.mvpds) names.set(mvpd.id, mvpd)
        render(runner.getState())
      },
      // Without names the tiles show provider ids: still usable. Ask again the next time a grid needs names.
      () => {
        namesRequested = false
        options.warn?.('configuration unavailable: provider tiles show ids')
      },
    )
  }

  const unsubscribe = runner.subscribe((state) => {
    if (needNames(state)) loadNames()
    render(state)
  })

  return {
    subscribe(listener) {
      listeners.add(listener)
      if (latest) listener(latest)
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
    stop() {
      unsubscribe()
      listeners.clear()
    },
  }
}
