import { Settings } from '@lightningjs/sdk'
import { parseBrand, type Brand } from './brand'
import { baseTokens, withBrand, type Tokens } from './tokens'

interface Theme {
  readonly brand: Brand
  readonly tokens: Tokens
}

/**
 * Parsed once per settings object, so a bad brand block warns once rather than on every redraw
 * (a cache keyed by the settings value, not state: the same input always gives the same theme).
 */
const themes = new WeakMap<object, Theme>()
const noBrandBlock = {}

function theme(): Theme {
  const raw: unknown = Settings.get('app', 'brand', undefined)
  const key = typeof raw === 'object' && raw !== null ? raw : noBrandBlock
  let found = themes.get(key)
  if (!found) {
    const brand = parseBrand(raw, (message) => console.warn(`settings.json: ${message}`))
    found = { brand, tokens: withBrand(baseTokens, brand.colors) }
    themes.set(key, found)
  }
  return found
}

/** The brand from settings.json `appSettings.brand` (docs/architecture.md, "Settings"). */
export function currentBrand(): Brand {
  return theme().brand
}

/** The design tokens with the brand's colours applied: what every X.styles.ts function takes. */
export function currentTokens(): Tokens {
  return theme().tokens
}
