import { Lightning } from '@lightningjs/sdk'
import { colors, focus, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import { Pressable } from './Pressable'

export interface TitleCardTemplateSpec extends Lightning.Component.TemplateSpec {
  title: string
  badge: string
  badgeTone: 'success' | 'danger' | 'neutral'
  Frame: object
  Badge: { BadgeText: object }
  Title: object
}

export const cardW = 400
export const cardH = 250

const tones = {
  success: { fill: colors.successTint, text: colors.success },
  danger: { fill: colors.dangerTint, text: colors.danger },
  neutral: { fill: colors.surface2, text: colors.text2 },
} as const

/** A programme card of the decisions row (ui/decisions.png) with its preauthorization badge. */
export class TitleCard
  extends Pressable<TitleCardTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TitleCardTemplateSpec>
{
  private cardTitle = ''
  private badgeText = ''
  private tone: 'success' | 'danger' | 'neutral' = 'neutral'

  static override _template(): Lightning.Component.Template<TitleCardTemplateSpec> {
    return {
      w: cardW,
      h: cardH,
      collision: true,
      Frame: {},
      Badge: { x: 30, y: 30, BadgeText: { x: 16, y: 6, text: textOf(type.badge, '', colors.text) } },
      Title: { x: 30, y: cardH - 30, mountY: 1, text: textOf(type.bodyStrong, '', colors.text, { wordWrapWidth: cardW - 60, maxLines: 2 }) },
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

  get badgeTone(): 'success' | 'danger' | 'neutral' {
    return this.tone
  }

  set badgeTone(value: 'success' | 'danger' | 'neutral') {
    this.tone = value
    this._update()
  }

  override _init(): void {
    const text = this.tag('Badge.BadgeText')
    text?.on('txLoaded', () => this.drawBadge())
    this._update()
  }

  private drawBadge(): void {
    const text = this.tag('Badge.BadgeText')
    const w = Math.round((text?.renderWidth ?? 0) + 32)
    this.tag('Badge')?.patch({ w, h: 44, texture: Lightning.Tools.getRoundRect(w, 44, 10, 0, 0, true, tones[this.tone].fill) })
  }

  protected _update(): void {
    const focused = this.hasFocus()
    const o = focus.outline
    this.tag('Frame')?.patch({
      x: focused ? -o : 0,
      y: focused ? -o : 0,
      texture: focused
        ? Lightning.Tools.getRoundRect(cardW + o * 2, cardH + o * 2, 26, o, colors.focus, true, colors.surface2)
        : Lightning.Tools.getRoundRect(cardW, cardH, 22, 2, colors.border, true, colors.surface),
    })
    this.tag('Badge')?.patch({ visible: this.badgeText !== '' })
    this.tag('Badge.BadgeText')?.patch({ text: { text: this.badgeText, textColor: tones[this.tone].text } })
    this.drawBadge()
    this.tag('Title')?.patch({ text: { text: this.cardTitle } })
    this.setSmooth('scale', focused ? focus.scale : 1, { duration: focus.durationS })
    this.patch({ zIndex: focused ? 2 : 1 })
  }
}
