import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { PageTicker } from './page-ticker'
import { Button } from '../components/Button'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../components/PageChrome'
import { Row } from '../components/Row'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import { copy } from '../copy'
import type { ErrorView } from '../model/views'

interface ErrorTemplateSpec extends Lightning.Component.TemplateSpec, ChromeSpec {
  view: ErrorView
  Icon: { Mark: object }
  Actions: typeof Row
  Retry: object
  Reference: object
}

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/**
 * What happened, what the viewer can do, "Try again" focused, a small reference (docs/architecture.md "Screens").
 * After a service outage the app tries again by itself: a line counts down to it, from one 1 s
 * ticker the page owns while active.
 */
export class ErrorPage extends Lightning.Component<ErrorTemplateSpec, PageConfig> implements Lightning.Component.ImplementTemplateSpec<ErrorTemplateSpec> {
  private errorView: ErrorView = { title: '', message: '', actionLabel: copy.error.tryAgain }
  private readonly ticker = new PageTicker(() => this.tick())

  static override _template(): Lightning.Component.Template<ErrorTemplateSpec> {
    return {
      ...chromeTemplate(),
      Icon: {
        x: layout.marginX,
        y: 190,
        w: 120,
        h: 120,
        texture: Lightning.Tools.getRoundRect(120, 120, 60, 0, 0, true, colors.warningTint),
        Mark: { x: 60, y: 62, mount: 0.5, text: textOf(type.icon, '!', colors.warning) },
      },
      Actions: { type: Row, x: layout.marginX, y: 640, gap: 30 },
      Retry: { x: layout.marginX, y: 760, text: textOf(type.caption, '', colors.text2) },
      Reference: { x: layout.marginX, y: 830, text: textOf(type.small, '', colors.text3) },
    }
  }

  get view(): ErrorView {
    return this.errorView
  }

  set view(value: ErrorView) {
    this.errorView = value
    this._update()
  }

  /** Voice guidance on entering the screen: what happened and what to do; the reference is not read. */
  announcement(): Announcement {
    return [this.errorView.title, this.errorView.message]
  }

  override _init(): void {
    placeBrand(this.tag('Brand.BrandA'), this.tag('Brand.BrandB'))
    // The error page's title sits lower, under its icon.
    this.tag('Title')?.patch({ y: 360 })
    this.tag('Subtitle')?.patch({ y: 460, text: { wordWrapWidth: 1400 } })
    this._update()
  }

  override _active(): void {
    this.ticker.start()
    this.tick()
  }

  override _inactive(): void {
    this.ticker.stop()
  }

  override _detach(): void {
    this.ticker.stop()
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Actions')
  }

  /** "Trying again in 8 seconds…" while the automatic retry waits; nothing when only the viewer can. */
  private tick(): void {
    const { autoRetryAt, now, retrying } = this.errorView
    if (retrying) {
      this.tag('Retry')?.patch({ text: { text: copy.error.retrying } })
      return
    }
    if (autoRetryAt === undefined || !now) {
      this.tag('Retry')?.patch({ text: { text: '' } })
      return
    }
    const seconds = Math.ceil((autoRetryAt - now()) / 1000)
    this.tag('Retry')?.patch({ text: { text: seconds > 0 ? copy.error.retryIn(seconds) : copy.error.retrying } })
  }

  $buttonPressed(ref: string): void {
    if (ref === 'TryAgain') this.fireAncestors('$intent', { type: 'tryAgain' })
  }

  private _update(): void {
    const v = this.errorView
    this.tag('Title')?.patch({ text: { text: v.title } })
    this.tag('Subtitle')?.patch({ text: { text: v.message } })
    this.tag('Reference')?.patch({ text: { text: v.reference ? copy.error.reference(v.reference) : '' } })
    this.tag('Actions')?.setItems([{ ref: 'TryAgain', type: Button, label: v.actionLabel }])
    this.tick()
  }
}
