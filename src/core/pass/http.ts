/**
 * The single HTTP layer of the Pass client: one ky instance (base URL, hooks, injected fetch) plus
 * what Adobe asks of every call (docs/adobe-pass.md):
 * - headers per endpoint: Authorization (CL-HDR-1), AP-Device-Identifier (CL-HDR-2), X-Device-Info
 *   (CL-HDR-3), Accept/Content-Type exactly as docs/adobe-pass.md "Headers" says, nothing else (CL-HDR-5);
 * - every failure mapped to a typed error (errors.ts): a body that is an enhanced error (top level) is
 *   a PassError whatever the HTTP status, 200 included; 200 bodies with item-level errors are data,
 *   which the parsers return (CL-ERR-2);
 * - path parameters that stay in their segment (validate.ts, `pathOf`) and response bodies of a
 *   bounded size (`maxResponseBytes`): a runaway body is refused while it is read;
 * - pacing (pacer.ts): every request, V2 and DCR, waits its turn so that normal use never meets a
 *   429 (docs/adobe-pass.md "Throttling");
 * - retries only where the one retry rule allows (errors.ts `isTransient`: action `retry`, or 5xx
 *   without a named remedy; 429): at most `limit` more tries with exponential backoff (CL-ERR-1); a
 *   429 waits at least 1 s (section 10). A request may narrow this (`PassRequest.retry`): the poll
 *   and decisions run their own retries, session creation is not resent after a 5xx;
 * - Retry-After capped at a minute and read against server time (`retryAfterMs`); a wait longer than
 *   the retry policy's goes to the caller as ThrottledError instead of stalling inside the request;
 * - a 401 refreshes the access token once and retries once (CL-REG-R1);
 * - a timeout per attempt and cancellation through the caller's AbortSignal;
 * - the server's Date header feeds ServerTime so expiry decisions use server time.
 *
 * Timers run on the injected Clock (ky's own timeout and retry are switched off), so tests drive
 * time with a fake clock. No ky type leaves this file.
 */
import ky, { type KyInstance } from 'ky'
import { clampTimerMs, type Clock, type ServerTime } from '../base/clock'
import type { Logger } from '../base/logger'
import {
  CancelledError,
  InvalidInputError,
  MalformedResponseError,
  NetworkError,
  PassError,
  ThrottledError,
  TimeoutError,
  isPassClientError,
  isTransient,
  type PassClientError,
} from './errors'
import { MAX_HOLD_MS, RequestPacer } from './pacer'
import { WireFormatError, enhancedError, oauthError, topLevelError } from './wire'

/** Media types of docs/adobe-pass.md "Headers". */
export const mediaTypes = {
  /** V2 is JSON only; if Accept is sent it must be this (docs/adobe-pass.md "Headers", "Errors"). */
  v2Accept: 'application/json;charset=utf-8',
  dcrAccept: 'application/json',
  json: 'application/json;charset=utf-8',
  form: 'application/x-www-form-urlencoded',
} as const

/** Values of the device headers, computed once per client (CL-HDR-2, CL-HDR-3). */
export interface DeviceHeaders {
  /** `fingerprint <Base64(deviceId)>` */
  readonly deviceIdentifier: string
  /** Base64 of the X-Device-Info JSON (docs/adobe-pass.md "Headers"). */
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
  /** The least wait after a 429 (docs/adobe-pass.md "Throttling": the throttle ends 1 s after the first 429). */
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

/**
 * Joins path segments, URL-encoding each parameter: `pathOf('/api/v2', sp, 'profiles', mvpd)`.
 * A segment that is empty or dots only never goes out: encoding leaves dots as they are and URL
 * parsing resolves `.` and `..`, which would move the request to another path. A segment that cannot
 * be encoded (a lone UTF-16 surrogate makes encodeURIComponent throw) is refused the same way, with
 * InvalidInputError. Endpoints check their parameters first (validate.ts); this is the last guard.
 */
export function pathOf(prefix: string, ...segments: string[]): string {
  return prefix + segments.map((s) => '/' + encodeSegment(s)).join('')
}

function encodeSegment(segment: string): string {
  if (typeof segment !== 'string' || segment === '' || /^\.+$/.test(segment)) {
    throw new InvalidInputError('path', 'path segment', 'empty or dots only')
  }
  try {
    return encodeURIComponent(segment)
  } catch {
    throw new InvalidInputError('path', 'path segment', 'cannot be URL-encoded')
  }
}

/** The headers one request carries (docs/adobe-pass.md "Headers"); exported for the header tests. */
export function buildHeaders(request: PassRequest, device: DeviceHeaders, token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  if (request.api === 'v2') {
    if (token === undefined) throw new Error('a REST API V2 request needs an access token')
    headers['Authorization'] = `Bearer ${token}` // CL-HDR-1
    headers['AP-Device-Identifier'] = device.deviceIdentifier // CL-HDR-2, every V2 request (3.1 note 3)
    headers['X-Device-Info'] = device.deviceInfo // CL-HDR-3, always sent (3.1 note 2)
    headers['Accept'] = mediaTypes.v2Accept
  } else {
    // DCR lists X-Device-Info (R) and Content-Type only (docs/adobe-pass.md "Dynamic Client Registration", CL-HDR-5).
    headers['X-Device-Info'] = device.deviceInfo
    headers['Accept'] = mediaTypes.dcrAccept
  }
  if (request.form !== undefined) headers['Content-Type'] = mediaTypes.form
  else if (request.json !== undefined) headers['Content-Type'] = mediaTypes.json
  return headers
}

function encodeForm(form: Readonly<Record<string, string>>, context: string): string {
  return Object.keys(form)
    .map((k) => {
      try {
        return `${encodeURIComponent(k)}=${encodeURIComponent(form[k] as string)}`
      } catch {
        // A lone UTF-16 surrogate: refused before anything is sent, like a bad path parameter.
        throw new InvalidInputError(context, k, 'cannot be URL-encoded')
      }
    })
    .join('&')
}

/**
 * The longest wait a Retry-After may impose. Adobe documents no Retry-After (docs/adobe-pass.md "Throttling":
 * the throttle ends 1 s after the first 429); a larger value is a proxy's or a mistake, and a
 * minute bounds how long the app can be held by one.
 */
export const maxRetryAfterMs = MAX_HOLD_MS

const DELAY_SECONDS = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i

/**
 * Retry-After in ms from now: delay-seconds or an HTTP-date, at least `floorMs`, at most
 * `maxRetryAfterMs`. An HTTP-date is read against `serverNow`, the server's clock (ServerTime, from
 * its Date headers): the TV's own clock may be hours off. Negative or unreadable values give the
 * floor; huge ones, Infinity included, and dates far ahead give the cap, so no timer overflows into
 * an immediate retry.
 */
export function retryAfterMs(header: string | null, serverNow: number, floorMs: number): number {
  const floor = Math.min(maxRetryAfterMs, floorMs)
  const bounded = (ms: number): number => Math.min(maxRetryAfterMs, Math.max(floor, ms))
  const value = header?.trim() ?? ''
  if (value === '') return floor
  if (DELAY_SECONDS.test(value)) return bounded(Number(value) * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? floor : bounded(at - serverNow)
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
  /** Largest response body read, in bytes; a larger one is a MalformedResponseError. */
  readonly maxResponseBytes: number
  /** Paces every request (docs/adobe-pass.md "Throttling"); one per client. @defaultValue a pacer without a budget store */
  readonly pacer?: RequestPacer | undefined
}

/** Marks a body that went over `maxResponseBytes` (turned into MalformedResponseError by the caller). */
class BodyTooLarge extends Error {}

function declaredLength(header: string | null): number | undefined {
  return header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) : undefined
}

/** UTF-8 length of `text` (for bodies read whole, where no byte count was seen). */
function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4
      i += 1
    } else bytes += 3
  }
  return bytes
}

/**
 * Reads the body as UTF-8 text, at most `maxBytes`: a larger Content-Length is refused before
 * reading, and the stream is cancelled as soon as the count passes the cap. Engines without body
 * streams (fetch polyfills on old TVs give `body: null`) or TextDecoder read the whole text and then
 * apply the same cap.
 */
async function readBody(response: Response, maxBytes: number): Promise<string> {
  const body = response.body
  const declared = declaredLength(response.headers.get('content-length'))
  if (declared !== undefined && declared > maxBytes) {
    body?.cancel().catch(() => undefined)
    throw new BodyTooLarge()
  }
  if (!body || typeof body.getReader !== 'function' || typeof TextDecoder !== 'function') {
    const text = await response.text()
    if (utf8Length(text) > maxBytes) throw new BodyTooLarge()
    return text
  }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined)
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder('utf-8').decode(bytes)
}

/** Sends PassRequests; `tokens` is attached after construction because DCR itself uses this layer. */
export class PassHttp {
  private readonly ky: KyInstance
  private readonly pacer: RequestPacer
  private tokens: TokenSource | undefined
  private dateSeen = false

  constructor(private readonly options: PassHttpOptions) {
    this.pacer = options.pacer ?? new RequestPacer({ clock: options.clock, logger: options.logger })
    this.ky = ky.create({
      prefix: options.origin,
      // Timeouts and retries are ours (Clock-driven, action-aware); errors are mapped below.
      timeout: false,
      retry: 0,
      throwHttpErrors: false,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    })
  }

  /** Server time from every answer, errors included: expiry is judged in server time (base/clock.ts ServerTime). */
  private observeDate(response: Response): void {
    const date = response.headers.get('date')
    this.options.serverTime.observeDateHeader(date, this.options.clock.now())
    if (date && !Number.isNaN(Date.parse(date))) this.dateSeen = true
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
        const policy = this.options.retry
        const limit = request.retry?.limit ?? policy.limit
        const resend = request.retry?.only === 'throttled' ? error.kind === 'throttled' : shouldResend(error)
        if (retries < limit && resend) {
          const delay = retryDelayMs(error, retries + 1, policy)
          if (error.kind === 'throttled' && delay > Math.max(policy.maxDelayMs, policy.throttleWaitMs)) {
            // A long Retry-After is not sat out inside the request: the caller hears of it now and
            // decides (the pacer holds every request for that long anyway).
            this.options.logger.warn('pass: throttled with a long wait; not retried inside the request', { request: context, waitMs: error.retryAfterMs })
            throw error
          }
          retries += 1
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
      }, clampTimerMs(ms))
      signal?.addEventListener('abort', onAbort)
    })
  }

  private async once<T>(request: PassRequest, token: string | undefined, parse: (body: unknown) => T, context: string): Promise<T> {
    const { clock, timeoutMs, maxResponseBytes } = this.options
    const device = await this.options.deviceHeaders()
    // Cancelled while the device headers were looked up: nothing goes out.
    if (request.signal?.aborted) throw new CancelledError(context)
    const headers = buildHeaders(request, device, token)
    const body = request.form !== undefined ? encodeForm(request.form, context) : request.json !== undefined ? JSON.stringify(request.json) : undefined
    // Its turn (docs/adobe-pass.md "Throttling"); a cancellation while queued rejects here, nothing is sent.
    await this.pacer.acquire(device.deviceIdentifier, request.signal, context)
    const controller = new AbortController()
    let timedOut = false
    const timer = clock.setTimeout(() => {
      timedOut = true
      controller.abort()
    }, clampTimerMs(timeoutMs))
    const onAbort = (): void => controller.abort()
    request.signal?.addEventListener('abort', onAbort)
    const transport = (error: unknown): PassClientError => {
      if (request.signal?.aborted) return new CancelledError(context)
      if (timedOut) return new TimeoutError(context, timeoutMs)
      return new NetworkError(context, describeCause(error))
    }
    try {
      let response: Response
      try {
        response = await this.ky(request.path.replace(/^\//, ''), {
          method: request.method,
          headers,
          ...(request.query ? { searchParams: { ...request.query } } : {}),
          ...(body !== undefined ? { body } : {}),
          signal: controller.signal,
        })
      } catch (error) {
        throw transport(error)
      }
      this.observeDate(response)
      if (response.status === 429) {
        // A 429 says all there is to know in its status and headers; its body is an HTML page
        // (docs/adobe-pass.md "Throttling"), not read at all.
        response.body?.cancel().catch(() => undefined)
        return this.interpret(response, '', request, parse, context)
      }
      let text: string
      try {
        text = await readBody(response, maxResponseBytes)
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          // Stop the transfer too, not only the reading of it.
          controller.abort()
          throw new MalformedResponseError(context, response.status, `body too large (over ${maxResponseBytes} bytes)`)
        }
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
      // Reference section 10: HTML body, no Retry-After documented; wait at least 1 s. The pacer
      // holds every request of this client for as long (the bucket is the device's, not the call's).
      const wait = retryAfterMs(response.headers.get('retry-after'), this.options.serverTime.now(), this.options.retry.throttleWaitMs)
      this.pacer.hold(wait)
      throw new ThrottledError(context, wait)
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
      // CL-ERR-2: a body that is an enhanced error is that error, 200 or not (docs/adobe-pass.md "Errors":
      // the HTTP status and the body's status can differ). Item-level errors are left to `parse`.
      const top = topLevelError(body, status)
      if (top) throw new PassError(top, status, context)
      try {
        return parse(body)
      } catch (error) {
        if (error instanceof WireFormatError) throw new MalformedResponseError(context, status, error.reason)
        throw error
      }
    }
    // An HTTP error: the body is the error object (docs/adobe-pass.md "Errors", top level; DCR: OAuth style).
    const error = isJson ? (request.api === 'dcr' ? (oauthError(body, status) ?? enhancedError(body, status)) : enhancedError(body, status)) : null
    if (error) throw new PassError(error, status, context)
    throw new MalformedResponseError(
      context,
      status,
      !isJson ? (text === '' ? 'empty error body' : 'error body is not JSON') : 'error body is not an enhanced error',
    )
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
