/**
 * Request checks shared by the REST API V2 routes, in the order the sandbox applies them:
 * Authorization (401) → serviceProvider (400) → token/serviceProvider binding (401) → device headers
 * (400) → Content-Type (400) → parameters. Which headers each operation insists on follows Adobe's
 * OpenAPI file (openapi/README: the code endpoints and configuration need only Authorization);
 * device headers that are optional there are still checked when sent.
 */
import { findMvpd, findServiceProvider, MvpdDef, ServiceProviderDef } from './catalog'
import type { RequestCtx } from './context'
import { SandboxError } from './errors'
import { header, mediaType } from './http'
import type { AccessToken, Client } from './state'

/** Section 3.2 Authorization: `Bearer <access_token>` from /o/client/token (CL-HDR-1). */
export function requireToken(ctx: RequestCtx): { token: AccessToken; client: Client } {
  const value = header(ctx.req, 'authorization')
  if (value === undefined || value.trim() === '') {
    throw new SandboxError('invalid_access_token_client_application', 'The Authorization header is missing.')
  }
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim())
  if (!m) throw new SandboxError('invalid_access_token_client_application', 'The Authorization header is not "Bearer <access_token>".')
  const { state } = ctx.sandbox
  const token = state.tokens.get(m[1] as string)
  if (!token) throw new SandboxError('invalid_access_token_client_application', 'The access token is unknown.')
  if (token.expiresAt <= state.now) throw new SandboxError('invalid_access_token_client_application', 'The access token has expired; request a new one.')
  const client = state.clients.get(token.clientId)
  if (!client) throw new SandboxError('invalid_access_token_client_application', 'The client of this access token is no longer registered.')
  return { token, client }
}

export function requireServiceProvider(ctx: RequestCtx): ServiceProviderDef {
  const id = ctx.params.serviceProvider ?? ''
  const sp = findServiceProvider(id)
  if (!sp) throw new SandboxError('invalid_parameter_service_provider', `Unknown service provider "${id.slice(0, 64)}".`)
  return sp
}

/** Authorization, then serviceProvider, then whether the token's software statement covers it. */
export function requireAccess(ctx: RequestCtx): { sp: ServiceProviderDef; client: Client } {
  const { client } = requireToken(ctx)
  const sp = requireServiceProvider(ctx)
  if (!client.serviceProviders.includes(sp.id)) {
    throw new SandboxError('invalid_access_token_service_provider', `This client application is not registered for ${sp.id}.`)
  }
  return { sp, client }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * AP-Device-Identifier: `fingerprint <Base64(deviceId)>` (section 3.2, CL-HDR-2). Returns the raw
 * device id (profiles are keyed by it), or undefined when absent and not required.
 */
export function deviceId(ctx: RequestCtx, required: boolean): string | undefined {
  const value = header(ctx.req, 'ap-device-identifier')
  if (value === undefined) {
    if (required) throw new SandboxError('invalid_header_device_identifier', 'The AP-Device-Identifier header is missing.')
    return undefined
  }
  const m = /^fingerprint (\S+)$/.exec(value.trim())
  if (!m || !BASE64.test(m[1] as string)) {
    throw new SandboxError('invalid_header_device_identifier', 'The AP-Device-Identifier header must be "fingerprint <Base64 of the device id>".')
  }
  const raw = Buffer.from(m[1] as string, 'base64').toString('utf8')
  if (raw.trim() === '') throw new SandboxError('invalid_header_device_identifier', 'The device id is empty.')
  return raw
}

/** Section 3.3: fields X-Device-Info must carry. */
export const DEVICE_INFO_REQUIRED = ['model', 'version', 'osName', 'osVersion', 'connectionType'] as const

/**
 * X-Device-Info: Base64 of a JSON object with the required fields (section 3.3, CL-HDR-3). Restricted
 * value lists (osName…) are not enforced: Tizen has no osName value (section 3.3, UNSPECIFIED).
 */
export function deviceInfo(ctx: RequestCtx, required: boolean): Record<string, unknown> | undefined {
  const value = header(ctx.req, 'x-device-info')
  if (value === undefined) {
    if (required) throw new SandboxError('invalid_header_device_info', 'The X-Device-Info header is missing.')
    return undefined
  }
  const text = value.trim()
  let parsed: unknown
  try {
    if (!BASE64.test(text) || text === '') throw new Error('not Base64')
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'))
  } catch {
    throw new SandboxError('invalid_header_device_info', 'The X-Device-Info header must be Base64-encoded JSON.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SandboxError('invalid_header_device_info', 'The X-Device-Info header must encode a JSON object.')
  }
  const info = parsed as Record<string, unknown>
  const missing = DEVICE_INFO_REQUIRED.filter((k) => {
    const v = info[k]
    return !(typeof v === 'string' && v.trim() !== '') && typeof v !== 'number'
  })
  if (missing.length > 0) {
    throw new SandboxError('invalid_header_device_info', `X-Device-Info lacks required field(s): ${missing.join(', ')}.`)
  }
  return info
}

/** Section 3.2 Content-Type per operation; charset parameters are accepted either way (section 15 item 3). */
export function requireContentType(ctx: RequestCtx, expected: 'application/x-www-form-urlencoded' | 'application/json'): void {
  const actual = mediaType(header(ctx.req, 'content-type'))
  if (actual !== expected) {
    throw new SandboxError('invalid_header_content_type', `Content-Type must be ${expected}${actual ? `, not ${actual}` : ''}.`)
  }
}

/**
 * mvpd path/body parameter: unknown → invalid_parameter_mvpd; known but integration disabled →
 * invalid_integration (FAQ Config 8).
 */
export function requireMvpd(id: string | undefined): MvpdDef {
  if (id === undefined || id === '') throw new SandboxError('invalid_parameter_mvpd', 'The mvpd parameter is missing.')
  const mvpd = findMvpd(id)
  if (!mvpd) throw new SandboxError('invalid_parameter_mvpd', `Unknown mvpd "${id.slice(0, 64)}".`)
  if (!mvpd.active) throw new SandboxError('invalid_integration', `The integration with ${mvpd.id} is disabled.`)
  return mvpd
}

/** redirectUrl must be an absolute http(s) URL (invalid_parameter_redirect_url). */
export function checkRedirectUrl(value: string | undefined, required: boolean): string | undefined {
  if (value === undefined || value === '') {
    if (required) throw new SandboxError('invalid_parameter_redirect_url', 'The redirectUrl parameter is missing.')
    return undefined
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new SandboxError('invalid_parameter_redirect_url', 'The redirectUrl parameter is not an absolute URL.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SandboxError('invalid_parameter_redirect_url', 'The redirectUrl parameter must be an http(s) URL.')
  }
  return value
}
