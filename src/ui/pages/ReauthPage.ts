import { Lightning } from '@lightningjs/sdk'
import { Button } from '../components/Button'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../components/PageChrome'
import { Row } from '../components/Row'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import type { ReauthView } from '../views'
import { copy } from '../messages'

interface ReauthTemplateSpec extends Lightning.Component.TemplateSpec, ChromeSpec {
  view: ReauthView
  Provider: { Well: { LogoText: object; LogoImage: object }; Caption: object }
  Actions: typeof Row
}

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** The remembered provider's sign-in has ended (ui/reauth.png): sign in again with it, or another. */
export class ReauthPage
  extends Lightning.Component<ReauthTemplateSpec, PageConfig>
  implements Lightning.Component.ImplementTemplateSpec<ReauthTemplateSpec>
{
  private reauthView: ReauthView = { providerName: '' }

  static override _template(): Lightning.Component.Template<ReauthTemplateSpec> {
    return {
      ...chromeTemplate(),
      Provider: {
        x: layout.marginX,
        y: 400,
        Well: {
          w: 220,
          h: 90,
          texture: Lightning.Tools.getRoundRect(220, 90, 12, 0, 0, true, colors.surface2),
          LogoText: { x: 110, y: 45, mount: 0.5, text: textOf(type.caption, '', 0xffdfe6ff, { fontStyle: '800', wordWrapWidth: 200, maxLines: 1 }) },
          LogoImage: { x: 110, y: 45, mount: 0.5, visible: false },
        },
        Caption: { x: 250, y: 45, mountY: 0.5, text: textOf(type.subtitle, copy.reauth.lastUsed, colors.text2) },
      },
      Actions: { type: Row, x: layout.marginX, y: 560, gap: 30 },
    }
  }

  get view(): ReauthView {
    return this.reauthView
  }

  set view(value: ReauthView) {
    this.reauthView = value
    this._update()
  }

  override _init(): void {
    placeBrand(this.tag('Brand.BrandA'), this.tag('Brand.BrandB'))
    this.tag('Title')?.patch({ text: { text: copy.reauth.title } })
    const image = this.tag('Provider.Well.LogoImage')
    image?.on('txLoaded', () => {
      image.visible = true
      this.tag('Provider.Well.LogoText')?.patch({ visible: false })
    })
    image?.on('txError', () => {
      image.visible = false
      this.tag('Provider.Well.LogoText')?.patch({ visible: true })
    })
    this._update()
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Actions')
  }

  $buttonPressed(ref: string): void {
    if (ref === 'Again') this.fireAncestors('$intent', { type: 'signInAgain' })
    else if (ref === 'Another') this.fireAncestors('$intent', { type: 'useAnotherProvider' })
  }

  override _handleBack(): boolean | void {
    return false
  }

  private _update(): void {
    const v = this.reauthView
    this.tag('Subtitle')?.patch({ text: { text: copy.reauth.subtitle(v.providerName) } })
    this.tag('Provider.Well.LogoText')?.patch({ text: { text: v.providerName } })
    if (v.logoUrl) this.tag('Provider.Well.LogoImage')?.patch({ src: v.logoUrl, h: 64, w: 0 })
    this.tag('Actions')?.setItems([
      { ref: 'Again', type: Button, label: copy.reauth.again(v.providerName) },
      { ref: 'Another', type: Button, label: copy.reauth.another },
    ])
  }
}
