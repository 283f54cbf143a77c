import { Lightning } from '@lightningjs/sdk'

export interface RowTemplateSpec extends Lightning.Component.TemplateSpec {
  gap: number
  /** Visible width in px: when set, the row scrolls to keep the focused item inside it. */
  viewport: number
  Items: object
}

/** Where an item sits along the row. */
export interface RowSlot {
  readonly x: number
  readonly w: number
}

/** Seconds a scroll takes. */
const scrollS = 0.25

/**
 * How far the items slide left so the focused one shows: the least movement from `current` that puts
 * it, with `room` either side for its focus growth, inside `viewport`, never past either end. With no
 * focused item (`focus` null: the focus is elsewhere on the page) the row rests at its start, so the
 * first item is on screen.
 */
export function rowScroll(slots: readonly RowSlot[], focus: number | null, viewport: number, room: number, current: number): number {
  const item = focus === null ? undefined : slots[focus]
  const last = slots[slots.length - 1]
  if (!item || !last || viewport <= 0) return 0
  const max = Math.max(0, last.x + last.w + room - viewport)
  let next = current
  if (item.x + item.w + room > next + viewport) next = item.x + item.w + room - viewport
  if (item.x - room < next) next = item.x - room
  return Math.max(0, Math.min(max, next))
}

/**
 * A horizontal run of focusable children (tiles or buttons). Left/Right move the focus and return
 * false at the edges so the key bubbles to the page (docs/architecture.md, "UI"); the pointer moves
 * focus too. The single update path is `layout()`: positions, then the scroll for the current focus.
 */
export class Row extends Lightning.Component<RowTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<RowTemplateSpec> {
  private gapPx = 40
  private viewportW = 0
  private focusIndex = 0
  /** The scroll the row is heading for (the smoothed `x` lags behind it while it animates). */
  private scrollX = 0
  /** Width of the laid-out items, gaps between them included. */
  private contentW = 0

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
    this.layout()
  }

  /** Replaces the children; each config needs a unique `ref`. Focus goes to `focusIndex` (clamped). */
  setItems(items: Lightning.Element.NewPatchTemplate[], focusIndex = 0): void {
    const list = this.tag('Items')
    if (!list) return
    list.children = items
    this.focusIndex = this.clamp(focusIndex)
    this.layout()
    this._refocus()
  }

  get items(): Lightning.Component[] {
    return (this.tag('Items')?.children ?? []) as Lightning.Component[]
  }

  get index(): number {
    return this.focusIndex
  }

  /** The scroll the row shows (or is animating to), in px. */
  get scroll(): number {
    return this.scrollX
  }

  /** Moves the focus to `index` (clamped), e.g. to restore where the viewer was. */
  select(index: number): void {
    this.moveTo(this.clamp(index))
  }

  get focusedItem(): Lightning.Component | undefined {
    return this.items[this.focusIndex]
  }

  /** Re-lays children out (e.g. after a button measured its label) and scrolls for the focus. */
  layout(): void {
    let x = 0
    for (const item of this.items) {
      item.x = x
      x += (item.w || 0) + this.gapPx
    }
    const contentW = Math.max(0, x - this.gapPx)
    if (contentW !== this.contentW) {
      this.contentW = contentW
      // What sits beside the row (a status line after the buttons) follows its width.
      this.signal('resized', contentW)
    }
    const slots = this.items.map((item) => ({ x: item.x, w: item.w || 0 }))
    const next = rowScroll(slots, this.hasFocus() ? this.focusIndex : null, this.viewportW, this.gapPx, this.scrollX)
    if (next === this.scrollX) return
    this.scrollX = next
    this.tag('Items')?.setSmooth('x', -next, { duration: scrollS })
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.focusedItem
  }

  override _focus(): void {
    this.layout()
  }

  override _unfocus(): void {
    this.layout()
  }

  override _handleLeft(): boolean | void {
    if (this.focusIndex === 0) return false
    this.moveTo(this.focusIndex - 1)
  }

  override _handleRight(): boolean | void {
    if (this.focusIndex >= this.items.length - 1) return false
    this.moveTo(this.focusIndex + 1)
  }

  $itemResized(): void {
    this.layout()
  }

  $pointerFocus(ref: string): void {
    const i = this.items.findIndex((item) => item.ref === ref)
    if (i < 0) return
    this.focusIndex = i
    this._refocus()
    this.layout()
    // The page first learns which row holds the pointer, then what is focused in it.
    this.fireAncestors('$rowPointed', this.ref ?? '')
    this.fireAncestors('$rowFocusChanged', this.ref ?? '', this.focusIndex)
  }

  override _firstActive(): void {
    this.layout()
  }

  private clamp(index: number): number {
    return Math.max(0, Math.min(index, this.items.length - 1))
  }

  private moveTo(index: number): void {
    this.focusIndex = index
    this._refocus()
    this.layout()
    this.fireAncestors('$rowFocusChanged', this.ref ?? '', this.focusIndex)
  }
}
