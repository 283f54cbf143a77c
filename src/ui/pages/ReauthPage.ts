import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { Button } from '../components/Button'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../components/PageChrome'
import { LogoWell } from '../components/LogoWell'
import { Row } from '../components/Row'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import type { ReauthView } from '../model/views'
import { copy } from '../copy'

interface ReauthTemplateSpec extends Lightning.Component.TemplateSpec, ChromeSpec {
  view: ReauthView
  Provider: { Well: typeof LogoWell; Caption: object }
  Actions: typeof Row
}

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** The remembered provider's sign-in has ended (docs/architecture.md "Screens"): sign in again with it, or another. */
export class ReauthPage extends Lightning.Component<ReauthTemplateSpec, PageConfig> implements Lightning.Component.ImplementTemplateSpec<ReauthTemplateSpec> {
  private reauthView: ReauthView = { providerName: '' }

  static override _template(): Lightning.Component.Template<ReauthTemplateSpec> {
    return {
      ...chromeTemplate(),
      Provider: {
        x: layout.marginX,
        y: 400,
        Well: { type: LogoWell, wellW: 220, wellH: 90 },
        Caption: { x: 250, y: 45, mountY: 0.5, text: textOf(type.subtitle, copy.reauth.lastUsed, colors.text2) },
      },
      Actions: { type: Row, x: layout.marginX, y: 560, gap: 48 },
    }
  }

  get view(): ReauthView {
    return this.reauthView
  }

  set view(value: ReauthView) {
    this.reauthView = value
    this._update()
  }

  /** Voice guidance on entering the screen: the title and what happened (the focused button follows). */
  announcement(): Announcement {
    const v = this.reauthView
    return [v.title ?? copy.reauth.title, v.message ?? copy.reauth.subtitle(v.providerName)]
  }

  override _init(): void {
    placeBrand(this.tag('Brand.BrandA'), this.tag('Brand.BrandB'))
    this.tag('Title')?.patch({ text: { text: copy.reauth.title } })
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
    // No provider yet (the page drawn before its view): nothing half-said, no buttons that cannot act.
    const named = v.providerName.trim() !== ''
    this.tag('Provider')?.patch({ visible: named })
    this.tag('Actions')?.patch({ visible: named })
    if (!named) {
      this.tag('Subtitle')?.patch({ text: { text: '' } })
      return
    }
    this.tag('Title')?.patch({ text: { text: v.title ?? copy.reauth.title } })
    // The TV's language may have changed since the page was built.
    this.tag('Provider.Caption')?.patch({ text: { text: copy.reauth.lastUsed } })
    this.tag('Subtitle')?.patch({ text: { text: v.message ?? copy.reauth.subtitle(v.providerName) } })
    this.tag('Provider.Well')?.patch({ name: v.providerName, logoUrl: v.logoUrl ?? '' })
    this.tag('Actions')?.setItems([
      { ref: 'Again', type: Button, label: copy.reauth.again(v.providerName) },
      { ref: 'Another', type: Button, label: copy.reauth.another },
    ])
  }
}
