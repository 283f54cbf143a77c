/**
 * Domain types of the Adobe Pass client: what the rest of the app sees once wire bodies are parsed
 * (wire.ts). Timestamps are epoch milliseconds as numbers, whatever the wire used (docs/adobe-pass.md "Endpoints").
 */
import type { EnhancedError } from './errors'

export type ProfileType = 'regular' | 'degraded' | 'temporary' | 'appleSSO' | 'platformSSO' | 'serviceTokenSSO' | (string & {})

/** A user metadata attribute (docs/adobe-pass.md "Profiles"): `state` "enc" means the value is encrypted. */
export interface ProfileAttribute {
  readonly value: unknown
  readonly state: 'plain' | 'enc' | (string & {})
}

/** The provider remembered after a sign-in (CL-CFG-2: id, displayName and logoUrl). */
export interface LastMvpd {
  readonly id: string
  readonly displayName: string
  readonly logoUrl?: string
}

/** The profile parts kept between launches (CL-AUTHN-4: mvpd and attributes; Adobe's FAQ adds notAfter). */
export interface CachedProfile {
  readonly mvpd: string
  readonly attributes: Readonly<Record<string, ProfileAttribute>>
  readonly notAfter: number
}

/** An authentication profile (docs/adobe-pass.md "Profiles"), keyed on the wire by the mvpd id. */
export interface Profile {
  readonly mvpd: string
  readonly type: ProfileType
  readonly issuer: string
  readonly notBefore: number
  readonly notAfter: number
  readonly attributes: Readonly<Record<string, ProfileAttribute>>
}

/** A TV provider from the configuration (docs/adobe-pass.md "Endpoints"). */
export interface Mvpd {
  readonly id: string
  readonly displayName: string
  readonly logoUrl?: string
  readonly isTempPass?: boolean
}

export interface Configuration {
  readonly mvpds: readonly Mvpd[]
}

/** The answer of create/resume session (docs/adobe-pass.md "Endpoints"). */
export interface Session {
  readonly actionName: 'authenticate' | 'resume' | 'authorize' | 'retry' | (string & {})
  readonly actionType: string
  readonly reasonType: string
  readonly code?: string
  readonly url?: string
  readonly mvpd?: string
  readonly sessionId: string
  readonly serviceProvider: string
  readonly missingParameters: readonly string[]
  readonly notBefore?: number
  readonly notAfter?: number
}

/** The answer of retrieve session information (docs/adobe-pass.md "Endpoints"). */
export interface SessionInfo {
  readonly existingParameters: Readonly<Record<string, string>>
  readonly missingParameters: readonly string[]
  readonly notBefore: number
  readonly notAfter: number
}

export interface MediaToken {
  readonly notBefore: number
  readonly notAfter: number
  /** The Base64 media token: never logged or shown. */
  readonly serializedToken: string
}

/** One decision (docs/adobe-pass.md "Endpoints"); a deny carries an item-level enhanced error (CL-ERR-2). */
export interface Decision {
  readonly resource: string
  readonly mvpd: string
  readonly authorized: boolean
  readonly source: string
  readonly token?: MediaToken
  readonly notBefore?: number
  readonly notAfter?: number
  readonly error?: EnhancedError
}

/** One entry of a logout answer (docs/adobe-pass.md "Endpoints"). */
export interface LogoutEntry {
  readonly mvpd: string
  readonly actionName: 'logout' | 'partner_logout' | 'complete' | 'invalid' | (string & {})
  readonly actionType: string
  readonly url?: string
}

/** Per-call options: every request can be cancelled (issue: "every request … can be cancelled"). */
export interface CallOptions {
  readonly signal?: AbortSignal
}

/**
 * The Adobe Pass client the flow and the UI use (built by createPassClient in client.ts).
 * Every method rejects only with a PassClientError (errors.ts). Profiles whose notAfter has passed in
 * server time are dropped before they are returned.
 */
export interface PassClient {
  /** GET /api/v2/{sp}/profiles (docs/adobe-pass.md "Profiles"): all valid profiles. */
  retrieveProfiles(options?: CallOptions): Promise<Profile[]>
  /** GET /api/v2/{sp}/profiles/{mvpd} (docs/adobe-pass.md "Profiles"): the valid profile for that provider, or null. */
  retrieveProfileForMvpd(mvpd: string, options?: CallOptions): Promise<Profile | null>
  /** GET /api/v2/{sp}/profiles/code/{code} (docs/adobe-pass.md "Profiles"): empty while the sign-in is pending. */
  retrieveProfileForCode(code: string, options?: CallOptions): Promise<Profile[]>
  /** POST /api/v2/{sp}/sessions (docs/adobe-pass.md "Endpoints"), with the provider when it is known. */
  createSession(params: { mvpd?: string }, options?: CallOptions): Promise<Session>
  /** POST /api/v2/{sp}/sessions/{code} (docs/adobe-pass.md "Endpoints"). */
  resumeSession(code: string, params: { mvpd?: string }, options?: CallOptions): Promise<Session>
  /** GET /api/v2/{sp}/sessions/{code} (docs/adobe-pass.md "Endpoints"). */
  retrieveSession(code: string, options?: CallOptions): Promise<SessionInfo>
  /** GET /api/v2/{sp}/configuration (docs/adobe-pass.md "Endpoints"), cached briefly (CL-CFG-1, CL-CFG-R1). */
  configuration(options?: CallOptions): Promise<Configuration>
  /** POST …/decisions/preauthorize/{mvpd} (docs/adobe-pass.md "Endpoints"); permits cached in memory (CL-PREAUTHZ-3). */
  preauthorize(mvpd: string, resources: readonly string[], options?: CallOptions): Promise<Decision[]>
  /** POST …/decisions/authorize/{mvpd} (docs/adobe-pass.md "Endpoints") for one resource, every time (CL-AUTHZ-1). */
  authorize(mvpd: string, resource: string, options?: CallOptions): Promise<Decision>
  /** GET …/logout/{mvpd} (docs/adobe-pass.md "Endpoints"); only ever on the viewer's request (CL-LOGOUT-R1). */
  logout(mvpd: string, options?: CallOptions): Promise<LogoutEntry[]>
  /** Now in server time (the Date header's offset applied to the local clock). */
  serverNow(): number
}
