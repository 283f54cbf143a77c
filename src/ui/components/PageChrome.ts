import { Lightning, Utils } from '@lightningjs/sdk'
import { textOf } from '../theme/text'
import { currentBrand, currentTokens } from '../theme/current'
import { containFit } from './LogoWell.styles'
import { chromeMetrics as m, chromeStyle } from './PageChrome.styles'

/**
 * The parts every screen shares: background with a soft glow, the brand's wordmark, title, subtitle.
 * The wordmark is `BrandA` (its plain part), `BrandB` (its accented part) and `Image` (an optional
 * picture that replaces both), all from settings `appSettings.brand.wordmark` (docs/architecture.md,
 * "Settings").
 */
export interface ChromeSpec {
  Background: object
  Glow: object
  Brand: { BrandA: object; BrandB: object; Image: object }
  Title: object
  Subtitle: object
}

export function chromeTemplate(): Lightning.Component.Template<Lightning.Component.TemplateSpec & ChromeSpec> {
  const t = currentTokens()
  const style = chromeStyle(t)
  return {
    Background: { w: t.layout.stageW, h: t.layout.stageH, rect: true, color: style.background },
    Glow: {
      x: m.glowX,
      w: t.layout.stageW - m.glowX,
      h: m.glowH,
      rect: true,
      colorUl: style.glow.ul,
      colorUr: style.glow.ur,
      colorBl: style.glow.bl,
      colorBr: style.glow.br,
    },
    Brand: {
      x: t.layout.marginX,
      y: t.layout.marginY,
      BrandA: { text: textOf(t.type.brand, '', style.wordmarkPlain) },
      BrandB: { text: textOf(t.type.brand, '', style.wordmarkAccented) },
      Image: { visible: false },
    },
    Title: { x: t.layout.marginX, y: m.titleY, text: textOf(t.type.title, '', style.title, { wordWrapWidth: 1500, maxLines: 2 }) },
    Subtitle: { x: t.layout.marginX, y: m.subtitleY, text: textOf(t.type.subtitle, '', style.subtitle, { wordWrapWidth: 1300, maxLines: 2 }) },
  }
}

/**
 * Writes the configured wordmark: its plain part, then its accented part right after it once the
 * first is measured; or its image, with the words shown instead if the image cannot load. Listeners
 * live on the page's own elements and go with them.
 */
export function placeBrand(brandA: Lightning.Element | undefined, brandB: Lightning.Element | undefined): void {
  if (!brandA || !brandB) return
  const { wordmark } = currentBrand()
  const image = (brandA.parent as Lightning.Element | null)?.tag('Image') as Lightning.Element | undefined
  const showText = (show: boolean): void => {
    brandA.patch({ visible: show })
    brandB.patch({ visible: show })
    image?.patch({ visible: !show })
  }
  // Colours again here, not only in the template: Lightning builds a class's template once.
  const style = chromeStyle(currentTokens())
  brandA.patch({ text: { text: wordmark.plain, textColor: style.wordmarkPlain } })
  brandB.patch({ text: { text: wordmark.accented, textColor: style.wordmarkAccented } })
  const place = (): void => {
    brandB.x = wordmark.plain === '' ? 0 : brandA.renderWidth
  }
  brandA.on('txLoaded', place)
  place()
  if (!wordmark.image || !image) {
    showText(true)
    return
  }
  showText(false)
  image.on('txLoaded', (texture: Lightning.Texture) => {
    const source = texture.source as unknown as { w?: number; h?: number } | undefined
    const fit = containFit({ w: source?.w ?? 0, h: source?.h ?? 0 }, { w: m.wordmarkMaxW, h: m.wordmarkH })
    image.patch({ w: fit.w, h: fit.h })
  })
  image.on('txError', () => {
    console.warn(`settings.json: brand.wordmark.image "${wordmark.image ?? ''}" did not load; showing the wordmark text`)
    showText(true)
  })
  // hasAlpha: Lightning treats anything but a .png as opaque (transparent parts would turn black).
  image.patch({ texture: { type: Lightning.textures.ImageTexture, src: Utils.asset(wordmark.image) as string, hasAlpha: true } })
}
