/** A speech service that records what the UI asks it to say (voice guidance on), for App tests. */
import type { Announcement, Speech, SpeechPart } from '../../src/core/speech'

export interface SpokenCall {
  readonly kind: 'screen' | 'focus' | 'notify'
  readonly parts: Announcement
  readonly priority?: 'polite' | 'alert'
}

export interface SpeechRecorder extends Speech {
  readonly calls: SpokenCall[]
  /** The calls' parts as text: a spelled code as its characters joined by spaces, pauses left out. */
  texts(kind?: SpokenCall['kind']): string[]
}

const partText = (part: SpeechPart): string => (typeof part === 'string' ? part : 'spell' in part ? part.spell.split('').join(' ') : '')

export function speechRecorder(): SpeechRecorder {
  const calls: SpokenCall[] = []
  return {
    calls,
    enabled: true,
    screen: (parts) => calls.push({ kind: 'screen', parts }),
    focus: (parts) => calls.push({ kind: 'focus', parts }),
    notify: (parts, priority = 'polite') => calls.push({ kind: 'notify', parts, priority }),
    cancel: () => undefined,
    dispose: () => undefined,
    texts: (kind) =>
      calls
        .filter((c) => kind === undefined || c.kind === kind)
        .map((c) =>
          c.parts
            .map(partText)
            .filter((t) => t !== '')
            .join(' | '),
        ),
  }
}
