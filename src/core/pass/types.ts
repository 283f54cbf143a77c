/**
 * Domain types of the Adobe Pass client: what the rest of the app sees once wire bodies are parsed
 * (wire.ts). Timestamps are epoch milliseconds as numbers, whatever the wire used (reference section 2).
 */
import type { EnhancedError } from './errors'

export type ProfileType =
  | 'regular'
  | 'degraded'
  | 'temporary'
  | 'appleSSO'
  | 'platformSSO'
  | 'serviceTokenSSO'
  | (string & {})

/** A user metadata attribute (reference 7.1): `state` "enc" means the value is encrypted. */
export interface ProfileAttribute {
  readonly value: unknown
  readonly state: 'plain' | 'enc' | (string & {})
}

/** An authentication profile (reference 7.1), keyed on the wire by the mvpd id. */
export interface Profile {
  readonly mvpd: string
  readonly type: ProfileType
  readonly issuer: string
  readonly notBefore: number
  readonly notAfter: number
  readonly attributes: Readonly<Record<string, ProfileAttribute>>
}

/** A TV provider from the configuration (reference section 5). */
export interface Mvpd {
  readonly id: string
  readonly displayName: string
  readonly logoUrl?: string
  readonly isTempPass?: boolean
}

export interface Configuration {
  readonly mvpds: readonly Mvpd[]
}

/** The answer of create/resume session (reference 6.1/6.2). */
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

/** The answer of retrieve session information (reference 6.3). */
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

/** One decision (reference section 8); a deny carries an item-level enhanced error (CL-ERR-2). */
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

/** One entry of a logout answer (reference 8A). */
export interface LogoutEntry {
  readonly mvpd: string
  readonly actionName: 'logout' | 'partner_logout' | 'complete' | 'invalid' | (string & {})
  readonly actionType: string
  readonly url?: string
}
