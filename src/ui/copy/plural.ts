/**
 * Plural categories by hand: Chromium 53 (the oldest TVs) has no Intl.PluralRules. English and
 * Spanish both use "one" for exactly 1 and "other" for the rest of the whole numbers the copy counts
 * (CLDR plural rules, https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
 */
import type { Language } from './language'

export type PluralCategory = 'one' | 'other'

export interface PluralForms {
  readonly one: string
  readonly other: string
}

const rules: Record<Language, (n: number) => PluralCategory> = {
  en: (n) => (n === 1 ? 'one' : 'other'),
  es: (n) => (n === 1 ? 'one' : 'other'),
}

export function pluralCategory(language: Language, n: number): PluralCategory {
  return rules[language](n)
}

/** The form for `n`, with `{n}` replaced by the number: plural('es', 29, { one: '{n} día', other: '{n} días' }). */
export function plural(language: Language, n: number, forms: PluralForms): string {
  return forms[pluralCategory(language, n)].replace('{n}', String(n))
}
