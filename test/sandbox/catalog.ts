/**
 * The sandbox's fixed world: service providers, stand-in MVPDs, accepted software statements and the
 * test users of the stand-in provider login. Data only; behaviour lives in routes/ and state.ts.
 */

export interface ServiceProviderDef {
  readonly id: string
  readonly name: string
  readonly domains: readonly string[]
}

export interface MvpdDef {
  readonly id: string
  readonly displayName: string
  /** File under /logos/ served by the sandbox itself. */
  readonly logo: string
  readonly colour: string
  /** False: known id whose integration is disabled (answers invalid_integration, FAQ Config 8). */
  readonly active: boolean
  readonly isTempPass?: boolean
  /** Has an MVPD logout endpoint: logout answers `logout`/`interactive`, else `complete`/`none` (section 8A). */
  readonly interactiveLogout?: boolean
}

export const SERVICE_PROVIDERS: readonly ServiceProviderDef[] = [
  { id: 'MYCHAN', name: 'My Channel', domains: ['mychannel.example'] },
  { id: 'REF30', name: 'Reference 30', domains: ['ref30.example'] },
]

export const MVPDS: readonly MvpdDef[] = [
  { id: 'Sandbox_Cable', displayName: 'Riverside Cable', logo: 'sandbox-cable.svg', colour: '#4F8BFF', active: true, interactiveLogout: true },
  { id: 'Sandbox_Fiber', displayName: 'Summit Fiber', logo: 'sandbox-fiber.svg', colour: '#35D28F', active: true },
  { id: 'Sandbox_Sat', displayName: 'Northstar Satellite', logo: 'sandbox-sat.svg', colour: '#FFB547', active: true },
  { id: 'Sandbox_Metro', displayName: 'Metro Broadband', logo: 'sandbox-metro.svg', colour: '#FF6B6B', active: true },
  { id: 'Sandbox_Harbor', displayName: 'Harbor TV', logo: 'sandbox-harbor.svg', colour: '#9B7BFF', active: true },
  { id: 'Sandbox_Valley', displayName: 'Valley Telecom', logo: 'sandbox-valley.svg', colour: '#2EC4D6', active: true },
  { id: 'Sandbox_TempPass', displayName: 'Free preview', logo: 'sandbox-temppass.svg', colour: '#AAB1C2', active: true, isTempPass: true },
  { id: 'Sandbox_Retired', displayName: 'Lakeside Cable', logo: 'sandbox-retired.svg', colour: '#5A6070', active: false },
]

export function findServiceProvider(id: string): ServiceProviderDef | undefined {
  return SERVICE_PROVIDERS.find((sp) => sp.id === id)
}

export function findMvpd(id: string): MvpdDef | undefined {
  return MVPDS.find((m) => m.id === id)
}

/**
 * software_id values of the unsigned software statements the sandbox accepts, with the service
 * providers a token from that registration may call (else invalid_access_token_service_provider).
 */
export const SOFTWARE: Readonly<Record<string, readonly string[]>> = {
  'mychannel-tv-restv2': ['MYCHAN', 'REF30'],
  'mychannel-companion-restv2': ['MYCHAN'],
  'ref30-tv-restv2': ['REF30'],
}

/** Scope a software statement must carry (CL-REG-1: REST API V2 scope). */
export const REQUIRED_SCOPE = 'api:client:v2'

export interface TestUser {
  readonly username: string
  readonly password: string
  readonly description: string
  /** Profile attributes (section 7.1: userID mandatory). */
  readonly attributes: Readonly<Record<string, string>>
  /** Resources the stand-in MVPD denies for this user, with the code it answers. */
  readonly denies: Readonly<Record<string, 'authorization_denied_by_mvpd' | 'authorization_denied_by_parental_controls'>>
}

export const TEST_USERS: readonly TestUser[] = [
  {
    username: 'viewer',
    password: 'sandbox',
    description: 'Full package: every resource is permitted.',
    attributes: { userID: 'viewer-0001', zip: '10001', householdID: 'hh-viewer' },
    denies: {},
  },
  {
    username: 'basic',
    password: 'sandbox',
    description: 'Basic package: mychannel-sports is denied by the MVPD.',
    attributes: { userID: 'basic-0002', zip: '94105', householdID: 'hh-basic' },
    denies: { 'mychannel-sports': 'authorization_denied_by_mvpd' },
  },
  {
    username: 'kids',
    password: 'sandbox',
    description: 'Parental controls: mychannel-movies is denied (TV-Y rating).',
    attributes: { userID: 'kids-0003', maxRating: 'TV-Y', householdID: 'hh-kids' },
    denies: { 'mychannel-movies': 'authorization_denied_by_parental_controls' },
  },
]

export function findUser(username: string): TestUser | undefined {
  return TEST_USERS.find((u) => u.username === username)
}

/** Preauthorization takes at most this many resources (FAQ PreAuthZ 9: usually 5). */
export const MAX_PREAUTHORIZE_RESOURCES = 5
/** Media token lifetime (FAQ AuthZ 9: about 7 min). */
export const MEDIA_TOKEN_TTL_MS = 7 * 60 * 1000
/** Decision validity (authZ TTL agreed with the MVPD: a sandbox choice). */
export const AUTHZ_TTL_MS = 24 * 60 * 60 * 1000
/** TempPass profile lifetime (a sandbox choice; real durations are configured per programmer). */
export const TEMPPASS_TTL_MS = 60 * 60 * 1000
