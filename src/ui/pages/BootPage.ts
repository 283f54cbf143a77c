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

/** One turn in 1.2 s, as 12 steps of 100 ms, after 1 s hidden. */
const SPIN_STEPS = 12
const SPIN_STEP_MS = 100
const SPIN_DELAY_STEPS = 10

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** Splash while the app starts and asks for profiles: brand, a calm spinner, no harmful keys. */
export class BootPage extends Lightning.Component<BootTemplateSpec, PageConfig> implements Lightning.Component.ImplementTemplateSpec<BootTemplateSpec> {
  /**
   * The spinner shows only once the start has taken a second (a shorter wait needs none) and then
   * turns in steps, 12 a turn, 10 a second, never as a 60 fps animation: each frame Lightning draws
   * takes main-thread time the start-up is waiting on (storage answers, responses, the next page).
   * docs/architecture.md "Time" has the figures.
   */
  private readonly spin = new PageTicker(() => this.step(), SPIN_STEP_MS)
  /** Ticks since the page was shown. */
  private ticks = 0
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
        visible: false,
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
    const turned = this.ticks - SPIN_DELAY_STEPS
    this.ticks += 1
    // Nothing to draw while hidden.
    if (turned < 0) return
    this.tag('Spinner')?.patch({ visible: true, rotation: ((turned % SPIN_STEPS) / SPIN_STEPS) * Math.PI * 2 })
  }

  override _active(): void {
    this.ticks = 0
    this.tag('Spinner')?.patch({ visible: false })
    this.spin.start()
  }

  override _inactive(): void {
    this.spin.stop()
  }

  override _detach(): void {
    this.spin.stop()
  }
}
