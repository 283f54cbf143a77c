/**
 * Typed, versioned records the app keeps on the device (design.md section 1):
 * - deviceId (CL-HDR-4), mirrored to a second store so it survives the loss of one;
 * - lastMvpd {id, displayName, logoUrl} (CL-CFG-2), mirrored too;
 * - client credentials (CL-REG-2) and the access token (CL-REG-3);
 * - cached profile parts: mvpd, attributes, notAfter (CL-AUTHN-4).
 *
 * Every read validates the record; a record that fails validation (old version, corrupt, wrong
 * shape) is treated as absent, never thrown at the caller. Methods never reject.
 */
import type { Clock } from '../flow/clock'
import type { ProfileAttribute } from '../pass/types'
import type { Logger } from '../platform/logger'
import { createIdbStore, createResilientStore, createWebStorageStore, type KeyValueStore } from './kv'

/** Bumped when a record's shape changes; older records then read as absent. */
export const recordVersion = 1

export interface DeviceIdRecord {
  /** The value behind `AP-Device-Identifier: fingerprint <Base64(id)>`. */
  readonly id: string
  /** `platform`: hashed platform id (Tizen DUID, LGUDID); `generated`: random, persisted. */
  readonly source: 'platform' | 'generated'
}

/** The provider the viewer last signed in with (CL-CFG-2). */
export interface LastMvpd {
  readonly id: string
  readonly displayName: string
  readonly logoUrl?: string
}

/** DCR client credentials (reference 4.1): secret, never logged. */
export interface ClientCredentials {
  readonly clientId: string
  readonly clientSecret: string
  /** Server origin the credentials were registered with; others read them as absent. */
  readonly origin: string
  readonly issuedAt?: number
}

/** DCR access token (reference 4.2): secret, never logged. */
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

/** The profile parts kept between launches (CL-AUTHN-4). */
export interface CachedProfile {
  readonly mvpd: string
  readonly attributes: Readonly<Record<string, ProfileAttribute>>
  readonly notAfter: number
}

export interface DeviceStore {
  getDeviceId(): Promise<DeviceIdRecord | null>
  setDeviceId(record: DeviceIdRecord): Promise<void>
  getLastMvpd(): Promise<LastMvpd | null>
  setLastMvpd(mvpd: LastMvpd): Promise<void>
  clearLastMvpd(): Promise<void>
  getClientCredentials(): Promise<ClientCredentials | null>
  setClientCredentials(credentials: ClientCredentials): Promise<void>
  clearClientCredentials(): Promise<void>
  getAccessToken(): Promise<AccessTokenRecord | null>
  setAccessToken(token: AccessTokenRecord): Promise<void>
  clearAccessToken(): Promise<void>
  getProfile(): Promise<CachedProfile | null>
  setProfile(profile: CachedProfile): Promise<void>
  clearProfile(): Promise<void>
}

type Validator<T> = (value: Record<string, unknown>) => T | null

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const str = (value: unknown): value is string => typeof value === 'string' && value !== ''
const num = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

const validators = {
  deviceId: ((v) =>
    str(v.id) && (v.source === 'platform' || v.source === 'generated') ? { id: v.id, source: v.source } : null) as Validator<DeviceIdRecord>,
  lastMvpd: ((v) => {
    if (!str(v.id) || typeof v.displayName !== 'string') return null
    const out: { id: string; displayName: string; logoUrl?: string } = { id: v.id, displayName: v.displayName }
    if (str(v.logoUrl)) out.logoUrl = v.logoUrl
    return out
  }) as Validator<LastMvpd>,
  clientCredentials: ((v) => {
    if (!str(v.clientId) || !str(v.clientSecret) || !str(v.origin)) return null
    const out: { clientId: string; clientSecret: string; origin: string; issuedAt?: number } = {
      clientId: v.clientId,
      clientSecret: v.clientSecret,
      origin: v.origin,
    }
    if (num(v.issuedAt)) out.issuedAt = v.issuedAt
    return out
  }) as Validator<ClientCredentials>,
  accessToken: ((v) =>
    str(v.accessToken) && num(v.createdAt) && num(v.expiresAt) && v.expiresAt > v.createdAt && num(v.offsetMs) && str(v.origin) && str(v.clientId)
      ? { accessToken: v.accessToken, createdAt: v.createdAt, expiresAt: v.expiresAt, offsetMs: v.offsetMs, origin: v.origin, clientId: v.clientId }
      : null) as Validator<AccessTokenRecord>,
  profile: ((v) => {
    if (!str(v.mvpd) || !isRecord(v.attributes) || !num(v.notAfter)) return null
    const attributes: Record<string, ProfileAttribute> = {}
    for (const name of Object.keys(v.attributes)) {
      const a = v.attributes[name]
      if (!isRecord(a) || !('value' in a) || typeof a.state !== 'string') return null
      attributes[name] = { value: a.value, state: a.state }
    }
    return { mvpd: v.mvpd, attributes, notAfter: v.notAfter }
  }) as Validator<CachedProfile>,
}

type Key = keyof typeof validators

export interface DeviceStoreOptions {
  /** The main store (normally createResilientStore over createIdbStore). */
  readonly primary: KeyValueStore
  /**
   * A second store for the device id and the last provider (normally localStorage), so either
   * survives the loss of the other (CL-HDR-4, CL-CFG-2).
   * @defaultValue none
   */
  readonly mirror?: KeyValueStore
  readonly logger: Logger
}

/** Builds the DeviceStore over the given stores. */
export function createDeviceStore(options: DeviceStoreOptions): DeviceStore {
  const { primary, mirror, logger } = options
  const mirrored = new Set<Key>(['deviceId', 'lastMvpd'])

  const decode = <K extends Key>(key: K, raw: unknown): ReturnType<(typeof validators)[K]> | null => {
    if (raw === undefined) return null
    if (!isRecord(raw) || raw.v !== recordVersion || !isRecord(raw.data)) {
      logger.warn('storage: ignoring an unreadable record', { key })
      return null
    }
    const value = validators[key](raw.data) as ReturnType<(typeof validators)[K]> | null
    if (value === null) logger.warn('storage: ignoring a record that fails validation', { key })
    return value
  }

  // Reads and writes never reject: a failing store counts as absent (and says so once, without values).
  const safeGet = async (store: KeyValueStore, key: Key): Promise<unknown> => {
    try {
      return await store.get(key)
    } catch (error) {
      logger.warn('storage: read failed, treating the record as absent', { key, reason: (error as Error)?.name })
      return undefined
    }
  }
  const safeRun = async (action: () => Promise<void>, key: Key, operation: string): Promise<void> => {
    try {
      await action()
    } catch (error) {
      logger.warn('storage: write failed', { key, operation, reason: (error as Error)?.name })
    }
  }

  const read = async <K extends Key>(key: K): Promise<ReturnType<(typeof validators)[K]> | null> => {
    const main = decode(key, await safeGet(primary, key))
    if (main !== null || !mirror || !mirrored.has(key)) return main
    const copy = decode(key, await safeGet(mirror, key))
    if (copy !== null) {
      // Heal the main store from the mirror (e.g. IndexedDB wiped by an update on webOS).
      await safeRun(() => primary.set(key, { v: recordVersion, data: copy }), key, 'heal')
    }
    return copy
  }
  const write = async (key: Key, data: object): Promise<void> => {
    const record = { v: recordVersion, data }
    await safeRun(() => primary.set(key, record), key, 'set')
    if (mirror && mirrored.has(key)) await safeRun(() => mirror.set(key, record), key, 'mirror')
  }
  const clear = async (key: Key): Promise<void> => {
    await safeRun(() => primary.del(key), key, 'del')
    if (mirror && mirrored.has(key)) await safeRun(() => mirror.del(key), key, 'mirror-del')
  }

  return {
    getDeviceId: () => read('deviceId'),
    setDeviceId: (record) => write('deviceId', record),
    getLastMvpd: () => read('lastMvpd'),
    setLastMvpd: (mvpd) => write('lastMvpd', mvpd),
    clearLastMvpd: () => clear('lastMvpd'),
    getClientCredentials: () => read('clientCredentials'),
    setClientCredentials: (credentials) => write('clientCredentials', credentials),
    clearClientCredentials: () => clear('clientCredentials'),
    getAccessToken: () => read('accessToken'),
    setAccessToken: (token) => write('accessToken', token),
    clearAccessToken: () => clear('accessToken'),
    getProfile: () => read('profile'),
    setProfile: (profile) => write('profile', profile),
    clearProfile: () => clear('profile'),
  }
}

export interface PersistentDeviceStoreOptions {
  readonly clock: Clock
  readonly logger: Logger
  /**
   * The app's own IndexedDB database.
   * @defaultValue `'mychannel-pass'`
   */
  readonly dbName?: string
  /**
   * The mirror for the device id and the last provider.
   * @defaultValue `() => globalThis.localStorage` (read lazily: some private modes throw on access)
   */
  readonly localStorage?: () => Storage | null | undefined
  /**
   * Key prefix of the localStorage mirror.
   * @defaultValue `'<dbName>:'`
   */
  readonly mirrorPrefix?: string
  /**
   * Longest wait for an IndexedDB operation before falling back to memory.
   * @defaultValue `3000`
   */
  readonly timeoutMs?: number
}

/**
 * The store the app uses: IndexedDB (own named database) with the in-memory fallback, and
 * localStorage mirroring the device id and the last provider.
 */
export function createPersistentDeviceStore(options: PersistentDeviceStoreOptions): DeviceStore {
  const primary = createResilientStore({
    primary: createIdbStore({ dbName: options.dbName ?? 'mychannel-pass' }),
    clock: options.clock,
    logger: options.logger,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  })
  const localStorageOf =
    options.localStorage ?? (() => (typeof localStorage !== 'undefined' ? localStorage : undefined))
  const mirror = createWebStorageStore(localStorageOf, options.mirrorPrefix ?? `${options.dbName ?? 'mychannel-pass'}:`)
  return createDeviceStore({ primary, mirror, logger: options.logger })
}
