/**
 * Stands in for Lightning core's ImageWorker in both bundles (scripts/bundled-lightning-core.cjs):
 * settings.json sets the stage's `useImageWorker` to false (Lightning's default is true; a unit test
 * keeps it false), so images are decoded on the main thread and the worker is never created.
 */
export default class ImageWorker {
  constructor() {
    throw new Error('the image worker is left out of this bundle (src/ui/lightning/left-out): settings.json must keep stage.useImageWorker false')
  }
}
