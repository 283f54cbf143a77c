import { Lightning } from '@lightningjs/sdk'
import { colors, focus, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import { Pressable } from './Pressable'

export interface ButtonTemplateSpec extends Lightning.Component.TemplateSpec {
  label: string
  /** Shown dimmed; OK does nothing (e.g. "Get a new code" right after a code was made). */
  disabled: boolean
  Shadow: object
  Background: object
  Label: object
}

const padX = 48
const height = 86
const shadowBlur = 24
const shadowMargin = shadowBlur * 2

/**
 * A text button. Focused, it turns light with dark text and grows (ui/README.md focus rule); its
 * width follows its label once the text is measured. Enter fires `$buttonPressed(id)` upwards.
 */
export class Button
  extends Pressable<ButtonTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ButtonTemplateSpec>
{
  private labelText = ''
  private measuredW = 320
  private isDisabled = false

  static override _template(): Lightning.Component.Template<ButtonTemplateSpec> {
    return {
      h: height,
      w: 320,
      collision: true,
      Shadow: { alpha: 0, x: -shadowMargin, y: -shadowMargin + 10, color: colors.shadow },
      Background: {},
      Label: { x: 160, y: height / 2 + 3, mount: 0.5, text: textOf(type.button, '', colors.text) },
    }
  }

  get label(): string {
    return this.labelText
  }

  set label(value: string) {
    this.labelText = value
    this.tag('Label')?.patch({ text: { text: value } })
  }

  get disabled(): boolean {
    return this.isDisabled
  }

  set disabled(value: boolean) {
    if (value === this.isDisabled) return
    this.isDisabled = value
    this._update()
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
    this.tag('Label')?.on('txLoaded', () => {
      const label = this.tag('Label')
      this.measuredW = Math.max(200, Math.round((label?.renderWidth ?? 200) + padX * 2))
      this._update()
      this.fireAncestors('$itemResized')
    })
    this._update()
  }

  protected _update(): void {
    const focused = this.hasFocus()
    const w = this.measuredW
    this.patch({ w })
    this.tag('Label')?.patch({ x: w / 2 })
    this.tag('Background')?.patch({
      texture: Lightning.Tools.getRoundRect(w, height, layout.radiusSmall, 0, 0, true, focused ? colors.focus : colors.surface2),
    })
    this.tag('Shadow')?.patch({
      alpha: focused ? 1 : 0,
      texture: Lightning.Tools.getShadowRect(w, height, layout.radiusSmall, shadowBlur),
    })
    this.tag('Label')?.patch({ text: { textColor: focused ? colors.onFocus : colors.text } })
    this.patch({ alpha: this.isDisabled ? 0.45 : 1 })
    this.setSmooth('scale', focused ? 1.06 : 1, { duration: focus.durationS })
  }
}
