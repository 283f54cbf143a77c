/** A voice a test drives: records each utterance and answers when told (or as its mode says). */
import type { Voice } from '../../../../src/core/platform/platform'

export interface Spoken {
  readonly text: string
  readonly lang: string
  readonly interrupt: boolean
  /** Ends the utterance (said or cut off). */
  end(): void
}

export type VoiceMode = 'manual' | 'instant' | 'throws' | 'rejects' | 'never'

export class FakeVoice implements Voice {
  readonly spoken: Spoken[] = []
  cancels = 0

  constructor(public mode: VoiceMode = 'manual') {}

  speak(text: string, options: { readonly lang: string; readonly interrupt: boolean }): Promise<void> {
    if (this.mode === 'throws') {
      this.spoken.push({ text, ...options, end: () => undefined })
      throw new Error('speech engine crashed')
    }
    return new Promise<void>((resolve, reject) => {
      this.spoken.push({ text, ...options, end: () => resolve() })
      if (this.mode === 'instant') resolve()
      if (this.mode === 'rejects') reject(new Error('synthesis-failed'))
    })
  }

  cancel(): void {
    this.cancels += 1
  }

  get texts(): string[] {
    return this.spoken.map((s) => s.text)
  }

  /** Ends the latest utterance. */
  endLast(): void {
    this.spoken[this.spoken.length - 1]?.end()
  }
}
