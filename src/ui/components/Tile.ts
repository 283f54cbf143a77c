import { Lightning } from '@lightningjs/sdk'
import { colors, focus, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import { Pressable } from './Pressable'
import { LogoWell } from './LogoWell'

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

export const tileW = 440
export const tileH = 300
const pad = 36
const shadowBlur = 28

/** A provider tile of the profiles grid (ui/profiles.png): logo well, name, validity, optional badge. */
export class Tile
  extends Pressable<TileTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TileTemplateSpec>
{
  private tileData: TileData = { name: '', meta: '', logoText: '' }

  static override _template(): Lightning.Component.Template<TileTemplateSpec> {
    return {
      w: tileW,
      h: tileH,
      collision: true,
      // getShadowRect pads the texture by twice the blur on every side.
      Shadow: { x: -shadowBlur * 2, y: -shadowBlur * 2 + 18, alpha: 0, color: colors.shadow, texture: Lightning.Tools.getShadowRect(tileW, tileH, layout.radius, shadowBlur) },
      Frame: {},
      Logo: { type: LogoWell, x: pad, y: pad, wellW: tileW - pad * 2, wellH: 96 },
      Name: { x: pad, y: 162, text: textOf(type.tileName, '', colors.text, { wordWrapWidth: tileW - pad * 2, maxLines: 1 }) },
      Meta: { x: pad, y: 220, text: textOf(type.caption, '', colors.text2, { wordWrapWidth: tileW - pad * 2, maxLines: 1 }) },
      Badge: { x: tileW - 26, y: -20, mountX: 1, visible: false, BadgeText: { x: 16, y: 6, text: textOf(type.badge, '', colors.text) } },
    }
  }

  set data(value: TileData) {
    this.tileData = value
    this._update()
  }

  get data(): TileData {
    return this.tileData
  }

  override _init(): void {
    const badgeText = this.tag('Badge.BadgeText')
    badgeText?.on('txLoaded', () => {
      const w = Math.round(badgeText.renderWidth + 32)
      this.tag('Badge')?.patch({ w, h: 44, texture: Lightning.Tools.getRoundRect(w, 44, 10, 0, 0, true, colors.accent) })
    })
    this._update()
  }

  protected _update(): void {
    const focused = this.hasFocus()
    const d = this.tileData
    this.tag('Frame')?.patch({
      x: focused ? -focus.outline : 0,
      y: focused ? -focus.outline : 0,
      texture: focused
        ? Lightning.Tools.getRoundRect(tileW + focus.outline * 2, tileH + focus.outline * 2, layout.radius + 4, focus.outline, colors.focus, true, colors.surface)
        : Lightning.Tools.getRoundRect(tileW, tileH, layout.radius, 2, colors.border, true, colors.surface),
    })
    this.tag('Shadow')?.patch({ alpha: focused ? 1 : 0 })
    this.tag('Logo')?.patch({ name: d.logoText, logoUrl: d.logoUrl ?? '' })
    this.tag('Name')?.patch({ text: { text: d.name } })
    this.tag('Meta')?.patch({ text: { text: d.meta } })
    this.tag('Badge')?.patch({ visible: Boolean(d.badge) })
    this.tag('Badge.BadgeText')?.patch({ text: { text: d.badge ?? '' } })
    this.setSmooth('scale', focused ? focus.scale : 1, { duration: focus.durationS })
    this.patch({ zIndex: focused ? 2 : 1 })
  }
}
