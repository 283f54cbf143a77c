/**
 * The requests the client sends match Adobe's OpenAPI operations (restApiV2.json, dcrApi.json): a run
 * that touches every operation the TV uses, then every request the sandbox recorded is checked for
 * method + path template, required headers and query parameters, no headers V2 does not expect
 * (CL-HDR-5), and the body (captured as sent) against the operation's requestBody schema.
 *
 * Where the OpenAPI file and Adobe's API pages disagree, the pages win (docs/adobe-pass.md), each case named here:
 * - AP-Device-Identifier and X-Device-Info go on every V2 request (docs/adobe-pass.md "Headers", CL-HDR-2/3)
 *   although the file lists them only for some operations;
 * - the DCR token request sends client_id/client_secret/grant_type in a form body (docs/adobe-pass.md "Dynamic Client Registration"),
 *   never in the query the file describes: a secret must not be in a URL;
 * - register omits redirect_uri, optional on the API page (docs/adobe-pass.md "Dynamic Client Registration"), required in the file.
 */
import { compileSchema, findOperation, optionalHeaders, requiredHeaders } from '../sandbox/helpers/openapi'
import type { Sandbox } from '../sandbox'
import { device, sandboxForTests, useSandbox } from './support'

let sandbox: Sandbox
useSandbox((started) => (sandbox = started))

const MVPD = 'Sandbox_Cable'
/** Added by the HTTP stack itself, not by the client. */
const transportHeaders = ['host', 'connection', 'content-length', 'user-agent', 'accept-encoding', 'accept-language', 'sec-fetch-mode']
/** Reference 3.1 note 3: the TV sends both device headers on every V2 call. */
const everyV2 = ['ap-device-identifier', 'x-device-info']

type Json = Record<string, unknown>
interface RequestBody {
  content: Record<string, { schema: Json }>
}

// Fourteen requests: past the burst of a new device they are paced at one per 1050 ms (src/core/pass/pacer.ts).
const pacedRunMs = 30000

test(
  'every recorded request matches its OpenAPI operation (method, path, headers, query, body)',
  async () => {
    const tv = device(sandbox)
    const client = tv.start()
    // One pass over every operation the TV uses.
    await client.configuration()
    const session = await client.createSession({})
    const code = session.code as string
    await client.retrieveSession(code)
    await client.resumeSession(code, { mvpd: MVPD })
    await client.retrieveProfileForCode(code)
    sandbox.completeSignIn(code, { mvpd: MVPD, user: 'viewer' })
    await client.retrieveProfileForCode(code)
    await client.retrieveProfiles()
    await client.retrieveProfileForMvpd(MVPD)
    await client.preauthorize(MVPD, ['mychannel-live', 'mychannel-news'])
    await client.authorize(MVPD, 'mychannel-live')
    await client.logout(MVPD)

    const recorded = sandbox.requests().filter((r) => r.path.indexOf('/api/v2/') === 0 || r.path.indexOf('/o/client/') === 0)
    const operations = new Set<string>()
    const problems: string[] = []
    recorded.forEach((r, index) => {
      const where = `${r.method} ${r.path}`
      const op = findOperation(r.method, r.path)
      if (!op) {
        problems.push(`${where}: no OpenAPI operation`)
        return
      }
      operations.add(`${op.method} ${op.fullTemplate}`)
      if (r.status >= 400) problems.push(`${where}: answered ${r.status}`)
      const names = Object.keys(r.headers).map((h) => h.toLowerCase())
      for (const h of requiredHeaders(op)) if (!names.includes(h.toLowerCase())) problems.push(`${where}: required header ${h} missing`)
      const allowed = [...requiredHeaders(op), ...optionalHeaders(op)].map((h) => h.toLowerCase())
      if (op.spec === 'rest') allowed.push(...everyV2)
      if (op.spec === 'dcr') allowed.push('content-type', 'x-device-info', 'accept')
      for (const h of names) if (!allowed.includes(h) && !transportHeaders.includes(h)) problems.push(`${where}: header ${h} not expected (CL-HDR-5)`)
      const queryParams = (op.operation.parameters ?? []).filter((p) => p.in === 'query')
      for (const q of Object.keys(r.query)) if (!queryParams.some((p) => p.name === q)) problems.push(`${where}: query ${q} not expected (CL-HDR-5)`)
      if (op.fullTemplate !== '/o/client/token') {
        for (const p of queryParams) if (p.required && !(p.name in r.query)) problems.push(`${where}: query ${p.name} missing`)
      }
      // Body as it went on the wire, checked against the operation's requestBody schema.
      const sent = tv.wire[index]
      if (!sent || sent.method !== r.method || sent.path !== r.path) {
        problems.push(`${where}: wire record out of step`)
        return
      }
      const requestBody = (op.operation as unknown as { requestBody?: RequestBody }).requestBody
      if (!requestBody) {
        if (op.fullTemplate === '/o/client/token') {
          const form = Object.fromEntries(new URLSearchParams(sent.body))
          if (Object.keys(form).sort().join() !== 'client_id,client_secret,grant_type') problems.push(`${where}: token form ${Object.keys(form).join()}`)
          if ('client_secret' in r.query) problems.push(`${where}: client secret in the URL`)
        } else if (sent.body !== '') {
          problems.push(`${where}: a body the operation does not take`)
        }
        return
      }
      const [mediaType, content] = Object.entries(requestBody.content)[0] as [string, { schema: Json }]
      if ((sent.contentType ?? '').split(';')[0] !== mediaType) problems.push(`${where}: Content-Type ${sent.contentType} vs ${mediaType}`)
      const file = op.spec === 'rest' ? 'restApiV2.json' : 'dcrApi.json'
      const schema = JSON.parse(JSON.stringify(content.schema).replace(/"#\/components\//g, `"${file}#/components/`)) as Json
      const body: unknown = mediaType === 'application/json' ? JSON.parse(sent.body) : Object.fromEntries(new URLSearchParams(sent.body))
      // Register: the file's ClientRegistrationRequest without its `required: redirect_uri` (header comment).
      const validate = compileSchema(
        op.fullTemplate === '/o/client/register'
          ? {
              type: 'object',
              required: ['software_statement'],
              additionalProperties: false,
              properties: { software_statement: { type: 'string' }, redirect_uri: { type: 'string' } },
            }
          : schema,
      )
      if (!validate(body)) problems.push(`${where}: body ${JSON.stringify(validate.errors)}`)
    })
    expect(problems).toEqual([])
    expect(Array.from(operations).sort()).toEqual([
      'GET /api/v2/{serviceProvider}/configuration',
      'GET /api/v2/{serviceProvider}/logout/{mvpd}',
      'GET /api/v2/{serviceProvider}/profiles',
      'GET /api/v2/{serviceProvider}/profiles/code/{code}',
      'GET /api/v2/{serviceProvider}/profiles/{mvpd}',
      'GET /api/v2/{serviceProvider}/sessions/{code}',
      'POST /api/v2/{serviceProvider}/decisions/authorize/{mvpd}',
      'POST /api/v2/{serviceProvider}/decisions/preauthorize/{mvpd}',
      'POST /api/v2/{serviceProvider}/sessions',
      'POST /api/v2/{serviceProvider}/sessions/{code}',
      'POST /o/client/register',
      'POST /o/client/token',
    ])
    // CL-HDR-1..3 on every V2 request.
    for (const r of recorded.filter((x) => x.path.indexOf('/api/v2/') === 0)) {
      expect(r.headers['authorization']).toMatch(/^Bearer \S+$/)
      expect(r.headers['ap-device-identifier']).toMatch(/^fingerprint [A-Za-z0-9+/]+=*$/)
      expect(r.headers['x-device-info']).toMatch(/^[A-Za-z0-9+/]+=*$/)
    }
  },
  pacedRunMs,
)

test('throttling on (1 request/s, burst 10): a cold start and a sign-in stay under the limit', async () => {
  const throttled = await sandboxForTests(true)
  try {
    const tv = device(throttled)
    const client = tv.start()
    await client.retrieveProfiles()
    const session = await client.createSession({})
    await client.retrieveProfileForCode(session.code as string)
    expect(throttled.requests().map((r) => r.status)).not.toContain(429)
  } finally {
    await throttled.stop()
  }
})
