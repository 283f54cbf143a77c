import { Lightning } from '@lightningjs/sdk'
import type { Announcement } from '../../core'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../components/PageChrome'
import { Row } from '../components/Row'
import { Tile, tileW } from '../components/Tile'
import { colors, layout, type } from '../theme/tokens'
import { textOf } from '../theme/text'
import type { ProfilesView } from '../model/views'
import { copy } from '../copy'

interface ProfilesTemplateSpec extends Lightning.Component.TemplateSpec, ChromeSpec {
  view: ProfilesView
  Grid: typeof Row
  Hint: object
}

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

export const anotherProviderRef = 'AnotherProvider'

/**
 * Several valid profiles (docs/architecture.md "Screens"): one tile per provider, longest validity first, the
 * last provider focused, plus "Another provider" to sign in with a code. Left/Right move, OK picks.
 */
export class ProfilesPage
  extends Lightning.Component<ProfilesTemplateSpec, PageConfig>
  implements Lightning.Component.ImplementTemplateSpec<ProfilesTemplateSpec>
{
  private profilesView: ProfilesView = { tiles: [], canGoBack: false }

  static override _template(): Lightning.Component.Template<ProfilesTemplateSpec> {
    return {
      ...chromeTemplate(),
      Grid: { type: Row, x: layout.marginX, y: 395, gap: layout.tileGap, viewport: layout.stageW - layout.marginX * 2 },
      Hint: { x: layout.marginX, y: layout.stageH - layout.marginY - 60, text: textOf(type.caption, copy.profiles.hint, colors.text2) },
    }
  }

  get view(): ProfilesView {
    return this.profilesView
  }

  set view(value: ProfilesView) {
    const sameGrid = sameProviders(this.profilesView, value)
    this.profilesView = value
    this._update(sameGrid)
  }

  /** Voice guidance on entering the screen: what it is and what to do (the focused tile follows). */
  announcement(): Announcement {
    return [copy.profiles.title, copy.profiles.subtitle]
  }

  /** The tiles show provider ids until the configuration names them: say the grid once the names are there. */
  announcementReady(): boolean {
    return this.profilesView.tiles.every((t) => t.name !== t.mvpd)
  }

  override _init(): void {
    placeBrand(this.tag('Brand.BrandA'), this.tag('Brand.BrandB'))
    this.tag('Title')?.patch({ text: { text: copy.profiles.title } })
    this.tag('Subtitle')?.patch({ text: { text: copy.profiles.subtitle } })
    this._update()
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Grid')
  }

  override _handleBack(): boolean | void {
    this.fireAncestors('$intent', { type: 'back' })
  }

  $buttonPressed(ref: string): void {
    if (ref === anotherProviderRef) {
      this.fireAncestors('$intent', { type: 'useAnotherProvider' })
      return
    }
    const tile = this.profilesView.tiles.find((t) => tileRef(t.mvpd) === ref)
    if (tile) this.fireAncestors('$intent', { type: 'pickProfile', mvpd: tile.mvpd })
  }

  /** `keepPlace`: the same providers as before (names arriving from the configuration): the focus stays. */
  /** The fixed words, again with every view: the TV's language may have changed since the page was built. */
  private words(): void {
    this.tag('Title')?.patch({ text: { text: copy.profiles.title } })
    this.tag('Subtitle')?.patch({ text: { text: copy.profiles.subtitle } })
    this.tag('Hint')?.patch({ text: { text: copy.profiles.hint } })
  }

  private _update(keepPlace = false): void {
    const grid = this.tag('Grid')
    if (!grid) return
    this.words()
    const tiles = this.profilesView.tiles.map((t) => ({
      ref: tileRef(t.mvpd),
      type: Tile,
      w: tileW,
      data: {
        name: t.name,
        meta: t.validity,
        logoText: t.name,
        ...(t.logoUrl ? { logoUrl: t.logoUrl } : {}),
        ...(t.lastUsed ? { badge: copy.profiles.lastUsed } : {}),
      },
    }))
    tiles.push({
      ref: anotherProviderRef,
      type: Tile,
      w: tileW,
      data: { name: copy.profiles.another, meta: copy.profiles.anotherMeta, logoText: '+' },
    })
    const first = this.profilesView.tiles.findIndex((t) => t.mvpd === this.profilesView.focusMvpd)
    grid.setItems(tiles, keepPlace ? grid.index : Math.max(0, first))
  }
}

function sameProviders(a: ProfilesView, b: ProfilesView): boolean {
  return a.tiles.length > 0 && a.tiles.length === b.tiles.length && a.tiles.every((t, i) => t.mvpd === b.tiles[i]?.mvpd)
}

/** Refs must be valid tag names: provider ids may hold characters Lightning's tag paths treat specially. */
export function tileRef(mvpd: string): string {
  return `Tile_${mvpd.replace(/[^A-Za-z0-9_]/g, '_')}`
}
