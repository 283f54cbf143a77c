import { Utils } from '@lightningjs/sdk'
import { fontFamily, type } from './tokens'

/** Every weight a text style uses, lightest first: the app loads these and no other. */
export function fontWeights(): number[] {
  const weights: number[] = Object.keys(type).map((name) => type[name as keyof typeof type].weight)
  return weights.filter((weight, i) => weights.indexOf(weight) === i).sort((a, b) => a - b)
}

/**
 * The Inter weights the tokens use, as App.getFonts gives them to the SDK, which loads them all
 * before the app's first frame. The files in static/fonts are cut by scripts/subset-fonts.ts
 * (docs/architecture.md, "Fonts"), and index.html preloads each.
 */
export function appFonts(): { family: string; url: string; descriptors: FontFaceDescriptors }[] {
  return fontWeights().map((weight) => ({
    family: fontFamily,
    url: Utils.asset(`fonts/inter-${weight}.woff2`) as string,
    descriptors: { weight: String(weight) },
  }))
}

/**
 * Loads fonts without ever failing the launch: the SDK's own loader rejects on one bad font and the
 * app then never mounts (a black screen). A font that cannot load falls back to the system sans-serif.
 */
export function safeFontLoader(
  fonts: { family: string; url?: string; urls?: string[]; descriptors?: FontFaceDescriptors }[],
  store: FontFace[],
): Promise<void> {
  if (typeof FontFace === 'undefined' || typeof document === 'undefined' || !document.fonts) {
    return Promise.resolve()
  }
  const loads = fonts.map((font) => {
    const sources = font.urls ?? (font.url ? [font.url] : [])
    const face = new FontFace(font.family, sources.map((url) => `url(${url})`).join(', '), font.descriptors ?? {})
    store.push(face)
    document.fonts.add(face)
    return face.load().then(
      () => undefined,
      () => undefined,
    )
  })
  return Promise.all(loads).then(() => undefined)
}
