/** Screens as the flow publishes them, shared by the tests that mount the whole App. */
import type { Screen } from '../../src/ui/model/screen'

export const reauthScreen: Screen = { route: 'reauth', view: { providerName: 'Riverside Cable' } }

export const playerScreen: Screen = {
  route: 'player',
  view: { title: 'Sports', headline: 'Playback would start now', validity: 'for 7 minutes' },
}

/** A code on screen with its 30-minute countdown; `canGoBack` when the viewer came from another screen. */
export const activationScreen = (canGoBack = false): Screen => ({
  route: 'activation',
  view: {
    code: 'ABC1234',
    displayUrl: '127.0.0.1:4000/activate',
    qrUrl: 'http://127.0.0.1:4000/activate?code=ABC1234',
    notAfter: 1_800_000,
    expired: false,
    busy: false,
    newCodeAt: 0,
    now: () => 0,
    canGoBack,
  },
})
