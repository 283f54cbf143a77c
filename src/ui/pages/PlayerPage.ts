import { currentTokens } from '../theme/current'
import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { Button } from '../components/Button'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../components/PageChrome'
import { Row } from '../components/Row'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import type { PlayerView } from '../model/views'
import { copy } from '../copy'

interface PlayerTemplateSpec extends Lightning.Component.TemplateSpec, ChromeSpec {
  view: PlayerView
  Screen: { Play: { Mark: object }; Headline: object; Validity: object }
  Note: object
  Actions: typeof Row
}

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

const screenW = layout.stageW - layout.marginX * 2
const screenH = 440
const playSize = 120

/**
 * The player stand-in after a permit: the title, "Playback would start now" and how long the access
 * is confirmed (the media token's validity in words; the token itself is never shown). Back or
 * "Back to titles" returns to the decisions screen, where the next play authorizes again (CL-AUTHZ-1).
 */
export class PlayerPage extends Lightning.Component<PlayerTemplateSpec, PageConfig> implements Lightning.Component.ImplementTemplateSpec<PlayerTemplateSpec> {
  private playerView: PlayerView = { title: '', headline: '', validity: '' }

  static override _template(): Lightning.Component.Template<PlayerTemplateSpec> {
    return {
      ...chromeTemplate(),
      Screen: {
        x: layout.marginX,
        y: 260,
        w: screenW,
        h: screenH,
        texture: Lightning.Tools.getRoundRect(screenW, screenH, layout.radiusLarge, 2, colors.border, true, colors.surface),
        Play: {
          x: screenW / 2,
          y: 120,
          mount: 0.5,
          w: playSize,
          h: playSize,
          texture: Lightning.Tools.getRoundRect(playSize, playSize, playSize / 2, 0, 0, true, colors.accent),
          Mark: { x: playSize / 2 + 6, y: playSize / 2 + 2, mount: 0.5, text: textOf(type.icon, '▶', colors.text) },
        },
        Headline: { x: screenW / 2, y: 230, mountX: 0.5, text: textOf(type.title, '', colors.text) },
        Validity: { x: screenW / 2, y: 340, mountX: 0.5, text: textOf(type.body, '', colors.success) },
      },
      Note: { x: layout.marginX, y: 730, text: textOf(type.caption, '', colors.text2, { wordWrapWidth: 1700, maxLines: 2 }) },
      Actions: { type: Row, x: layout.marginX, y: 820, gap: 30 },
    }
  }

  get view(): PlayerView {
    return this.playerView
  }

  set view(value: PlayerView) {
    this.playerView = value
    this._update()
  }

  /** Voice guidance on entering the screen: the permit, the title and how long it holds. */
  announcement(): Announcement {
    const v = this.playerView
    return [v.headline, v.title, v.validity, v.note ?? '']
  }

  override _init(): void {
    placeBrand(this.tag('Brand.BrandA'), this.tag('Brand.BrandB'))
    // The template is built once per class; the brand's accent is applied per instance.
    this.tag('Screen.Play')?.patch({ texture: Lightning.Tools.getRoundRect(playSize, playSize, playSize / 2, 0, 0, true, currentTokens().colors.accent) })
    this.tag('Subtitle')?.patch({ visible: false })
    this.tag('Actions')?.setItems([{ ref: 'BackToTitles', type: Button, label: copy.player.back }])
    this._update()
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Actions')
  }

  $buttonPressed(ref: string): void {
    if (ref === 'BackToTitles') this.fireAncestors('$intent', { type: 'closePlayer' })
  }

  /** Back returns to the titles (the app's Back would ask to exit: this is not the first screen). */
  override _handleBack(): boolean | void {
    this.fireAncestors('$intent', { type: 'closePlayer' })
  }

  private _update(): void {
    const v = this.playerView
    // The TV's language may have changed since the page was built.
    const back = this.tag('Actions')?.items[0] as Button | undefined
    if (back) back.label = copy.player.back
    this.tag('Title')?.patch({ y: 130, text: { text: v.title } })
    this.tag('Screen.Headline')?.patch({ text: { text: v.headline } })
    this.tag('Screen.Validity')?.patch({ text: { text: v.validity } })
    this.tag('Note')?.patch({ text: { text: v.note ?? '' } })
  }
}
