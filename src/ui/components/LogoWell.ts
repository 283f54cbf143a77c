import { Lightning } from '@lightningjs/sdk'
import { colors, type } from '../theme/tokens'
import { textOf } from '../theme/text'

export interface LogoWellTemplateSpec extends Lightning.Component.TemplateSpec {
  name: string
  logoUrl: string
  wellW: number
  wellH: number
  Well: object
  Name: object
  Logo: object
}

/**
 * A provider's logo in a rounded well, or its name when there is no logo or it fails to load (a broken
 * logo URL from the configuration must never leave an empty box).
 */
export class LogoWell
  extends Lightning.Component<LogoWellTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<LogoWellTemplateSpec>
{
  private nameText = ''
  private url = ''
  private size = { w: 368, h: 96 }

  static override _template(): Lightning.Component.Template<LogoWellTemplateSpec> {
    return {
      Well: {},
      Name: { mount: 0.5, text: textOf(type.tileName, '', 0xffdfe6ff, { maxLines: 1 }) },
      // Not `visible: false`: Lightning only loads textures of visible elements.
      Logo: { mount: 0.5, alpha: 0.001 },
    }
  }

  get name(): string {
    return this.nameText
  }

  set name(value: string) {
    this.nameText = value
    this._update()
  }

  get logoUrl(): string {
    return this.url
  }

  set logoUrl(value: string) {
    if (value === this.url) return
    this.url = value
    this.showName(true)
    this.tag('Logo')?.patch({ src: value || undefined })
  }

  get wellW(): number {
    return this.size.w
  }

  set wellW(value: number) {
    this.size = { ...this.size, w: value }
    this._update()
  }

  get wellH(): number {
    return this.size.h
  }

  set wellH(value: number) {
    this.size = { ...this.size, h: value }
    this._update()
  }

  override _init(): void {
    const logo = this.tag('Logo')
    logo?.on('txLoaded', () => {
      // Fit the logo inside the well, keeping its aspect ratio.
      const source = logo.texture?.source as unknown as { w?: number; h?: number } | undefined
      const w = source?.w || 1
      const h = source?.h || 1
      const scale = Math.min((this.size.w - 16) / w, (this.size.h - 12) / h)
      logo.patch({ w: Math.round(w * scale), h: Math.round(h * scale) })
      this.showName(false)
    })
    logo?.on('txError', () => this.showName(true))
    this._update()
  }

  private showName(show: boolean): void {
    this.tag('Name')?.patch({ visible: show })
    this.tag('Logo')?.patch({ alpha: show ? 0.001 : 1 })
  }

  private _update(): void {
    const { w, h } = this.size
    this.patch({ w, h })
    this.tag('Well')?.patch({ texture: Lightning.Tools.getRoundRect(w, h, 14, 0, 0, true, colors.surface2) })
    this.tag('Name')?.patch({ x: w / 2, y: h / 2, text: { text: this.nameText, wordWrapWidth: w - 24, fontSize: h < 80 ? 26 : 38 } })
    this.tag('Logo')?.patch({ x: w / 2, y: h / 2 })
  }
}
