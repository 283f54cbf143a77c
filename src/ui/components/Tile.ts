import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { keepPartsTogether, lineCount, lineHeightOf, textOf } from '../theme/text'
import { currentTokens } from '../theme/current'
import { Pressable } from './Pressable'
import { LogoWell } from './LogoWell'
import { tileMetrics as m, tileStyle } from './Tile.styles'

export interface TileTemplateSpec extends Lightning.Component.TemplateSpec {
  Shadow: object
  Frame: object
  Logo: typeof LogoWell
  Name: object
  Meta: object
  Badge: { BadgeText: object }
}

export interface TileData {
  readonly name: string
  readonly meta: string
  /** Shown in the logo well when there is no logo image (or it fails to load). */
  readonly logoText: string
  readonly logoUrl?: string
  readonly badge?: string
}

export const tileW = m.w
export const tileH = m.h

/** Where the meta line goes under a name drawn in `nameLines` lines. */
function metaY(nameLines: number): number {
  return m.nameY + nameLines * lineHeightOf(currentTokens().type.tileName) + m.metaGap
}

/** A provider tile of the profiles grid: logo well, name, validity, optional badge. Looks: Tile.styles.ts. */
export class Tile extends Pressable<TileTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<TileTemplateSpec> {
  private tileData: TileData = { name: '', meta: '', logoText: '' }
  private badgeW = 0

  static override _template(): Lightning.Component.Template<TileTemplateSpec> {
    const t = currentTokens()
    const textW = m.w - m.pad * 2
    return {
      w: m.w,
      h: m.h,
      collision: true,
      // getShadowRect pads the texture by twice the blur on every side.
      Shadow: { x: -m.shadowBlur * 2, y: -m.shadowBlur * 2 + 18, alpha: 0, texture: Lightning.Tools.getShadowRect(m.w, m.h, t.layout.radius, m.shadowBlur) },
      Frame: {},
      Logo: { type: LogoWell, x: m.pad, y: m.pad, wellW: textW, wellH: m.wellH },
      Name: { x: m.pad, y: m.nameY, text: textOf(t.type.tileName, '', t.colors.text, { wordWrapWidth: textW, maxLines: 2 }) },
      Meta: { x: m.pad, y: metaY(1), text: textOf(t.type.caption, '', t.colors.text2, { wordWrapWidth: textW, maxLines: 2 }) },
      Badge: { x: m.w - 26, y: -20, mountX: 1, visible: false, BadgeText: { x: m.badgePadX, y: 6, text: textOf(t.type.badge, '', t.colors.text) } },
    }
  }

  set data(value: TileData) {
    this.tileData = value
    this._update()
  }

  get data(): TileData {
    return this.tileData
  }

  /** "Riverside Cable, signed in · 29 days left, last used": the name, its line and its badge. */
  accessibleName(): Announcement {
    const d = this.tileData
    return [d.name, d.meta.replace(/ · /g, ', '), d.badge ?? '']
  }

  override _init(): void {
    // A name that wraps pushes the meta line down.
    const name = this.tag('Name')
    name?.on('txLoaded', () => this.tag('Meta')?.patch({ y: metaY(lineCount(name)) }))
    const badgeText = this.tag('Badge.BadgeText')
    badgeText?.on('txLoaded', () => {
      this.badgeW = Math.round(badgeText.renderWidth + m.badgePadX * 2)
      this._update()
    })
    this._update()
  }

  protected _update(): void {
    const style = tileStyle(currentTokens(), { focused: this.hasFocus() })
    const d = this.tileData
    const f = style.frame
    this.tag('Frame')?.patch({ x: f.offset, y: f.offset, texture: Lightning.Tools.getRoundRect(f.w, f.h, f.radius, f.stroke, f.strokeColor, true, f.fill) })
    this.tag('Shadow')?.patch({ alpha: style.shadowAlpha, color: style.shadowColor })
    this.tag('Logo')?.patch({ name: d.logoText, logoUrl: d.logoUrl ?? '' })
    this.tag('Name')?.patch({ text: { text: d.name, textColor: style.nameColor } })
    this.tag('Meta')?.patch({ text: { text: keepPartsTogether(d.meta), textColor: style.metaColor } })
    const badge = this.tag('Badge')
    badge?.patch({ visible: Boolean(d.badge) })
    if (this.badgeW > 0)
      badge?.patch({
        w: this.badgeW,
        h: m.badgeH,
        texture: Lightning.Tools.getRoundRect(this.badgeW, m.badgeH, currentTokens().layout.radiusBadge, 0, 0, true, style.badgeFill),
      })
    this.tag('Badge.BadgeText')?.patch({ text: { text: d.badge ?? '', textColor: style.badgeText } })
    this.setSmooth('scale', style.scale, { duration: currentTokens().focus.durationS })
    this.patch({ zIndex: style.zIndex })
  }
}
