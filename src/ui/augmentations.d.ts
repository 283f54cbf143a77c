/**
 * Typed events that travel up the focus path (fireAncestors) and the pointer handlers Lightning
 * calls when `enablePointer` is on
 * (https://lightningjs.io/docs/#/lightning-core-reference/HandlingInput/Mouse).
 */
import '@lightningjs/sdk'
import type { UiIntent } from './model/intents'
import type { Announcement } from '../core'

declare module '@lightningjs/sdk' {
  namespace Lightning {
    namespace Component {
      interface FireAncestorsMap {
        /** A Button or Tile was pressed (Enter or a pointer click); the argument is its ref. */
        $buttonPressed(ref: string): void
        /** The pointer hovered a focusable child: its owner moves the focus there. */
        $pointerFocus(ref: string): void
        /** The focused item of a row changed (keys or pointer). */
        $rowFocusChanged(ref: string, index: number): void
        /** The pointer moved the focus inside a row: a page with several rows focuses that row. */
        $rowPointed(ref: string): void
        /** A child changed its width (a button measured its label): its row lays out again. */
        $itemResized(): void
        /** A dialog was answered: `true` for its confirm button, `false` for the safe choice or Back. */
        $dialogAnswered(confirmed: boolean): void
        /** Something changed without a key press (a deny, a new code, time left): voice guidance says it. */
        $announce(parts: Announcement, priority: 'polite' | 'alert'): void
        /** A page asks the app to act (the flow, the exit dialog…). */
        $intent(intent: UiIntent): void
      }
    }
  }
}
