/** The languages the copy is written in; English is the fallback for every other tag. */
export type Language = 'en' | 'es'

/**
 * The copy's language for a BCP 47 tag or a platform locale ('es-US', 'es_419', 'ES'): Spanish for
 * any Spanish tag, English for everything else, an empty tag included.
 */
export function languageOf(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().split(/[-_]/)[0]?.toLowerCase()
  return primary === 'es' ? 'es' : 'en'
}
