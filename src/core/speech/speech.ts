/**
 * The speech service (docs/architecture.md "Voice guidance"): one queue in front of the platform's
 * voice. A screen cuts off and clears everything; focus is debounced and cuts off what is said when
 * it fires; alerts cut off and go first, polite notifications wait their turn; the same
 * notification within a few seconds is said once. Every wait is on the injected clock, and a voice
 * that throws, rejects or never answers holds the queue at most a bounded time.
 */
import type { Clock, TimerHandle } from '../base/clock'
import type { Logger } from '../base/logger'
import type { Voice } from '../platform/platform'
import { keyOf, stepsOf, textOf, type Step } from './render'
import type { Announcement, Speech } from './types'

export interface SpeechOptions {
  readonly voice: Voice
  readonly clock: Clock
  /** The utterance language ('en-US' | 'es-US'), read at speak time. */
  readonly language: () => string
  /** Whether guidance is on at creation; `setEnabled` follows the TV's setting. */
  readonly enabled: boolean
  /** Focus debounce; default 400 ms (the Lightning SDK Announcer's). */
  readonly debounceMs?: number
  /** A notification repeated within this long is said once; default 5 s. */
  readonly repeatMs?: number
  /** Debug lines only, never the spoken text. */
  readonly logger?: Logger
}

export interface ControlledSpeech extends Speech {
  /** Guidance turned on or off; off cancels everything. */
  setEnabled(on: boolean): void
}

type Kind = 'screen' | 'focus' | 'alert' | 'polite'

interface Item {
  readonly kind: Kind
  readonly steps: readonly Step[]
}

interface Run {
  readonly item: Item
  readonly token: number
  index: number
}

/** Longest wait for a voice's answer before the queue moves on: room for slow speech, never forever. */
export function answerBoundMs(text: string): number {
  return Math.min(15000, 1500 + 80 * text.length)
}

export function createSpeech(options: SpeechOptions): ControlledSpeech {
  const { voice, clock, logger } = options
  const debounceMs = options.debounceMs ?? 400
  const repeatMs = options.repeatMs ?? 5000
  let on = options.enabled
  let disposed = false
  let queue: Item[] = []
  let current: Run | undefined
  // Changes whenever the item being said is cut off, so its late answers and timers are ignored.
  let token = 0
  let stepTimer: TimerHandle | undefined
  let focusTimer: TimerHandle | undefined
  const recent = new Map<string, number>()

  const active = (): boolean => on && !disposed

  const clearStepTimer = (): void => {
    if (stepTimer !== undefined) clock.clearTimeout(stepTimer)
    stepTimer = undefined
  }
  const clearFocusTimer = (): void => {
    if (focusTimer !== undefined) clock.clearTimeout(focusTimer)
    focusTimer = undefined
  }
  const silenceVoice = (): void => {
    try {
      voice.cancel()
    } catch {
      // A voice that cannot stop is stopped by the next interrupting utterance.
    }
  }
  const stopCurrent = (): void => {
    token += 1
    current = undefined
    clearStepTimer()
  }

  const itemOf = (kind: Kind, parts: Announcement): Item => {
    const { steps, dropped } = stepsOf(Array.isArray(parts) ? parts : [])
    if (dropped > 0) logger?.debug('speech: parts left unsaid', { kind, dropped })
    return { kind, steps }
  }

  const start = (item: Item, interrupt: boolean): void => {
    stopCurrent()
    const run: Run = { item, token, index: 0 }
    current = run
    step(run, interrupt)
  }

  const next = (): void => {
    const item = queue.shift()
    if (item) start(item, false)
  }

  function step(run: Run, interrupt: boolean): void {
    if (run.token !== token) return
    const s = run.item.steps[run.index]
    run.index += 1
    if (s === undefined) {
      current = undefined
      next()
      return
    }
    if ('gap' in s) {
      stepTimer = clock.setTimeout(() => {
        stepTimer = undefined
        step(run, false)
      }, s.gap)
      return
    }
    const lang = options.language()
    const text = textOf(s, lang)
    let settled = false
    const done = (): void => {
      if (settled) return
      settled = true
      if (run.token !== token) return
      clearStepTimer()
      step(run, false)
    }
    stepTimer = clock.setTimeout(done, answerBoundMs(text))
    try {
      voice.speak(text, { lang, interrupt }).then(done, done)
    } catch {
      done()
    }
  }

  const cancel = (): void => {
    clearFocusTimer()
    queue = []
    stopCurrent()
    silenceVoice()
  }

  const isRepeat = (steps: readonly Step[]): boolean => {
    const now = clock.now()
    for (const [key, at] of recent) if (now - at >= repeatMs) recent.delete(key)
    const key = keyOf(steps)
    if (recent.has(key)) return true
    recent.set(key, now)
    return false
  }

  return {
    get enabled() {
      return active()
    },
    screen(parts) {
      if (!active()) return
      const item = itemOf('screen', parts)
      clearFocusTimer()
      queue = []
      if (item.steps.length > 0) start(item, true)
      else cancel()
    },
    focus(parts) {
      if (!active()) return
      clearFocusTimer()
      const item = itemOf('focus', parts)
      if (item.steps.length === 0) return
      focusTimer = clock.setTimeout(() => {
        focusTimer = undefined
        start(item, true)
      }, debounceMs)
    },
    notify(parts, priority = 'polite') {
      if (!active()) return
      const item = itemOf(priority, parts)
      if (item.steps.length === 0 || isRepeat(item.steps)) return
      if (priority === 'polite') {
        queue.push(item)
        if (!current) next()
        return
      }
      if (current?.item.kind === 'alert') {
        const firstPolite = queue.findIndex((queued) => queued.kind !== 'alert')
        queue.splice(firstPolite < 0 ? queue.length : firstPolite, 0, item)
        return
      }
      start(item, true)
    },
    cancel,
    setEnabled(value) {
      if (disposed || value === on) return
      on = value
      if (!value) cancel()
    },
    dispose() {
      if (disposed) return
      cancel()
      disposed = true
      recent.clear()
    },
  }
}
