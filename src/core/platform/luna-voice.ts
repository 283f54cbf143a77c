/**
 * The webOS voice: `luna://com.webos.service.tts` `speak {text, clear}`, as Enact's
 * `@enact/webos/speech` readAlert sends it (docs/architecture.md "Voice guidance"); speechSynthesis
 * is silent on webOS TVs. `clear: true` stops what is being said; `clear: false` queues behind it,
 * so the order holds although the service never says when an utterance ends (speak resolves at
 * once). Public webOS apps also pass `language`; a TV that refuses it is asked again without it,
 * and from then on never with it (its TTS then speaks in the TV's menu language, which the app's
 * copy follows). Cancel is the service's `stop` (unverified on a TV: without it the next
 * `clear: true` still cuts off).
 */
import { lunaCall, type LunaCall } from './luna'
import type { PlatformGlobals, Voice } from './platform'

const ttsService = 'luna://com.webos.service.tts'

export function createLunaVoice(globals: PlatformGlobals): Voice {
  let withLanguage = true
  let sent = 0
  // Calls not yet answered, kept referenced so a PalmServiceBridge is not collected mid-call.
  const live = new Set<LunaCall>()
  const send = (method: string, parameters: Readonly<Record<string, unknown>>, failed?: () => void): void => {
    // The service may answer before lunaCall returns (PalmServiceBridge), so the handle is looked up late.
    const held: { call?: LunaCall; answered?: boolean } = {}
    const settle = (): void => {
      held.answered = true
      if (held.call) live.delete(held.call)
    }
    held.call = lunaCall(globals, ttsService, method, parameters, {
      onSuccess: settle,
      onFailure: () => {
        settle()
        failed?.()
      },
    })
    if (held.call && held.answered !== true) live.add(held.call)
  }
  return {
    speak: (text, { lang, interrupt }) => {
      const seq = ++sent
      const parameters = { text, clear: interrupt }
      if (!withLanguage) {
        send('speak', parameters)
        return Promise.resolve()
      }
      send('speak', { ...parameters, language: lang }, () => {
        if (!withLanguage) return
        withLanguage = false
        // Said again only while nothing was sent after it, so the order holds.
        if (seq === sent) send('speak', parameters)
      })
      return Promise.resolve()
    },
    cancel: () => send('stop', {}),
  }
}
