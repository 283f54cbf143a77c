/**
 * The webOS package (`npm run package:webos`, here the test package made with `-- --sandbox`): an ipk
 * made by ares-package (ar of debian-binary, control.tar.gz, data.tar.gz) with appinfo.json carrying
 * what LG's Seller Lounge checks (webos/README.md), and the legacy app.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describeAppFiles, expectedAppName } from './app-checks'
import { packageVersion, pngSize, readAr, readTarGz, readZip, releaseFile, tizenTestPackage, webosTestPackage, type Files } from './archives'

let ipk: string
let members: Files
let data: Files
let control: string
let appinfo: Record<string, unknown>
let app: Files

beforeAll(() => {
  ipk = releaseFile(webosTestPackage.pattern, webosTestPackage.command)
  members = readAr(readFileSync(ipk))
  data = readTarGz(members.get('data.tar.gz') ?? Buffer.alloc(0))
  control = (readTarGz(members.get('control.tar.gz') ?? Buffer.alloc(0)).get('control') ?? Buffer.from('')).toString('utf8')
  const appinfoPath = [...data.keys()].find((p) => /^usr\/palm\/applications\/[^/]+\/appinfo\.json$/.test(p)) ?? ''
  appinfo = JSON.parse((data.get(appinfoPath) ?? Buffer.from('{}')).toString('utf8')) as Record<string, unknown>
  const root = appinfoPath.replace(/appinfo\.json$/, '')
  app = new Map([...data].filter(([p]) => p.startsWith(root)).map(([p, d]) => [p.slice(root.length), d]))
})

/** Whether the app speaks (voice guidance): then appinfo must declare it. */
function hasVoiceGuidance(): boolean {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]))
  return walk('src').some((f) => /speechSynthesis|com\.webos\.service\.tts|Announcer/.test(readFileSync(f, 'utf8')))
}

describe('ipk', () => {
  test('the test package is named <id>_<version>-sandbox_all.ipk; the version inside stays N.N.N', () => {
    expect(basename(ipk)).toBe(`${String(appinfo.id)}_${packageVersion()}-sandbox_all.ipk`)
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  test('an ar archive of debian-binary 2.0, control and data', () => {
    expect([...members.keys()]).toEqual(['debian-binary', 'control.tar.gz', 'data.tar.gz'])
    expect(members.get('debian-binary')?.toString('latin1')).toBe('2.0\n')
  })

  test('control: package id and version', () => {
    expect(control).toMatch(new RegExp(`^Package: ${String(appinfo.id).replace(/\./g, '\\.')}$`, 'm'))
    expect(control).toMatch(new RegExp(`^Version: ${packageVersion().replace(/\./g, '\\.')}$`, 'm'))
  })
})

describe('appinfo.json', () => {
  test('the fields the store requires, with the version from package.json', () => {
    expect(appinfo).toMatchObject({ type: 'web', main: 'index.html', version: packageVersion(), resolution: '1920x1080' })
    expect(String(appinfo.id)).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/)
    expect(String(appinfo.id)).not.toMatch(/^(com\.palm|com\.webos|com\.lge)/)
    for (const key of ['vendor', 'title']) expect(typeof appinfo[key] === 'string' && (appinfo[key] as string).length > 0).toBe(true)
  })

  test("title: the brand's app name from settings.json, so a rebrand edits no manifest", () => {
    const template = JSON.parse(readFileSync('webos/appinfo.json', 'utf8')) as { title: string }
    expect(appinfo.title).toBe(expectedAppName(template.title))
  })

  test("Spanish listing: resources/es/appinfo.json carries the brand's title (the brand is not translated) and nothing the main one decides", () => {
    const data = app.get('resources/es/appinfo.json')
    expect(data).toBeDefined()
    const localized = JSON.parse((data ?? Buffer.from('{}')).toString('utf8')) as Record<string, unknown>
    expect(localized).toEqual({ title: appinfo.title })
  })

  test('Back (461) comes to the app: disableBackHistoryAPI', () => {
    expect(appinfo.disableBackHistoryAPI).toBe(true)
  })

  test('icon 80×80 and largeIcon 130×130, both inside', () => {
    expect(pngSize(app.get(String(appinfo.icon)))).toEqual({ width: 80, height: 80 })
    expect(pngSize(app.get(String(appinfo.largeIcon)))).toEqual({ width: 130, height: 130 })
  })

  test('the app speaks for itself (voice guidance), so appinfo declares accessibility.supportsAudioGuidance', () => {
    // LG's appinfo.json reference and Accessibility sample: an app supports Audio Guidance only with this set.
    expect(hasVoiceGuidance()).toBe(true)
    expect(appinfo.accessibility).toEqual({ supportsAudioGuidance: true })
  })

  test('main is inside the package', () => {
    expect(app.has(String(appinfo.main))).toBe(true)
  })
})

describe('both packages', () => {
  test('carry the same version as package.json', () => {
    const wgt = readZip(releaseFile(tizenTestPackage.pattern, tizenTestPackage.command))
    const config = (wgt.get('config.xml') ?? Buffer.from('')).toString('utf8')
    const widgetVersion = /<widget [^>]*version="([^"]+)"/.exec(config)?.[1]
    expect([widgetVersion, appinfo.version, /^Version: (.+)$/m.exec(control)?.[1]]).toEqual([packageVersion(), packageVersion(), packageVersion()])
  })
})

describeAppFiles('ipk', () => app)
