/**
 * Stands in for Lightning core's SparkRenderer in both bundles (scripts/bundled-lightning-core.cjs):
 * the Stage picks it only on Metrological's Spark platform, which is neither Tizen nor webOS nor a
 * browser, so the renderer and its shader are left out.
 */
export default class SparkRenderer {
  constructor() {
    throw new Error('the Spark renderer is left out of this bundle (src/ui/lightning/left-out): Spark is not a platform of this app')
  }
}
