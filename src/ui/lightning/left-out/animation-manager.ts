/**
 * Stands in for Lightning core's AnimationManager in both bundles (scripts/bundled-lightning-core.cjs,
 * docs/architecture.md "Build"): the app and the SDK run no `element.animation()` (what moves while
 * the viewer waits is stepped by page tickers; focus moves are transitions), so the animation
 * engine (Animation, its settings and MultiSpline) is left out of the bundles. The Stage still
 * creates its manager at start-up; asking it for an animation fails loudly, in every build a test
 * runs, rather than drawing nothing on a TV.
 */
export default class AnimationManager {
  constructor(readonly stage: unknown) {}

  createAnimation(): never {
    throw new Error('Lightning animations are left out of this bundle (src/ui/lightning/left-out): use a transition or a page ticker')
  }

  createSettings(): never {
    return this.createAnimation()
  }
}
