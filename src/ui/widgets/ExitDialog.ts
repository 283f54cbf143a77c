import { Lightning, Settings } from '@lightningjs/sdk'
import { Button } from '../components/Button'
import { Row } from '../components/Row'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import { copy } from '../messages'

interface ExitDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  PanelShadow: object
  Panel: { Title: object; Body: object; Actions: typeof Row }
}

const panelW = 900
const panelH = 420

/**
 * Back on the first screen asks before leaving (Samsung "Return key policy", webOS 6+ rule). "Stay"
 * takes the focus first; Back on the dialog closes it. The dialog traps every key while open.
 */
export class ExitDialog
  extends Lightning.Component<ExitDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ExitDialogTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ExitDialogTemplateSpec> {
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
        Title: { x: 64, y: 64, text: textOf(type.dialogTitle, '', colors.text) },
        Body: { x: 64, y: 150, text: textOf(type.caption, copy.exit.body, colors.text2, { fontSize: 32, wordWrapWidth: panelW - 128 }) },
        Actions: { type: Row, x: 64, y: 270, gap: 48 },
      },
    }
  }

  override _init(): void {
    const configured: unknown = Settings.get('app', 'brand', { name: copy.defaultBrand })
    const raw = (configured as { name?: unknown } | null)?.name
    const brand = typeof raw === 'string' && raw.trim() ? raw.trim() : copy.defaultBrand
    // "MYCHANNEL" → "MyChannel" reads better in a sentence.
    const display = brand === brand.toUpperCase() && brand.startsWith('MY') ? `My${brand.slice(2, 3)}${brand.slice(3).toLowerCase()}` : brand
    this.tag('Panel.Title')?.patch({ text: { text: copy.exit.title(display) } })
  }

  /** Shows the dialog with "Stay" focused (the owner must then route focus here). */
  open(signedIn: boolean): void {
    this.visible = true
    this.tag('Panel.Body')?.patch({ text: { text: signedIn ? copy.exit.body : copy.exit.bodySignedOut } })
    this.tag('Panel.Actions')?.setItems([
      { ref: 'Stay', type: Button, label: copy.exit.stay },
      { ref: 'Exit', type: Button, label: copy.exit.exit },
    ])
  }

  close(): void {
    this.visible = false
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Panel.Actions')
  }

  $buttonPressed(ref: string): void {
    if (ref === 'Exit') this.fireAncestors('$intent', { type: 'exitApp' })
    else this.fireAncestors('$closeExitDialog')
  }

  override _handleBack(): boolean | void {
    this.fireAncestors('$closeExitDialog')
  }

  // A modal: keys that nothing inside handled stop here instead of reaching the page behind.
  override _handleKey(): boolean | void {
    return true
  }
}
