/**
 * The settings file the store build hands to the Lightning CLI (settings.store.json, picked with
 * LNG_SETTINGS_ENV=store): the checked pass settings in place of the file's, everything else as it
 * was, and the CLI's own file choice honouring it. No build needed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brandAppName, storePass, storeSettingsEnv, storeSettingsJson } from '../../scripts/store-pass'

const repo = process.cwd()
let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-settings-'))
})
afterEach(() => {
  process.chdir(repo)
  rmSync(dir, { recursive: true, force: true })
})

test('the overlay replaces its keys of appSettings.pass; the rest of the settings file is kept', () => {
  const overlay = join(dir, 'pass.json')
  writeFileSync(overlay, JSON.stringify({ environment: 'release-production', baseUrl: 'https://sp.auth.adobe.com' }))
  const source = storePass({ STORE_PASS_SETTINGS: overlay })
  const written = JSON.parse(storeSettingsJson(source)) as { appSettings: Record<string, unknown>; platformSettings: unknown }
  const original = JSON.parse(readFileSync('settings.json', 'utf8')) as {
    appSettings: { pass: Record<string, unknown> } & Record<string, unknown>
    platformSettings: unknown
  }

  expect(written.appSettings.pass).toEqual({ ...original.appSettings.pass, environment: 'release-production', baseUrl: 'https://sp.auth.adobe.com' })
  expect({ ...written.appSettings, pass: undefined }).toEqual({ ...original.appSettings, pass: undefined })
  expect(written.platformSettings).toEqual(original.platformSettings)
})

test('the Lightning CLI reads settings.store.json when LNG_SETTINGS_ENV=store (its own file choice)', () => {
  // The CLI's helper, as `lng dist` calls it: a CLI update that drops the variable fails here.
  const cli = require('@lightningjs/cli/src/helpers/build') as { getSettingsFileName(): string }
  writeFileSync(join(dir, `settings.${storeSettingsEnv}.json`), '{}')
  const previous = process.env.LNG_SETTINGS_ENV
  process.env.LNG_SETTINGS_ENV = storeSettingsEnv
  try {
    process.chdir(dir)
    expect(cli.getSettingsFileName()).toBe('settings.store.json')
  } finally {
    if (previous === undefined) delete process.env.LNG_SETTINGS_ENV
    else process.env.LNG_SETTINGS_ENV = previous
  }
})

test("LNG_SETTINGS_ENV=store from the caller is refused: that file is the store build's", () => {
  expect(() => storePass({ LNG_SETTINGS_ENV: storeSettingsEnv })).toThrow(/LNG_SETTINGS_ENV=store.*another name/)
})

describe('brandAppName: the name the store manifests get', () => {
  test('appSettings.brand.appName first, then the older brand.name', () => {
    expect(brandAppName({ appSettings: { brand: { appName: 'MyChannel', name: 'MYCHANNEL' } } })).toBe('MyChannel')
    expect(brandAppName({ appSettings: { brand: { name: 'MYCHANNEL' } } })).toBe('MYCHANNEL')
  })

  test('none given (or blank): undefined, so each manifest keeps its own', () => {
    expect(brandAppName({ appSettings: { brand: { appName: '  ' } } })).toBeUndefined()
    expect(brandAppName({ appSettings: {} })).toBeUndefined()
    expect(brandAppName({})).toBeUndefined()
  })
})
