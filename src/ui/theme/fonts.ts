import { Utils } from '@lightningjs/sdk'
import { fontFamily } from './tokens'

/** The Inter weights the tokens use (files in static/fonts, from @fontsource/inter). */
export function appFonts(): { family: string; url: string; descriptors: FontFaceDescriptors }[] {
  return [400, 600, 700, 800].map((weight) => ({
    family: fontFamily,
    url: Utils.asset(`fonts/inter-latin-${weight}-normal.woff2`) as string,
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
