/**
 * The OpenAPI files as contract: for every operation the sandbox serves, the headers the file marks
 * required are exactly the ones the sandbox insists on (Authorization, AP-Device-Identifier,
 * X-Device-Info, Content-Type); the success body validates against the operation's schema (the test
 * client checks every JSON response). Differences with Adobe's API pages are noted where they matter.
 */
import dcrSpec from './openapi/dcrApi.json'
import restSpec from './openapi/restApiV2.json'
import { b64, CallOptions, DEVICE_INFO, Harness } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'
import { checkResponse, compileSchema, OPERATIONS, OperationInfo, optionalHeaders, patchedComponents, requiredHeaders } from './helpers/openapi'

let h: Harness
const TV = 'tv-contract'
const CHECKED_HEADERS = ['Authorization', 'AP-Device-Identifier', 'X-Device-Info', 'Content-Type']
/** Partner (Apple) SSO operations: out of scope for a Tizen/webOS app; the sandbox answers 404. */
const NOT_SERVED = ['/{serviceProvider}/profiles/sso/{partner}', '/{serviceProvider}/sessions/sso/{partner}']

useHarness((started) => (h = started), {}, { noViolationsEach: true })

/** A valid request for the operation, with every header it may take. */
async function validRequest(op: OperationInfo): Promise<{ method: string; path: string; opts: CallOptions; ok: number }> {
  const headers = (contentType?: string): Record<string, string | undefined> => ({
    ...h.client.tv(TV),
    ...(contentType ? { 'Content-Type': contentType } : {}),
  })
  const freshCode = async (mvpd?: string): Promise<string> =>
    (await h.client.createSession(TV, { domainName: 'mychannel.example', redirectUrl: 'https://mychannel.example/a', ...(mvpd ? { mvpd } : {}) })).json.code
  const profile = (): void => void h.sandbox.seedProfile({ deviceId: TV, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
  switch (`${op.method} ${op.fullTemplate}`) {
    case 'POST /o/client/register':
      return {
        method: 'POST',
        path: '/o/client/register',
        ok: 201,
        opts: {
          headers: { 'X-Device-Info': b64(JSON.stringify(DEVICE_INFO)), 'Content-Type': 'application/json;charset=utf-8' },
          body: JSON.stringify({ software_statement: (await import('./helpers/client')).SOFTWARE_STATEMENT }),
        },
      }
    case 'POST /o/client/token': {
      const q = new URLSearchParams({ client_id: h.client.clientId, client_secret: h.client.clientSecret, grant_type: 'client_credentials' })
      return { method: 'POST', path: `/o/client/token?${q}`, ok: 201, opts: { headers: { 'X-Device-Info': b64(JSON.stringify(DEVICE_INFO)) } } }
    }
    case 'GET /api/v2/{serviceProvider}/configuration':
      return { method: 'GET', path: '/api/v2/MYCHAN/configuration', ok: 200, opts: { headers: headers() } }
    case 'POST /api/v2/{serviceProvider}/sessions':
      return {
        method: 'POST',
        path: '/api/v2/MYCHAN/sessions',
        ok: 200,
        opts: { headers: headers('application/x-www-form-urlencoded'), body: 'domainName=mychannel.example' },
      }
    case 'POST /api/v2/{serviceProvider}/sessions/{code}':
      return {
        method: 'POST',
        path: `/api/v2/MYCHAN/sessions/${await freshCode()}`,
        ok: 200,
        opts: { headers: headers('application/x-www-form-urlencoded'), body: 'mvpd=Sandbox_Fiber' },
      }
    case 'GET /api/v2/{serviceProvider}/sessions/{code}':
      return { method: 'GET', path: `/api/v2/MYCHAN/sessions/${await freshCode()}`, ok: 200, opts: { headers: headers() } }
    case 'GET /api/v2/authenticate/{serviceProvider}/{code}':
      return { method: 'GET', path: `/api/v2/authenticate/MYCHAN/${await freshCode('Sandbox_Metro')}`, ok: 302, opts: { headers: headers() } }
    case 'GET /api/v2/{serviceProvider}/profiles':
      return { method: 'GET', path: '/api/v2/MYCHAN/profiles', ok: 200, opts: { headers: headers() } }
    case 'GET /api/v2/{serviceProvider}/profiles/{mvpd}':
      return { method: 'GET', path: '/api/v2/MYCHAN/profiles/Sandbox_Cable', ok: 200, opts: { headers: headers() } }
    case 'GET /api/v2/{serviceProvider}/profiles/code/{code}':
      return { method: 'GET', path: `/api/v2/MYCHAN/profiles/code/${await freshCode()}`, ok: 200, opts: { headers: headers() } }
    case 'POST /api/v2/{serviceProvider}/decisions/preauthorize/{mvpd}':
    case 'POST /api/v2/{serviceProvider}/decisions/authorize/{mvpd}':
      profile()
      return {
        method: 'POST',
        path: `/api/v2/MYCHAN/decisions/${op.template.includes('preauthorize') ? 'preauthorize' : 'authorize'}/Sandbox_Cable`,
        ok: 200,
        opts: { headers: headers('application/json;charset=utf-8'), body: '{"resources":["mychannel-live"]}' },
      }
    case 'GET /api/v2/{serviceProvider}/logout/{mvpd}':
      profile()
      return {
        method: 'GET',
        path: '/api/v2/MYCHAN/logout/Sandbox_Cable?redirectUrl=https%3A%2F%2Fmychannel.example%2Fbye',
        ok: 200,
        opts: { headers: headers() },
      }
    default:
      throw new Error(`no valid request written for ${op.method} ${op.fullTemplate}`)
  }
}

const served = OPERATIONS.filter((op) => !(op.spec === 'rest' && NOT_SERVED.includes(op.template)))

describe('Adobe OpenAPI operations', () => {
  it('covers every operation in the files except partner SSO', () => {
    expect(served).toHaveLength(OPERATIONS.length - NOT_SERVED.length)
    expect(served.map((o) => `${o.method} ${o.fullTemplate}`)).toContain('GET /api/v2/{serviceProvider}/profiles/code/{code}')
  })

  describe.each(served.map((op) => [`${op.method} ${op.fullTemplate}`, op] as const))('%s', (_name, op) => {
    it('succeeds with every header and answers a schema-valid body', async () => {
      const req = await validRequest(op)
      const res = await h.client.call(req.method, req.path, req.opts)
      expect(res.status).toBe(req.ok)
      if (res.json !== undefined) expect(checkResponse(req.method, req.path.split('?')[0] as string, res.status, res.json)?.errors).toEqual([])
    })

    const required = requiredHeaders(op).filter((name) => CHECKED_HEADERS.includes(name))
    const notRequired = CHECKED_HEADERS.filter((name) => !required.includes(name))

    // An operation with no checked required header (token, authenticate) gets no row here.
    if (required.length > 0)
      it.each(required.map((n) => [n]))('insists on %s (required in the file)', async (name) => {
        const req = await validRequest(op)
        const headers = { ...req.opts.headers, [name]: undefined }
        // Without Content-Type fetch labels a string body text/plain, which must be refused too.
        const res = await h.client.call(req.method, req.path, { ...req.opts, headers })
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
      })

    const droppable = notRequired.filter((n) => n !== 'Content-Type')
    if (droppable.length > 0) {
      it(`does not insist on ${droppable.join(', ')} (not required in the file)`, async () => {
        const req = await validRequest(op)
        const headers = { ...req.opts.headers }
        for (const name of droppable) delete headers[name]
        const res = await h.client.call(req.method, req.path, { ...req.opts, headers })
        expect(res.status).toBe(req.ok)
      })
    }
  })

  it('lists the device headers as optional exactly where the README says (profiles/code, sessions/{code}, configuration)', () => {
    const relaxed = served
      .filter((op) => op.spec === 'rest' && !requiredHeaders(op).includes('AP-Device-Identifier') && op.template !== '/authenticate/{serviceProvider}/{code}')
      .map((op) => `${op.method} ${op.template}`)
      .sort()
    expect(relaxed).toEqual([
      'GET /{serviceProvider}/configuration',
      'GET /{serviceProvider}/profiles/code/{code}',
      'GET /{serviceProvider}/sessions/{code}',
      'POST /{serviceProvider}/sessions/{code}',
    ])
    expect(optionalHeaders(served.find((o) => o.template === '/{serviceProvider}/profiles/{mvpd}') as OperationInfo)).toContain('AP-Temppass-Identity')
  })
})

describe('schema errata handled by the checker', () => {
  it('Message and UserMetadataResponse.value are springfox "java.lang.Object" (type object, no properties) in the files', () => {
    const rest = restSpec as unknown as { components: { schemas: Record<string, { type?: string; properties?: Record<string, unknown> }> } }
    expect(rest.components.schemas.Message).toEqual({ type: 'object' })
    expect(rest.components.schemas.UserMetadataResponse?.properties?.value).toEqual({ type: 'object', properties: {} })
    const patched = patchedComponents(rest as unknown as Record<string, unknown>) as typeof rest.components
    expect(patched.schemas.Message).toEqual({})
    expect(patched.schemas.ErrorInformation).toEqual(rest.components.schemas.ErrorInformation)
  })

  it('understands OpenAPI 3.0 nullable (none in the files today, so a future one does not break the checker)', () => {
    const validate = compileSchema({ type: 'object', properties: { details: { type: 'string', nullable: true } } })
    expect(validate({ details: null })).toBe(true)
    expect(validate({ details: 3 })).toBe(false)
  })

  it('still rejects bodies of the wrong shape', () => {
    expect(checkResponse('GET', '/api/v2/MYCHAN/profiles', 200, { profiles: { X: { notBefore: 'soon' } } })?.errors.length).toBeGreaterThan(0)
    expect(checkResponse('POST', '/api/v2/MYCHAN/sessions', 200, { actionName: 'resume' })?.errors.length).toBeGreaterThan(0)
    expect(checkResponse('GET', '/api/v2/MYCHAN/profiles', 400, { status: '400' })?.errors.length).toBeGreaterThan(0)
    expect(checkResponse('POST', '/o/client/token', 400, { error: 'nope' })?.errors.length).toBeGreaterThan(0)
    expect(checkResponse('POST', '/o/client/token', 201, { expires_in: '60' })?.errors.length).toBeGreaterThan(0)
    expect((dcrSpec as { openapi: string }).openapi).toBe('3.0.1')
  })
})
