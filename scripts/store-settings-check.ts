/**
 * Whether pass settings may ship in a store package: a package made with the local sandbox's values
 * (environment "sandbox", a loopback or LAN Adobe host, plain http or loopback pages for the viewer's
 * phone, an unsigned software statement) installs and then fails for every viewer.
 *
 * Pure: the packaging scripts feed it the effective settings and print `sandboxRefusal` when it
 * finds anything.
 */
import type { PassSettings } from '../src/core/base/settings'

export type StoreCheckedSettings = Pick<PassSettings, 'environment' | 'baseUrl' | 'activationUrl' | 'redirectUrl' | 'softwareStatement'>

type HostKind = 'loopback' | 'private' | 'public'

function ipv4Kind(address: string): HostKind | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address)
  if (!match) return undefined
  const [a, b] = [Number(match[1]), Number(match[2])]
  // 0.0.0.0/8 reaches the machine itself on the systems the sandbox runs on.
  if (a === 127 || a === 0) return 'loopback'
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127))
    return 'private'
  return 'public'
}

function ipv6Kind(address: string): HostKind | undefined {
  if (!address.includes(':')) return undefined
  if (address === '::1' || address === '::') return 'loopback'
  // WHATWG URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address)
  if (mapped) {
    const [high, low] = [parseInt(mapped[1] ?? '0', 16), parseInt(mapped[2] ?? '0', 16)]
    return ipv4Kind(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`)
  }
  if (/^f[cd][0-9a-f]{0,2}:/.test(address) || /^fe[89ab][0-9a-f]?:/.test(address)) return 'private'
  return 'public'
}

/** `hostname` as WHATWG URL gives it (lower case, IPv4 normalised, IPv6 in brackets). */
export function hostKind(hostname: string): HostKind {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '')
  const ip = ipv4Kind(host) ?? ipv6Kind(host)
  if (ip) return ip
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback'
  // mDNS names and single-label names resolve only on the developer's network.
  if (host.endsWith('.local') || !host.includes('.')) return 'private'
  return 'public'
}

/** Why `value` cannot be used from a viewer's TV or phone; empty when it can. */
function urlReasons(value: string, refuseLan: boolean): string[] {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return ['is not an absolute URL']
  }
  const reasons: string[] = []
  if (url.protocol === 'http:') reasons.push('is plain http')
  const kind = hostKind(url.hostname)
  if (kind === 'loopback') reasons.push(`is on a loopback host (${url.hostname})`)
  else if (kind === 'private' && refuseLan) reasons.push(`is on a private network host (${url.hostname})`)
  return reasons
}

function base64urlJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

/** Why the statement is not a signed JWT; the sandbox's is `alg: "none"` with an empty signature. */
function statementReasons(jwt: string): string[] {
  const [header = '', , signature = ''] = jwt.split('.')
  const reasons: string[] = []
  const decoded = base64urlJson(header)
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    reasons.push('has a header that is not base64url JSON')
  } else {
    const alg = (decoded as { alg?: unknown }).alg
    if (typeof alg !== 'string' || alg === '') reasons.push('is an unsigned JWT (no alg in its header)')
    else if (alg.toLowerCase() === 'none') reasons.push(`is an unsigned JWT (header alg "${alg}")`)
  }
  if (jwt.split('.').length < 3 || signature === '') reasons.push('has no signature part')
  else if (!/^[A-Za-z0-9_-]+$/.test(signature)) reasons.push('has a signature part that is not base64url')
  return reasons
}

const key = (name: keyof StoreCheckedSettings): string => `appSettings.pass.${name}`

/** Every reason these settings are the sandbox's, one line per setting, each naming its key and the fix. */
export function storeSettingsProblems(pass: StoreCheckedSettings): string[] {
  const problems: string[] = []
  if (pass.environment === 'sandbox') {
    problems.push(`${key('environment')} is "sandbox" (the local test server): set an Adobe environment, "release-production" for the stores`)
  }
  const base = urlReasons(pass.baseUrl, true)
  if (base.length > 0) {
    problems.push(
      `${key('baseUrl')} "${pass.baseUrl}" ${base.join(' and ')}: no viewer's TV reaches it; set "" for the Adobe host of the environment (https://sp.auth.adobe.com in release-production)`,
    )
  }
  for (const name of ['activationUrl', 'redirectUrl'] as const) {
    const reasons = urlReasons(pass[name], false)
    if (reasons.length > 0) {
      problems.push(`${key(name)} "${pass[name]}" ${reasons.join(' and ')}: the viewer's phone opens it; use a page on the programmer's https domain`)
    }
  }
  const statement = statementReasons(pass.softwareStatement)
  if (statement.length > 0) {
    problems.push(`${key('softwareStatement')} ${statement.join(' and ')}: use the signed software statement from the TVE Dashboard`)
  }
  return problems
}

export interface RefusalContext {
  /** The command as typed, e.g. `npm run package:tizen`. */
  readonly command: string
  /** Where the settings came from, e.g. `settings.json appSettings.pass`. */
  readonly source: string
}

/** The one message a refused store build prints. */
export function sandboxRefusal(problems: readonly string[], context: RefusalContext): string {
  return [
    `Refusing to build a store package with the sandbox's Adobe Pass settings (${context.source}):`,
    ...problems.map((problem) => `  - ${problem}`),
    'Put the production values in a JSON file kept outside the repository and name it in STORE_PASS_SETTINGS:',
    `  STORE_PASS_SETTINGS=/secure/pass.production.json ${context.command}`,
    '(its keys replace those of appSettings.pass; a complete example: docs/store-pass-settings.example.json).',
    `A package for testing against the sandbox: ${context.command} -- --sandbox (its file name says -sandbox).`,
  ].join('\n')
}
