// Preloads the app's fonts from index.html (docs/architecture.md, "Fonts"). The SDK creates the app
// only once every font of App.getFonts has loaded, and it asks for them after the bundles have run;
// a preload starts the fetches while the bundles still download and parse. A preload serves the
// FontFace load only when both are the same kind of request: over http(s) a font is fetched in CORS
// mode, so the link needs `crossorigin`
// (https://developer.mozilla.org/en-US/docs/Web/HTML/Attributes/rel/preload#cors-enabled_fetches);
// from file://, as the packaged apps run, Chromium fetches a font without CORS, and a `crossorigin`
// preload there is refused (origin "null") and the font fetched a second time.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The `<link rel="preload">` of every .woff2 under `<appDir>/static/fonts`, by name; `cors: false`
 * for a page that runs from file://.
 */
export function fontPreloadLinks(appDir, { cors = true } = {}) {
  const fonts = join(appDir, 'static', 'fonts')
  if (!existsSync(fonts)) return []
  const crossorigin = cors ? ' crossorigin' : ''
  return readdirSync(fonts)
    .filter((name) => name.endsWith('.woff2'))
    .sort()
    .map((name) => `<link rel="preload" as="font" type="font/woff2"${crossorigin} href="static/fonts/${name}" />`)
}

/** `html` with the font preloads after its charset, once (the page loads nothing before them). */
export function withFontPreload(html, appDir, options = {}) {
  const links = fontPreloadLinks(appDir, options).filter((link) => !html.includes(link))
  if (links.length === 0) return html
  const charset = '<meta charset="UTF-8" />'
  if (!html.includes(charset)) throw new Error('index.html has no <meta charset="UTF-8" /> to put the font preloads after')
  return html.replace(charset, [charset, ...links].join('\n        '))
}
