import { Lightning } from '@lightningjs/sdk'

interface TileTemplateSpec extends Lightning.Component.TemplateSpec {
  label: string
  Label: object
}

/** A focusable tile: a rectangle with a label. */
export class Tile extends Lightning.Component<TileTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<TileTemplateSpec> {
  static override _template(): Lightning.Component.Template<TileTemplateSpec> {
    return {
      w: 400,
      h: 225,
      rect: true,
      color: 0xff2a2f3a,
      Label: { x: 24, y: 24, text: { text: '', fontSize: 36, textColor: 0xffffffff } },
    }
  }

  set label(value: string) {
    this.tag('Label')?.patch({ text: { text: value } })
  }

  override _focus(): void {
    this.patch({ color: 0xff3d7eff })
  }

  override _unfocus(): void {
    this.patch({ color: 0xff2a2f3a })
  }
}

interface HomeTemplateSpec extends Lightning.Component.TemplateSpec {
  Tiles: object
}

interface PageConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** The one routed page: three tiles in a row, Left/Right move the focus. */
export class Home extends Lightning.Component<HomeTemplateSpec, PageConfig> implements Lightning.Component.ImplementTemplateSpec<HomeTemplateSpec> {
  private index = 0

  static override _template(): Lightning.Component.Template<HomeTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Tiles: {
        x: 240,
        y: 427,
        children: ['One', 'Two', 'Three'].map((label, i) => ({ type: Tile, x: i * 480, label })),
      },
    }
  }

  private get tiles(): Lightning.Element[] {
    return this.tag('Tiles')?.children ?? []
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tiles[this.index] as Lightning.Component | undefined
  }

  override _handleLeft(): boolean | void {
    if (this.index === 0) return false
    this.index -= 1
    this._refocus()
  }

  override _handleRight(): boolean | void {
    if (this.index >= this.tiles.length - 1) return false
    this.index += 1
    this._refocus()
  }
}
