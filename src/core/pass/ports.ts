/**
 * What the Adobe Pass client keeps on the device, declared here so pass depends on no storage code:
 * the storage layer's DeviceStore implements PassStore (docs/architecture.md "Layers").
 */
import type { CachedProfile } from './types'

/** DCR client credentials (CL-REG-2): secret, never logged. */
export interface ClientCredentials {
  readonly clientId: string
  readonly clientSecret: string
  /** Server origin the credentials were registered with; others read them as absent. */
  readonly origin: string
  readonly issuedAt?: number
}

/** DCR access token (CL-REG-3): secret, never logged. */
export interface AccessTokenRecord {
  readonly accessToken: string
  /** Issue time in server time, epoch ms (`created_at`). */
  readonly createdAt: number
  /** Expiry in server time, epoch ms (`created_at + expires_in`). */
  readonly expiresAt: number
  /** Server minus local clock when the token was received, to judge expiry before the next Date header. */
  readonly offsetMs: number
  readonly origin: string
  readonly clientId: string
}

/** Why a read could not be answered: the failing operation and the error's name, never a value. */
export interface StoreReadFailure {
  readonly operation: string
  readonly reason: string
}

/**
 * A read that tells "absent" from "could not be read":
 * - `found`: a valid record;
 * - `absent`: the storage answered and holds no valid record (or a clear);
 * - `unavailable`: the storage was asked and could not be read; the record may exist.
 */
export type StoreRead<T> =
  { readonly status: 'found'; readonly value: T } | { readonly status: 'absent' } | { readonly status: 'unavailable'; readonly failure: StoreReadFailure }

/** The records the client reads and writes. Methods never reject. */
export interface PassStore {
  /**
   * The client credentials, or that they could not be read. Each call asks the storage itself, so
   * an `unavailable` is a fresh answer, never one remembered from an earlier failure: the caller
   * may wait and ask again and that second answer counts on its own (DCR FAQ 9: registering again
   * loses the viewer's sign-ins).
   */
  readClientCredentials(): Promise<StoreRead<ClientCredentials>>
  setClientCredentials(credentials: ClientCredentials): Promise<void>
  clearClientCredentials(): Promise<void>
  /** The access token; null when absent or unreadable. */
  getAccessToken(): Promise<AccessTokenRecord | null>
  setAccessToken(token: AccessTokenRecord): Promise<void>
  clearAccessToken(): Promise<void>
  /** The cached profile parts; null when absent or unreadable. */
  getProfile(): Promise<CachedProfile | null>
  clearProfile(): Promise<void>
}

/** The method names of PassStore, so a wrong store is caught when the client is built. */
export const passStoreMethods: ReadonlyArray<keyof PassStore> = [
  'readClientCredentials',
  'setClientCredentials',
  'clearClientCredentials',
  'getAccessToken',
  'setAccessToken',
  'clearAccessToken',
  'getProfile',
  'clearProfile',
]
