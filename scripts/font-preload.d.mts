export interface FontPreloadOptions {
  /** false for a page that runs from file:// (the packaged apps); true, the default, over http(s). */
  readonly cors?: boolean
}

/** The `<link rel="preload">` of every .woff2 under `<appDir>/static/fonts`, by name. */
export function fontPreloadLinks(appDir: string, options?: FontPreloadOptions): string[]

/** `html` with the font preloads after its charset, once. */
export function withFontPreload(html: string, appDir: string, options?: FontPreloadOptions): string
