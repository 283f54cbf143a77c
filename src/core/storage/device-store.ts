/**
 * Typed, versioned records the app keeps on the device (design.md section 1):
 * - deviceId (CL-HDR-4), mirrored to a second store so it survives the loss of one;
 * - lastMvpd {id, displayName, logoUrl} (CL-CFG-2), mirrored too;
 * - client credentials (CL-REG-2) and the access token (CL-REG-3), mirrored too: losing them
 *   registers the application again and loses the viewer's sign-ins (reference 4.1, DCR FAQ 9), so
 *   a slow or broken IndexedDB must not make them read as absent. The mirror (localStorage) is the
 *   same origin-private storage class as IndexedDB; the values are still never logged;
 * - cached profile parts: mvpd, attributes, notAfter (CL-AUTHN-4), not mirrored (a cache).
 *
 * Records are `{ v, at, data }`: `at` is when the record was written (the injected clock, and never
 * older than a stamp this store has seen for the key, so a clock set back does not make a new
 * write look old). Records written before stamps existed have no `at` and count as the oldest.
 *
 * Writing a mirrored record: the mirror first (localStorage is synchronous and cheap), then
 * IndexedDB, which may take up to its timeout when it stalls; an app closed in that window still
 * has the new value in the mirror.
 *
 * Reading a mirrored record: IndexedDB and the mirror. When both hold a valid record and they
 * differ, the newer stamp wins (IndexedDB on a tie) and the other store is brought up to date: an
 * IndexedDB write lost in a stall must not roll back a newer mirror on the next launch. A valid
 * mirror copy is written back to IndexedDB only when IndexedDB answered (never over a record it
 * could not read, which may be newer). When IndexedDB does not answer, the mirror is used. A valid
 * IndexedDB record missing from the mirror is copied there (records stored before they were mirrored).
 *
 * Every read validates the record; a record that fails validation (old version, corrupt, wrong
 * shape) is treated as absent, never thrown at the caller. Methods never reject. The `read*`
 * methods also tell "absent" from "could not be read" (StoreRead); the `get*` ones answer null for
 * both and log a warning for the second.
 */
import type { Clock } from '../flow/clock'
import type { ProfileAttribute } from '../pass/types'
import type { Logger } from '../platform/logger'
import {
  canLookup,
  createIdbStore,
  createResilientStore,
  createWebStorageStore,
  isStorageFailure,
  StorageFailure,
  type KeyValueStore,
  type LookupOptions,
} from './kv'

/**
 * Bumped when a record's shape changes; older records then read as absent. (The write stamp `at`
 * was added without a bump: it is optional, so records without it still read.)
 */
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

/**
 * A read that tells "absent" from "could not be read":
 * - `found`: a valid record;
 * - `absent`: the storage answered and holds no valid record;
 * - `unavailable`: neither IndexedDB nor the mirror could be read; the record may exist.
 */
export type StoreRead<T> =
  | { readonly status: 'found'; readonly value: T }
  | { readonly status: 'absent' }
  | { readonly status: 'unavailable'; readonly failure: StorageFailure }

/** How a `read*` treats a store that failed a moment ago. */
export interface ReadOptions {
  /**
   * Make one real IndexedDB attempt (with the normal timeout) even while reads skip it after a
   * failure (kv.ts LookupOptions). Without it, a read soon after a failure answers `unavailable` at
   * once without asking IndexedDB.
   * @defaultValue `false`
   */
  readonly probe?: boolean
}

export interface DeviceStore {
  /**
   * The device id, or whether it could not be read (a caller must then not persist a new one over
   * a stored id it could not see).
   */
  readDeviceId(): Promise<StoreRead<DeviceIdRecord>>
  getDeviceId(): Promise<DeviceIdRecord | null>
  setDeviceId(record: DeviceIdRecord): Promise<void>
  getLastMvpd(): Promise<LastMvpd | null>
  setLastMvpd(mvpd: LastMvpd): Promise<void>
  clearLastMvpd(): Promise<void>
  /**
   * The client credentials, or whether they could not be read. On `unavailable` registering again
   * would replace credentials that may still be stored and lose the viewer's sign-ins (DCR FAQ 9):
   * a client should try again shortly (IndexedDB stalls at start-up are usually brief) and register
   * only if storage still cannot be read, with a warning; new credentials are then written through
   * and reach the stores that work. That second read needs `{ probe: true }`: a failed read makes
   * later reads skip IndexedDB for a few seconds, so without it the retry would not reach IndexedDB.
   */
  readClientCredentials(options?: ReadOptions): Promise<StoreRead<ClientCredentials>>
  /** The client credentials; null when absent and also when unreadable (then with a warning). */
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
   * A second store for the device id, the last provider, the client credentials and the access
   * token (normally localStorage), so each survives the loss or a stall of the other (CL-HDR-4,
   * CL-CFG-2, CL-REG-2, CL-REG-3).
   * @defaultValue none
   */
  readonly mirror?: KeyValueStore
  readonly logger: Logger
  /** Stamps each record with its write time, to tell which of IndexedDB and the mirror is newer. */
  readonly clock: Pick<Clock, 'now'>
}

/** Builds the DeviceStore over the given stores. */
export function createDeviceStore(options: DeviceStoreOptions): DeviceStore {
  const { primary, mirror, logger, clock } = options
  const mirrored = new Set<Key>(['deviceId', 'lastMvpd', 'clientCredentials', 'accessToken'])
  // Mirrored from the first release on, so an empty mirror means "never stored" even while
  // IndexedDB does not answer (a slow first launch must still store its device id). The credentials
  // and the token may exist in IndexedDB only (stored before they were mirrored).
  const mirroredFromStart = new Set<Key>(['deviceId', 'lastMvpd'])
  type Value<K extends Key> = NonNullable<ReturnType<(typeof validators)[K]>>
  /** A valid record and its write stamp (-Infinity: written before records were stamped). */
  type Stamped<T> = { readonly value: T; readonly at: number }
  /** The newest stamp seen per key (read or written), so the next write is stamped later. */
  const latest = new Map<Key, number>()
  const seen = (key: Key, at: number): void => {
    if (at > (latest.get(key) ?? Number.NEGATIVE_INFINITY)) latest.set(key, at)
  }
  const stampFor = (key: Key): number => {
    const previous = latest.get(key)
    const at = previous === undefined ? clock.now() : Math.max(clock.now(), previous + 1)
    latest.set(key, at)
    return at
  }
  const encode = (data: object, at: number): { v: number; at?: number; data: object } =>
    Number.isFinite(at) ? { v: recordVersion, at, data } : { v: recordVersion, data }

  const decode = <K extends Key>(key: K, raw: unknown): Stamped<Value<K>> | null => {
    if (raw === undefined) return null
    if (!isRecord(raw) || raw.v !== recordVersion || !isRecord(raw.data)) {
      logger.warn('storage: ignoring an unreadable record', { key })
      return null
    }
    const value = validators[key](raw.data) as Value<K> | null
    if (value === null) {
      logger.warn('storage: ignoring a record that fails validation', { key })
      return null
    }
    const at = num(raw.at) ? raw.at : Number.NEGATIVE_INFINITY
    seen(key, at)
    return { value, at }
  }

  const asFailure = (error: unknown): StorageFailure =>
    isStorageFailure(error) ? error : new StorageFailure('get', (error as Error | undefined)?.name ?? typeof error)

  type Raw = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly failure: StorageFailure }
  /** One store's raw answer; a rejection is "could not be read", never "absent". */
  const rawGet = async (store: KeyValueStore, key: Key, lookupOptions?: LookupOptions): Promise<Raw> => {
    try {
      if (canLookup(store)) return await store.lookup(key, lookupOptions)
      return { ok: true, value: await store.get(key) }
    } catch (error) {
      return { ok: false, failure: asFailure(error) }
    }
  }
  const safeRun = async (action: () => Promise<void>, key: Key, operation: string): Promise<void> => {
    try {
      await action()
    } catch (error) {
      logger.warn('storage: write failed', { key, operation, reason: (error as Error | undefined)?.name })
    }
  }
  const sameRecord = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

  const read = async <K extends Key>(key: K, readOptions: ReadOptions = {}): Promise<StoreRead<Value<K>>> => {
    const main = await rawGet(primary, key, { probe: readOptions.probe === true })
    const fromMain = main.ok ? decode(key, main.value) : null
    if (!mirror || !mirrored.has(key)) {
      if (fromMain !== null) return { status: 'found', value: fromMain.value }
      return main.ok ? { status: 'absent' } : { status: 'unavailable', failure: main.failure }
    }
    const copy = await rawGet(mirror, key)
    const fromCopy = copy.ok ? decode(key, copy.value) : null
    if (fromMain !== null && !(fromCopy !== null && fromCopy.at > fromMain.at)) {
      if (copy.ok && (fromCopy === null || !sameRecord(fromCopy.value, fromMain.value))) {
        // Stored before the key was mirrored, or a mirror write failed: bring the mirror up to date.
        await safeRun(() => mirror.set(key, encode(fromMain.value, fromMain.at)), key, 'mirror')
      }
      return { status: 'found', value: fromMain.value }
    }
    if (fromCopy !== null) {
      if (main.ok && (fromMain === null || !sameRecord(fromMain.value, fromCopy.value))) {
        // IndexedDB answered "absent", "invalid" (e.g. wiped by an update on webOS) or an older
        // record (its write was lost in a stall): heal it with the mirror's record, stamp and all.
        await safeRun(() => primary.set(key, encode(fromCopy.value, fromCopy.at)), key, 'heal')
      }
      return { status: 'found', value: fromCopy.value }
    }
    if (main.ok) return { status: 'absent' }
    // IndexedDB could not be read and the mirror has nothing: that is "absent" only where the mirror
    // is the whole truth (no IndexedDB in this engine, or a key mirrored from the start); otherwise
    // the record may be in IndexedDB only.
    if (copy.ok && (main.failure.kind === 'unsupported' || mirroredFromStart.has(key))) return { status: 'absent' }
    return { status: 'unavailable', failure: main.failure }
  }
  /** The `get*` shape: null for absent and for unreadable, the latter with a warning (no value). */
  const orNull = async <K extends Key>(key: K): Promise<Value<K> | null> => {
    const result = await read(key)
    if (result.status === 'found') return result.value
    if (result.status === 'unavailable') {
      logger.warn('storage: record unreadable (IndexedDB and mirror), answering as absent', {
        key,
        operation: result.failure.operation,
        reason: result.failure.reason,
      })
    }
    return null
  }
  // The mirror first: it is synchronous and cheap, IndexedDB may take its whole timeout.
  const write = async (key: Key, data: object): Promise<void> => {
    const record = encode(data, stampFor(key))
    if (mirror && mirrored.has(key)) await safeRun(() => mirror.set(key, record), key, 'mirror')
    await safeRun(() => primary.set(key, record), key, 'set')
  }
  const clear = async (key: Key): Promise<void> => {
    if (mirror && mirrored.has(key)) await safeRun(() => mirror.del(key), key, 'mirror-del')
    await safeRun(() => primary.del(key), key, 'del')
  }

  return {
    readDeviceId: () => read('deviceId'),
    getDeviceId: () => orNull('deviceId'),
    setDeviceId: (record) => write('deviceId', record),
    getLastMvpd: () => orNull('lastMvpd'),
    setLastMvpd: (mvpd) => write('lastMvpd', mvpd),
    clearLastMvpd: () => clear('lastMvpd'),
    readClientCredentials: (readOptions) => read('clientCredentials', readOptions),
    getClientCredentials: () => orNull('clientCredentials'),
    setClientCredentials: (credentials) => write('clientCredentials', credentials),
    clearClientCredentials: () => clear('clientCredentials'),
    getAccessToken: () => orNull('accessToken'),
    setAccessToken: (token) => write('accessToken', token),
    clearAccessToken: () => clear('accessToken'),
    getProfile: () => orNull('profile'),
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
   * The mirror for the device id, the last provider, the client credentials and the access token.
   * @defaultValue `() => globalThis.localStorage` (read lazily: some private modes throw on access)
   */
  readonly localStorage?: () => Storage | null | undefined
  /**
   * Key prefix of the localStorage mirror.
   * @defaultValue `'<dbName>:'`
   */
  readonly mirrorPrefix?: string
  /**
   * Longest wait for an IndexedDB operation before that call falls back to the mirror and the
   * session copy.
   * @defaultValue `3000`
   */
  readonly timeoutMs?: number
  /**
   * How long reads skip IndexedDB after it failed, before trying it again.
   * @defaultValue `5000`
   */
  readonly retryAfterMs?: number
}

/**
 * The store the app uses: IndexedDB (own named database) with a session copy and retries
 * (createResilientStore), and localStorage mirroring the device id, the last provider, the client
 * credentials and the access token.
 */
export function createPersistentDeviceStore(options: PersistentDeviceStoreOptions): DeviceStore {
  const primary = createResilientStore({
    primary: createIdbStore({ dbName: options.dbName ?? 'mychannel-pass' }),
    clock: options.clock,
    logger: options.logger,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retryAfterMs !== undefined ? { retryAfterMs: options.retryAfterMs } : {}),
  })
  const localStorageOf =
    options.localStorage ?? (() => (typeof localStorage !== 'undefined' ? localStorage : undefined))
  const mirror = createWebStorageStore(localStorageOf, options.mirrorPrefix ?? `${options.dbName ?? 'mychannel-pass'}:`)
  return createDeviceStore({ primary, mirror, logger: options.logger, clock: options.clock })
}
