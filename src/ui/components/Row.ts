import { Lightning } from '@lightningjs/sdk'

export interface RowTemplateSpec extends Lightning.Component.TemplateSpec {
  gap: number
  Items: object
}

/**
 * A horizontal run of focusable children (tiles or buttons). Left/Right move the focus and return
 * false at the edges so the key bubbles to the page (style.md rule 7); the pointer moves focus too.
 */
export class Row
  extends Lightning.Component<RowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<RowTemplateSpec>
{
  private gapPx = 40
  private focusIndex = 0

  static override _template(): Lightning.Component.Template<RowTemplateSpec> {
    return { Items: {} }
  }

  get gap(): number {
    return this.gapPx
  }

  set gap(value: number) {
    this.gapPx = value
    this.layout()
  }

  /** Replaces the children; each config needs a unique `ref`. Focus goes to `focusIndex` (clamped). */
  setItems(items: Lightning.Element.NewPatchTemplate[], focusIndex = 0): void {
    const list = this.tag('Items')
    if (!list) return
    list.children = items
    this.focusIndex = Math.max(0, Math.min(focusIndex, items.length - 1))
    this.layout()
    this._refocus()
  }

  get items(): Lightning.Component[] {
    return (this.tag('Items')?.children ?? []) as Lightning.Component[]
  }

  get index(): number {
    return this.focusIndex
  }

  get focusedItem(): Lightning.Component | undefined {
    return this.items[this.focusIndex]
  }

  /** Re-lays children out, e.g. after a button measured its label. */
  layout(): void {
    let x = 0
    for (const item of this.items) {
      item.x = x
      x += (item.w || 0) + this.gapPx
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.focusedItem
  }

  override _handleLeft(): boolean | void {
    if (this.focusIndex === 0) return false
    this.focusIndex -= 1
    this._refocus()
  }

  override _handleRight(): boolean | void {
    if (this.focusIndex >= this.items.length - 1) return false
    this.focusIndex += 1
    this._refocus()
  }

  $itemResized(): void {
    this.layout()
  }

  $pointerFocus(ref: string): void {
    const i = this.items.findIndex((item) => item.ref === ref)
    if (i >= 0) {
      this.focusIndex = i
      this._refocus()
      this.fireAncestors('$rowPointed', this.ref ?? '')
    }
  }

  override _firstActive(): void {
    this.layout()
  }
}
