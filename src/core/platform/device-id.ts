/**
 * The device id behind AP-Device-Identifier (reference 3.2, CL-HDR-2, CL-HDR-4): stable across
 * reboots, updates and reinstalls, and the real device's. Profiles are bound to it (reference 7.1),
 * so once an id is in use it is kept: a stable id beats a hardware-derived one.
 *
 * 1. The stored id, whatever its source (mirrored in two stores by the DeviceStore, so the loss of
 *    one does not change it). A generated id stays even when the platform id answers on a later
 *    launch (e.g. LGUDID timed out on the first one).
 * 2. Nothing stored: where the platform has a stable hardware id (Tizen DUID, webOS LGUDID) its
 *    SHA-256, persisted; recomputing it gives the same id after storage is wiped.
 * 3. Otherwise a random id, hashed to the same shape and persisted.
 * When the store cannot be read at all (StoreRead `unavailable`), steps 2–3 give this session's id
 * but it is not persisted, so a stored id that could not be seen is not overwritten.
 */
import type { Clock } from '../flow/clock'
import type { DeviceIdRecord, DeviceStore } from '../storage/device-store'
import { completeDeviceInfo, type DeviceIdentity, type DeviceInfo } from './device-info'
import type { Logger } from './logger'
import type { Platform } from './platform'
import { sha256Hex, type SubtleDigest } from './sha256'

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
}

/** Steps 1–3 above. Never rejects: a failing platform call or store falls through to the next step. */
export async function resolveDeviceId(options: DeviceIdOptions): Promise<DeviceIdRecord> {
  const { platform, store, logger } = options
  const stored = await store.readDeviceId()
  if (stored.status === 'found') return stored.value
  let raw: string | null = null
  try {
    raw = await platform.stableId()
  } catch {
    raw = null
  }
  const record: DeviceIdRecord = raw
    ? { id: await sha256Hex(raw, options.subtle), source: 'platform' }
    : { id: await sha256Hex((options.generate ?? (() => randomId(options.clock)))(), options.subtle), source: 'generated' }
  if (stored.status === 'unavailable') {
    // Without the ids: the kind of id used, and why storage could not be read.
    logger.warn('device id: storage unreadable, using an id for this session without storing it', {
      source: record.source,
      reason: stored.failure.reason,
    })
    return record
  }
  await store.setDeviceId(record)
  return record
}

export interface DeviceIdentityOptions extends DeviceIdOptions {
  /** X-Device-Info `applicationId` (reference 3.3), normally the serviceProvider. */
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
          .then((partial) =>
            completeDeviceInfo({ ...partial, ...(options.applicationId ? { applicationId: options.applicationId } : {}) }),
          )),
  }
}
