import { Lightning } from '@lightningjs/sdk'
import { textOf } from '../theme/text'
import { currentTokens } from '../theme/current'
import { copy } from '../copy'

interface OfflineBannerTemplateSpec extends Lightning.Component.TemplateSpec {
  shown: boolean
  Text: object
}

const h = 72
const padX = 32
const fadeS = 0.3

/** Says the network is gone, over whatever screen is showing; it takes no focus and no keys. */
export class OfflineBanner
  extends Lightning.Component<OfflineBannerTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<OfflineBannerTemplateSpec>
{
  static override _template(): Lightning.Component.Template<OfflineBannerTemplateSpec> {
    const { layout, type, colors } = currentTokens()
    return {
      y: layout.marginY - 10,
      h,
      alpha: 0,
      zIndex: 40,
      Text: { x: padX, y: h / 2, mountY: 0.5, text: textOf(type.caption, copy.offline, colors.background) },
    }
  }

  override _init(): void {
    const text = this.tag('Text')
    text?.on('txLoaded', () => {
      const { layout, colors } = currentTokens()
      const w = Math.round(text.renderWidth + padX * 2)
      this.patch({ x: (layout.stageW - w) / 2, w, texture: Lightning.Tools.getRoundRect(w, h, h / 2, 0, 0, true, colors.warning) })
    })
  }

  private isShown = false

  get shown(): boolean {
    return this.isShown
  }

  set shown(value: boolean) {
    this.isShown = value
    // In the language of the moment: it may have changed since the banner was built.
    if (value) this.tag('Text')?.patch({ text: { text: copy.offline } })
    this.setSmooth('alpha', value ? 1 : 0, { duration: fadeS })
  }
}
