/** parsePassSettings (docs/architecture.md "Settings"): validation, environments from the OpenAPI servers, query overrides. */
import { parsePassSettings, SettingsError } from '../../../../src/core/base/settings'
import settingsJson from '../../../../settings.json'
import restApi from '../../../sandbox/openapi/restApiV2.json'
import dcrApi from '../../../sandbox/openapi/dcrApi.json'

const pass = settingsJson.appSettings.pass

test('settings.json parses as shipped', () => {
  const s = parsePassSettings(settingsJson)
  expect(s).toMatchObject({ environment: 'sandbox', baseUrl: 'http://127.0.0.1:4000', serviceProvider: 'MYCHAN', pollIntervalMs: 5000 })
  expect(s.resources).toHaveLength(5)
})

test.each([
  ['release-production', 'https://sp.auth.adobe.com'],
  ['release-staging', 'https://sp.auth-staging.adobe.com'],
  ['prequal-production', 'https://sp-prequal.auth.adobe.com'],
  ['prequal-staging', 'https://sp-prequal.auth-staging.adobe.com'],
])('environment %s without baseUrl uses %s, a host of both OpenAPI files', (environment, origin) => {
  const s = parsePassSettings({ ...pass, environment, baseUrl: undefined })
  expect(s.baseUrl).toBe(origin)
  expect(restApi.servers.map((x) => x.url)).toContain(`${origin}/api/v2`)
  expect(dcrApi.servers.map((x) => x.url)).toContain(`${origin}/o`)
})

test('sandbox without baseUrl is refused with the fix in the message', () => {
  expect(() => parsePassSettings({ ...pass, baseUrl: undefined })).toThrow(/baseUrl: is required with environment "sandbox"/)
})

test('query overrides apply only when allowed; numbers and JSON resources are parsed', () => {
  const query =
    '?pass.baseUrl=http%3A%2F%2F127.0.0.1%3A5123&pass.serviceProvider=REF30&pass.pollIntervalMs=3000&pass.resources=' +
    encodeURIComponent(JSON.stringify([{ id: 'a', title: 'A' }])) +
    '&other=1'
  const allowed = parsePassSettings(settingsJson, query, true)
  expect(allowed).toMatchObject({ baseUrl: 'http://127.0.0.1:5123', serviceProvider: 'REF30', pollIntervalMs: 3000, resources: [{ id: 'a', title: 'A' }] })
  const refused = parsePassSettings(settingsJson, query, false)
  expect(refused).toMatchObject({ baseUrl: 'http://127.0.0.1:4000', serviceProvider: 'MYCHAN', pollIntervalMs: 5000 })
  expect(parsePassSettings(settingsJson, query)).toEqual(refused)
})

test.each([
  [{ baseUrl: 'http://127.0.0.1:4000/api/v2' }, /baseUrl: .*must be an origin/],
  [{ baseUrl: 'http://sp.auth.adobe.com' }, /baseUrl: .*must use https/],
  [{ environment: 'production' }, /environment: "production" must be one of sandbox, release-production/],
  [{ serviceProvider: '' }, /serviceProvider: must be a non-empty string/],
  [{ softwareStatement: 'abc' }, /softwareStatement: must be the JWT/],
  [{ activationUrl: 'http://x/activate' }, /activationUrl: must contain \{code\}/],
  [{ pollIntervalMs: 1000 }, /pollIntervalMs: 1000 must be an integer between 3000 and 5000 \(CL-AUTHN-3/],
  [{ resources: [] }, /resources: must be a non-empty array/],
  [
    {
      resources: [
        { id: 'a', title: 'A' },
        { id: 'a', title: 'B' },
      ],
    },
    /resources: duplicate id "a"/,
  ],
])('%p is refused with a message naming the key', (override, message) => {
  expect(() => parsePassSettings({ ...pass, ...override })).toThrow(SettingsError)
  expect(() => parsePassSettings({ ...pass, ...override })).toThrow(message)
})

test('an unknown override key is refused (a typo must not go unnoticed)', () => {
  expect(() => parsePassSettings(settingsJson, '?pass.baseURL=http://127.0.0.1:1', true)).toThrow(/unknown override \?pass\.baseURL/)
})
