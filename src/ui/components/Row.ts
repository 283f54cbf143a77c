import { Lightning } from '@lightningjs/sdk'

export interface RowTemplateSpec extends Lightning.Component.TemplateSpec {
  gap: number
  /** Visible width in px: when set, the row scrolls to keep the focused item inside it. */
  viewport: number
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
  private viewportW = 0
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

  get viewport(): number {
    return this.viewportW
  }

  set viewport(value: number) {
    this.viewportW = value
    this.scrollToFocus()
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

  /** Moves the focus to `index` (clamped), e.g. to restore where the viewer was. */
  select(index: number): void {
    this.focusIndex = Math.max(0, Math.min(index, this.items.length - 1))
    this._refocus()
    this.scrollToFocus()
    this.fireAncestors('$rowFocusChanged', this.ref ?? '', this.focusIndex)
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
    this.scrollToFocus()
  }

  /** Slides the items so the focused one (with room for its focus growth) lies inside the viewport. */
  private scrollToFocus(): void {
    const list = this.tag('Items')
    const item = this.focusedItem
    if (!list || !item || this.viewportW <= 0) return
    const room = this.gapPx
    const offset = -(list.getSmooth('x') as number)
    let next = offset
    if (item.x + item.w + room > offset + this.viewportW) next = item.x + item.w + room - this.viewportW
    if (item.x - room < next) next = Math.max(0, item.x - room)
    if (next !== offset) list.setSmooth('x', -next, { duration: 0.25 })
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.focusedItem
  }

  override _handleLeft(): boolean | void {
    if (this.focusIndex === 0) return false
    this.focusIndex -= 1
    this._refocus()
    this.scrollToFocus()
    this.fireAncestors('$rowFocusChanged', this.ref ?? '', this.focusIndex)
  }

  override _handleRight(): boolean | void {
    if (this.focusIndex >= this.items.length - 1) return false
    this.focusIndex += 1
    this._refocus()
    this.scrollToFocus()
    this.fireAncestors('$rowFocusChanged', this.ref ?? '', this.focusIndex)
  }

  $itemResized(): void {
    this.layout()
  }

  $pointerFocus(ref: string): void {
    const i = this.items.findIndex((item) => item.ref === ref)
    if (i >= 0) {
      this.focusIndex = i
      this._refocus()
      this.scrollToFocus()
      this.fireAncestors('$rowPointed', this.ref ?? '')
      this.fireAncestors('$rowFocusChanged', this.ref ?? '', this.focusIndex)
    }
  }

  override _firstActive(): void {
    this.layout()
  }
}
