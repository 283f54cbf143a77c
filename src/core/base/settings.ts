/**
 * The `pass` part of settings.json (docs/architecture.md "Settings"), validated once at start-up so a wrong value
 * fails with a message that names the key, instead of a 400 from Adobe later.
 *
 * Hosts come from the `servers` of Adobe's OpenAPI files (restApiV2.json: `<host>/api/v2`,
 * dcrApi.json: `<host>/o`; docs/adobe-pass.md "Endpoints"). `baseUrl` is an origin only: the client appends
 * `/api/v2/…` and `/o/client/…` itself.
 */
import { isRecord } from './guards'

export type PassEnvironment = 'sandbox' | 'release-production' | 'release-staging' | 'prequal-production' | 'prequal-staging'

/** Origins of Adobe's environments, from the OpenAPI `servers` (docs/adobe-pass.md "Endpoints"). */
export const passHosts: Readonly<Record<Exclude<PassEnvironment, 'sandbox'>, string>> = {
  'release-production': 'https://sp.auth.adobe.com',
  'release-staging': 'https://sp.auth-staging.adobe.com',
  'prequal-production': 'https://sp-prequal.auth.adobe.com',
  'prequal-staging': 'https://sp-prequal.auth-staging.adobe.com',
}

const environments: readonly PassEnvironment[] = ['sandbox', ...(Object.keys(passHosts) as PassEnvironment[])]

/** A resource offered for decisions (docs/adobe-pass.md "Endpoints"). */
export interface PassResource {
  readonly id: string
  readonly title: string
}

export interface PassSettings {
  readonly environment: PassEnvironment
  /** Origin (scheme, host, optional port; no path, no trailing slash). */
  readonly baseUrl: string
  /** The channel/brand id (reference glossary), used in every V2 path. */
  readonly serviceProvider: string
  /** The public software statement JWT (docs/adobe-pass.md "Dynamic Client Registration"); the only secret-looking value shipped. */
  readonly softwareStatement: string
  /** Activation page for the second screen, with `{code}` where the code goes. */
  readonly activationUrl: string
  /** `domainName` sent with create/resume session (docs/adobe-pass.md "Endpoints"). */
  readonly domainName: string
  /** `redirectUrl` sent with create/resume session and logout (docs/adobe-pass.md "Endpoints"). */
  readonly redirectUrl: string
  /** Poll interval for profile-for-code, 3–5 s (CL-AUTHN-3). */
  readonly pollIntervalMs: number
  readonly resources: readonly PassResource[]
}

/** A settings value that cannot be used; the message names the key and what would fix it. */
export class SettingsError extends Error {
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(`settings appSettings.pass.${key}: ${problem}`)
    this.name = 'SettingsError'
  }
}

const keys = [
  'environment',
  'baseUrl',
  'serviceProvider',
  'softwareStatement',
  'activationUrl',
  'domainName',
  'redirectUrl',
  'pollIntervalMs',
  'resources',
] as const
type Key = (typeof keys)[number]

/** CL-AUTHN-3: poll every 3–5 s on the second-screen flow. */
export const minPollIntervalMs = 3000
export const maxPollIntervalMs = 5000

/** Parses `a=b&c=d` (with or without `?`) without URLSearchParams, which the oldest engines lack. */
function parseQuery(query: string): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const text = query.charAt(0) === '?' ? query.slice(1) : query
  for (const part of text.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = eq < 0 ? part : part.slice(0, eq)
    const value = eq < 0 ? '' : part.slice(eq + 1)
    try {
      out.push([decodeURIComponent(name.replace(/\+/g, ' ')), decodeURIComponent(value.replace(/\+/g, ' '))])
    } catch {
      throw new SettingsError(name, 'the query override is not valid percent-encoding')
    }
  }
  return out
}

function requireString(source: Record<string, unknown>, key: Key): string {
  const value = source[key]
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SettingsError(key, 'must be a non-empty string')
  }
  return value.trim()
}

function parseOrigin(value: string, key: Key): string {
  const match = /^(https?):\/\/([^/?#\s:]+)(:\d{1,5})?\/?$/i.exec(value)
  if (!match) {
    throw new SettingsError(
      key,
      `"${value}" must be an origin such as https://sp.auth.adobe.com or http://127.0.0.1:4000 (no path: the client appends /api/v2 and /o/client itself)`,
    )
  }
  const scheme = (match[1] ?? '').toLowerCase()
  const host = (match[2] ?? '').toLowerCase()
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '[::1]'
  if (scheme === 'http' && !loopback) {
    // The access token and client secret travel on this connection: only loopback may be plain HTTP.
    throw new SettingsError(key, `"${value}" must use https (plain http is allowed for loopback only)`)
  }
  return `${scheme}://${host}${match[3] ?? ''}`
}

function parseHttpUrl(value: string, key: Key): string {
  if (!/^https?:\/\/[^/\s]+/i.test(value)) {
    throw new SettingsError(key, `"${value}" must be an absolute http(s) URL`)
  }
  return value
}

function parseResources(value: unknown): PassResource[] {
  let list = value
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value)
    } catch {
      throw new SettingsError('resources', 'the override must be JSON, e.g. [{"id":"live","title":"Live"}]')
    }
  }
  if (!Array.isArray(list) || list.length === 0) {
    throw new SettingsError('resources', 'must be a non-empty array of {id, title}')
  }
  const seen = new Set<string>()
  return list.map((item, index) => {
    if (!isRecord(item) || typeof item.id !== 'string' || item.id === '' || typeof item.title !== 'string') {
      throw new SettingsError('resources', `entry ${index} must be {"id": string, "title": string}`)
    }
    if (seen.has(item.id)) throw new SettingsError('resources', `duplicate id "${item.id}"`)
    seen.add(item.id)
    return { id: item.id, title: item.title }
  })
}

function parsePollInterval(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < minPollIntervalMs || n > maxPollIntervalMs) {
    throw new SettingsError(
      'pollIntervalMs',
      `${String(value)} must be an integer between ${minPollIntervalMs} and ${maxPollIntervalMs} (CL-AUTHN-3: poll every 3–5 s)`,
    )
  }
  return n
}

/**
 * Validates the `pass` settings and applies `?pass.<key>=value` query overrides (docs/architecture.md "Settings").
 *
 * @param raw - `appSettings.pass` (the whole settings.json or its `appSettings` are accepted too).
 * @param query - the page's query string (`location.search`); read only when `allowOverrides` is true.
 * @param allowOverrides - true in development and test builds; store packages pass false.
 * @defaultValue allowOverrides `false`
 * @throws SettingsError naming the key and the fix.
 */
export function parsePassSettings(raw: unknown, query?: string, allowOverrides = false): PassSettings {
  let source: unknown = raw
  if (isRecord(source) && isRecord(source.appSettings)) source = source.appSettings
  if (isRecord(source) && isRecord(source.pass)) source = source.pass
  if (!isRecord(source)) {
    throw new SettingsError('(root)', 'appSettings.pass must be an object')
  }
  const merged: Record<string, unknown> = { ...source }
  if (allowOverrides && query) {
    for (const [name, value] of parseQuery(query)) {
      if (name.indexOf('pass.') !== 0) continue
      const key = name.slice('pass.'.length)
      if (!(keys as readonly string[]).includes(key)) {
        throw new SettingsError(key, `unknown override ?${name}; known keys: ${keys.join(', ')}`)
      }
      merged[key] = value
    }
  }

  const environment = merged.environment === undefined ? 'sandbox' : merged.environment
  if (typeof environment !== 'string' || !(environments as readonly string[]).includes(environment)) {
    throw new SettingsError('environment', `"${String(environment)}" must be one of ${environments.join(', ')}`)
  }
  const env = environment as PassEnvironment

  let baseUrl: string
  if (merged.baseUrl === undefined || merged.baseUrl === '') {
    if (env === 'sandbox') {
      throw new SettingsError('baseUrl', 'is required with environment "sandbox" (e.g. http://127.0.0.1:4000)')
    }
    baseUrl = passHosts[env]
  } else {
    baseUrl = parseOrigin(requireString(merged, 'baseUrl'), 'baseUrl')
  }

  const serviceProvider = requireString(merged, 'serviceProvider')
  const softwareStatement = requireString(merged, 'softwareStatement')
  if (softwareStatement.split('.').length !== 3) {
    throw new SettingsError('softwareStatement', 'must be the JWT from the TVE Dashboard (three dot-separated parts; CL-REG-1)')
  }
  const activationUrl = parseHttpUrl(requireString(merged, 'activationUrl'), 'activationUrl')
  if (activationUrl.indexOf('{code}') < 0) {
    throw new SettingsError('activationUrl', 'must contain {code} where the activation code goes')
  }

  return {
    environment: env,
    baseUrl,
    serviceProvider,
    softwareStatement,
    activationUrl,
    domainName: requireString(merged, 'domainName'),
    redirectUrl: parseHttpUrl(requireString(merged, 'redirectUrl'), 'redirectUrl'),
    pollIntervalMs: parsePollInterval(merged.pollIntervalMs ?? 5000),
    resources: parseResources(merged.resources),
  }
}
