import { Lightning } from '@lightningjs/sdk'
import { Button } from '../components/Button'
import { Row } from '../components/Row'
import { textOf } from '../theme/text'
import { currentTokens } from '../theme/current'
import { dialogMetrics as m, dialogStyle } from './ConfirmDialog.styles'

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

const { panelW, panelH } = m

/**
 * A modal question over the page: the exit dialog (Back on the first screen, Samsung "Return key
 * policy", webOS 6+ rule) and the sign-out confirmation. The safe choice takes the focus first;
 * Back or it fires `$dialogAnswered(false)`, the other button `$dialogAnswered(true)`. While open
 * the dialog traps every key.
 */
export class ConfirmDialog
  extends Lightning.Component<ConfirmDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ConfirmDialogTemplateSpec>
{
  private confirmRef = ''

  static override _template(): Lightning.Component.Template<ConfirmDialogTemplateSpec> {
    const t = currentTokens()
    const { layout, type } = t
    const style = dialogStyle(t)
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
        y: (layout.stageH - panelH) / 2 - shadowPad + 20,
        color: style.shadow,
        texture: Lightning.Tools.getShadowRect(panelW, panelH, style.radius, m.shadowBlur),
      },
      Panel: {
        x: (layout.stageW - panelW) / 2,
        y: (layout.stageH - panelH) / 2,
        w: panelW,
        h: panelH,
        texture: Lightning.Tools.getRoundRect(panelW, panelH, style.radius, style.panelStroke, style.panelStrokeColor, true, style.panelFill),
        Title: { x: m.pad, y: m.pad, text: textOf(type.dialogTitle, '', style.title, { wordWrapWidth: panelW - m.pad * 2, maxLines: 2 }) },
        Body: { x: m.pad, y: m.bodyY, text: textOf(type.caption, '', style.body, { fontSize: m.bodyFontSize, wordWrapWidth: panelW - m.pad * 2 }) },
        Actions: { type: Row, x: m.pad, y: m.actionsY, gap: m.actionsGap },
      },
    }
  }

  /** Shows the question with the safe choice focused (the owner must then route focus here). */
  open(content: ConfirmContent): void {
    this.confirmRef = content.refs.confirm
    this.visible = true
    this.tag('Panel.Title')?.patch({ text: { text: content.title } })
    this.tag('Panel.Body')?.patch({ text: { text: content.body } })
    this.tag('Panel.Actions')?.setItems([
      { ref: content.refs.cancel, type: Button, label: content.cancel },
      { ref: content.refs.confirm, type: Button, label: content.confirm },
    ])
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
