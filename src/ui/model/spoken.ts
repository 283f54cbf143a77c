/**
 * Words voice guidance says that the screen does not spell out (docs/architecture.md "Voice
 * guidance"): the activation address as a person reads it, the code to spell, and when the time
 * left is worth saying. Pure: the pages put these into their announcements.
 */
import type { Announcement } from '../../core'
import { copy } from '../copy'
import type { ActivationView } from './views'

/** A short pause between sentences of one announcement. */
export const SENTENCE_PAUSE_MS = 300

/** "127.0.0.1:4000/activate" → "127 dot 0 dot 0 dot 1 colon 4000 slash activate"; a scheme is dropped. */
export function spokenAddress(url: string): string {
  const words = copy.spoken
  const symbol: Readonly<Record<string, string>> = { '.': words.dot, '/': words.slash, ':': words.colon }
  return url
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/+$/, '')
    .split(/([./:])/)
    .filter((part) => part !== '')
    .map((part) => symbol[part] ?? part)
    .join(' ')
}

/** Minutes left at which the code's time is said again (besides when the screen opens). */
export const REMINDER_MINUTES = [5, 1] as const

/** The reminder that falls due between two readings of the time left, if any. */
export function reminderDue(previousMsLeft: number, msLeft: number): number | undefined {
  return REMINDER_MINUTES.find((m) => previousMsLeft > m * 60_000 && msLeft <= m * 60_000 && msLeft > 0)
}

/** "The code expires in 29 minutes." (nothing under half a minute: the countdown has it). */
export function expiresIn(msLeft: number): string {
  const left = copy.time.duration(msLeft)
  return left ? copy.spoken.expiresIn(left) : ''
}

/** The sign-in steps as one announcement: where to go, the code spelled, the time it stays valid. */
export function activationSteps(view: ActivationView): Announcement {
  if (view.busy) return [copy.activation.creating]
  if (view.expired || view.code === '') return [copy.activation.expired]
  return [copy.spoken.goTo(spokenAddress(view.displayUrl)), { spell: view.code }, { pause: SENTENCE_PAUSE_MS }, expiresIn(view.notAfter - view.now())]
}
