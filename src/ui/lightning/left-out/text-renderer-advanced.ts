/**
 * Stands in for Lightning core's TextTextureRendererAdvanced in both bundles
 * (scripts/bundled-lightning-core.cjs): TextTexture uses it only for `advancedRenderer: true` text
 * (inline styling, bidirectional text), which no text of the app or the SDK asks for (a unit test
 * checks), so it is left out.
 */
export default class TextTextureRendererAdvanced {
  constructor() {
    throw new Error('the advanced text renderer is left out of this bundle (src/ui/lightning/left-out): no text may set advancedRenderer')
  }
}
