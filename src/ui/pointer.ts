/**
 * Pointer hit-testing for the Magic Remote (and a mouse in the browser), with `enablePointer` on.
 *
 * Lightning finds hover/click targets by descending only into elements whose `collision` is set, and
 * marks just the direct parent of an element with `collision: true` when it is attached. A Tile or
 * Button added to a Row that is already on screen therefore leaves the Row's own ancestors unmarked,
 * and the pointer never reaches it. Here the search descends through every active element and keeps
 * those with `collision: true` (the buttons, tiles and cards), the same targets Lightning would pick.
 * On a Lightning core this was not written for, Lightning's own search stays (see lightning/internals).
 */
import type { Lightning } from '@lightningjs/sdk'
import { replaceCollisionSearch, type HitElement } from './lightning/internals'

/** Every active element with `collision: true`, topmost last (the order Lightning's search keeps). */
export function collectHitTargets(bucket: HitElement[], children: readonly HitElement[]): HitElement[] {
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i] as HitElement
    if (!child.active) continue
    if (child.collision === true) bucket.push(child)
    if (child.children.length) collectHitTargets(bucket, child.children)
  }
  return bucket
}

/** Returns false when Lightning's own collision search stays in use. */
export function enablePointerHitTesting(application: Lightning.Application): boolean {
  return replaceCollisionSearch(application, collectHitTargets)
}
