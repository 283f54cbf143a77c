/** What the UI hands the speech service (docs/architecture.md "Voice guidance"). */

/** Text to say; a code to spell character by character; or a silence of `pause` ms. */
export type SpeechPart = string | { readonly spell: string } | { readonly pause: number }

/** Parts said in order; empty strings are skipped. */
export type Announcement = readonly SpeechPart[]

export interface Speech {
  /** A screen was entered: cancels whatever is said or queued (focus included) and says this at once. */
  screen(parts: Announcement): void
  /**
   * Focus moved: said after the debounce (400 ms by default); a later call within it replaces this
   * one; when it fires it cuts off what is being said, a screen's announcement too (so the item
   * focused on entering a screen belongs in `screen()`, not here). An empty announcement only drops
   * the pending one.
   */
  focus(parts: Announcement): void
  /**
   * A change without a key press: 'polite' (default) waits for the current utterance; 'alert' cuts
   * it off and goes before queued polite ones (an alert being said is not cut off by another). The
   * same announcement again within a few seconds is said once.
   */
  notify(parts: Announcement, priority?: 'polite' | 'alert'): void
  /** Stops what is said and drops what is queued or pending. */
  cancel(): void
  /** True while guidance is on; when it is off every call is a no-op and nothing is queued. */
  readonly enabled: boolean
  /** Cancels everything and stops for good. */
  dispose(): void
}
