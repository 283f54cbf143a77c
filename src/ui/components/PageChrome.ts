import { Lightning, Settings } from '@lightningjs/sdk'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import { copy } from '../copy/messages'

/** The parts every screen shares (ui/*.png): background with a soft glow, the brand, title, subtitle. */
export interface ChromeSpec {
  Background: object
  Glow: object
  Brand: { BrandA: object; BrandB: object }
  Title: object
  Subtitle: object
}

export function chromeTemplate(): Lightning.Component.Template<Lightning.Component.TemplateSpec & ChromeSpec> {
  return {
    Background: { w: layout.stageW, h: layout.stageH, rect: true, color: colors.background },
    Glow: {
      x: 900,
      w: layout.stageW - 900,
      h: 700,
      rect: true,
      colorUl: 0x000e1016,
      colorUr: 0x661b2133,
      colorBl: 0x000e1016,
      colorBr: 0x000e1016,
    },
    Brand: {
      x: layout.marginX,
      y: layout.marginY,
      BrandA: { text: textOf(type.brand, '', colors.text2) },
      BrandB: { text: textOf(type.brand, '', colors.accent) },
    },
    Title: { x: layout.marginX, y: 150, text: textOf(type.title, '', colors.text, { wordWrapWidth: 1500, maxLines: 2 }) },
    Subtitle: { x: layout.marginX, y: 250, text: textOf(type.subtitle, '', colors.text2, { wordWrapWidth: 1300, maxLines: 2 }) },
  }
}

/** Splits the brand for its two-colour treatment ("MY" + "CHANNEL"). */
export function splitBrand(name: string): { first: string; second: string } {
  const upper = name.toUpperCase()
  if (upper.startsWith('MY') && upper.length > 2) return { first: 'MY', second: upper.slice(2) }
  return { first: '', second: upper }
}

/**
 * Writes the programmer's brand (settings appSettings.brand.name) in its two colours and places the
 * second half right after the first once it is measured.
 */
export function placeBrand(brandA: Lightning.Element | undefined, brandB: Lightning.Element | undefined): void {
  if (!brandA || !brandB) return
  const configured: unknown = Settings.get('app', 'brand', { name: copy.defaultBrand })
  const name = (configured as { name?: unknown } | null)?.name
  const parts = splitBrand(typeof name === 'string' && name.trim() ? name.trim() : copy.defaultBrand)
  brandA.patch({ text: { text: parts.first } })
  brandB.patch({ text: { text: parts.second } })
  const place = (): void => {
    brandB.x = brandA.renderWidth
  }
  brandA.on('txLoaded', place)
  place()
}
