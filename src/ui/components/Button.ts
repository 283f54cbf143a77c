import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { copy } from '../copy'
import { textOf } from '../theme/text'
import { currentTokens } from '../theme/current'
import { buttonMetrics, buttonStyle, buttonWidth } from './Button.styles'
import { Pressable } from './Pressable'

export interface ButtonTemplateSpec extends Lightning.Component.TemplateSpec {
  label: string
  /** Shown dimmed; OK does nothing (e.g. "Get a new code" right after a code was made). */
  disabled: boolean
  Shadow: object
  Background: object
  Label: object
}

const { height, shadowBlur } = buttonMetrics
const shadowMargin = shadowBlur * 2

/**
 * A text button; its width follows its label once the text is measured. Enter fires
 * `$buttonPressed(ref)` upwards. Looks: Button.styles.ts.
 */
export class Button extends Pressable<ButtonTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<ButtonTemplateSpec> {
  private labelText = ''
  private measuredW = buttonWidth(0)
  private isDisabled = false

  static override _template(): Lightning.Component.Template<ButtonTemplateSpec> {
    const t = currentTokens()
    return {
      h: height,
      w: buttonWidth(0),
      collision: true,
      Shadow: { alpha: 0, x: -shadowMargin, y: -shadowMargin + 10 },
      Background: {},
      Label: { y: height / 2 + buttonMetrics.labelDy, mount: 0.5, text: textOf(t.type.button, '', t.colors.text) },
    }
  }

  get label(): string {
    return this.labelText
  }

  set label(value: string) {
    this.labelText = value
    this._update()
  }

  get disabled(): boolean {
    return this.isDisabled
  }

  set disabled(value: boolean) {
    if (value === this.isDisabled) return
    this.isDisabled = value
    this._update()
  }

  /** "Get a new code, button" ("…, unavailable" while it cannot be pressed). */
  accessibleName(): Announcement {
    return [this.labelText, copy.spoken.button, this.isDisabled ? copy.spoken.unavailable : '']
  }

  /** A disabled button takes OK and does nothing with it (the press is handled, on purpose). */
  override _handleEnter(): boolean | void {
    if (this.isDisabled) return true
    return super._handleEnter()
  }

  override _handleClick(): boolean {
    if (this.isDisabled) return true
    return super._handleClick()
  }

  override _init(): void {
    const label = this.tag('Label')
    label?.on('txLoaded', () => {
      const w = buttonWidth(label.renderWidth)
      if (w === this.measuredW) return
      this.measuredW = w
      this._update()
      this.fireAncestors('$itemResized')
    })
    this._update()
  }

  protected _update(): void {
    const style = buttonStyle(currentTokens(), { focused: this.hasFocus(), disabled: this.isDisabled })
    const w = this.measuredW
    this.patch({ w, alpha: style.alpha })
    this.tag('Label')?.patch({ x: w / 2, text: { text: this.labelText, textColor: style.labelColor } })
    this.tag('Background')?.patch({ texture: Lightning.Tools.getRoundRect(w, height, style.radius, 0, 0, true, style.fill) })
    this.tag('Shadow')?.patch({
      alpha: style.shadowAlpha,
      color: style.shadowColor,
      texture: Lightning.Tools.getShadowRect(w, height, style.radius, shadowBlur),
    })
    this.setSmooth('scale', style.scale, { duration: currentTokens().focus.durationS })
  }
}
