/** Builds a client over FakeAdobe, a FakeClock and a memory store, as a composition root would. */
import { FakeClock } from './fake-clock'
import { createPassClient, type PassClientOptions } from '../../src/core/pass/client'
import type { PassClient } from '../../src/core/pass/types'
import { parsePassSettings, type PassSettings } from '../../src/core/base/settings'
import { createDeviceStore, type DeviceStore } from '../../src/core/storage/device-store'
import { MemoryStore } from '../../src/core/storage/memory-kv'
import type { DeviceIdentity, DeviceInfo } from '../../src/core/platform/device-info'
import type { Logger, LogFields } from '../../src/core/base/logger'
import { FakeAdobe } from './fake-adobe'
import settingsJson from '../../settings.json'

export const deviceId = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00'
export const deviceInfo: DeviceInfo = {
  primaryHardwareType: 'TV',
  model: 'UE55TU8000',
  version: 'T-KSU2EAKUC',
  manufacturer: 'Samsung',
  osName: 'Linux',
  osFamily: 'Tizen',
  osVendor: 'Samsung',
  osVersion: '6.0',
  connectionType: 'WiFi',
  applicationId: 'MYCHAN',
}

export const identity: DeviceIdentity = {
  deviceId: () => Promise.resolve(deviceId),
  deviceInfo: () => Promise.resolve(deviceInfo),
}

export class CapturingLogger implements Logger {
  readonly lines: Array<{ level: string; message: string; fields?: LogFields }> = []
  debug(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'debug', message, ...(fields ? { fields } : {}) })
  }
  warn(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) })
  }
  text(): string {
    return JSON.stringify(this.lines)
  }
}

export function testSettings(overrides: Partial<PassSettings> = {}): PassSettings {
  return { ...parsePassSettings(settingsJson, '?pass.baseUrl=http://127.0.0.1:4000', true), ...overrides }
}

export interface Rig {
  readonly clock: FakeClock
  readonly adobe: FakeAdobe
  readonly store: DeviceStore
  readonly kv: MemoryStore
  readonly logger: CapturingLogger
  readonly settings: PassSettings
  client: PassClient
  /** A new client over the same store (a second app start). */
  restart(): PassClient
}

export interface RigOptions extends Partial<Omit<PassClientOptions, 'settings' | 'store' | 'clock'>> {
  readonly start?: number
  /** The DeviceStore to use instead of one over `kv` (e.g. the persistent store over IndexedDB). */
  readonly makeStore?: (clock: FakeClock, logger: CapturingLogger) => DeviceStore
}

export function rig(rigOptions: RigOptions = {}): Rig {
  const { start, makeStore, ...options } = rigOptions
  const clock = new FakeClock(start ?? Date.UTC(2026, 0, 1))
  const adobe = new FakeAdobe(clock)
  const kv = new MemoryStore()
  const logger = new CapturingLogger()
  const store = makeStore ? makeStore(clock, logger) : createDeviceStore({ primary: kv, logger, clock })
  const settings = testSettings()
  const make = (): PassClient => createPassClient({ identity, fetch: adobe.fetch, logger, ...options, settings, store, clock })
  const r: Rig = { clock, adobe, store, kv, logger, settings, client: make(), restart: () => (r.client = make()) }
  return r
}

/** Runs `promise` while advancing the fake clock until it settles (retries and waits need time). */
export async function settle<T>(clock: FakeClock, promise: Promise<T>, stepMs = 100, maxMs = 120000): Promise<T> {
  let done = false
  promise.then(
    () => (done = true),
    () => (done = true),
  )
  for (let t = 0; !done && t <= maxMs; t += stepMs) await clock.advance(stepMs)
  return promise
}

/** settle(), a rejection given back as the value: for assertions on the error's type and fields. */
export function settleCaught(clock: FakeClock, promise: Promise<unknown>): Promise<unknown> {
  return settle(
    clock,
    promise.catch((e: unknown) => e),
  )
}
