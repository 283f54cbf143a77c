/** Screens that need no flow: shown when the app cannot even start its sign-in. */
import type { ScreenSource } from './screen'
import { copy, failureCopy } from '../copy'

export const staticScreens = {
  configurationError(): ScreenSource {
    return {
      subscribe(listener) {
        listener({
          route: 'error',
          view: { ...failureCopy.configuration, reference: 'invalid_settings', actionLabel: copy.error.tryAgain },
        })
        return () => undefined
      },
      // "Try again" reloads: the settings may have been fixed (development) or a new version installed.
      dispatch(intent) {
        if (intent.type === 'tryAgain') location.reload()
      },
    }
  },
}
