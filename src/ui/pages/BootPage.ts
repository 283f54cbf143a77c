import { currentTokens } from '../theme/current'
import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../components/PageChrome'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import { PageTicker } from './page-ticker'
import { copy } from '../copy'
import type { BootView } from '../model/views'

interface BootTemplateSpec extends Lightning.Component.TemplateSpec, ChromeSpec {
  view: BootView
  Spinner: object
  Message: object
}

/** One turn in 1.2 s, as 12 steps of 100 ms. */
const SPIN_STEPS = 12
const SPIN_STEP_MS = 100

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** Splash while the app starts and asks for profiles: brand, a calm spinner, no harmful keys. */
export class BootPage extends Lightning.Component<BootTemplateSpec, PageConfig> implements Lightning.Component.ImplementTemplateSpec<BootTemplateSpec> {
  /**
   * The spinner turns in steps, 12 a turn, 10 a second, not as a 60 fps animation: every frame
   * Lightning draws costs the main thread the start-up is waiting on (its storage, requests and
   * next page). On a software GPU at 6x CPU a smooth spinner delayed a first launch's code by about
   * 2 s (docs/architecture.md "Time"); a 2018 TV's weak CPU pays the same kind of price.
   */
  private readonly spin = new PageTicker(() => this.step(), SPIN_STEP_MS)
  private angle = 0
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
  }

  private step(): void {
    this.angle = (this.angle + 1) % SPIN_STEPS
    this.tag('Spinner')?.patch({ rotation: (this.angle / SPIN_STEPS) * Math.PI * 2 })
  }

  override _active(): void {
    this.spin.start()
  }

  override _inactive(): void {
    this.spin.stop()
  }

  override _detach(): void {
    this.spin.stop()
  }
}
