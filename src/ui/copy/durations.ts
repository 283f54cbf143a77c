/**
 * How a length of time is rounded before it is put into words, the same in every language; each
 * language's table words the result (docs/architecture.md, "Screens": times in words).
 */

export type TimeUnit = 'day' | 'hour' | 'minute'

/** A profile's validity: whole days from 1 day, whole hours from 1 hour, minutes from 2; `lessThanTwoMinutes` below. */
export type ValidityAmount = { readonly unit: TimeUnit; readonly n: number } | { readonly unit: 'lessThanTwoMinutes' }

export function validityAmount(msLeft: number): ValidityAmount {
  const minutes = Math.max(0, Math.floor(msLeft / 60000))
  if (minutes >= 60 * 24) return { unit: 'day', n: Math.floor(minutes / (60 * 24)) }
  if (minutes >= 60) return { unit: 'hour', n: Math.floor(minutes / 60) }
  if (minutes >= 2) return { unit: 'minute', n: minutes }
  return { unit: 'lessThanTwoMinutes' }
}

/** A duration ahead, to the nearest minute (hours from 60 minutes); null under half a minute. */
export function durationAmount(msLeft: number): { readonly unit: 'hour' | 'minute'; readonly n: number } | null {
  const minutes = Math.round(msLeft / 60000)
  if (minutes < 1) return null
  if (minutes >= 60) return { unit: 'hour', n: Math.floor(minutes / 60) }
  return { unit: 'minute', n: minutes }
}

/** Countdown text "29:41" (minutes:seconds), the same in both languages; never negative. Rounded down, so a 30-minute code never reads 30:01. */
export function countdown(msLeft: number): string {
  const total = Math.max(0, Math.floor(msLeft / 1000))
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${s < 10 ? '0' : ''}${s}`
}
