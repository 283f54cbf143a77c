import { Lightning } from '@lightningjs/sdk'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import { copy } from '../copy/messages'

interface OfflineBannerTemplateSpec extends Lightning.Component.TemplateSpec {
  shown: boolean
  Text: object
}

const h = 72

/** Says the network is gone, over whatever screen is showing; it takes no focus and no keys. */
export class OfflineBanner
  extends Lightning.Component<OfflineBannerTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<OfflineBannerTemplateSpec>
{
  static override _template(): Lightning.Component.Template<OfflineBannerTemplateSpec> {
    return {
      y: layout.marginY - 10,
      h,
      alpha: 0,
      zIndex: 40,
      Text: { x: 32, y: h / 2, mountY: 0.5, text: textOf(type.caption, copy.offline, colors.background) },
    }
  }

  override _init(): void {
    const text = this.tag('Text')
    text?.on('txLoaded', () => {
      const w = Math.round(text.renderWidth + 64)
      this.patch({ x: (layout.stageW - w) / 2, w, texture: Lightning.Tools.getRoundRect(w, h, h / 2, 0, 0, true, colors.warning) })
    })
  }

  private isShown = false

  get shown(): boolean {
    return this.isShown
  }

  set shown(value: boolean) {
    this.isShown = value
    this.setSmooth('alpha', value ? 1 : 0, { duration: 0.3 })
  }
}
