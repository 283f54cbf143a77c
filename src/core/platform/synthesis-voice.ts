/**
 * The Web Speech API voice (`speechSynthesis`), used on Tizen and in browsers (docs/architecture.md
 * "Voice guidance"). Each utterance carries its language and, where the engine lists one, a voice of
 * that language: 'es-US', else any 'es-*'; with none, `utterance.lang` alone picks the engine's.
 * Globals are read at each call, so a missing or throwing API leaves a voice that says nothing.
 */
import { callSafely, read, type PlatformGlobals, type Voice } from './platform'

/** 'es_US', 'es-us' and 'es-US' alike. */
function normalTag(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/_/g, '-').toLowerCase() : ''
}

/** The engine's voice for `lang`: the same tag first, then the same language; the engine's default among equals. */
export function pickVoice(voices: unknown, lang: string): unknown {
  if (!Array.isArray(voices)) return undefined
  const wanted = normalTag(lang)
  const language = wanted.split('-')[0]
  const best = (matches: readonly unknown[]): unknown => matches.find((v) => read(v, 'default') === true) ?? matches[0]
  const list = voices as readonly unknown[]
  return best(list.filter((v) => normalTag(read(v, 'lang')) === wanted)) ?? best(list.filter((v) => normalTag(read(v, 'lang')).split('-')[0] === language))
}

type UtteranceLike = Record<string, unknown>

export function createSynthesisVoice(globals: PlatformGlobals): Voice {
  // Utterances still speaking, kept referenced: engines that drop a collected utterance never end it.
  const pending = new Set<() => void>()
  const cancel = (): void => {
    callSafely(globals, 'speechSynthesis.cancel')
    for (const done of Array.from(pending)) done()
  }
  const speak = (text: string, options: { readonly lang: string; readonly interrupt: boolean }): Promise<void> => {
    const synth = read(globals, 'speechSynthesis')
    const Utterance = read(globals, 'SpeechSynthesisUtterance')
    if (typeof read(synth, 'speak') !== 'function' || typeof Utterance !== 'function') return Promise.resolve()
    if (options.interrupt) cancel()
    return new Promise<void>((resolve) => {
      let settled = false
      const done = (): void => {
        if (settled) return
        settled = true
        pending.delete(done)
        resolve()
      }
      try {
        const utterance = new (Utterance as new (text: string) => UtteranceLike)(text)
        utterance.lang = options.lang
        const voice = pickVoice(callSafely(synth, 'getVoices'), options.lang)
        if (voice !== undefined) utterance.voice = voice
        utterance.onend = done
        utterance.onerror = done
        pending.add(done)
        ;(read(synth, 'speak') as (u: UtteranceLike) => void).call(synth, utterance)
      } catch {
        done()
      }
    })
  }
  return { speak, cancel }
}
