/**
 * The copy in the TV's language (docs/architecture.md, "Screens"). `copy` is a live binding: after
 * `setLanguage` every lookup, and so the next screen shown, reads the new language's table.
 */
import { en, type Copy } from './en'
import { es } from './es'
import type { Language } from './language'

export type { Copy, FailureCopy } from './en'
export { languageOf, type Language } from './language'
export { countdown } from './durations'

const tables: Readonly<Record<Language, Copy>> = { en, es }

let language: Language = 'en'

export let copy: Copy = en

/** Words for each failure the flow can show, in the current language. */
export let failureCopy: Copy['failure'] = en.failure

export function setLanguage(next: Language): void {
  language = next
  copy = tables[next]
  failureCopy = copy.failure
}

export function currentLanguage(): Language {
  return language
}

/** Validity in words: "29 days left", "quedan 29 días". */
export function validityInWords(msLeft: number): string {
  return copy.time.validity(msLeft)
}

/** A duration ahead in words, to the nearest minute: "7 minutes", "7 minutos"; null under half a minute. */
export function durationInWords(msLeft: number): string | null {
  return copy.time.duration(msLeft)
}
