/**
 * The single HTTP layer of the Pass client: one ky instance (base URL, hooks, injected fetch) plus
 * what the reference asks of every call:
 * - headers per endpoint: Authorization (CL-HDR-1), AP-Device-Identifier (CL-HDR-2), X-Device-Info
 *   (CL-HDR-3), Accept/Content-Type exactly as reference section 3.2 says, nothing else (CL-HDR-5);
 * - every failure mapped to a typed error (errors.ts): enhanced error bodies to PassError, kept apart
 *   from 200 bodies with item-level errors, which the parsers return as data (CL-ERR-2);
 * - retries only where the one retry rule allows (errors.ts `isTransient`: action `retry`, or 5xx
 *   without a named remedy; 429): at most `limit` more tries with exponential backoff (CL-ERR-1); a
 *   429 waits at least 1 s (section 10). A request may narrow this (`PassRequest.retry`): the poll
 *   and decisions run their own retries, session creation is not resent after a 5xx;
 * - a 401 refreshes the access token once and retries once (CL-REG-R1);
 * - a timeout per attempt and cancellation through the caller's AbortSignal;
 * - the server's Date header feeds ServerTime so expiry decisions use server time.
 *
 * Timers run on the injected Clock (ky's own timeout and retry are switched off), so tests drive
 * time with a fake clock. No ky type leaves this file.
 */
import ky, { type KyInstance } from 'ky'
import type { Clock, ServerTime } from '../flow/clock'
import type { Logger } from '../platform/logger'
import {
  CancelledError,
  MalformedResponseError,
  NetworkError,
  PassError,
  ThrottledError,
  TimeoutError,
  isPassClientError,
  isTransient,
  type PassClientError,
} from './errors'
import { WireFormatError, enhancedError, oauthError } from './wire'

/** Media types of reference section 3.2. */
export const mediaTypes = {
  /** V2 is JSON only; if Accept is sent it must be this (reference 3.2, EEC). */
  v2Accept: 'application/json;charset=utf-8',
  dcrAccept: 'application/json',
  json: 'application/json;charset=utf-8',
  form: 'application/x-www-form-urlencoded',
} as const

/** Values of the device headers, computed once per client (CL-HDR-2, CL-HDR-3). */
export interface DeviceHeaders {
  /** `fingerprint <Base64(deviceId)>` */
  readonly deviceIdentifier: string
  /** Base64 of the X-Device-Info JSON (reference 3.3). */
  readonly deviceInfo: string
}

/** Where the bearer token comes from (dcr.ts). */
export interface TokenSource {
  /** A token valid in server time, from memory, the store or the token endpoint (CL-REG-3). */
  current(signal?: AbortSignal): Promise<string>
  /** Replaces `rejected` (answered 401) with a fresh token; concurrent callers share one refresh. */
  refresh(rejected: string, signal?: AbortSignal): Promise<string>
}

export interface RetryPolicy {
  /** Extra tries after the first, for `retry` actions, 5xx and 429 (2–3 at most: CL-ERR-1). */
  readonly limit: number
  /** Backoff before retry n is `baseDelayMs * 2^(n-1)`, capped at `maxDelayMs`. */
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** The least wait after a 429 (reference section 10: the throttle ends 1 s after the first 429). */
  readonly throttleWaitMs: number
}

export const defaultRetryPolicy: RetryPolicy = { limit: 2, baseDelayMs: 500, maxDelayMs: 4000, throttleWaitMs: 1000 }

/** Narrows the client's retry policy for one request. */
export interface RequestRetry {
  /** Extra tries for this request in place of the policy's `limit` (0: none). */
  readonly limit?: number
  /**
   * `throttled`: only a 429 is sent again (after the 1 s wait). A throttled request was turned away
   * before the server acted on it, so resending cannot repeat its effect; a 5xx might have.
   */
  readonly only?: 'throttled'
}

/** One call, described as data. */
export interface PassRequest {
  readonly method: 'GET' | 'POST'
  /** Path from the origin, every parameter already URL-encoded (see `pathOf`). */
  readonly path: string
  readonly query?: Readonly<Record<string, string>>
  readonly form?: Readonly<Record<string, string>>
  readonly json?: unknown
  /** `v2`: REST API V2 (bearer + both device headers); `dcr`: /o/client (X-Device-Info only). */
  readonly api: 'v2' | 'dcr'
  readonly signal?: AbortSignal | undefined
  /** Overrides the retry policy for this request; the 401 refresh (CL-REG-R1) happens either way. */
  readonly retry?: RequestRetry | undefined
}

/** Joins path segments, URL-encoding each parameter: `pathOf('/api/v2', sp, 'profiles', mvpd)`. */
export function pathOf(prefix: string, ...segments: string[]): string {
  return prefix + segments.map((s) => '/' + encodeURIComponent(s)).join('')
}

/** The headers one request carries (reference 3.1/3.2); exported for the header tests. */
export function buildHeaders(request: PassRequest, device: DeviceHeaders, token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  if (request.api === 'v2') {
    if (token === undefined) throw new Error('a REST API V2 request needs an access token')
    headers['Authorization'] = `Bearer ${token}` // CL-HDR-1
    headers['AP-Device-Identifier'] = device.deviceIdentifier // CL-HDR-2, every V2 request (3.1 note 3)
    headers['X-Device-Info'] = device.deviceInfo // CL-HDR-3, always sent (3.1 note 2)
    headers['Accept'] = mediaTypes.v2Accept
  } else {
    // DCR lists X-Device-Info (R) and Content-Type only (reference 4.1/4.2, CL-HDR-5).
    headers['X-Device-Info'] = device.deviceInfo
    headers['Accept'] = mediaTypes.dcrAccept
  }
  if (request.form !== undefined) headers['Content-Type'] = mediaTypes.form
  else if (request.json !== undefined) headers['Content-Type'] = mediaTypes.json
  return headers
}

function encodeForm(form: Readonly<Record<string, string>>): string {
  return Object.keys(form)
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(form[k] as string)}`)
    .join('&')
}

/** Retry-After (seconds or an HTTP date; not documented by Adobe, honoured when present). */
export function retryAfterMs(header: string | null, now: number, floorMs: number): number {
  if (!header) return floorMs
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(floorMs, seconds * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? floorMs : Math.max(floorMs, at - now)
}

/**
 * What a request is sent again for: the shared retry rule (errors.ts `isTransient`) except network
 * loss and timeouts, which go back to the caller (the flow shows them and offers "Try again").
 */
export function shouldResend(error: PassClientError): boolean {
  return error.kind !== 'network' && error.kind !== 'timeout' && isTransient(error)
}

/** Exponential backoff before retry number `retry` (1-based). */
export function backoffMs(retry: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * Math.pow(2, retry - 1))
}

/** The wait before retry number `retry` (1-based): backoff, and at least 1 s after a 429. */
export function retryDelayMs(error: PassClientError, retry: number, policy: RetryPolicy): number {
  const backoff = backoffMs(retry, policy)
  if (error.kind === 'throttled') return Math.max(policy.throttleWaitMs, error.retryAfterMs, backoff)
  return backoff
}

export interface PassHttpOptions {
  readonly origin: string
  readonly clock: Clock
  readonly serverTime: ServerTime
  readonly logger: Logger
  readonly timeoutMs: number
  readonly retry: RetryPolicy
  readonly fetch?: typeof fetch | undefined
  readonly deviceHeaders: () => Promise<DeviceHeaders>
}

/** Sends PassRequests; `tokens` is attached after construction because DCR itself uses this layer. */
export class PassHttp {
  private readonly ky: KyInstance
  private tokens: TokenSource | undefined
  private dateSeen = false

  constructor(private readonly options: PassHttpOptions) {
    const { clock, serverTime } = options
    this.ky = ky.create({
      prefix: options.origin,
      // Timeouts and retries are ours (Clock-driven, action-aware); errors are mapped below.
      timeout: false,
      retry: 0,
      throwHttpErrors: false,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      hooks: {
        afterResponse: [
          ({ response }) => {
            // Server time from every answer, errors included (design.md section 2 clock.ts).
            const date = response.headers.get('date')
            serverTime.observeDateHeader(date, clock.now())
            if (date && !Number.isNaN(Date.parse(date))) this.dateSeen = true
          },
        ],
      },
    })
  }

  /** True once a response's Date header has been read (browsers hide it cross-origin without CORS exposure). */
  get serverTimeKnown(): boolean {
    return this.dateSeen
  }

  setTokenSource(tokens: TokenSource): void {
    this.tokens = tokens
  }

  /** Sends `request` (with retries and the 401 refresh) and parses a 2xx body with `parse`. */
  async send<T>(request: PassRequest, parse: (body: unknown) => T): Promise<T> {
    const context = `${request.method} ${request.path}`
    let retries = 0
    let refreshed = false
    for (;;) {
      if (request.signal?.aborted) throw new CancelledError(context)
      let token: string | undefined
      if (request.api === 'v2') {
        if (!this.tokens) throw new Error('PassHttp: no token source')
        token = await this.tokens.current(request.signal)
      }
      try {
        return await this.once(request, token, parse, context)
      } catch (error) {
        if (!isPassClientError(error)) throw error
        const status = error.kind === 'pass' || error.kind === 'malformed' ? error.httpStatus : 0
        if (status === 401 && token !== undefined && !refreshed && this.tokens) {
          // CL-REG-R1: refresh once, retry once; a second 401 goes to the caller.
          refreshed = true
          this.options.logger.debug('pass: 401, refreshing the access token', { request: context })
          await this.tokens.refresh(token, request.signal)
          continue
        }
        const limit = request.retry?.limit ?? this.options.retry.limit
        const resend = request.retry?.only === 'throttled' ? error.kind === 'throttled' : shouldResend(error)
        if (retries < limit && resend) {
          retries += 1
          const delay = retryDelayMs(error, retries, this.options.retry)
          this.options.logger.debug('pass: retrying', { request: context, kind: error.kind, retry: retries, delayMs: delay })
          await this.wait(delay, request.signal, context)
          continue
        }
        throw error
      }
    }
  }

  /** Waits on the injected clock; a cancelled signal ends the wait with CancelledError. */
  wait(ms: number, signal: AbortSignal | undefined, context: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new CancelledError(context))
        return
      }
      const onAbort = (): void => {
        this.options.clock.clearTimeout(timer)
        reject(new CancelledError(context))
      }
      const timer = this.options.clock.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort)
    })
  }

  private async once<T>(request: PassRequest, token: string | undefined, parse: (body: unknown) => T, context: string): Promise<T> {
    const { clock, timeoutMs } = this.options
    const device = await this.options.deviceHeaders()
    // Cancelled while the device headers were looked up: nothing goes out.
    if (request.signal?.aborted) throw new CancelledError(context)
    const headers = buildHeaders(request, device, token)
    const controller = new AbortController()
    let timedOut = false
    const timer = clock.setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onAbort = (): void => controller.abort()
    request.signal?.addEventListener('abort', onAbort)
    const transport = (error: unknown): PassClientError => {
      if (request.signal?.aborted) return new CancelledError(context)
      if (timedOut) return new TimeoutError(context, timeoutMs)
      return new NetworkError(context, describeCause(error))
    }
    try {
      let response: Response
      let text: string
      try {
        response = await this.ky(request.path.replace(/^\//, ''), {
          method: request.method,
          headers,
          ...(request.query ? { searchParams: { ...request.query } } : {}),
          ...(request.form !== undefined ? { body: encodeForm(request.form) } : {}),
          ...(request.json !== undefined ? { body: JSON.stringify(request.json) } : {}),
          signal: controller.signal,
        })
        text = await response.text()
      } catch (error) {
        throw transport(error)
      }
      this.options.logger.debug('pass: response', { request: context, status: response.status })
      return this.interpret(response, text, request, parse, context)
    } finally {
      clock.clearTimeout(timer)
      request.signal?.removeEventListener('abort', onAbort)
    }
  }

  private interpret<T>(response: Response, text: string, request: PassRequest, parse: (body: unknown) => T, context: string): T {
    const status = response.status
    if (status === 429) {
      // Reference section 10: HTML body, no Retry-After documented; wait at least 1 s.
      throw new ThrottledError(
        context,
        retryAfterMs(response.headers.get('retry-after'), this.options.clock.now(), this.options.retry.throttleWaitMs),
      )
    }
    let body: unknown
    let isJson = true
    try {
      body = JSON.parse(text)
    } catch {
      isJson = false
    }
    if (status >= 200 && status < 300) {
      if (!isJson) throw new MalformedResponseError(context, status, text === '' ? 'empty body' : 'body is not JSON')
      try {
        return parse(body)
      } catch (error) {
        if (error instanceof WireFormatError) throw new MalformedResponseError(context, status, error.reason)
        throw error
      }
    }
    // An HTTP error: the body is the error object (reference section 9, top level; DCR: OAuth style).
    const error = isJson ? (request.api === 'dcr' ? oauthError(body, status) ?? enhancedError(body, status) : enhancedError(body, status)) : null
    if (error) throw new PassError(error, status, context)
    throw new MalformedResponseError(context, status, !isJson ? (text === '' ? 'empty error body' : 'error body is not JSON') : 'error body is not an enhanced error')
  }
}

/** Resolves `promise` unless `signal` aborts first; shared work (one token request) carries on for others. */
export function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, context: string): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(new CancelledError(context))
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new CancelledError(context))
    signal.addEventListener('abort', onAbort)
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** Keeps the name and message of the innermost failure only: ky's errors carry the request headers. */
function describeCause(error: unknown): { name: string; message: string } {
  let inner: unknown = error
  for (let i = 0; i < 5 && inner instanceof Error; i++) {
    const next = (inner as { cause?: unknown }).cause
    if (!(next instanceof Error)) break
    inner = next
  }
  if (inner instanceof Error) return { name: inner.name, message: inner.message }
  return { name: typeof inner, message: String(inner) }
}
