/**
 * window.__tvApp: what browser tests and the start-up benchmark read (readiness, the route, the focus
 * path, the visible texts). Installed in development and test builds only, never in store packages.
 */
import type { Lightning } from '@lightningjs/sdk'
import type { ReadySignal } from './ui/App'
import { transitionsRunning } from './ui/lightning/internals'

/**
 * Without a readable transition list (another Lightning core), "settled" means this long since the
 * last route or screen change: longer than any transition the UI runs (0.3 s at most).
 */
export const settleFallbackMs = 500

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

export interface TvAppHook extends ReadySignal {
  ready: boolean
  route: string
  /** The screen the app was last asked to show (the drawn `route` follows it). */
  screen: string
  routes: string[]
  /** performance.now() at the first routed frame. */
  readyAt: number
  exited: boolean
  /** The TV language tag last handed to the UI's copy (null: unknown, so English). */
  language: string | null
  /** Whether the speech service is on (the TV's guidance, or `?voiceGuidance=`). */
  guidance: boolean
  /** What the app handed the platform's voice, in order, with its language (voice guidance tests). */
  spoken: Array<{ text: string; lang: string; interrupt: boolean }>
  focusPath(): string[]
  texts(): string[]
  /** Every visible text with its drawn box and its container's (the layout test reads them). */
  textBoxes(): TextBox[]
  settled(): boolean
  /** Lightning's texture memory figures (the start-up benchmark reports them per screen). */
  textureMemory(): TextureMemory
}

/**
 * Texture memory as Lightning counts it, in pixels (width × height of every uploaded texture, about
 * 4 bytes each on the GPU): the stage collects unused textures once `used` passes `memoryPressure`,
 * and the Router collects them when a page is unloaded (`gcOnUnload`).
 */
export interface TextureMemory {
  /** Pixels of the textures uploaded now (the texture manager's figure). */
  readonly used: number
  /** The stage's figure, which the memory-pressure check compares: textures plus render textures and renderer caches. */
  readonly stage: number
  /** The stage's `memoryPressure` option (settings.json appSettings.stage). */
  readonly memoryPressure: number
}

/** A box on the 1920×1080 stage, in stage pixels. */
export interface StageBox {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface TextBox extends StageBox {
  readonly text: string
  /** The part of the box the glyphs fill (the box itself holds line spacing around them). */
  readonly ink: StageBox
  /** Refs from the app down to the text, for a failure message. */
  readonly path: string
  /** Lightning left lines out (the text reached its maxLines): the viewer reads it cut. */
  readonly cut: boolean
  /** The nearest ancestor with a size: a drawn background (a button, the code box, a badge) or a sized component (a card, a tile). */
  readonly container?: StageBox & { readonly path: string }
}

type Node = Lightning.Element & { text?: { text?: string } | null }

/** The element's drawn box on the stage (its corner points, so scale and mount are applied). */
function stageBox(node: Lightning.Element): StageBox {
  const [x1, y1, x2, y2, x3, y3, x4, y4] = node.getCornerPoints()
  const xs = [x1, x2, x3, x4]
  const ys = [y1, y2, y3, y4]
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}

interface TextRenderInfo {
  readonly moreTextLines?: boolean
  /** Each drawn line: x from the left, y its baseline, w its advance (texture pixels), and its words. */
  readonly lines?: ReadonlyArray<{ readonly x: number; readonly y: number; readonly w: number; readonly info?: { readonly text?: string } }>
  readonly fontSize?: number
  readonly width?: number
  readonly height?: number
}

/** Glyphs rise about 0.8 em above the baseline and descend about 0.25 em below it. */
function inkOf(box: StageBox, info: TextRenderInfo | undefined): StageBox {
  const lines = info?.lines ?? []
  const first = lines[0]
  const last = lines[lines.length - 1]
  if (!first || !last || !info?.width || !info.height || !info.fontSize) return box
  const sx = box.w / info.width
  const sy = box.h / info.height
  const left = Math.min(...lines.map((l) => l.x))
  const right = Math.max(...lines.map((l) => l.x + l.w))
  const top = first.y - 0.8 * info.fontSize
  const bottom = last.y + 0.25 * info.fontSize
  return { x: box.x + left * sx, y: box.y + top * sy, w: (right - left) * sx, h: (bottom - top) * sy }
}

/**
 * Lightning cut the text: lines left out (moreTextLines), or, when it wraps, the last line drawn
 * ending in the maxLines suffix ('..') that the text itself does not end with.
 */
function isCut(text: string, info: TextRenderInfo | undefined, suffix: string): boolean {
  if (info?.moreTextLines === true) return true
  const last = info?.lines?.[info.lines.length - 1]?.info?.text ?? ''
  return suffix !== '' && last.trimEnd().endsWith(suffix) && !text.trimEnd().endsWith(suffix)
}

const refOf = (node: Lightning.Element): string => node.ref ?? node.constructor.name

function textBoxes(root: Node | undefined, path: string, container: TextBox['container'], out: TextBox[]): void {
  if (!root || !root.visible || root.alpha <= 0.05) return
  const here = path ? `${path}/${refOf(root)}` : refOf(root)
  const t = root.text?.text
  if (typeof t === 'string' && t.trim() !== '') {
    const info = root.texture?.source?.renderInfo as TextRenderInfo | undefined
    const suffix = (root.text as { maxLinesSuffix?: unknown } | null)?.maxLinesSuffix
    const box = stageBox(root)
    const cut = isCut(t, info, typeof suffix === 'string' ? suffix : '..')
    out.push({ text: t.replace(/\u00A0/g, ' '), path: here, ...box, ink: inkOf(box, info), cut, ...(container ? { container } : {}) })
  }
  // Anything with a size but a text (a background, a card) is the box its descendants' texts must stay inside.
  const sized = !root.text && root.renderWidth > 0 && root.renderHeight > 0
  const inner = sized ? { path: here, ...stageBox(root) } : container
  for (const child of root.children as Node[]) textBoxes(child, here, inner, out)
}

function visibleTexts(root: Node | undefined, out: string[]): void {
  if (!root || !root.visible || root.alpha <= 0.05) return
  const t = root.text?.text
  // A no-break space reads as a space: tests compare what the viewer reads.
  if (typeof t === 'string' && t.trim() !== '') out.push(t.replace(/\u00A0/g, ' '))
  for (const child of root.children as Node[]) visibleTexts(child, out)
}

export function installTestHook(target: Record<string, unknown>): TvAppHook {
  let app: Lightning.Application | undefined
  let changedAt = now()
  const hook: TvAppHook & { attach(app: Lightning.Application): void } = {
    ready: false,
    route: '',
    screen: '',
    routes: [],
    readyAt: 0,
    exited: false,
    language: null,
    guidance: false,
    spoken: [],
    attach(value) {
      app = value
    },
    markReady(route) {
      changedAt = now()
      // Ready once the first routed page has been drawn, not merely created.
      app?.stage.once('frameEnd', () => {
        hook.route = route
        hook.routes.push(route)
        hook.readyAt = typeof performance !== 'undefined' ? performance.now() : 0
        hook.ready = true
      })
    },
    markScreen(route) {
      changedAt = now()
      hook.screen = route
    },
    markRoute(route) {
      changedAt = now()
      app?.stage.once('frameEnd', () => {
        hook.route = route
        hook.routes.push(route)
      })
    },
    focusPath() {
      return (app?.focusPath ?? []).map((c) => c.ref ?? c.constructor.name)
    },
    texts() {
      const out: string[] = []
      visibleTexts(app as unknown as Node | undefined, out)
      return out
    },
    textBoxes() {
      const out: TextBox[] = []
      textBoxes(app as unknown as Node | undefined, '', undefined, out)
      return out
    },
    settled() {
      const running = app ? transitionsRunning(app.stage) : false
      return running === undefined ? now() - changedAt >= settleFallbackMs : !running
    },
    textureMemory() {
      const stage = app?.stage
      if (!stage) return { used: 0, stage: 0, memoryPressure: 0 }
      return { used: stage.textureManager.usedMemory, stage: stage.usedMemory, memoryPressure: Number(stage.getOption('memoryPressure')) }
    },
  }
  target.__tvApp = hook
  return hook
}
