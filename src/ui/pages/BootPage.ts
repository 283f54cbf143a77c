import { currentTokens } from '../theme/current'
import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../components/PageChrome'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import { copy } from '../copy'
import type { BootView } from '../model/views'

interface BootTemplateSpec extends Lightning.Component.TemplateSpec, ChromeSpec {
  view: BootView
  Spinner: object
  Message: object
}

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** Splash while the app starts and asks for profiles: brand, a calm spinner, no harmful keys. */
export class BootPage extends Lightning.Component<BootTemplateSpec, PageConfig> implements Lightning.Component.ImplementTemplateSpec<BootTemplateSpec> {
  private spin: Lightning.types.Animation | undefined
  /** Undefined until the flow gives one: the default words are looked up when drawn, in the language of that moment. */
  private bootView: BootView | undefined

  static override _template(): Lightning.Component.Template<BootTemplateSpec> {
    return {
      ...chromeTemplate(),
      Spinner: {
        x: layout.stageW / 2,
        y: layout.stageH / 2 - 40,
        mount: 0.5,
        w: 96,
        h: 96,
        texture: Lightning.Tools.getRoundRect(96, 96, 48, 8, colors.accent, false, 0),
        Cut: { x: 48, y: -4, w: 56, h: 56, rect: true, color: colors.background },
      },
      Message: { x: layout.stageW / 2, y: layout.stageH / 2 + 60, mountX: 0.5, text: textOf(type.subtitle, '', colors.text2) },
    } as Lightning.Component.Template<BootTemplateSpec>
  }

  set view(value: BootView) {
    this.bootView = value
    this.tag('Message')?.patch({ text: { text: copy.boot[value.message] } })
  }

  get view(): BootView {
    return this.bootView ?? { message: 'starting' }
  }

  /** Voice guidance on entering the screen (docs/architecture.md "Voice guidance"). */
  announcement(): Announcement {
    return [copy.boot[this.view.message]]
  }

  override _init(): void {
    placeBrand(this.tag('Brand.BrandA'), this.tag('Brand.BrandB'))
    // The template is built once per class; the brand's accent is applied per instance.
    this.tag('Spinner')?.patch({ texture: Lightning.Tools.getRoundRect(96, 96, 48, 8, currentTokens().colors.accent, false, 0) })
    this.tag('Message')?.patch({ text: { text: copy.boot[this.view.message] } })
    this.spin = this.tag('Spinner')?.animation({ duration: 1.2, repeat: -1, actions: [{ p: 'rotation', v: { 0: 0, 1: Math.PI * 2 } }] })
  }

  override _active(): void {
    this.spin?.start()
  }

  override _inactive(): void {
    this.spin?.stop()
  }
}
