/** The speech service's public surface (docs/architecture.md "Voice guidance"). */
export type { Announcement, Speech, SpeechPart } from './types'
export { createSpeech, type ControlledSpeech, type SpeechOptions } from './speech'
