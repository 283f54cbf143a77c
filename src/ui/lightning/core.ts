/**
 * Lightning core as both flavours bundle it (docs/architecture.md "Build"): rollup.es6.config.js and
 * rollup.es5.config.js (scripts/bundled-lightning-core.cjs) resolve '@lightningjs/core', which the SDK's Lightning module and so every `Lightning.*` of the app
 * read, to this module, in place of the CLI's alias to the prebuilt lightning.min.js (`window.lng`).
 * It is the prebuilt build's default export (core 2.x, dist/src/lightning.mjs) cut to the members
 * the app and the SDK modules it bundles use, so the rest (its other shaders, textures, components
 * and tools) tree-shakes out. A unit test checks that every `Lightning.*` path in src/ and the SDK is here.
 */
import {
  Application,
  Base,
  C2dDefaultShader,
  C2dShader,
  Component,
  Element,
  ElementCore,
  ElementTexturizer,
  EventEmitter,
  ImageTexture,
  RectangleTexture,
  RoundedRectangleShader,
  SourceTexture,
  Stage,
  StageUtils,
  StaticCanvasTexture,
  StaticTexture,
  Texture,
  TextTexture,
  Tools,
  Utils,
  WebGLDefaultShader,
  WebGLShader,
} from '@lightningjs/core'

export default {
  Application,
  Component,
  Base,
  Utils,
  StageUtils,
  Element,
  Tools,
  Stage,
  ElementCore,
  ElementTexturizer,
  Texture,
  EventEmitter,
  shaders: { RoundedRectangle: RoundedRectangleShader, WebGLShader, WebGLDefaultShader, C2dShader, C2dDefaultShader },
  textures: { RectangleTexture, TextTexture, ImageTexture, StaticTexture, StaticCanvasTexture, SourceTexture },
}
