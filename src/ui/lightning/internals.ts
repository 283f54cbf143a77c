/**
 * The one module that touches Lightning core's private members. Each access sits behind a small
 * function and works only on the core it was written against (2.x from 2.20, read from the source
 * the SDK bundles); on any other core, or if the member is not there, the function falls back to
 * Lightning's own public behaviour instead of guessing. Nothing else under src/ may touch these
 * members (a unit test greps for them).
 */
// '@lightningjs/core' resolves to src/ui/lightning/core.ts in both builds (the core bundled from
// node_modules/@lightningjs/core, docs/architecture.md "Build"), so that package's version is read by
// path. (The UI-imports-core lint pattern matches this path too; it is Lightning's, not src/core.)
// eslint-disable-next-line no-restricted-imports
import { version as bundledCoreVersion } from '../../../node_modules/@lightningjs/core/package.json'
import type { Lightning } from '@lightningjs/sdk'

/** The Lightning core these accesses were written for: 2.x, from 2.20 (SDK 5.5.7 asks for ^2.20.1). */
export function isSupportedCoreVersion(version: string): boolean {
  const match = /^(\d+)\.(\d+)\./.exec(version)
  return match !== null && Number(match[1]) === 2 && Number(match[2]) >= 20
}

/** Decided once at start-up from the bundled core's package.json (read at build time). */
const coreSupported = isSupportedCoreVersion(bundledCoreVersion)
let warned = false

function supported(): boolean {
  if (!coreSupported && !warned) {
    warned = true
    console.warn(`Lightning core ${bundledCoreVersion} is not the 2.x these UI workarounds were written for: using Lightning's own behaviour`)
  }
  return coreSupported
}

/** Elements as the pointer search sees them (public members only). */
export interface HitElement {
  readonly active: boolean
  readonly collision?: unknown
  readonly children: readonly HitElement[]
}

export type CollisionSearch = (bucket: HitElement[], children: readonly HitElement[]) => HitElement[]

interface PointerInternals {
  _findChildren?: unknown
}

/**
 * Puts `search` in place of the application's collision search (core 2.x `_findChildren`, used for
 * hover, click and scroll targets). Returns false, leaving Lightning's own search, on another core.
 */
export function replaceCollisionSearch(application: Lightning.Application, search: CollisionSearch): boolean {
  const target = application as unknown as PointerInternals
  if (!supported() || typeof target._findChildren !== 'function') return false
  target._findChildren = search
  return true
}

interface HoverInternals {
  __hoveredChild?: unknown
}

/**
 * Forgets the element Lightning last saw under the pointer (core 2.x fires a hover only when that
 * element changes), so the next pointer move hovers, and focuses, whatever is under it again.
 * On another core the hover state is left to Lightning.
 */
export function forgetHoveredElement(application: Lightning.Application): void {
  const target = application as unknown as HoverInternals
  if (supported() && '__hoveredChild' in target) target.__hoveredChild = null
}

interface TransitionInternals {
  transitions?: { active?: unknown }
}

/**
 * Whether any transition is running on the stage (core 2.x keeps them in `stage.transitions.active`).
 * `undefined` when that cannot be read: the caller decides by time instead.
 */
export function transitionsRunning(stage: Lightning.Stage): boolean | undefined {
  const active = (stage as unknown as TransitionInternals).transitions?.active
  if (!supported() || !(active instanceof Set)) return undefined
  return active.size > 0
}
