import { Lightning } from '@lightningjs/sdk'
import { Button } from '../components/Button'
import { Row } from '../components/Row'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'

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

const panelW = 900
const panelH = 420

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
    return {
      w: layout.stageW,
      h: layout.stageH,
      visible: false,
      zIndex: 50,
      Dim: { w: layout.stageW, h: layout.stageH, rect: true, color: colors.dim },
      PanelShadow: {
        x: (layout.stageW - panelW) / 2 - 80,
        y: (layout.stageH - panelH) / 2 - 60,
        color: colors.shadow,
        texture: Lightning.Tools.getShadowRect(panelW, panelH, 28, 40),
      },
      Panel: {
        x: (layout.stageW - panelW) / 2,
        y: (layout.stageH - panelH) / 2,
        w: panelW,
        h: panelH,
        texture: Lightning.Tools.getRoundRect(panelW, panelH, 28, 2, colors.borderStrong, true, colors.surface),
        Title: { x: 64, y: 64, text: textOf(type.dialogTitle, '', colors.text, { wordWrapWidth: panelW - 128, maxLines: 2 }) },
        Body: { x: 64, y: 150, text: textOf(type.caption, '', colors.text2, { fontSize: 32, wordWrapWidth: panelW - 128 }) },
        Actions: { type: Row, x: 64, y: 270, gap: 48 },
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
