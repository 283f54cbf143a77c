/**
 * The records the app keeps on the device and their validators. A validator takes a stored `data`
 * object and answers the record, or null when any field is missing or of the wrong type: a record
 * that fails validation reads as absent and is never handed to the caller half-formed. Unknown
 * fields are dropped.
 */
import { isRecord } from '../base/guards'
import type { RequestBudget } from '../pass/pacer'
import type { AccessTokenRecord, ClientCredentials } from '../pass/ports'
import type { CachedProfile, LastMvpd, ProfileAttribute } from '../pass/types'

export type { AccessTokenRecord, CachedProfile, ClientCredentials, LastMvpd, RequestBudget }

export interface DeviceIdRecord {
  /** The value behind `AP-Device-Identifier: fingerprint <Base64(id)>`. */
  readonly id: string
  /** `platform`: hashed platform id (Tizen DUID, LGUDID); `generated`: random, persisted. */
  readonly source: 'platform' | 'generated'
}

/**
 * A second-screen sign-in under way: the code shown on the TV, so a relaunch while the viewer is
 * still on the phone resumes polling that code instead of showing a new one (CL-AUTHN-1, CL-AUTHN-2).
 */
export interface PendingSessionRecord {
  /** The session's code, as shown to the viewer. */
  readonly code: string
  /** When the code expires, server epoch ms (the session's `notAfter`); after it, polling stops. */
  readonly notAfter: number
  /** The provider picked on the TV before the code was made, if any. */
  readonly mvpd: LastMvpd | null
  /** The Adobe Pass base URL the session was created on; a session from another origin is not resumed. */
  readonly origin: string
  readonly serviceProvider: string
  /** When the session was created, server epoch ms; before `notAfter`. */
  readonly createdAt: number
}

/** The viewer chose to sign out of this provider (CL-LOGOUT-1), so the next launch can say so. */
export interface SignedOutRecord {
  readonly mvpd: string
  /** When, epoch ms. */
  readonly at: number
}

export type Validator<T> = (value: Record<string, unknown>) => T | null

const str = (value: unknown): value is string => typeof value === 'string' && value !== ''
export const num = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
/** An http(s) URL (the Adobe Pass base URL a record belongs to). */
const url = (value: unknown): value is string => str(value) && /^https?:\/\/[^\s/]+/i.test(value)

const lastMvpd: Validator<LastMvpd> = (v) => {
  if (!str(v.id) || typeof v.displayName !== 'string') return null
  const out: { id: string; displayName: string; logoUrl?: string } = { id: v.id, displayName: v.displayName }
  if (str(v.logoUrl)) out.logoUrl = v.logoUrl
  return out
}

/** Every record kept, by storage key. */
export interface Records {
  readonly deviceId: DeviceIdRecord
  readonly lastMvpd: LastMvpd
  readonly clientCredentials: ClientCredentials
  readonly accessToken: AccessTokenRecord
  readonly profile: CachedProfile
  readonly pendingSession: PendingSessionRecord
  readonly signedOut: SignedOutRecord
  readonly requestBudget: RequestBudget
}

export type RecordKey = keyof Records
export type RecordOf<K extends RecordKey> = Records[K]

/** The validator of each record. */
export const validators: { readonly [K in RecordKey]: Validator<Records[K]> } = {
  deviceId: (v) => (str(v.id) && (v.source === 'platform' || v.source === 'generated') ? { id: v.id, source: v.source } : null),
  lastMvpd,
  clientCredentials: (v) => {
    if (!str(v.clientId) || !str(v.clientSecret) || !str(v.origin)) return null
    const out: { clientId: string; clientSecret: string; origin: string; issuedAt?: number } = {
      clientId: v.clientId,
      clientSecret: v.clientSecret,
      origin: v.origin,
    }
    if (num(v.issuedAt)) out.issuedAt = v.issuedAt
    return out
  },
  accessToken: (v) =>
    str(v.accessToken) && num(v.createdAt) && num(v.expiresAt) && v.expiresAt > v.createdAt && num(v.offsetMs) && str(v.origin) && str(v.clientId)
      ? { accessToken: v.accessToken, createdAt: v.createdAt, expiresAt: v.expiresAt, offsetMs: v.offsetMs, origin: v.origin, clientId: v.clientId }
      : null,
  profile: (v) => {
    if (!str(v.mvpd) || !isRecord(v.attributes) || !num(v.notAfter)) return null
    const attributes: Record<string, ProfileAttribute> = {}
    for (const name of Object.keys(v.attributes)) {
      const a = v.attributes[name]
      if (!isRecord(a) || !('value' in a) || typeof a.state !== 'string') return null
      attributes[name] = { value: a.value, state: a.state }
    }
    return { mvpd: v.mvpd, attributes, notAfter: v.notAfter }
  },
  pendingSession: (v) => {
    // A code with whitespace, an expiry not after its creation or a provider that fails its own
    // validation is a record this app did not write: resuming it would poll a code that cannot work.
    if (!str(v.code) || /\s/.test(v.code) || !num(v.notAfter) || !num(v.createdAt) || v.notAfter <= v.createdAt) return null
    if (!url(v.origin) || !str(v.serviceProvider)) return null
    let mvpd: LastMvpd | null = null
    if (v.mvpd !== null) {
      mvpd = isRecord(v.mvpd) ? lastMvpd(v.mvpd) : null
      if (mvpd === null) return null
    }
    return { code: v.code, notAfter: v.notAfter, mvpd, origin: v.origin, serviceProvider: v.serviceProvider, createdAt: v.createdAt }
  },
  signedOut: (v) => (str(v.mvpd) && num(v.at) ? { mvpd: v.mvpd, at: v.at } : null),
  requestBudget: (v) => (str(v.key) && num(v.burstLeft) && v.burstLeft >= 0 && num(v.at) ? { key: v.key, burstLeft: v.burstLeft, at: v.at } : null),
}
