import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { textOf } from '../theme/text'
import { currentTokens } from '../theme/current'
import { Pressable } from './Pressable'
import { cardMetrics as m, titleCardStyle, type BadgeTone } from './TitleCard.styles'

export interface TitleCardTemplateSpec extends Lightning.Component.TemplateSpec {
  title: string
  badge: string
  badgeTone: BadgeTone
  Frame: object
  Badge: { BadgeText: object }
  Title: object
}

export const cardW = m.w
export const cardH = m.h

/** A programme card of the decisions row with its preauthorization badge. Looks: TitleCard.styles.ts. */
export class TitleCard extends Pressable<TitleCardTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<TitleCardTemplateSpec> {
  private cardTitle = ''
  private badgeText = ''
  private tone: BadgeTone = 'neutral'
  private badgeW = 0

  static override _template(): Lightning.Component.Template<TitleCardTemplateSpec> {
    const t = currentTokens()
    return {
      w: m.w,
      h: m.h,
      collision: true,
      Frame: {},
      Badge: { x: m.pad, y: m.pad, BadgeText: { x: m.badgePadX, y: 6, text: textOf(t.type.badge, '', t.colors.text) } },
      Title: { x: m.pad, y: m.h - m.pad, mountY: 1, text: textOf(t.type.bodyStrong, '', t.colors.text, { wordWrapWidth: m.w - m.pad * 2, maxLines: 2 }) },
    }
  }

  get title(): string {
    return this.cardTitle
  }

  set title(value: string) {
    this.cardTitle = value
    this._update()
  }

  get badge(): string {
    return this.badgeText
  }

  set badge(value: string) {
    this.badgeText = value
    this._update()
  }

  get badgeTone(): BadgeTone {
    return this.tone
  }

  set badgeTone(value: BadgeTone) {
    this.tone = value
    this._update()
  }

  /** "Sports Center, not in your package": the title and its badge. */
  accessibleName(): Announcement {
    return [this.cardTitle, this.badgeText]
  }

  override _init(): void {
    const text = this.tag('Badge.BadgeText')
    text?.on('txLoaded', () => {
      this.badgeW = Math.round(text.renderWidth + m.badgePadX * 2)
      this._update()
    })
    this._update()
  }

  protected _update(): void {
    const t = currentTokens()
    const style = titleCardStyle(t, { focused: this.hasFocus(), tone: this.tone })
    const f = style.frame
    this.tag('Frame')?.patch({ x: f.offset, y: f.offset, texture: Lightning.Tools.getRoundRect(f.w, f.h, f.radius, f.stroke, f.strokeColor, true, f.fill) })
    const badge = this.tag('Badge')
    badge?.patch({ visible: this.badgeText !== '' })
    if (this.badgeW > 0)
      badge?.patch({
        w: this.badgeW,
        h: m.badgeH,
        texture: Lightning.Tools.getRoundRect(this.badgeW, m.badgeH, t.layout.radiusBadge, 0, 0, true, style.badgeFill),
      })
    this.tag('Badge.BadgeText')?.patch({ text: { text: this.badgeText, textColor: style.badgeText } })
    this.tag('Title')?.patch({ text: { text: this.cardTitle, textColor: style.titleColor } })
    this.setSmooth('scale', style.scale, { duration: t.focus.durationS })
    this.patch({ zIndex: style.zIndex })
  }
}
