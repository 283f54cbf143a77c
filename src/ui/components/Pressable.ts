import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'

/**
 * What every focusable control shares: it redraws on focus changes, and OK or a pointer click fires
 * `$buttonPressed(ref)` to its owner; hovering with the Magic Remote pointer asks the owner to move
 * the focus here (LG: every control works with 5-way keys and with the pointer).
 */
export abstract class Pressable<
  TemplateSpec extends Lightning.Component.TemplateSpec = Lightning.Component.TemplateSpec,
> extends Lightning.Component<TemplateSpec> {
  /** Draws the control for its current state (focused or not); the single render path. */
  protected abstract _update(): void

  /** What voice guidance says when the control takes the focus: name, role, state (copy tables). */
  abstract accessibleName(): Announcement

  override _focus(): void {
    this._update()
  }

  override _unfocus(): void {
    this._update()
  }

  override _handleEnter(): boolean | void {
    this.fireAncestors('$buttonPressed', this.ref ?? '')
  }

  _handleHover(): boolean {
    this.fireAncestors('$pointerFocus', this.ref ?? '')
    return false
  }

  _handleClick(): boolean {
    this.fireAncestors('$buttonPressed', this.ref ?? '')
    return true
  }
}
