/**
 * The check that keeps the sandbox out of store packages: every way a setting can point at the local
 * sandbox is refused and named, a production configuration passes, and so does the documented
 * STORE_PASS_SETTINGS example.
 */
import { readFileSync } from 'node:fs'
import { parsePassSettings, passHosts, type PassSettings } from '../../src/core/base/settings'
import { sandboxRefusal, storeSettingsProblems } from '../../scripts/store-settings-check'

const jwtPart = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
const signed = `${jwtPart({ alg: 'RS256', typ: 'JWT' })}.${jwtPart({ iss: 'adobe', software_id: 'tv' })}.c2lnbmF0dXJl`

const production: PassSettings = {
  environment: 'release-production',
  baseUrl: 'https://sp.auth.adobe.com',
  serviceProvider: 'MYCHAN',
  softwareStatement: signed,
  activationUrl: 'https://mychannel.example/activate?code={code}',
  domainName: 'mychannel.example',
  redirectUrl: 'https://mychannel.example/activated',
  pollIntervalMs: 5000,
  resources: [{ id: 'live', title: 'Live' }],
}

const problemsWith = (change: Partial<PassSettings>): string[] => storeSettingsProblems({ ...production, ...change })

function settingsJsonPass(): Record<string, unknown> {
  return (JSON.parse(readFileSync('settings.json', 'utf8')) as { appSettings: { pass: Record<string, unknown> } }).appSettings.pass
}

function documentedExample(): Record<string, unknown> {
  return JSON.parse(readFileSync('docs/store-pass-settings.example.json', 'utf8')) as Record<string, unknown>
}

describe('storeSettingsProblems: production settings pass', () => {
  test('a production configuration has no problem', () => {
    expect(storeSettingsProblems(production)).toEqual([])
  })

  test('every Adobe environment, on its own host, passes', () => {
    for (const [environment, baseUrl] of Object.entries(passHosts)) {
      expect(problemsWith({ environment: environment as PassSettings['environment'], baseUrl })).toEqual([])
    }
  })

  test('activation and redirect pages on any public https host pass, with a port or a path', () => {
    expect(problemsWith({ activationUrl: 'https://tv.mychannel.example:8443/a/b?c={code}', redirectUrl: 'https://10.example.com/done' })).toEqual([])
  })

  test('a signed statement with any non-"none" algorithm passes', () => {
    for (const alg of ['RS256', 'ES256', 'HS512']) {
      expect(problemsWith({ softwareStatement: `${jwtPart({ alg })}.${jwtPart({})}.c2ln` })).toEqual([])
    }
  })
})

describe('storeSettingsProblems: the sandbox is refused, naming the key', () => {
  test('environment "sandbox"', () => {
    const problems = problemsWith({ environment: 'sandbox' })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^appSettings\.pass\.environment .*"sandbox".*release-production/)
  })

  test.each([
    ['http://127.0.0.1:4000', /plain http.*loopback/],
    ['https://127.0.0.1:4000', /loopback/],
    ['https://127.1.2.3', /loopback/],
    ['https://localhost:4000', /loopback/],
    ['https://sandbox.localhost', /loopback/],
    ['https://[::1]:4000', /loopback/],
    ['https://[::ffff:127.0.0.1]', /loopback/],
    ['https://0.0.0.0', /loopback/],
    ['https://10.0.0.5', /private/],
    ['https://172.16.1.1', /private/],
    ['https://172.31.255.255', /private/],
    ['https://192.168.1.20:4000', /private/],
    ['https://169.254.10.10', /private/],
    ['https://[fd12:3456::1]', /private/],
    ['https://[fe80::1]', /private/],
    ['https://devbox.local', /private/],
    ['https://devbox', /private/],
    ['http://sp.auth.adobe.com', /plain http/],
  ])('baseUrl %s', (baseUrl, reason) => {
    const problems = problemsWith({ baseUrl })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^appSettings\.pass\.baseUrl /)
    expect(problems[0]).toMatch(reason)
  })

  test('public addresses next to the private ranges are not private', () => {
    for (const baseUrl of ['https://172.32.0.1', 'https://172.15.0.1', 'https://192.169.0.1', 'https://11.0.0.1']) {
      expect(problemsWith({ baseUrl })).toEqual([])
    }
  })

  test.each([
    ['activationUrl', 'http://mychannel.example/activate?code={code}', /plain http/],
    ['activationUrl', 'http://127.0.0.1:4000/activate?code={code}', /plain http.*loopback/],
    ['activationUrl', 'https://localhost/activate?code={code}', /loopback/],
    ['redirectUrl', 'http://mychannel.example/activated', /plain http/],
    ['redirectUrl', 'https://[::1]/activated', /loopback/],
    ['redirectUrl', 'https://127.0.0.1/activated', /loopback/],
  ] as const)('%s %s', (key, url, reason) => {
    const problems = problemsWith({ [key]: url })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`^appSettings\\.pass\\.${key} `))
    expect(problems[0]).toMatch(reason)
  })

  test.each([
    ['alg "none"', `${jwtPart({ alg: 'none', typ: 'JWT' })}.${jwtPart({})}.c2ln`, /alg "none"/],
    ['alg "None"', `${jwtPart({ alg: 'None' })}.${jwtPart({})}.c2ln`, /alg "None"/],
    ['no alg', `${jwtPart({ typ: 'JWT' })}.${jwtPart({})}.c2ln`, /no alg/],
    ['an empty signature', `${jwtPart({ alg: 'RS256' })}.${jwtPart({})}.`, /no signature/],
    ['two parts only', `${jwtPart({ alg: 'RS256' })}.${jwtPart({})}`, /no signature/],
    ['a header that is not JSON', `bm90IGpzb24.${jwtPart({})}.c2ln`, /header/],
    ['a header that is not base64url', `e30=.${jwtPart({})}.c2ln`, /header/],
    ['a signature that is not base64url', `${jwtPart({ alg: 'RS256' })}.${jwtPart({})}.c2ln+/=`, /signature/],
  ])('softwareStatement with %s', (_name, softwareStatement, reason) => {
    const problems = problemsWith({ softwareStatement })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^appSettings\.pass\.softwareStatement /)
    expect(problems[0]).toMatch(reason)
  })

  test("the sandbox's alg none and empty signature are both named", () => {
    const [problem] = problemsWith({ softwareStatement: `${jwtPart({ alg: 'none' })}.${jwtPart({})}.` })
    expect(problem).toMatch(/alg "none"/)
    expect(problem).toMatch(/no signature/)
    expect(problem).toMatch(/TVE Dashboard/)
  })

  test('every problem is listed, not only the first', () => {
    const problems = problemsWith({
      environment: 'sandbox',
      baseUrl: 'http://127.0.0.1:4000',
      activationUrl: 'http://127.0.0.1:4000/activate?code={code}',
      redirectUrl: 'http://localhost/activated',
      softwareStatement: `${jwtPart({ alg: 'none' })}.${jwtPart({})}.`,
    })
    expect(problems.map((p) => /^appSettings\.pass\.(\w+)/.exec(p)?.[1])).toEqual([
      'environment',
      'baseUrl',
      'activationUrl',
      'redirectUrl',
      'softwareStatement',
    ])
  })

  test("settings.json's defaults (the sandbox) are refused on four keys", () => {
    const problems = storeSettingsProblems(parsePassSettings(settingsJsonPass(), '', false))
    expect(problems.map((p) => /^appSettings\.pass\.(\w+)/.exec(p)?.[1])).toEqual(['environment', 'baseUrl', 'activationUrl', 'softwareStatement'])
  })
})

describe('sandboxRefusal', () => {
  test('lists the problems and says how to fix them: STORE_PASS_SETTINGS, the example, or --sandbox', () => {
    const message = sandboxRefusal(['appSettings.pass.environment is "sandbox"', 'appSettings.pass.baseUrl is http'], {
      command: 'npm run package:tizen',
      source: 'settings.json appSettings.pass',
    })
    expect(message).toMatch(/settings\.json appSettings\.pass/)
    expect(message).toMatch(/\n {2}- appSettings\.pass\.environment is "sandbox"\n {2}- appSettings\.pass\.baseUrl is http\n/)
    expect(message).toMatch(/STORE_PASS_SETTINGS=\S+ npm run package:tizen/)
    expect(message).toMatch(/docs\/store-pass-settings\.example\.json/)
    expect(message).toMatch(/npm run package:tizen -- --sandbox/)
  })
})

describe('the documented STORE_PASS_SETTINGS example', () => {
  test("is complete and valid on its own, on Adobe's production host, and passes the check", () => {
    const example = documentedExample()
    const pass = parsePassSettings(example, '', false)
    expect(Object.keys(example).sort()).toEqual(
      ['activationUrl', 'baseUrl', 'domainName', 'environment', 'pollIntervalMs', 'redirectUrl', 'resources', 'serviceProvider', 'softwareStatement'].sort(),
    )
    expect(pass.environment).toBe('release-production')
    expect(pass.baseUrl).toBe(passHosts['release-production'])
    expect(storeSettingsProblems(pass)).toEqual([])
  })

  test('laid over settings.json, as the packaging does, passes the check', () => {
    const pass = parsePassSettings({ ...settingsJsonPass(), ...documentedExample() }, '', false)
    expect(storeSettingsProblems(pass)).toEqual([])
  })

  test('its software statement reads as a placeholder to replace with the one from the TVE Dashboard', () => {
    const statement = String(documentedExample().softwareStatement)
    const [, payload, signature] = statement.split('.')
    expect(Buffer.from(payload ?? '', 'base64url').toString('utf8')).toMatch(/replace .*TVE Dashboard/)
    expect(signature).toMatch(/^REPLACE_WITH_/)
  })
})
