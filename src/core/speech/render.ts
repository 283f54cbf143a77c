/**
 * How an announcement becomes utterances (docs/architecture.md "Voice guidance"): text parts between
 * pauses are joined into one utterance, so a voice that queues on its own (webOS) keeps them
 * together; a pause ends the sentence and waits on the clock; a spelled code is said one character
 * at a time.
 */
import { looksSecret, unspellable } from './secret'
import type { Announcement, SpeechPart } from './types'

export type SaidPart = string | { readonly spell: string }

/** One utterance, rendered at speak time (its language is read then), or a silence. */
export type Step = { readonly say: readonly SaidPart[]; readonly endsSentence: boolean } | { readonly gap: number }

function isPause(part: SpeechPart): part is { readonly pause: number } {
  return typeof part === 'object' && 'pause' in part
}

/** The part as it may be said, or undefined: empty, secret-looking or not a part at all. */
function sayable(part: SpeechPart): SaidPart | undefined {
  if (typeof part === 'string') {
    const text = part.trim()
    return text === '' || looksSecret(text) ? undefined : text
  }
  if (typeof part === 'object' && part !== null && 'spell' in part && typeof part.spell === 'string') {
    return part.spell.trim() === '' || unspellable(part.spell) ? undefined : part
  }
  return undefined
}

/** The steps of an announcement; parts that may not be said are left out (`dropped` counts them). */
export function stepsOf(parts: Announcement): { readonly steps: readonly Step[]; readonly dropped: number } {
  const steps: Step[] = []
  let said: SaidPart[] = []
  let dropped = 0
  const flush = (endsSentence: boolean): void => {
    if (said.length > 0) steps.push({ say: said, endsSentence })
    said = []
  }
  for (const part of parts) {
    if (isPause(part)) {
      if (!(part.pause > 0)) continue
      flush(true)
      steps.push({ gap: part.pause })
      continue
    }
    const ok = sayable(part)
    if (ok === undefined) {
      if (typeof part !== 'string' || part.trim() !== '') dropped += 1
      continue
    }
    said.push(ok)
  }
  flush(false)
  return { steps: steps.some((s) => 'say' in s) ? steps : [], dropped }
}

/** The word marking an upper-case letter in a code that mixes cases. */
function capitalWord(lang: string): string {
  return lang.toLowerCase().startsWith('es') ? 'mayúscula' : 'capital'
}

/**
 * A code said one character at a time: 'JAPC988' → 'J, A, P, C, 9, 8, 8'. Letters are upper case,
 * so the engine names them ('A' is the letter, 'a' would be the article); in a code that mixes
 * cases each upper-case letter is marked ('capital B'). Spaces are left out; the commas give the
 * engine a pause between characters.
 */
export function spell(code: string, lang: string): string {
  const chars = Array.from(code.replace(/\s/g, ''))
  const mixed = chars.some((c) => c !== c.toUpperCase()) && chars.some((c) => c !== c.toLowerCase() && c === c.toUpperCase())
  return chars
    .map((c) => {
      const upper = c.toUpperCase()
      return mixed && c !== c.toLowerCase() && c === upper ? `${capitalWord(lang)} ${upper}` : upper
    })
    .join(', ')
}

const sentenceEnd = /[.!?…:;]$/
const clauseEnd = /[.!?…:;,]$/

/** The text of one utterance: parts joined by commas (a short pause), a full stop before a pause. */
export function textOf(step: { readonly say: readonly SaidPart[]; readonly endsSentence: boolean }, lang: string): string {
  let text = ''
  for (const part of step.say) {
    const piece = typeof part === 'string' ? part : spell(part.spell, lang)
    text = text === '' ? piece : `${text}${clauseEnd.test(text) ? '' : ','} ${piece}`
  }
  return step.endsSentence && !sentenceEnd.test(text) ? `${text}.` : text
}

/** What makes two announcements the same for the duplicate rule. */
export function keyOf(steps: readonly Step[]): string {
  return JSON.stringify(steps)
}
