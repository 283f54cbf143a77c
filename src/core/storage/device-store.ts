/**
 * Typed, versioned records the app keeps on the device:
 * - deviceId (CL-HDR-4), mirrored to a second store so it survives the loss of one (a cache of the
 *   platform-derived id where the platform has one; see storage/device-id.ts);
 * - lastMvpd {id, displayName, logoUrl} (CL-CFG-2), mirrored too;
 * - client credentials (CL-REG-2) and the access token (CL-REG-3), mirrored too: losing them
 *   registers the application again and loses the viewer's sign-ins (Adobe's DCR FAQ 9), so a slow
 *   or broken IndexedDB must not make them read as absent. The mirror (localStorage) is the same
 *   origin-private storage class as IndexedDB; the values are still never logged;
 * - the pending second-screen session, the viewer's sign-out and the request budget, mirrored too
 *   (a relaunch must find them even while IndexedDB stalls);
 * - cached profile parts: mvpd, attributes, notAfter (CL-AUTHN-4), not mirrored (a cache).
 *
 * Records are `{ v, at, data }` and clears are tombstones `{ v, at, deleted: true }` (envelope.ts).
 * `at` is the write time (the injected clock, and never older than a stamp this store has seen for
 * the key, so a clock set back does not make a new write look old).
 *
 * Writing a mirrored record or clear: the mirror first (localStorage is synchronous and cheap), then
 * IndexedDB, which may take up to its timeout when it stalls; an app closed in that window still
 * has the new value in the mirror.
 *
 * Reading a mirrored record: IndexedDB and the mirror. When both hold something and it differs,
 * the newer stamp wins (IndexedDB on a tie), a tombstone included, and the other store is brought up
 * to date: an IndexedDB write lost in a stall must not roll back a newer mirror on the next launch,
 * and a clear that reached one store must not be undone by the other's older copy. The mirror's
 * entry is written back to IndexedDB only when IndexedDB answered (never over a record it could not
 * read, which may be newer). When IndexedDB does not answer, the mirror is used. A valid IndexedDB
 * record missing from the mirror is copied there (records stored before they were mirrored).
 *
 * Every read validates the record; a record that fails validation (old version, corrupt, wrong
 * shape) is treated as absent, never thrown at the caller. Methods never reject. The `read*`
 * methods also tell "absent" from "could not be read" (StoreRead); the `get*` ones answer null for
 * both and log a warning for the second.
 */
import type { Clock } from '../base/clock'
import { decodeEntry, encodeEntry, sameEntry, type Entry } from './envelope'
import { errorName, type Logger } from '../base/logger'
import { createIdbStore } from './idb-kv'
import { toStorageFailure, type KeyValueStore, type StorageFailure } from './kv'
import { canLookup, createResilientStore, type LookupOptions } from './resilient-kv'
import { createWebStorageStore } from './web-storage-kv'
import { createLatestWriter } from './latest-writer'
import type { PassStore, StoreRead } from '../pass/ports'
import {
  validators,
  type CachedProfile,
  type ClientCredentials,
  type DeviceIdRecord,
  type LastMvpd,
  type PendingSessionRecord,
  type RecordKey,
  type RecordOf,
  type RequestBudget,
  type SignedOutRecord,
  type Validator,
} from './records'

export { recordVersion } from './envelope'
export type { StoreRead } from '../pass/ports'
export type {
  AccessTokenRecord,
  CachedProfile,
  ClientCredentials,
  DeviceIdRecord,
  LastMvpd,
  PendingSessionRecord,
  RequestBudget,
  SignedOutRecord,
} from './records'

/** How a read treats IndexedDB that failed a moment ago (inside the store only). */
interface ReadOptions {
  /**
   * Make one real IndexedDB attempt (with the normal timeout) even while reads skip it after a
   * failure (LookupOptions in resilient-kv.ts). Without it, a read soon after a failure answers
   * `unavailable` at once without asking IndexedDB.
   */
  readonly probe?: boolean
}

/**
 * Every record the app keeps. The Adobe Pass client sees it as its PassStore (credentials, token,
 * cached profile); the rest is for the device identity, the flow and the pacer.
 */
export interface DeviceStore extends PassStore {
  /**
   * The device id, or whether it could not be read. On `unavailable` (IndexedDB silent and the
   * mirror empty or unreadable: the id may be in IndexedDB only) a caller must not persist a newly
   * generated id over the one it could not see (CL-HDR-4).
   */
  readDeviceId(): Promise<StoreRead<DeviceIdRecord>>
  getDeviceId(): Promise<DeviceIdRecord | null>
  setDeviceId(record: DeviceIdRecord): Promise<void>
  getLastMvpd(): Promise<LastMvpd | null>
  /**
   * The localStorage mirror's copy alone, without waiting for IndexedDB (which a cold engine opens
   * only after the first frames): `undefined` when the mirror has no entry, null when it holds a
   * clear. The mirror is written before IndexedDB on every put, so it is normally the newest; still a
   * hint for what to draw first, never a read to act on.
   */
  peekMirror<K extends 'lastMvpd' | 'pendingSession' | 'signedOut'>(key: K): Promise<RecordOf<K> | null | undefined>
  setLastMvpd(mvpd: LastMvpd): Promise<void>
  clearLastMvpd(): Promise<void>
  // PassStore's credentials, token and profile reads: `readClientCredentials` makes a real
  // IndexedDB attempt on every call (bounded by its timeout), also just after a failure, so its
  // `unavailable` means storage was asked now and did not answer.
  /** The client credentials; null when absent and also when unreadable (then with a warning). */
  getClientCredentials(): Promise<ClientCredentials | null>
  setProfile(profile: CachedProfile): Promise<void>
  /**
   * The second-screen session under way, so a relaunch while the viewer is on the phone resumes it
   * (CL-AUTHN-1). Mirrored: found even while IndexedDB stalls. A record that fails validation reads
   * as null. The store does not judge expiry: the caller compares `notAfter` with server time and
   * checks `origin` and `serviceProvider` against its settings.
   */
  getPendingSession(): Promise<PendingSessionRecord | null>
  /** Keeps the session just created (or resumed), replacing any earlier one. */
  setPendingSession(record: PendingSessionRecord): Promise<void>
  /** Forgets the session (signed in, expired, or a new code asked for; CL-AUTHN-2); stays cleared. */
  clearPendingSession(): Promise<void>
  /** That the viewer chose to sign out, and of which provider; null when they did not. Mirrored. */
  getSignedOut(): Promise<SignedOutRecord | null>
  /** Records a sign-out the viewer asked for (CL-LOGOUT-1). */
  setSignedOut(record: SignedOutRecord): Promise<void>
  /** Forgets the sign-out (the viewer signed in again); stays cleared. */
  clearSignedOut(): Promise<void>
  /**
   * The throttle burst left when it was last written (Adobe Pass throttling: a one-time burst at
   * the client's first interaction, then 1 request/s). Mirrored.
   */
  getRequestBudget(): Promise<RequestBudget | null>
  /**
   * Keeps the burst left. Cheap to call after every request: while one write is under way, later
   * calls collapse into one write of the latest record, and each call settles once its record (or a
   * later one) is written. A read during a write may still answer the record before it.
   */
  setRequestBudget(record: RequestBudget): Promise<void>
}

export interface DeviceStoreOptions {
  /** The main store (normally createResilientStore over createIdbStore). */
  readonly primary: KeyValueStore
  /**
   * A second store for every record but the profile cache (normally localStorage), so each
   * survives the loss or a stall of the other (CL-HDR-4, CL-CFG-2, CL-REG-2, CL-REG-3).
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
  const mirrored = new Set<RecordKey>(['deviceId', 'lastMvpd', 'clientCredentials', 'accessToken', 'pendingSession', 'signedOut', 'requestBudget'])
  // Mirrored from their first release on, so an empty mirror means "never stored" even while
  // IndexedDB does not answer. The credentials and the token may exist in IndexedDB only (stored
  // before they were mirrored), and so may the device id: a mirror write can fail (quota) or the
  // mirror be cleared on its own, and a generated id written over an unseen one would change the
  // device's identity (CL-HDR-4).
  const mirroredFromStart = new Set<RecordKey>(['lastMvpd', 'pendingSession', 'signedOut', 'requestBudget'])
  /** The newest stamp seen per key (read or written), so the next write is stamped later. */
  const latest = new Map<RecordKey, number>()
  const seen = (key: RecordKey, at: number): void => {
    if (at > (latest.get(key) ?? Number.NEGATIVE_INFINITY)) latest.set(key, at)
  }
  const stampFor = (key: RecordKey): number => {
    const previous = latest.get(key)
    const at = previous === undefined ? clock.now() : Math.max(clock.now(), previous + 1)
    latest.set(key, at)
    return at
  }

  /** One store's entry for `key`; null for nothing and for an invalid record (with a warning). */
  const decode = <K extends RecordKey>(key: K, raw: unknown): Entry<RecordOf<K>> | null => {
    const decoded = decodeEntry(raw, validators[key] as Validator<RecordOf<K>>)
    if (decoded.kind === 'none') return null
    if (decoded.kind === 'invalid') {
      logger.warn(decoded.problem === 'unreadable' ? 'storage: ignoring an unreadable record' : 'storage: ignoring a record that fails validation', { key })
      return null
    }
    seen(key, decoded.at)
    return decoded
  }
  const answer = <T>(entry: Entry<T>): StoreRead<T> => (entry.kind === 'value' ? { status: 'found', value: entry.value } : { status: 'absent' })

  type Raw = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly failure: StorageFailure }
  /** One store's raw answer; a rejection is "could not be read", never "absent". */
  const rawGet = async (store: KeyValueStore, key: RecordKey, lookupOptions?: LookupOptions): Promise<Raw> => {
    try {
      if (canLookup(store)) return await store.lookup(key, lookupOptions)
      return { ok: true, value: await store.get(key) }
    } catch (error) {
      return { ok: false, failure: toStorageFailure('get', error) }
    }
  }
  const safeRun = async (action: () => Promise<void>, key: RecordKey, operation: string): Promise<void> => {
    try {
      await action()
    } catch (error) {
      logger.warn('storage: write failed', { key, operation, reason: errorName(error) })
    }
  }

  const read = async <K extends RecordKey>(key: K, readOptions: ReadOptions = {}): Promise<StoreRead<RecordOf<K>>> => {
    const main = await rawGet(primary, key, { probe: readOptions.probe === true })
    const fromMain = main.ok ? decode(key, main.value) : null
    if (!mirror || !mirrored.has(key)) {
      if (fromMain !== null) return answer(fromMain)
      return main.ok ? { status: 'absent' } : { status: 'unavailable', failure: main.failure }
    }
    const copy = await rawGet(mirror, key)
    const fromCopy = copy.ok ? decode(key, copy.value) : null
    if (fromMain !== null && !(fromCopy !== null && fromCopy.at > fromMain.at)) {
      if (copy.ok && !sameEntry(fromCopy, fromMain)) {
        // Stored before the key was mirrored, or a mirror write failed: bring the mirror up to date.
        await safeRun(() => mirror.set(key, encodeEntry(fromMain)), key, 'mirror')
      }
      return answer(fromMain)
    }
    if (fromCopy !== null) {
      if (main.ok && !sameEntry(fromMain, fromCopy)) {
        // IndexedDB answered "absent", "invalid" (e.g. wiped by an update on webOS) or an older
        // entry (its write or clear was lost in a stall): heal it with the mirror's, stamp and all.
        await safeRun(() => primary.set(key, encodeEntry(fromCopy)), key, 'heal')
      }
      return answer(fromCopy)
    }
    if (main.ok) return { status: 'absent' }
    // IndexedDB could not be read and the mirror has nothing: that is "absent" only where the mirror
    // is the whole truth (no IndexedDB in this engine, or a key mirrored from the start); otherwise
    // the record may be in IndexedDB only.
    if (copy.ok && (main.failure.kind === 'unsupported' || mirroredFromStart.has(key))) return { status: 'absent' }
    return { status: 'unavailable', failure: main.failure }
  }
  /** The `get*` shape: null for absent and for unreadable, the latter with a warning (no value). */
  const orNull = async <K extends RecordKey>(key: K): Promise<RecordOf<K> | null> => {
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
  const put = async (key: RecordKey, entry: Entry<object>): Promise<void> => {
    const record = encodeEntry(entry)
    const cleared = entry.kind === 'cleared'
    if (mirror && mirrored.has(key)) await safeRun(() => mirror.set(key, record), key, cleared ? 'mirror-del' : 'mirror')
    await safeRun(() => primary.set(key, record), key, cleared ? 'del' : 'set')
  }
  const write = (key: RecordKey, data: object): Promise<void> => put(key, { kind: 'value', value: data, at: stampFor(key) })
  // A clear is a stamped tombstone in both stores, never a removal: a removal that reached only
  // one store would let the other's older copy win on the next read.
  const clear = (key: RecordKey): Promise<void> => put(key, { kind: 'cleared', at: stampFor(key) })
  const writeRequestBudget = createLatestWriter<RequestBudget>((record) => write('requestBudget', record))

  return {
    readDeviceId: () => read('deviceId'),
    getDeviceId: () => orNull('deviceId'),
    setDeviceId: (record) => write('deviceId', record),
    getLastMvpd: () => orNull('lastMvpd'),
    peekMirror: async (key) => {
      if (!mirror || !mirrored.has(key)) return undefined
      const copy = await rawGet(mirror, key)
      const entry = copy.ok ? decode(key, copy.value) : null
      if (!entry) return undefined
      return entry.kind === 'value' ? entry.value : null
    },
    setLastMvpd: (mvpd) => write('lastMvpd', mvpd),
    clearLastMvpd: () => clear('lastMvpd'),
    // Always a real attempt: the only caller registers the application again on `unavailable`.
    readClientCredentials: () => read('clientCredentials', { probe: true }),
    getClientCredentials: () => orNull('clientCredentials'),
    setClientCredentials: (credentials) => write('clientCredentials', credentials),
    clearClientCredentials: () => clear('clientCredentials'),
    getAccessToken: () => orNull('accessToken'),
    setAccessToken: (token) => write('accessToken', token),
    clearAccessToken: () => clear('accessToken'),
    getProfile: () => orNull('profile'),
    setProfile: (profile) => write('profile', profile),
    clearProfile: () => clear('profile'),
    getPendingSession: () => orNull('pendingSession'),
    setPendingSession: (record) => write('pendingSession', record),
    clearPendingSession: () => clear('pendingSession'),
    getSignedOut: () => orNull('signedOut'),
    setSignedOut: (record) => write('signedOut', record),
    clearSignedOut: () => clear('signedOut'),
    getRequestBudget: () => orNull('requestBudget'),
    setRequestBudget: (record) => writeRequestBudget(record),
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
   * The mirror for every record but the profile cache.
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
 * (createResilientStore), and localStorage mirroring every record but the profile cache.
 */
export function createPersistentDeviceStore(options: PersistentDeviceStoreOptions): DeviceStore {
  const primary = createResilientStore({
    primary: createIdbStore({ dbName: options.dbName ?? 'mychannel-pass' }),
    clock: options.clock,
    logger: options.logger,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retryAfterMs !== undefined ? { retryAfterMs: options.retryAfterMs } : {}),
  })
  const localStorageOf = options.localStorage ?? (() => (typeof localStorage !== 'undefined' ? localStorage : undefined))
  const mirror = createWebStorageStore(localStorageOf, options.mirrorPrefix ?? `${options.dbName ?? 'mychannel-pass'}:`)
  return createDeviceStore({ primary, mirror, logger: options.logger, clock: options.clock })
}
