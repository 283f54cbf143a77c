/**
 * Pointer hit-testing for the Magic Remote (and a mouse in the browser), with `enablePointer` on.
 *
 * Lightning finds hover/click targets by descending only into elements whose `collision` is set, and
 * marks just the direct parent of an element with `collision: true` when it is attached. A Tile or
 * Button added to a Row that is already on screen therefore leaves the Row's own ancestors unmarked,
 * and the pointer never reaches it. Here the search descends through every active element and keeps
 * those with `collision: true` (the buttons, tiles and cards), the same targets Lightning would pick.
 */
import type { Lightning } from '@lightningjs/sdk'

interface HitElement {
  readonly __active?: boolean
  readonly collision?: unknown
  readonly children: readonly HitElement[]
}

function collect(bucket: HitElement[], children: readonly HitElement[]): HitElement[] {
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i] as HitElement
    if (!child.__active) continue
    if (child.collision === true) bucket.push(child)
    if (child.children.length) collect(bucket, child.children)
  }
  return bucket
}

/** Replaces the application's collision search (Lightning core 2.x `_findChildren`). */
export function enablePointerHitTesting(application: Lightning.Application): void {
  ;(application as unknown as { _findChildren: typeof collect })._findChildren = collect
}
