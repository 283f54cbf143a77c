/**
 * The TV's UI language for the composition root: read once at start-up with a bounded wait, then
 * followed while the app runs; `?lang=` forces one in development and test builds (the same switch
 * as `?platform=`, docs/architecture.md "Platforms"). Tags are passed on raw: which copy language a
 * tag means is the UI's decision.
 */
import { clampTimerMs, type Clock } from '../base/clock'
import { fromCallback, type Platform, type Unsubscribe } from './platform'
import { languageTagOf } from './web'

export interface LanguageOptions {
  /** Longest wait for the platform's answer; after it the language is unknown (null). */
  readonly timeoutMs: number
  /** A forced tag (`?lang=`): answered without asking the platform, and never changed. */
  readonly override?: string
}

/** A tag such as `es`, `en-US` or `es_419`: letters first, then letter/digit subtags. */
const tagPattern = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/

/** The `?lang=` override (development and test builds only), or undefined. */
export function languageOverride(query: string | undefined, allowOverrides: boolean): string | undefined {
  if (!allowOverrides || !query) return undefined
  const match = /[?&]lang=([^&#]*)/.exec(query)
  if (!match) return undefined
  let value: string
  try {
    value = decodeURIComponent(match[1] ?? '')
  } catch {
    return undefined
  }
  return tagPattern.test(value) ? value : undefined
}

/**
 * The platform's language tag, or null when it throws, rejects, answers nothing usable or does not
 * answer within `timeoutMs` on `clock`. Never rejects: a silent TV must not hold the start-up.
 */
export function readLanguage(platform: Platform, clock: Clock, options: LanguageOptions): Promise<string | null> {
  if (options.override !== undefined) return Promise.resolve(options.override)
  return fromCallback<string | null>(clock, clampTimerMs(options.timeoutMs), null, (deliver, failed) => {
    platform.language().then((tag) => deliver(languageTagOf(tag)), failed)
  })
}

/** Follows the platform's language changes; with a forced tag there is nothing to follow. */
export function watchLanguage(platform: Platform, listener: (tag: string | null) => void, options: Pick<LanguageOptions, 'override'> = {}): Unsubscribe {
  if (options.override !== undefined) return () => undefined
  try {
    return platform.onLanguageChange(listener)
  } catch {
    return () => undefined
  }
}
