import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { copy } from '../copy'
import { Button } from '../components/Button'
import { Row } from '../components/Row'
import { lineCount, lineHeightOf, textOf } from '../theme/text'
import { currentTokens } from '../theme/current'
import type { TextStyle, Tokens } from '../theme/tokens'
import { dialogLayout, dialogMetrics as m, dialogStyle } from './ConfirmDialog.styles'

interface ConfirmDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  PanelShadow: object
  Panel: { Title: object; Body: object; Actions: typeof Row }
}

/** What a dialog asks: the safe choice (`cancel`) comes first and takes the focus. */
export interface ConfirmContent {
  readonly title: string
  readonly body: string
  readonly cancel: string
  readonly confirm: string
  /** Refs of the two buttons, as the focus path names them ("Stay", "Exit"). */
  readonly refs: { readonly cancel: string; readonly confirm: string }
}

const { panelW } = m

/** The body reads as a caption, a little larger. */
const bodyType = (type: Tokens['type']): TextStyle => ({ ...type.caption, fontSize: m.bodyFontSize })

/**
 * A modal question over the page: the exit dialog (Back on the first screen, Samsung "Return key
 * policy", webOS 6+ rule) and the sign-out confirmation. The safe choice takes the focus first;
 * Back or it fires `$dialogAnswered(false)`, the other button `$dialogAnswered(true)`. While open
 * the dialog traps every key. The panel grows with its words: a title or body that wraps (a long
 * provider name, a longer language) pushes what follows down instead of running into it.
 */
export class ConfirmDialog
  extends Lightning.Component<ConfirmDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ConfirmDialogTemplateSpec>
{
  private confirmRef = ''
  private question: Pick<ConfirmContent, 'title' | 'body'> = { title: '', body: '' }
  private lines = { title: 1, body: 1 }

  static override _template(): Lightning.Component.Template<ConfirmDialogTemplateSpec> {
    const t = currentTokens()
    const { layout, type } = t
    const style = dialogStyle(t)
    const { bodyY, actionsY, panelH } = dialogLayout(1, 1, { title: lineHeightOf(type.dialogTitle), body: lineHeightOf(bodyType(type)) })
    // getShadowRect pads its texture by twice the blur on every side.
    const shadowPad = m.shadowBlur * 2
    return {
      w: layout.stageW,
      h: layout.stageH,
      visible: false,
      zIndex: 50,
      Dim: { w: layout.stageW, h: layout.stageH, rect: true, color: style.dim },
      PanelShadow: {
        x: (layout.stageW - panelW) / 2 - shadowPad,
        y: Math.round((layout.stageH - panelH) / 2) - shadowPad + 20,
        color: style.shadow,
        texture: Lightning.Tools.getShadowRect(panelW, panelH, style.radius, m.shadowBlur),
      },
      Panel: {
        x: (layout.stageW - panelW) / 2,
        y: Math.round((layout.stageH - panelH) / 2),
        w: panelW,
        h: panelH,
        texture: Lightning.Tools.getRoundRect(panelW, panelH, style.radius, style.panelStroke, style.panelStrokeColor, true, style.panelFill),
        Title: { x: m.pad, y: m.pad, text: textOf(type.dialogTitle, '', style.title, { wordWrapWidth: panelW - m.pad * 2, maxLines: 3 }) },
        Body: { x: m.pad, y: bodyY, text: textOf(bodyType(type), '', style.body, { wordWrapWidth: panelW - m.pad * 2, maxLines: 3 }) },
        Actions: { type: Row, x: m.pad, y: actionsY, gap: m.actionsGap },
      },
    }
  }

  override _init(): void {
    for (const part of ['title', 'body'] as const) {
      const text = this.tag(part === 'title' ? 'Panel.Title' : 'Panel.Body')
      text?.on('txLoaded', () => {
        this.lines = { ...this.lines, [part]: lineCount(text) }
        this.place()
      })
    }
  }

  /** Body, buttons, panel and shadow for the lines the title and body were drawn in; the panel stays centred. */
  private place(): void {
    const t = currentTokens()
    const style = dialogStyle(t)
    const lh = { title: lineHeightOf(t.type.dialogTitle), body: lineHeightOf(bodyType(t.type)) }
    const { bodyY, actionsY, panelH } = dialogLayout(this.lines.title, this.lines.body, lh)
    const shadowPad = m.shadowBlur * 2
    const y = Math.round((t.layout.stageH - panelH) / 2)
    this.tag('PanelShadow')?.patch({ y: y - shadowPad + 20, texture: Lightning.Tools.getShadowRect(panelW, panelH, style.radius, m.shadowBlur) })
    this.tag('Panel')?.patch({
      y,
      h: panelH,
      texture: Lightning.Tools.getRoundRect(panelW, panelH, style.radius, style.panelStroke, style.panelStrokeColor, true, style.panelFill),
    })
    this.tag('Panel.Body')?.patch({ y: bodyY })
    this.tag('Panel.Actions')?.patch({ y: actionsY })
  }

  /** Shows the question with the safe choice focused (the owner must then route focus here). */
  open(content: ConfirmContent): void {
    this.confirmRef = content.refs.confirm
    this.question = { title: content.title, body: content.body }
    this.visible = true
    this.tag('Panel.Title')?.patch({ text: { text: content.title } })
    this.tag('Panel.Body')?.patch({ text: { text: content.body } })
    this.tag('Panel.Actions')?.setItems([
      { ref: content.refs.cancel, type: Button, label: content.cancel },
      { ref: content.refs.confirm, type: Button, label: content.confirm },
    ])
  }

  /** Voice guidance when the dialog opens: the question, then the focused button. */
  announcement(): Announcement {
    return [this.question.title, copy.spoken.dialog, this.question.body]
  }

  close(): void {
    this.visible = false
  }

  get isOpen(): boolean {
    return this.visible
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Panel.Actions')
  }

  $buttonPressed(ref: string): void {
    this.fireAncestors('$dialogAnswered', ref === this.confirmRef)
  }

  override _handleBack(): boolean | void {
    this.fireAncestors('$dialogAnswered', false)
  }

  // A modal: keys that nothing inside handled stop here instead of reaching the page behind.
  override _handleKey(): boolean | void {
    return true
  }
}
