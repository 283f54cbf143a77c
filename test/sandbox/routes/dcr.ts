/**
 * Dynamic Client Registration (docs/adobe-pass.md "Dynamic Client Registration"): POST /o/client/register and /o/client/token.
 * Errors are OAuth style `{"error": …}` with HTTP 400, not enhanced error codes.
 */
import { REQUIRED_SCOPE, SOFTWARE } from '../catalog'
import type { Route, RequestCtx } from '../context'
import { DcrError, SandboxError } from '../errors'
import { deviceInfo } from '../guards'
import { header, mediaType, parseForm, sendJson } from '../http'

interface StatementClaims {
  software_id: string
  scopes: string[]
}

function decodeSegment(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
}

/**
 * Accepts unsigned JWTs (alg "none", empty signature) whose payload names a known software_id and
 * carries the REST API V2 scope (CL-REG-1). The sandbox has no Adobe keys, so it cannot check signatures.
 */
export function readSoftwareStatement(statement: unknown): StatementClaims {
  if (typeof statement !== 'string' || statement === '') throw new DcrError('invalid_request', 'software_statement is missing.')
  const parts = statement.split('.')
  if (parts.length !== 3) throw new DcrError('invalid_software_statement', 'The software statement is not a JWT.')
  let head: unknown
  let payload: unknown
  try {
    head = decodeSegment(parts[0] as string)
    payload = decodeSegment(parts[1] as string)
  } catch {
    throw new DcrError('invalid_software_statement', 'The software statement segments are not Base64url JSON.')
  }
  const alg = (head as { alg?: unknown } | null)?.alg
  if (alg !== 'none' || parts[2] !== '') throw new DcrError('invalid_software_statement', 'Only unsigned (alg "none") statements are accepted by the sandbox.')
  const claims = payload as Partial<StatementClaims> | null
  if (!claims || typeof claims.software_id !== 'string' || !(claims.software_id in SOFTWARE)) {
    throw new DcrError('invalid_software_statement', 'Unknown software_id.')
  }
  if (!Array.isArray(claims.scopes) || !claims.scopes.includes(REQUIRED_SCOPE)) {
    throw new DcrError('invalid_software_statement', `The statement lacks the ${REQUIRED_SCOPE} scope.`)
  }
  return { software_id: claims.software_id, scopes: claims.scopes }
}

function sendDcrError(ctx: RequestCtx, error: DcrError): void {
  const body: Record<string, string> = { error: error.error }
  if (error.description) body.error_description = error.description
  sendJson(ctx.res, 400, body)
}

async function register(ctx: RequestCtx): Promise<void> {
  try {
    // dcrApi.json requires Content-Type (application/json) and X-Device-Info here.
    if (mediaType(header(ctx.req, 'content-type')) !== 'application/json') {
      throw new DcrError('invalid_request', 'Content-Type must be application/json;charset=utf-8.')
    }
    try {
      deviceInfo(ctx, true)
    } catch (error) {
      if (error instanceof SandboxError) throw new DcrError('invalid_request', error.body.details ?? error.body.message)
      throw error
    }
    const raw = await ctx.body()
    let body: unknown
    try {
      body = JSON.parse(raw.toString('utf8'))
    } catch {
      throw new DcrError('invalid_request', 'The body is not JSON.')
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new DcrError('invalid_request', 'The body must be a JSON object.')
    const { software_statement: statement, redirect_uri: redirectUri } = body as Record<string, unknown>
    const claims = readSoftwareStatement(statement)
    // redirect_uri is optional on the API page (the OpenAPI schema marks it required; behaviour follows the page).
    if (redirectUri !== undefined) {
      if (typeof redirectUri !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(redirectUri)) {
        throw new DcrError('invalid_redirect_uri', 'redirect_uri must be an absolute URI.')
      }
    }
    const redirectUris = typeof redirectUri === 'string' ? [redirectUri] : [`adobepass://${claims.software_id}`]
    const client = ctx.sandbox.state.registerClient(claims.software_id, SOFTWARE[claims.software_id] ?? [], redirectUris)
    sendJson(ctx.res, 201, {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      // Section 4.1: the sample gives seconds.
      client_id_issued_at: Math.floor(client.issuedAt / 1000),
      redirect_uris: client.redirectUris,
      grant_types: ['client_credentials'],
      scopes: [REQUIRED_SCOPE],
    })
  } catch (error) {
    if (error instanceof DcrError) return sendDcrError(ctx, error)
    throw error
  }
}

async function token(ctx: RequestCtx): Promise<void> {
  try {
    // Section 4.2 sends the fields as a form body; dcrApi.json lists them as query parameters. Take both.
    const raw = await ctx.body()
    const fromBody: Record<string, string> = {}
    if (raw.length > 0) {
      if (mediaType(header(ctx.req, 'content-type')) !== 'application/x-www-form-urlencoded') {
        throw new DcrError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded.')
      }
      Object.assign(fromBody, parseForm(raw))
    }
    const param = (name: string): string | undefined => fromBody[name] ?? ctx.url.searchParams.get(name) ?? undefined
    const clientId = param('client_id')
    const clientSecret = param('client_secret')
    const grantType = param('grant_type')
    if (!clientId || !clientSecret || !grantType) throw new DcrError('invalid_request', 'client_id, client_secret and grant_type are required.')
    if (grantType !== 'client_credentials') throw new DcrError('unsupported_grant_type', 'Only client_credentials is supported.')
    const client = ctx.sandbox.state.clients.get(clientId)
    // invalid_client means new credentials are needed (section 4.2).
    if (!client || client.clientSecret !== clientSecret) throw new DcrError('invalid_client', 'Unknown client_id or wrong client_secret.')
    const issued = ctx.sandbox.state.issueToken(client.clientId)
    sendJson(ctx.res, 201, {
      id: issued.id,
      access_token: issued.accessToken,
      created_at: issued.createdAt,
      expires_in: Math.round((issued.expiresAt - issued.createdAt) / 1000),
      token_type: 'bearer',
    })
  } catch (error) {
    if (error instanceof DcrError) return sendDcrError(ctx, error)
    throw error
  }
}

export const dcrRoutes: Route[] = [
  { id: 'register', method: 'POST', pattern: '/o/client/register', kind: 'dcr', handler: register },
  { id: 'token', method: 'POST', pattern: '/o/client/token', kind: 'dcr', handler: token },
]
