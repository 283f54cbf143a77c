import { Lightning } from '@lightningjs/sdk'
import { textOf } from '../theme/text'
import { currentTokens } from '../theme/current'
import { containFit, logoInset, logoWellStyle } from './LogoWell.styles'

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
 * A provider's logo in a rounded well, scaled to fill it keeping its aspect ratio, or its name when
 * there is no logo or it fails to load (a broken logo URL from the configuration must never leave an
 * empty box).
 */
export class LogoWell extends Lightning.Component<LogoWellTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<LogoWellTemplateSpec> {
  private nameText = ''
  private url = ''
  private size = { w: 368, h: 96 }
  /** The loaded logo's own size; null while there is none to show (no URL, loading, or failed). */
  private logoSize: { w: number; h: number } | null = null

  static override _template(): Lightning.Component.Template<LogoWellTemplateSpec> {
    const t = currentTokens()
    return {
      Well: {},
      Name: { mount: 0.5, text: textOf(t.type.tileName, '', t.colors.logoText, { textAlign: 'center', maxLines: 2 }) },
      Logo: { mount: 0.5, alpha: t.opacity.loading },
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
    this.logoSize = null
    // hasAlpha: Lightning treats anything but a .png as opaque, so an SVG's transparent corners
    // would be drawn black.
    this.tag('Logo')?.patch({ texture: value ? { type: Lightning.textures.ImageTexture, src: value, hasAlpha: true } : null })
    this._update()
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
    logo?.on('txLoaded', (texture: Lightning.Texture) => {
      const source = texture.source as unknown as { w?: number; h?: number } | undefined
      this.logoSize = { w: source?.w ?? 0, h: source?.h ?? 0 }
      this._update()
    })
    logo?.on('txError', () => {
      this.logoSize = null
      this._update()
    })
    this._update()
  }

  private _update(): void {
    const { w, h } = this.size
    const style = logoWellStyle(currentTokens(), this.size)
    const showLogo = this.logoSize !== null && this.url !== ''
    this.patch({ w, h })
    this.tag('Well')?.patch({ texture: Lightning.Tools.getRoundRect(w, h, style.radius, 0, 0, true, style.fill) })
    this.tag('Name')?.patch({
      x: w / 2,
      y: h / 2,
      visible: !showLogo,
      text: {
        text: this.nameText,
        textColor: style.nameColor,
        fontSize: style.nameFontSize,
        lineHeight: style.nameLineHeight,
        maxLines: style.nameMaxLines,
        wordWrapWidth: style.nameWrapWidth,
      },
    })
    const fit = this.logoSize ? containFit(this.logoSize, { w: w - logoInset * 2, h: h - logoInset * 2 }) : { w: 0, h: 0 }
    this.tag('Logo')?.patch({ x: w / 2, y: h / 2, w: fit.w, h: fit.h, alpha: showLogo ? 1 : currentTokens().opacity.loading })
  }
}
