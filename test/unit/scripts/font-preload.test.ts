/** The font preloads the build adds to index.html (docs/architecture.md, "Fonts"). */
import { readFileSync } from 'node:fs'
import { fontPreloadLinks, withFontPreload } from '../../../scripts/font-preload.mjs'
import { fontFile, fontWeights } from '../../../scripts/font-subset'

const page = '<!DOCTYPE html>\n<html lang="en">\n    <head>\n        <meta charset="UTF-8" />\n        <style></style>\n    </head>\n</html>\n'

const hrefs = (html: string): string[] => [...html.matchAll(/<link rel="preload"[^>]* href="([^"]+)"/g)].map((m) => m[1] ?? '')

test('index.html preloads every shipped weight, as CORS font requests, before anything else loads', () => {
  const html = withFontPreload(page, '.')
  expect(hrefs(html)).toEqual(fontWeights.map((weight) => `static/${fontFile(weight)}`))
  for (const link of fontPreloadLinks('.')) {
    expect(link).toMatch(/ as="font" /)
    expect(link).toMatch(/ type="font\/woff2" /)
    expect(link).toMatch(/ crossorigin /)
  }
  expect(html.indexOf('rel="preload"')).toBeGreaterThan(html.indexOf('<meta charset'))
  expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf('<style>'))
})

test('a preload names the URL the app loads the font from (Utils.asset under platformSettings.path)', () => {
  const { platformSettings } = JSON.parse(readFileSync('settings.json', 'utf8')) as { platformSettings: { path: string } }
  // Packaged apps run from file://, the browser from http: both resolve relative to index.html.
  for (const base of ['file:///opt/apps/mychannel/index.html', 'http://127.0.0.1:8080/es5/index.html']) {
    const preloaded = hrefs(withFontPreload(page, '.')).map((href) => new URL(href, base).href)
    const loaded = fontWeights.map((weight) => new URL(`${platformSettings.path.replace(/\/?$/, '/')}${fontFile(weight)}`, base).href)
    expect(preloaded).toEqual(loaded)
  }
})

test('a page that runs from file:// preloads without CORS, as Chromium fetches its fonts there', () => {
  const html = withFontPreload(page, '.', { cors: false })
  expect(hrefs(html)).toEqual(fontWeights.map((weight) => `static/${fontFile(weight)}`))
  expect(html).not.toContain('crossorigin')
})

test('the preloads are added once, and a page without fonts is left alone', () => {
  const once = withFontPreload(page, '.')
  expect(withFontPreload(once, '.')).toBe(once)
  expect(withFontPreload(page, 'no-such-app')).toBe(page)
  expect(() => withFontPreload('<html></html>', '.')).toThrow('charset')
})
