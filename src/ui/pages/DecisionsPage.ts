import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { Button } from '../components/Button'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../components/PageChrome'
import { LogoWell } from '../components/LogoWell'
import { Row } from '../components/Row'
import { TitleCard, cardW } from '../components/TitleCard'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import type { DecisionItemView, DecisionsView } from '../model/views'
import { copy } from '../copy'

interface DecisionsTemplateSpec extends Lightning.Component.TemplateSpec, ChromeSpec {
  view: DecisionsView
  Provider: { Well: typeof LogoWell; Caption: object }
  Cards: typeof Row
  Notice: object
  Reference: object
  Actions: typeof Row
}

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** A badge's words and tint; a function, so the words follow the language the next time the row is drawn. */
function badgeOf(badge: DecisionItemView['badge']): { text: string; tone: 'success' | 'danger' | 'neutral' } {
  switch (badge) {
    case 'included':
      return { text: copy.decisions.included, tone: 'success' }
    case 'notInPackage':
      return { text: copy.decisions.notInPackage, tone: 'danger' }
    case 'parentalControls':
      return { text: copy.decisions.parentalControls, tone: 'danger' }
    case 'unavailableNow':
      return { text: copy.decisions.unavailableNow, tone: 'danger' }
    case 'checking':
      return { text: copy.decisions.checking, tone: 'neutral' }
    case 'unknown':
      return { text: copy.decisions.unknown, tone: 'neutral' }
  }
}

export function cardRef(id: string): string {
  return `Card_${id.replace(/[^A-Za-z0-9_]/g, '_')}`
}

/**
 * Signed in (docs/architecture.md "Screens"): the provider, a row of titles with preauthorization badges, and
 * "Switch provider" / "Sign out". Up/Down move between the titles and the buttons.
 */
export class DecisionsPage
  extends Lightning.Component<DecisionsTemplateSpec, PageConfig>
  implements Lightning.Component.ImplementTemplateSpec<DecisionsTemplateSpec>
{
  private decisionsView: DecisionsView = { providerName: '', items: [], busy: false }
  private focusArea: 'Cards' | 'Actions' = 'Cards'

  static override _template(): Lightning.Component.Template<DecisionsTemplateSpec> {
    return {
      ...chromeTemplate(),
      Provider: {
        x: layout.marginX,
        y: 150,
        Well: { type: LogoWell, wellW: 180, wellH: 72 },
        Caption: { x: 210, y: 36, mountY: 0.5, text: textOf(type.subtitle, '', colors.text2) },
      },
      Cards: { type: Row, x: layout.marginX, y: 400, gap: 40, viewport: layout.stageW - layout.marginX * 2 },
      Notice: { x: layout.marginX, y: 680, text: textOf(type.caption, '', colors.text2, { wordWrapWidth: 1700, maxLines: 2 }) },
      Reference: { x: layout.marginX, y: 762, text: textOf(type.small, '', colors.text3) },
      Actions: { type: Row, x: layout.marginX, y: 830, gap: 30 },
    }
  }

  get view(): DecisionsView {
    return this.decisionsView
  }

  set view(value: DecisionsView) {
    const before = this.decisionsView.notice?.text
    const focusedBefore = this.focusedItem()
    this.decisionsView = value
    this._update()
    // A deny, a check under way or a sign-out result appears without a key press: said once (a
    // deny cuts in, the rest waits its turn). The reference below it is read only on request.
    const notice = value.notice
    if (notice && notice.text !== before) this.fireAncestors('$announce', [notice.text], notice.tone === 'danger' ? 'alert' : 'polite')
    // The focused title was still being checked when it was said: its answer follows, once.
    const focused = this.focusedItem()
    if (focused && focusedBefore?.id === focused.id && focusedBefore.badge === 'checking' && focused.badge !== 'checking')
      this.fireAncestors('$announce', [badgeOf(focused.badge).text], 'polite')
  }

  /** The title the viewer is on, when the focus is in the row. */
  private focusedItem(): DecisionItemView | undefined {
    if (this.focusArea !== 'Cards') return undefined
    return this.decisionsView.items[this.tag('Cards')?.index ?? 0]
  }

  /** Voice guidance on entering the screen: whose subscription, then the row's title (the focused title follows). */
  announcement(): Announcement {
    return [copy.decisions.watchingWith(this.decisionsView.providerName), copy.decisions.title]
  }

  override _init(): void {
    placeBrand(this.tag('Brand.BrandA'), this.tag('Brand.BrandB'))
    this.tag('Title')?.patch({ y: 270, text: { text: copy.decisions.title } })
    this.tag('Subtitle')?.patch({ visible: false })
    this.tag('Actions')?.setItems([
      { ref: 'Switch', type: Button, label: copy.decisions.switchProvider },
      { ref: 'SignOut', type: Button, label: copy.decisions.signOut },
    ])
    this._update()
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this.focusArea === 'Cards' && this.decisionsView.items.length > 0) return this.tag('Cards')
    return this.tag('Actions')
  }

  override _handleDown(): boolean | void {
    if (this.focusArea === 'Actions') return false
    this.focusArea = 'Actions'
    // Always "Switch provider" first: Down then OK must never sign out by surprise.
    this.tag('Actions')?.select(0)
    this._refocus()
    this.showNotice()
  }

  override _handleUp(): boolean | void {
    if (this.focusArea === 'Cards' || this.decisionsView.items.length === 0) return false
    this.focusArea = 'Cards'
    this._refocus()
    this.showNotice()
  }

  override _handleBack(): boolean | void {
    // Back while a title is being checked abandons the check; otherwise it is the app's Back.
    if (!this.decisionsView.playPending) return false
    this.fireAncestors('$intent', { type: 'cancelPlay' })
  }

  $rowFocusChanged(): void {
    this.showNotice()
  }

  /**
   * Where the viewer was ("Riverside Cable|Cards:3"), so coming back from the player or the grid lands
   * there; a sign-in with another provider starts at the first title instead.
   */
  get focusKey(): string {
    const area = this.focusArea === 'Cards' && this.decisionsView.items.length > 0 ? 'Cards' : 'Actions'
    const row = this.tag(area)
    return `${this.decisionsView.providerName}|${area}:${row?.index ?? 0}`
  }

  set focusKey(value: string) {
    const bar = value.lastIndexOf('|')
    const [area, index] = value.slice(bar + 1).split(':')
    if (value.slice(0, bar) !== this.decisionsView.providerName || (area !== 'Cards' && area !== 'Actions')) {
      this.resetFocus()
      return
    }
    this.focusArea = area
    // Never back onto "Sign out": the buttons row is restored to "Switch provider".
    this.tag(area)?.select(area === 'Actions' ? 0 : Number(index) || 0)
    this._refocus()
    this.showNotice()
  }

  /** The first title (the Router keeps this page between visits, with the place it had). */
  resetFocus(): void {
    this.focusArea = 'Cards'
    this.tag('Cards')?.select(0)
    this.tag('Actions')?.select(0)
    this._refocus()
    this.showNotice()
  }

  /** A deny or check message belongs to its title: hidden while another title is focused. */
  private showNotice(): void {
    const v = this.decisionsView
    const focusedId = this.focusArea === 'Cards' ? v.items[this.tag('Cards')?.index ?? -1]?.id : undefined
    const relevant = !v.noticeFor || focusedId === undefined || focusedId === v.noticeFor
    this.tag('Notice')?.patch({ visible: relevant })
    this.tag('Reference')?.patch({ visible: relevant })
  }

  $rowPointed(ref: string): void {
    if (ref === 'Cards' || ref === 'Actions') {
      this.focusArea = ref
      this._refocus()
    }
  }

  $buttonPressed(ref: string): void {
    if (this.decisionsView.busy) return
    if (ref === 'Switch') this.fireAncestors('$intent', { type: 'switchProvider' })
    else if (ref === 'SignOut') this.fireAncestors('$intent', { type: 'signOut' })
    else {
      const item = this.decisionsView.items.find((i) => cardRef(i.id) === ref)
      if (item) this.fireAncestors('$intent', { type: 'play', resource: item.id })
    }
  }

  /** The fixed words, again with every view: the TV's language may have changed since the page was built. */
  private words(): void {
    this.tag('Title')?.patch({ text: { text: copy.decisions.title } })
    const [switchButton, signOut] = (this.tag('Actions')?.items ?? []) as (Button | undefined)[]
    if (switchButton) switchButton.label = copy.decisions.switchProvider
    if (signOut) signOut.label = copy.decisions.signOut
  }

  private _update(): void {
    const v = this.decisionsView
    this.words()
    this.tag('Provider.Caption')?.patch({ text: { text: copy.decisions.watchingWith(v.providerName) } })
    this.tag('Provider.Well')?.patch({ name: v.providerName, logoUrl: v.logoUrl ?? '' })
    const cards = this.tag('Cards')
    if (cards) {
      const previous = cards.index
      cards.setItems(
        v.items.map((item) => {
          const badge = badgeOf(item.badge)
          return { ref: cardRef(item.id), type: TitleCard, w: cardW, title: item.title, badge: badge.text, badgeTone: badge.tone }
        }),
        previous,
      )
    }
    const tones = { info: colors.text2, success: colors.success, danger: colors.danger } as const
    this.tag('Notice')?.patch({ text: { text: v.notice?.text ?? '', textColor: tones[v.notice?.tone ?? 'info'] } })
    this.tag('Reference')?.patch({ text: { text: v.reference ?? '' } })
    this._refocus()
    this.showNotice()
  }
}
