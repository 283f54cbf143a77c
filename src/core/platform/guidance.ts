/**
 * The TV's guidance setting for the composition root (docs/architecture.md "Voice guidance"): read
 * once with a bounded wait that nothing on the start-up path waits for, then followed while the app
 * runs; `?voiceGuidance=on|off` forces it in development and test builds (the same switch as
 * `?platform=` and `?lang=`).
 */
import { clampTimerMs, type Clock } from '../base/clock'
import { fromCallback, type Platform, type Unsubscribe } from './platform'

export interface GuidanceOptions {
  /** Longest wait for the platform's answer; after it guidance counts as off. */
  readonly timeoutMs: number
  /** A forced value (`?voiceGuidance=`): answered without asking the platform, and never changed. */
  readonly override?: boolean
}

/** The `?voiceGuidance=on|off` override (development and test builds only), or undefined. */
export function guidanceOverride(query: string | undefined, allowOverrides: boolean): boolean | undefined {
  if (!allowOverrides || !query) return undefined
  const match = /[?&]voiceGuidance=([^&#]*)/.exec(query)
  const value = match ? (match[1] ?? '').toLowerCase() : ''
  if (value === 'on') return true
  if (value === 'off') return false
  return undefined
}

/** Whether guidance is on: false when the platform throws, rejects, answers oddly or not within `timeoutMs`. Never rejects. */
export function readGuidance(platform: Platform, clock: Clock, options: GuidanceOptions): Promise<boolean> {
  if (options.override !== undefined) return Promise.resolve(options.override)
  return fromCallback<boolean>(clock, clampTimerMs(options.timeoutMs), false, (deliver, failed) => {
    platform.guidance().then((on) => deliver(on === true), failed)
  })
}

/** Follows the platform's guidance changes; with a forced value there is nothing to follow. */
export function watchGuidance(platform: Platform, listener: (on: boolean) => void, options: Pick<GuidanceOptions, 'override'> = {}): Unsubscribe {
  if (options.override !== undefined) return () => undefined
  try {
    return platform.onGuidanceChange(listener)
  } catch {
    return () => undefined
  }
}
