/**
 * Builds the real client (settings, persistent store over fake-indexeddb, browser platform identity)
 * against a sandbox on loopback, as the composition root would. A recording fetch keeps the request
 * bodies as they went on the wire (the sandbox log has no bodies); everything else is asserted on the
 * sandbox's own log.
 */
import 'fake-indexeddb/auto'
import { startSandbox, type Sandbox } from '../sandbox'
import { systemClock } from '../../src/core/base/clock'
import type { Logger, LogFields } from '../../src/core/base/logger'
import { parsePassSettings, type PassSettings } from '../../src/core/base/settings'
import { createPassClient, type PassClientOptions } from '../../src/core/pass/client'
import type { PassClient } from '../../src/core/pass/types'
import { createPlatform } from '../../src/core/platform/detect'
import { createDeviceIdentity } from '../../src/core/storage/device-id'
import { createPersistentDeviceStore, type DeviceStore } from '../../src/core/storage/device-store'
import type { RequestBudgetStore } from '../../src/core/pass/pacer'
import settingsJson from '../../settings.json'

export interface WireRecord {
  readonly method: string
  readonly path: string
  readonly contentType: string | null
  readonly body: string
}

export class CapturingLogger implements Logger {
  readonly lines: string[] = []
  debug(message: string, fields?: LogFields): void {
    this.lines.push(`${message} ${JSON.stringify(fields ?? {})}`)
  }
  warn(message: string, fields?: LogFields): void {
    this.lines.push(`WARN ${message} ${JSON.stringify(fields ?? {})}`)
  }
}

/** A Web Storage stand-in for node (the localStorage mirror of the device store). */
export function memoryStorage(): Storage {
  const map = new Map<string, string>()
  return {
    get length() {
      return map.size
    },
    clear: () => map.clear(),
    getItem: (k) => (map.has(k) ? (map.get(k) as string) : null),
    key: (i) => Array.from(map.keys())[i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  }
}

let dbCounter = 0

/**
 * A request budget that reports a new device on every start, so that each client has the full burst
 * (src/core/pass/pacer.ts) and tests about something other than pacing are not slowed to 1 request/s.
 * The pacing tests pass a budget that remembers.
 */
export const newDeviceBudget: RequestBudgetStore = {
  load: () => Promise.resolve(null),
  save: () => Promise.resolve(),
}

/** A budget store that keeps what is saved, as the device's storage would; `saves` counts the writes. */
export class MemoryBudgetStore implements RequestBudgetStore {
  saves = 0
  value: { key: string; burstLeft: number; at: number } | null = null
  load(): Promise<{ key: string; burstLeft: number; at: number } | null> {
    return Promise.resolve(this.value ? { ...this.value } : null)
  }
  save(budget: { key: string; burstLeft: number; at: number }): Promise<void> {
    this.saves += 1
    this.value = { ...budget }
    return Promise.resolve()
  }
}

export interface Device {
  readonly store: DeviceStore
  readonly settings: PassSettings
  readonly wire: WireRecord[]
  readonly logger: CapturingLogger
  deviceId(): Promise<string>
  /** A client over this device's store (call again for a second app start). */
  start(options?: Partial<PassClientOptions>): PassClient
}

/**
 * One TV: its own IndexedDB database and localStorage, pointed at the sandbox (or at `origin`, a
 * front such as edge.ts that forwards to it).
 */
export function device(sandbox: Sandbox, origin: string = sandbox.origin): Device {
  const settings = parsePassSettings(settingsJson, `?pass.baseUrl=${encodeURIComponent(origin)}`, true)
  const logger = new CapturingLogger()
  const storage = memoryStorage()
  const store = createPersistentDeviceStore({ clock: systemClock, logger, dbName: `integration-${process.pid}-${++dbCounter}`, localStorage: () => storage })
  const platform = createPlatform({ clock: systemClock, globals: { navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.0.0' } } })
  const identity = createDeviceIdentity({ platform, store, clock: systemClock, logger, applicationId: settings.serviceProvider })
  const wire: WireRecord[] = []
  const recordingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init)
    const copy = request.clone()
    wire.push({
      method: request.method,
      path: new URL(request.url).pathname,
      contentType: request.headers.get('content-type'),
      body: request.method === 'GET' ? '' : await copy.text(),
    })
    return fetch(request)
  }) as typeof fetch
  return {
    store,
    settings,
    wire,
    logger,
    deviceId: () => identity.deviceId(),
    start: (options = {}) =>
      createPassClient({
        settings,
        store,
        identity,
        clock: systemClock,
        fetch: recordingFetch,
        logger,
        timeoutMs: 5000,
        requestBudget: newDeviceBudget,
        ...options,
      }),
  }
}

export async function sandboxForTests(throttle = false): Promise<Sandbox> {
  return startSandbox({ port: 0, mode: 'test', throttle })
}

/**
 * One sandbox for a test file: started before its tests (handed to `use`), stopped after them, and
 * reset before each test when `resetEach` (scripted faults and seeded profiles never leak between tests).
 */
export function useSandbox(use: (sandbox: Sandbox) => void, options: { throttle?: boolean; resetEach?: boolean } = {}): void {
  let sandbox: Sandbox | undefined
  beforeAll(async () => {
    sandbox = await sandboxForTests(options.throttle ?? false)
    use(sandbox)
  })
  afterAll(async () => {
    await sandbox?.stop()
  })
  if (options.resetEach) beforeEach(() => sandbox?.reset())
}

/** The sandbox log as "METHOD path status" lines, API and DCR only. */
export function calls(sandbox: Sandbox): string[] {
  return sandbox
    .requests()
    .filter((r) => r.path.indexOf('/api/v2/') === 0 || r.path.indexOf('/o/client/') === 0)
    .map((r) => `${r.method} ${r.path} ${r.status}`)
}
