/**
 * createPassClient: the Adobe Pass REST API V2 + DCR client the flow and the decisions controller use (the "profiles
 * service module"). Built once in the composition root from settings, storage, device identity and a
 * clock; holds no module-level state.
 *
 * @example
 * ```ts
 * const client = createPassClient({ settings, store, identity, clock: systemClock })
 * const profiles = await client.retrieveProfiles()
 * ```
 */
import { ServerTime, type Clock } from '../base/clock'
import { encodeDeviceIdentifier, encodeDeviceInfo, type DeviceIdentity } from '../platform/device-info'
import { consoleLogger, type Logger } from '../base/logger'
import type { PassSettings } from '../base/settings'
import { ConfigurationCache } from './configuration'
import { Dcr } from './dcr'
import { Decisions } from './decisions'
import { isPassError } from './errors'
import { defaultRetryPolicy, PassHttp, type DeviceHeaders, type RetryPolicy } from './http'
import { logout } from './logout'
import { RequestPacer, type RequestBudgetStore } from './pacer'
import { passStoreMethods, type PassStore } from './ports'
import { retrieveProfileForCode, retrieveProfileForMvpd, retrieveProfiles, type ProfilesContext } from './profiles'
import { createSession, resumeSession, retrieveSession, type SessionsContext } from './sessions'
import type { LogoutEntry, PassClient } from './types'

/** Retry and backoff for `action: retry`, 5xx and 429 (CL-ERR-1, docs/adobe-pass.md "Throttling"). */
export interface PassRetryOptions {
  /**
   * Extra tries after the first; 0–3 (Adobe allows 2–3 at most; docs/adobe-pass.md "Errors").
   * @defaultValue `2`
   */
  readonly limit?: number
  /**
   * Backoff before retry n: `baseDelayMs * 2^(n-1)`.
   * @defaultValue `500`
   */
  readonly baseDelayMs?: number
  /** @defaultValue `4000` */
  readonly maxDelayMs?: number
  /**
   * Least wait after a 429; the throttle ends 1 s after the first 429 (docs/adobe-pass.md "Throttling").
   * @defaultValue `1000`
   */
  readonly throttleWaitMs?: number
}

export interface PassClientOptions {
  /** Validated settings (parsePassSettings in settings.ts). */
  readonly settings: PassSettings
  /** Where credentials and the access token persist (CL-REG-2, CL-REG-3). */
  readonly store: PassStore
  /** Device id and device info for the headers (CL-HDR-2..4). */
  readonly identity: DeviceIdentity
  /** Time for timeouts, backoff and expiry (server time derives from it). */
  readonly clock: Clock
  /**
   * The fetch to use (tests inject one).
   * @defaultValue `globalThis.fetch`
   */
  readonly fetch?: typeof fetch
  /**
   * Per-attempt timeout in ms.
   * @defaultValue `10000`
   */
  readonly timeoutMs?: number
  /**
   * Receives debug lines (method, path, status) and warnings; never a secret.
   * @defaultValue consoleLogger (warnings only)
   */
  readonly logger?: Logger
  /** @defaultValue `{ limit: 2, baseDelayMs: 500, maxDelayMs: 4000, throttleWaitMs: 1000 }` */
  readonly retry?: PassRetryOptions
  /**
   * How long the configuration is served from memory (CL-CFG-R1: 3–5 min).
   * @defaultValue `180000`
   */
  readonly configurationCacheMs?: number
  /**
   * How long a preauthorization permit is served from memory (CL-PREAUTHZ-3).
   * @defaultValue `600000`
   */
  readonly permitCacheMs?: number
  /**
   * Refresh the access token when less than this is left (at most a tenth of its lifetime; CL-REG-R1).
   * @defaultValue `300000`
   */
  readonly tokenRefreshMarginMs?: number
  /**
   * Largest response body read, in bytes, from 16 KiB to 8 MiB. Adobe's answers are a few KiB; the
   * configuration of a service provider with many TV providers is the largest. A larger body is a
   * MalformedResponseError (reason "body too large"), and its transfer is stopped, so a runaway
   * answer cannot use up a TV's memory.
   * @defaultValue `262144` (256 KiB)
   */
  readonly maxResponseBytes?: number
  /**
   * Where the device's remaining throttle burst persists between launches (docs/adobe-pass.md "Throttling";
   * see RequestPacer in pacer.ts). Every request is paced so that normal use never meets a 429; the
   * one-time burst of a new device is only used when this store says it is still there. Without a
   * store, or when it fails, no burst is assumed and requests go at most one per 1050 ms.
   * @defaultValue none
   */
  readonly requestBudget?: RequestBudgetStore
}

/** A wrong option, named with what would fix it. */
export class PassClientOptionsError extends TypeError {
  constructor(option: string, problem: string) {
    super(`createPassClient: options.${option} ${problem} (see PassClientOptions in src/core/pass/client.ts)`)
    this.name = 'PassClientOptionsError'
  }
}

function requireMethods(value: unknown, option: string, methods: readonly string[]): void {
  if (typeof value !== 'object' || value === null) throw new PassClientOptionsError(option, 'is required')
  for (const m of methods) {
    if (typeof (value as Record<string, unknown>)[m] !== 'function') {
      throw new PassClientOptionsError(option, `must have a ${m}() method`)
    }
  }
}

function numberOption(value: number | undefined, option: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new PassClientOptionsError(option, `must be a number from ${min} to ${max}, got ${String(value)}`)
  }
  return value
}

function retryPolicy(retry: PassRetryOptions | undefined): RetryPolicy {
  const r = retry ?? {}
  const policy: RetryPolicy = {
    limit: numberOption(r.limit, 'retry.limit', defaultRetryPolicy.limit, 0, 3),
    baseDelayMs: numberOption(r.baseDelayMs, 'retry.baseDelayMs', defaultRetryPolicy.baseDelayMs, 0, 60000),
    maxDelayMs: numberOption(r.maxDelayMs, 'retry.maxDelayMs', defaultRetryPolicy.maxDelayMs, 0, 120000),
    throttleWaitMs: numberOption(r.throttleWaitMs, 'retry.throttleWaitMs', defaultRetryPolicy.throttleWaitMs, 1000, 60000),
  }
  if (!Number.isInteger(policy.limit)) throw new PassClientOptionsError('retry.limit', 'must be an integer')
  return policy
}

/** Builds the PassClient; throws PassClientOptionsError at once for a wrong option. */
export function createPassClient(options: PassClientOptions): PassClient {
  if (typeof options !== 'object' || options === null) throw new PassClientOptionsError('', 'must be an object')
  const { settings } = options
  if (typeof settings !== 'object' || settings === null || typeof settings.baseUrl !== 'string' || typeof settings.serviceProvider !== 'string') {
    throw new PassClientOptionsError('settings', 'must be the PassSettings returned by parsePassSettings()')
  }
  requireMethods(options.store, 'store', passStoreMethods)
  requireMethods(options.identity, 'identity', ['deviceId', 'deviceInfo'])
  requireMethods(options.clock, 'clock', ['now', 'setTimeout', 'clearTimeout'])
  const fetchImpl = options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined)
  if (typeof fetchImpl !== 'function') {
    throw new PassClientOptionsError('fetch', 'is required where globalThis.fetch is missing (load a fetch polyfill first)')
  }
  if (typeof AbortController !== 'function') {
    throw new PassClientOptionsError('fetch', 'needs AbortController (load an AbortController polyfill first)')
  }
  const timeoutMs = numberOption(options.timeoutMs, 'timeoutMs', 10000, 100, 120000)
  const retry = retryPolicy(options.retry)
  const configurationCacheMs = numberOption(options.configurationCacheMs, 'configurationCacheMs', 180000, 0, 300000)
  const permitCacheMs = numberOption(options.permitCacheMs, 'permitCacheMs', 600000, 0, 3600000)
  const tokenRefreshMarginMs = numberOption(options.tokenRefreshMarginMs, 'tokenRefreshMarginMs', 300000, 0, 3600000)
  const maxResponseBytes = numberOption(options.maxResponseBytes, 'maxResponseBytes', 262144, 16384, 8388608)
  if (options.requestBudget !== undefined) requireMethods(options.requestBudget, 'requestBudget', ['load', 'save'])
  const logger = options.logger ?? consoleLogger
  requireMethods(logger, 'logger', ['debug', 'warn'])
  const { clock, store, identity } = options

  const serverTime = new ServerTime(clock)
  let headers: Promise<DeviceHeaders> | undefined
  const deviceHeaders = (): Promise<DeviceHeaders> => {
    if (!headers) {
      headers = Promise.all([identity.deviceId(), identity.deviceInfo()]).then(([id, info]) => ({
        deviceIdentifier: encodeDeviceIdentifier(id),
        deviceInfo: encodeDeviceInfo(info),
      }))
      // A failed lookup is not kept: the next request asks again.
      headers.catch(() => {
        headers = undefined
      })
    }
    return headers
  }

  const pacer = new RequestPacer({ clock, logger, store: options.requestBudget })
  const http = new PassHttp({ origin: settings.baseUrl, clock, serverTime, logger, timeoutMs, retry, fetch: fetchImpl, deviceHeaders, maxResponseBytes, pacer })
  http.setTokenSource(new Dcr({ http, store, settings, serverTime, clock, logger, refreshMarginMs: tokenRefreshMarginMs }))
  const serverNow = (): number => serverTime.now()
  const profiles: ProfilesContext = { http, serviceProvider: settings.serviceProvider, serverNow }
  const sessions: SessionsContext = { http, settings, serverTime }
  const configuration = new ConfigurationCache(http, settings.serviceProvider, clock, configurationCacheMs)
  const decisions = new Decisions({
    http,
    serviceProvider: settings.serviceProvider,
    clock,
    retry,
    permitTtlMs: permitCacheMs,
    batchSize: 5,
  })

  return {
    retrieveProfiles: (o) => retrieveProfiles(profiles, o),
    retrieveProfileForMvpd: (mvpd, o) => retrieveProfileForMvpd(profiles, mvpd, o),
    retrieveProfileForCode: (code, o) => retrieveProfileForCode(profiles, code, o),
    createSession: (params, o) => createSession(sessions, params, o),
    resumeSession: (code, params, o) => resumeSession(sessions, code, params, o),
    retrieveSession: (code, o) => retrieveSession(sessions, code, o),
    configuration: (o) => configuration.get(o),
    preauthorize: (mvpd, resources, o) => decisions.preauthorize(mvpd, resources, o),
    authorize: (mvpd, resource, o) => decisions.authorize(mvpd, resource, o),
    logout: async (mvpd, o) => {
      let entries: LogoutEntry[]
      try {
        entries = await logout(http, settings, mvpd, o)
      } catch (error) {
        // An `authentication` answer (authenticated_profile_missing, _expired, _invalidated, …) says
        // there is no profile left to sign out of: the outcome of Adobe's own `invalid` entry
        // (docs/adobe-pass.md "Endpoints"), so it is reported as one and the viewer is signed out on this TV. Any other
        // failure (network, 5xx, …) leaves the viewer signed in, with the cache as it was.
        if (!isPassError(error) || error.action !== 'authentication') throw error
        entries = [{ mvpd, actionName: 'invalid', actionType: 'none' }]
      }
      // The profiles are gone: so are their permits (CL-PREAUTHZ-3) and the cached profile parts,
      // userID, zip and the rest (docs/architecture.md "Flow"). Entries may name more providers than asked
      // (SSO profiles removed with it, 8A). A cache that cannot be read is cleared too: whose it is
      // cannot be told, and it is only a cache.
      const gone = new Set([mvpd, ...entries.map((e) => e.mvpd)])
      gone.forEach((id) => decisions.forget(id))
      const cached = await store.getProfile()
      if (!cached || gone.has(cached.mvpd)) await store.clearProfile()
      return entries
    },
    serverNow,
  }
}
