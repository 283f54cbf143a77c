/**
 * The Tizen package (`npm run package:tizen`, here the test package made with `-- --sandbox`): a zip
 * with config.xml at its root that carries what Samsung's tools and Seller Office check
 * (tizen/README.md), and the legacy app.
 */
import { readFileSync } from 'node:fs'
import { describeAppFiles, configuredPass, expectedAppName } from './app-checks'
import { basename } from 'node:path'
import { packageVersion, parseXml, pngSize, readZip, releaseFile, tizenTestPackage, type Files } from './archives'

const tizenNs = 'http://tizen.org/ns/widgets'
const xmlNs = 'http://www.w3.org/XML/1998/namespace'
let wgt: string
let files: Files
let config: Document

beforeAll(() => {
  wgt = releaseFile(tizenTestPackage.pattern, tizenTestPackage.command)
  files = readZip(wgt)
  config = parseXml((files.get('config.xml') ?? Buffer.from('')).toString('utf8'))
})

const tizen = (name: string): Element[] => Array.from(config.getElementsByTagNameNS(tizenNs, name))
const w3c = (name: string): Element[] => Array.from(config.getElementsByTagNameNS('http://www.w3.org/ns/widgets', name))

test('the test package is named MyChannel-<version>-sandbox.wgt', () => {
  expect(basename(wgt)).toBe(`MyChannel-${packageVersion()}-sandbox.wgt`)
})

describe('config.xml', () => {
  test('widget: id, version from package.json, maximized', () => {
    const widget = config.documentElement
    expect(widget.localName).toBe('widget')
    expect(widget.namespaceURI).toBe('http://www.w3.org/ns/widgets')
    expect(widget.getAttribute('id')).toMatch(/^https?:\/\/\S+$/)
    expect(widget.getAttribute('version')).toBe(packageVersion())
    expect(widget.getAttribute('version')).toMatch(/^\d{1,3}\.\d{1,3}\.\d{1,5}$/)
    expect(widget.getAttribute('viewmodes')).toBe('maximized')
  })

  test('tizen:application id is "<10-character package>.<Name>" with a required version; tv-samsung profile', () => {
    const [app] = tizen('application')
    const pkg = app?.getAttribute('package') ?? ''
    expect(pkg).toMatch(/^[0-9A-Za-z]{10}$/)
    expect(app?.getAttribute('id')).toMatch(new RegExp(`^${pkg}\\.[0-9A-Za-z]+$`))
    expect(app?.getAttribute('required_version')).toMatch(/^\d+\.\d+$/)
    expect(tizen('profile').map((p) => p.getAttribute('name'))).toEqual(['tv-samsung'])
  })

  test('content is index.html, icon and name present, both files inside', () => {
    expect(w3c('content')[0]?.getAttribute('src')).toBe('index.html')
    expect(files.has('index.html')).toBe(true)
    const icon = w3c('icon')[0]?.getAttribute('src') ?? ''
    expect(pngSize(files.get(icon))).toEqual({ width: 512, height: 423 })
    expect(w3c('name')[0]?.textContent?.trim()).toBeTruthy()
  })

  test("name: the brand's app name from settings.json in English and Spanish, so a rebrand edits no manifest", () => {
    const template = /<name>([^<]*)<\/name>/.exec(readFileSync('tizen/config.xml', 'utf8'))?.[1] ?? ''
    const names = w3c('name').map((n) => [n.getAttributeNS(xmlNs, 'lang'), n.textContent])
    expect(names).toEqual([
      [null, expectedAppName(template)],
      ['es', expectedAppName(template)],
    ])
  })

  test('description: one in English (the fallback) and one in Spanish, each in its own language', () => {
    const descriptions = new Map(w3c('description').map((d) => [d.getAttributeNS(xmlNs, 'lang') ?? '', d.textContent?.trim() ?? '']))
    expect([...descriptions.keys()]).toEqual(['', 'es'])
    expect(descriptions.get('')).toMatch(/TV provider/)
    expect(descriptions.get('es')).toMatch(/proveedor de TV/)
    expect(descriptions.get('es')).not.toBe(descriptions.get(''))
  })

  test('privileges: exactly the ones the app uses', () => {
    expect(
      tizen('privilege')
        .map((p) => p.getAttribute('name'))
        .sort(),
    ).toEqual([
      'http://developer.samsung.com/privilege/network.public',
      'http://developer.samsung.com/privilege/productinfo',
      'http://tizen.org/privilege/internet',
      'http://tizen.org/privilege/tv.inputdevice',
    ])
  })

  test('network access only to the Adobe Pass host of the configured environment', () => {
    const origins = w3c('access').map((a) => a.getAttribute('origin'))
    expect(origins).toEqual([new URL(configuredPass().baseUrl).origin])
    expect(w3c('access').map((a) => a.getAttribute('subdomains'))).toEqual(['false'])
    expect(origins).not.toContain('*')
  })

  test('hardware keys reach the app; landscape; no background run', () => {
    const [setting] = tizen('setting')
    expect(setting?.getAttribute('hwkey-event')).toBe('enable')
    expect(setting?.getAttribute('screen-orientation')).toBe('landscape')
    expect(setting?.getAttribute('background-support')).toBe('disable')
  })
})

describe('Tizen entry file', () => {
  test("Samsung's webapis.js loads before the app's scripts", () => {
    const html = (files.get('index.html') ?? Buffer.from('')).toString('utf8')
    const webapis = html.indexOf('<script src="$WEBAPIS/webapis/webapis.js"></script>')
    expect(webapis).toBeGreaterThan(0)
    expect(webapis).toBeLessThan(html.indexOf('src="./js/polyfills.js"'))
  })

  test('unsigned: no signature files unless the publisher signs it', () => {
    expect([...files.keys()].filter((f) => /signature/.test(f))).toEqual([])
  })
})

describeAppFiles('wgt', () => files)
