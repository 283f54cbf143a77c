/**
 * Checks both store packages share: the entry file and the legacy bundle are inside and load in the
 * right order, the bundle parses at the legacy syntax (what Chromium 53 parses), no source maps, no test or sandbox files, the store build
 * (overrides and test hook off), and settings pointing at the configured Adobe Pass environment.
 */
import { readFileSync } from 'node:fs'
import { parsePassSettings, type PassSettings } from '../../src/core/base/settings'
import { bakedAppSettings, packageVersion, type Files } from './archives'

/** The raw pass settings the packages were made for: settings.json, plus STORE_PASS_SETTINGS if given. */
export function configuredRawPass(): Record<string, unknown> {
  const settings = JSON.parse(readFileSync('settings.json', 'utf8')) as { appSettings: { pass: Record<string, unknown> } }
  const overlay = process.env.STORE_PASS_SETTINGS
  const extra = overlay ? (JSON.parse(readFileSync(overlay, 'utf8')) as Record<string, unknown>) : {}
  return { ...settings.appSettings.pass, ...extra }
}

export function configuredPass(): PassSettings {
  return parsePassSettings(configuredRawPass(), '', false)
}

/** The app name the manifests should carry: settings.json's brand (appName, else name), else `fallback`. */
export function expectedAppName(fallback: string): string {
  const settings = JSON.parse(readFileSync('settings.json', 'utf8')) as { appSettings: { brand?: { appName?: string; name?: string } } }
  const brand = settings.appSettings.brand
  return brand?.appName || brand?.name || fallback
}

// Lightning core is inside the app bundle (rollup.es5.config.js).
const legacyScripts = ['js/polyfills.js', 'js/appBundle.es5.js']

interface LegacySyntax {
  legacySyntaxError(code: string): { line: number; column: number; message: string } | null
}

/** The build's legacy syntax check (a plain .mjs module, hence untyped). */
async function legacySyntax(): Promise<LegacySyntax> {
  const modulePath = '../../scripts/legacy-syntax.mjs'
  return (await import(modulePath)) as LegacySyntax
}

export function describeAppFiles(name: string, load: () => Files): void {
  describe(`${name}: the app inside`, () => {
    let files: Files
    beforeAll(() => {
      files = load()
    })
    const text = (path: string): string => {
      const data = files.get(path)
      if (!data) throw new Error(`${path} is not in the package`)
      return data.toString('utf8')
    }

    test('the entry file loads the legacy bundle: polyfills, then the app with Lightning core inside', () => {
      const html = text('index.html')
      const order = legacyScripts.map((s) => html.indexOf(`src="./${s}"`))
      expect(order.every((i) => i >= 0)).toBe(true)
      expect([...order].sort((a, b) => a - b)).toEqual(order)
      for (const script of legacyScripts) expect(files.has(script)).toBe(true)
      expect(html).not.toMatch(/appBundle\.js"|lightning\.min\.js"|lightning\.es5\.min\.js"/)
      expect([...files.keys()].filter((f) => /lightning[^/]*\.js$/.test(f))).toEqual([])
    })

    test('every script parses at the legacy syntax (the oldest TV engines)', async () => {
      const { legacySyntaxError } = await legacySyntax()
      for (const script of legacyScripts) expect({ script, error: legacySyntaxError(text(script)) }).toEqual({ script, error: null })
    })

    test('the fonts are preloaded, without crossorigin (file:// refuses a CORS preload and would fetch them twice)', () => {
      const html = text('index.html')
      const preloads = [...html.matchAll(/<link rel="preload"[^>]*>/g)].map((m) => m[0])
      const fonts = [...files.keys()].filter((f) => f.endsWith('.woff2'))
      expect(fonts.length).toBeGreaterThan(0)
      expect(preloads.map((link) => /href="\.?\/?([^"]+)"/.exec(link)?.[1]).sort()).toEqual([...fonts].sort())
      expect(preloads.filter((link) => /crossorigin/.test(link))).toEqual([])
    })

    test('no source maps and no references to them', () => {
      expect([...files.keys()].filter((f) => f.endsWith('.map'))).toEqual([])
      for (const script of legacyScripts) expect(text(script)).not.toMatch(/sourceMappingURL/)
    })

    test('no test, sandbox or development files', () => {
      const offending = [...files.keys()].filter(
        (f) => /(^|\/)(test|tests|sandbox|support|bench|node_modules|src)\//.test(f) || /\.(ts|mjs|tsbuildinfo)$|_debug|\.env$/.test(f),
      )
      expect(offending).toEqual([])
    })

    test('a store build: no test hook, no build-time switch left, query-string overrides off', () => {
      const bundle = text('js/appBundle.es5.js')
      // window.__tvApp is installed only when overrides are allowed; its absence shows the switch was
      // substituted as "true" and the override branches were dropped.
      expect(bundle).not.toMatch(/__tvApp/)
      expect(bundle).not.toMatch(/APP_STORE_BUILD/)
    })

    test('settings baked in: exactly the configured pass settings and the package.json version', () => {
      const baked = bakedAppSettings(text('index.html'))
      expect(baked.version).toBe(packageVersion())
      // Every key, so a build that fell back to another settings file (or to settings.json without
      // the STORE_PASS_SETTINGS overlay) fails here.
      expect(baked.pass).toEqual(configuredRawPass())
      const pass = parsePassSettings(baked.pass, '', false)
      expect(pass.environment).toBe(configuredPass().environment)
      expect(baked.enablePointer).toBe(true)
    })
  })
}
