import { Lightning } from '@lightningjs/sdk'
import { textOf } from '../theme/text'
import { currentTokens } from '../theme/current'
import { codeBoxLayout, codeBoxMetrics as m, codeBoxStyle } from './CodeBox.styles'

export interface CodeBoxTemplateSpec extends Lightning.Component.TemplateSpec {
  code: string
  /** No code to type yet (or it expired): the box stays, faded. */
  dimmed: boolean
  Box: object
  CodeText: object
}

/**
 * The activation code, large and letter-spaced, centred in its box once its text is measured.
 * Looks: CodeBox.styles.ts.
 */
export class CodeBox extends Lightning.Component<CodeBoxTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<CodeBoxTemplateSpec> {
  private codeText = ''
  private isDimmed = false
  private textW = 0

  static override _template(): Lightning.Component.Template<CodeBoxTemplateSpec> {
    const t = currentTokens()
    return {
      h: m.h,
      Box: {},
      // Not mounted: centring uses the measured ink width (see codeBoxLayout).
      CodeText: { y: m.h / 2, mountY: 0.5, text: textOf(t.type.code, '', t.colors.text) },
    }
  }

  get code(): string {
    return this.codeText
  }

  set code(value: string) {
    if (value === this.codeText) return
    this.codeText = value
    this._update()
  }

  get dimmed(): boolean {
    return this.isDimmed
  }

  set dimmed(value: boolean) {
    if (value === this.isDimmed) return
    this.isDimmed = value
    this._update()
  }

  /** The code's rendered width as last measured (0 before its text has loaded). */
  get measuredTextW(): number {
    return this.textW
  }

  override _init(): void {
    const text = this.tag('CodeText')
    text?.on('txLoaded', () => {
      this.textW = text.renderWidth
      this._update()
    })
    this._update()
  }

  private _update(): void {
    const style = codeBoxStyle(currentTokens(), { dimmed: this.isDimmed })
    const { boxW, textX } = codeBoxLayout(this.textW, style.letterSpacing)
    this.patch({ w: boxW, alpha: style.alpha })
    this.tag('Box')?.patch({ texture: Lightning.Tools.getRoundRect(boxW, m.h, style.radius, style.stroke, style.strokeColor, true, style.fill) })
    this.tag('CodeText')?.patch({ x: textX, text: { text: this.codeText, textColor: style.textColor, letterSpacing: style.letterSpacing } })
  }
}
