/**
 * The device id behind AP-Device-Identifier (CL-HDR-2, CL-HDR-4): stable across reboots, updates and
 * reinstalls, and the real device's. Adobe binds profiles to it, so it must not change when local
 * storage is lost: webOS deletes a packaged app's local storage on every app update (LG's web
 * storage page, webostv.developer.lge.com/develop/code-samples/web-storage).
 *
 * 1. Where the platform has a stable hardware id (Tizen DUID, webOS LGUDID), the id is its SHA-256,
 *    derived at every launch, so a wiped storage gives the same id. The platform is given
 *    `platformWaitMs` on the injected clock (read alongside the stored id); when it answers in
 *    time its id wins, and the stored record is updated if it differed.
 * 2. The platform has no id or did not answer in time: the stored id, whatever its source (mirrored
 *    in two stores by the DeviceStore, so the loss of one does not change it). A platform answer
 *    that comes after the wait is not used on this launch (the headers must not change mid-launch)
 *    and not stored; the next launch derives it again.
 * 3. Nothing stored: a random id, hashed to the same shape and persisted.
 * When the store cannot be read (StoreRead `unavailable`, e.g. IndexedDB stalled and the mirror
 * empty), step 3 gives an id for this launch only: it is not persisted over a stored id that could
 * not be seen. A platform-derived id is persisted even then (it would win over any stored id).
 */
import { clampTimerMs, type Clock } from '../base/clock'
import type { DeviceIdRecord, DeviceStore } from './device-store'
import { completeDeviceInfo, type DeviceIdentity, type DeviceInfo } from '../platform/device-info'
import type { Logger } from '../base/logger'
import type { Platform } from '../platform/platform'
import { sha256Hex, type SubtleDigest } from '../platform/sha256'

/** 128 random bits as a UUIDv4 string: crypto.getRandomValues when present, Math.random otherwise. */
export function randomId(clock: Clock): string {
  const bytes = new Array<number>(16)
  const c = typeof crypto !== 'undefined' ? (crypto as { getRandomValues?: (a: Uint8Array) => Uint8Array }) : undefined
  if (c && typeof c.getRandomValues === 'function') {
    const buffer = c.getRandomValues(new Uint8Array(16))
    for (let i = 0; i < 16; i++) bytes[i] = buffer[i] as number
  } else {
    // Old engines without getRandomValues: mix time in so two TVs started together still differ.
    const t = clock.now()
    for (let i = 0; i < 16; i++) bytes[i] = (Math.floor(Math.random() * 256) ^ Math.floor(t / Math.pow(2, i % 6))) & 0xff
  }
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  const hexs = bytes.map((b) => ('0' + b.toString(16)).slice(-2)).join('')
  return `${hexs.slice(0, 8)}-${hexs.slice(8, 12)}-${hexs.slice(12, 16)}-${hexs.slice(16, 20)}-${hexs.slice(20)}`
}

export interface DeviceIdOptions {
  readonly platform: Platform
  readonly store: DeviceStore
  readonly clock: Clock
  readonly logger: Logger
  /** @defaultValue the platform's WebCrypto, if any (the pure-JS SHA-256 otherwise) */
  readonly subtle?: SubtleDigest
  /** @defaultValue randomId */
  readonly generate?: () => string
  /**
   * Longest wait for the platform's stable id (on the injected clock) before the stored or a
   * generated id is used for this launch; requests wait for the id, so this bounds their delay.
   * @defaultValue `3000`
   */
  readonly platformWaitMs?: number
}

/** What the platform said within the wait: its raw id, `none` (it has none), or `late`. */
type PlatformAnswer = { readonly kind: 'id'; readonly raw: string } | { readonly kind: 'none' } | { readonly kind: 'late' }

/** `platform.stableId()` bounded by `ms` on the clock; never rejects (a failing lookup is "none"). */
function platformId(platform: Platform, clock: Clock, ms: number, logger: Logger): Promise<PlatformAnswer> {
  return new Promise<PlatformAnswer>((resolve) => {
    let settled = false
    const timer = clock.setTimeout(() => {
      settled = true
      resolve({ kind: 'late' })
    }, clampTimerMs(ms))
    const done = (raw: string | null): void => {
      if (settled) {
        // Kept out of this launch's headers (they must not change mid-launch) and not stored.
        if (raw) logger.debug('device id: the platform id answered after the wait; not used on this launch', { waitMs: ms })
        return
      }
      settled = true
      clock.clearTimeout(timer)
      resolve(raw ? { kind: 'id', raw } : { kind: 'none' })
    }
    let lookup: Promise<string | null>
    try {
      lookup = platform.stableId()
    } catch {
      lookup = Promise.resolve(null)
    }
    lookup.then(done, () => done(null))
  })
}

/** Steps 1–3 above. Never rejects: a failing platform call or store falls through to the next step. */
export async function resolveDeviceId(options: DeviceIdOptions): Promise<DeviceIdRecord> {
  const { platform, store, clock, logger } = options
  const waitMs = options.platformWaitMs ?? 3000
  // Both at once: an IndexedDB stall and a slow platform cost one wait, not two.
  const [stored, answer] = await Promise.all([store.readDeviceId(), platformId(platform, clock, waitMs, logger)])
  if (answer.kind === 'id') {
    const record: DeviceIdRecord = { id: await sha256Hex(answer.raw, options.subtle), source: 'platform' }
    if (stored.status === 'found' && stored.value.id === record.id && stored.value.source === record.source) return record
    if (stored.status === 'found') {
      // Profiles were bound to the stored id: the viewer signs in again once (CL-HDR-4). No ids logged.
      logger.warn('device id: the platform id replaces the stored id', { stored: stored.value.source })
    }
    keep(store, record)
    return record
  }
  if (answer.kind === 'late') logger.debug('device id: no platform id within the wait', { waitMs, stored: stored.status })
  if (stored.status === 'found') return stored.value
  const record: DeviceIdRecord = {
    id: await sha256Hex((options.generate ?? (() => randomId(options.clock)))(), options.subtle),
    source: 'generated',
  }
  if (stored.status === 'unavailable') {
    // Without the ids: why storage could not be read. A generated id stored now could replace an
    // id that is stored but could not be seen (CL-HDR-4).
    logger.warn('device id: storage unreadable, using an id for this launch without storing it', {
      source: record.source,
      reason: stored.failure.reason,
    })
    return record
  }
  keep(store, record)
  return record
}

/**
 * Stores the id without making the caller wait for IndexedDB: every Adobe Pass request waits for
 * the id (docs/architecture.md "Time"), and the device store writes its mirror before IndexedDB, so
 * the id is kept even when the app closes before IndexedDB answers. The store's writes never reject.
 */
function keep(store: DeviceStore, record: DeviceIdRecord): void {
  void store.setDeviceId(record)
}

export interface DeviceIdentityOptions extends DeviceIdOptions {
  /** X-Device-Info `applicationId` (Adobe's X-Device-Info header page), normally the serviceProvider. */
  readonly applicationId?: string
}

/** The DeviceIdentity createPassClient needs; each lookup runs once and is shared. */
export function createDeviceIdentity(options: DeviceIdentityOptions): DeviceIdentity {
  let id: Promise<string> | undefined
  let info: Promise<DeviceInfo> | undefined
  return {
    deviceId: () => (id = id ?? resolveDeviceId(options).then((r) => r.id)),
    deviceInfo: () =>
      (info =
        info ??
        options.platform
          .deviceInfo()
          .catch(() => ({}))
          .then((partial) => completeDeviceInfo({ ...partial, ...(options.applicationId ? { applicationId: options.applicationId } : {}) }))),
  }
}
