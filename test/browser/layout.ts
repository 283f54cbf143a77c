/**
 * What a viewer would call a broken layout, read from the drawn text boxes (window.__tvApp.textBoxes,
 * each with the area its glyphs fill):
 * a text cut short (Lightning left lines out), a text leaving the box drawn behind it (a button, the
 * code box, a tile, a badge) or the screen, and two texts drawn over each other.
 */
import type { Page } from 'playwright-core'
import type { StageBox, TextBox } from '../../src/test-hook'

const STAGE: StageBox = { x: 0, y: 0, w: 1920, h: 1080 }

/** Rounding of the drawn boxes: a glyph area this close to its container's edge still fits. */
const SLACK = 1

export function textBoxesOf(page: Page): Promise<TextBox[]> {
  return page.evaluate(() => (window as unknown as { __tvApp: { textBoxes(): TextBox[] } }).__tvApp.textBoxes())
}

function intersects(a: StageBox, b: StageBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** How far `inner` reaches outside `outer` on its worst side (0 when inside, within the slack). */
function overflow(inner: StageBox, outer: StageBox): number {
  const worst = Math.max(outer.x - inner.x, inner.x + inner.w - (outer.x + outer.w), outer.y - inner.y, inner.y + inner.h - (outer.y + outer.h))
  return Math.max(0, Math.ceil(worst - SLACK))
}

/**
 * The layout problems on screen, one line each. Texts inside a container that is entirely off the
 * stage (a row scrolled away) are not on screen and not judged. `layers` names the refs of overlays
 * (a dialog, a banner): a text under an overlay is hidden by it, so only texts of the same layer are
 * compared for overlap.
 */
export function layoutProblems(boxes: readonly TextBox[], layers: readonly string[] = []): string[] {
  const shown = boxes.filter((b) => !b.container || intersects(b.container, STAGE))
  const problems: string[] = []
  for (const b of shown) {
    if (b.cut) problems.push(`cut: "${b.text}" (${b.path})`)
    const frame = b.container && !covers(b.container, STAGE) ? b.container : STAGE
    const out = overflow(b.ink, frame)
    if (out > 0) problems.push(`leaves ${frame === STAGE ? 'the screen' : b.container?.path} by ${out}px: "${b.text}" (${b.path})`)
  }
  const layerOf = (b: TextBox): string => layers.find((ref) => b.path.split('/').includes(ref)) ?? ''
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i] as TextBox
      const b = shown[j] as TextBox
      if (layerOf(a) !== layerOf(b)) continue
      if (intersects(a.ink, b.ink)) problems.push(`overlap: "${a.text}" (${a.path} ${at(a.ink)}) and "${b.text}" (${b.path} ${at(b.ink)})`)
    }
  }
  return problems
}

const at = (b: StageBox): string => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.w)}×${Math.round(b.h)}`

/** A container as large as the screen (a page background) frames its texts like the screen does. */
function covers(box: StageBox, stage: StageBox): boolean {
  return box.x <= stage.x && box.y <= stage.y && box.x + box.w >= stage.x + stage.w && box.y + box.h >= stage.y + stage.h
}
