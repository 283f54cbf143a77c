/**
 * Dynamic Client Registration (docs/adobe-pass.md, same heading): client credentials and the access token.
 *
 * 1. Credentials: registered once with the embedded software statement and persisted; every token
 *    request reuses them (CL-REG-1, CL-REG-2). Registering again loses the viewer's profiles, so it
 *    happens only when none are stored or the token endpoint answers `invalid_client` (docs/adobe-pass.md "Dynamic Client Registration").
 * 2. Access token: persisted and reused until shortly before it expires in server time, then
 *    refreshed with the stored credentials, never one per call (CL-REG-3, CL-REG-R1). A V2 401
 *    refreshes it once (http.ts).
 * Concurrent callers share one registration and one token request.
 *
 * Persisting never holds a caller up: a registration or token answer is kept in memory and handed
 * over at once, and its writes go on behind (WriteBehind: in order, one at a time). Memory wins
 * over the store from then on, so a write that has not landed is never read back as "none".
 */
import { clampTimerMs, type Clock, type ServerTime } from '../base/clock'
import { errorName, type Logger } from '../base/logger'
import type { PassSettings } from '../base/settings'
import { isPassError } from './errors'
import { withSignal, type PassHttp, type TokenSource } from './http'
import type { AccessTokenRecord, ClientCredentials, PassStore } from './ports'
import { parseAccessToken, parseClientCredentials } from './wire'

export interface DcrOptions {
  readonly http: PassHttp
  readonly store: PassStore
  readonly settings: PassSettings
  readonly serverTime: ServerTime
  readonly clock: Clock
  readonly logger: Logger
  /** Refresh when less than this is left (capped at a tenth of the token's lifetime). */
  readonly refreshMarginMs: number
}

/** How long to wait before reading storage again when it could not be read at all. */
const unreadableStoreRetryMs = 1500

/** A record to persist: the value to keep, or null to clear it. */
type Write =
  | { readonly record: 'clientCredentials'; readonly value: ClientCredentials | null }
  | { readonly record: 'accessToken'; readonly value: AccessTokenRecord | null }

/**
 * The credentials and token writes, off the callers' path: one store call in flight, in call order.
 * A write not yet started is dropped when a later one of the same record arrives, and that later one
 * goes to the end, so the last values land in the order they were decided (a token never before the
 * credentials it belongs to). A failed write is logged and the next one still runs; PassStore
 * methods do not reject, so this guards a store that breaks its contract.
 */
class WriteBehind {
  private queue: Write[] = []
  private draining = false

  constructor(
    private readonly store: PassStore,
    private readonly logger: Logger,
  ) {}

  push(write: Write): void {
    this.queue = this.queue.filter((w) => w.record !== write.record)
    this.queue.push(write)
    if (!this.draining) void this.drain()
  }

  private async drain(): Promise<void> {
    this.draining = true
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      try {
        await this.apply(next)
      } catch (error) {
        this.logger.warn('pass: storing a DCR record failed', { record: next.record, operation: next.value ? 'set' : 'clear', reason: errorName(error) })
      }
    }
    this.draining = false
  }

  private async apply(write: Write): Promise<void> {
    const { store } = this
    if (write.record === 'clientCredentials') await (write.value ? store.setClientCredentials(write.value) : store.clearClientCredentials())
    else await (write.value ? store.setAccessToken(write.value) : store.clearAccessToken())
  }
}

export class Dcr implements TokenSource {
  /** undefined: not read from the store yet; null: none. */
  private token: AccessTokenRecord | null | undefined
  /**
   * undefined: ask the store (not read yet, or it held none: a later read may still find them);
   * null: none (dropped after `invalid_client`, whose clear may not have landed yet).
   */
  private client: ClientCredentials | null | undefined
  private pending: Promise<AccessTokenRecord> | undefined
  private readonly writes: WriteBehind

  constructor(private readonly options: DcrOptions) {
    this.writes = new WriteBehind(options.store, options.logger)
  }

  current(signal?: AbortSignal): Promise<string> {
    if (this.token && this.isFresh(this.token)) return Promise.resolve(this.token.accessToken)
    return withSignal(
      this.obtain(false).then((t) => t.accessToken),
      signal,
      'access token',
    )
  }

  refresh(rejected: string, signal?: AbortSignal): Promise<string> {
    if (this.token && this.token.accessToken !== rejected && this.isFresh(this.token)) {
      return Promise.resolve(this.token.accessToken) // another call refreshed it already
    }
    return withSignal(
      this.obtain(true, rejected).then((t) => t.accessToken),
      signal,
      'access token',
    )
  }

  private obtain(forceNew: boolean, rejected?: string): Promise<AccessTokenRecord> {
    if (!this.pending) {
      this.pending = this.load(forceNew, rejected).finally(() => {
        this.pending = undefined
      })
    }
    return this.pending
  }

  /** Server now: from the Date header when one was seen, else local time plus the stored offset. */
  private serverNow(token: AccessTokenRecord): number {
    return this.options.http.serverTimeKnown ? this.options.serverTime.now() : this.options.clock.now() + token.offsetMs
  }

  private isFresh(token: AccessTokenRecord): boolean {
    const margin = Math.min(this.options.refreshMarginMs, (token.expiresAt - token.createdAt) / 10)
    return this.serverNow(token) < token.expiresAt - margin
  }

  private async load(forceNew: boolean, rejected?: string): Promise<AccessTokenRecord> {
    const { store, settings } = this.options
    if (!forceNew) {
      if (this.token === undefined) {
        this.token = await store.getAccessToken()
        // A relaunch reuses the stored token and may never see a readable Date header: until a fresher
        // reading arrives, server time is the local clock plus the offset stored with the token.
        if (this.token && this.token.origin === settings.baseUrl && !this.options.http.serverTimeKnown) {
          this.options.serverTime.adoptOffset(this.token.offsetMs)
        }
      }
      const t = this.token
      if (t && t.origin === settings.baseUrl && this.isFresh(t)) return t
    } else if (this.token && this.token.accessToken === rejected) {
      this.keepToken(null)
    }
    let credentials = await this.credentials(false)
    let record: AccessTokenRecord
    try {
      record = await this.requestToken(credentials)
    } catch (error) {
      // invalid_client: these credentials are gone; register again once (docs/adobe-pass.md "Dynamic Client Registration", DCR FAQ 9).
      if (!isPassError(error) || error.code !== 'invalid_client') throw error
      this.options.logger.warn('pass: client credentials rejected, registering the application again', {})
      credentials = await this.credentials(true)
      record = await this.requestToken(credentials)
    }
    this.keepToken(record)
    return record
  }

  /** Memory now, the store behind (a clear queued just before is dropped for this write). */
  private keepToken(token: AccessTokenRecord | null): void {
    this.token = token
    this.writes.push({ record: 'accessToken', value: token })
  }

  /**
   * The stored credentials. Storage that cannot be read at all (not merely empty) is asked once more
   * after a short wait: registering again would lose every profile of this TV (DCR FAQ 9), and the
   * stalls seen at start-up on TVs are brief. Each read asks the storage afresh (PassStore), so the
   * decision rests on the two answers alone.
   */
  private async storedCredentials(): Promise<ClientCredentials | null> {
    const { store, clock, logger } = this.options
    let read = await store.readClientCredentials()
    if (read.status === 'unavailable') {
      await new Promise<void>((resolve) => clock.setTimeout(resolve, clampTimerMs(unreadableStoreRetryMs)))
      read = await store.readClientCredentials()
      if (read.status === 'unavailable') logger.warn('pass: stored client credentials cannot be read; registering the application again', {})
    }
    return read.status === 'found' ? read.value : null
  }

  private async credentials(forceNew: boolean): Promise<ClientCredentials> {
    const { settings, http } = this.options
    if (!forceNew) {
      if (this.client) return this.client
      if (this.client === undefined) {
        const stored = await this.storedCredentials()
        // Credentials belong to the server that issued them (a ?pass.baseUrl override points elsewhere).
        if (stored && stored.origin === settings.baseUrl) return (this.client = stored)
      }
    } else {
      this.client = null
      this.writes.push({ record: 'clientCredentials', value: null })
    }
    // POST /o/client/register (docs/adobe-pass.md "Dynamic Client Registration"): JSON body, X-Device-Info; once per app instance (CL-REG-2).
    const wire = await http.send(
      { method: 'POST', path: '/o/client/register', api: 'dcr', json: { software_statement: settings.softwareStatement } },
      parseClientCredentials,
    )
    const credentials: ClientCredentials = {
      clientId: wire.clientId,
      clientSecret: wire.clientSecret,
      origin: settings.baseUrl,
      ...(wire.issuedAt !== undefined ? { issuedAt: wire.issuedAt } : {}),
    }
    // Kept in memory for this launch; the store catches up behind. An app closed before the write
    // lands registers again on its next launch and loses nothing: no profile can exist yet for
    // credentials this new (a sign-in takes a second screen, far longer than the write, whose
    // synchronous mirror is written first: docs/architecture.md "Storage").
    this.client = credentials
    this.writes.push({ record: 'clientCredentials', value: credentials })
    // A token of other credentials is worthless now.
    this.keepToken(null)
    return credentials
  }

  private async requestToken(credentials: ClientCredentials): Promise<AccessTokenRecord> {
    const { http, serverTime, clock, settings } = this.options
    // POST /o/client/token (docs/adobe-pass.md "Dynamic Client Registration"): credentials in the form body, never in the URL.
    const wire = await http.send(
      {
        method: 'POST',
        path: '/o/client/token',
        api: 'dcr',
        form: { client_id: credentials.clientId, client_secret: credentials.clientSecret, grant_type: 'client_credentials' },
      },
      parseAccessToken,
    )
    if (!http.serverTimeKnown && wire.createdAt !== undefined) {
      // No readable Date header (e.g. not exposed by CORS): created_at is the server's clock too.
      serverTime.observeServerTime(wire.createdAt, clock.now())
    }
    const createdAt = wire.createdAt ?? serverTime.now()
    return {
      accessToken: wire.accessToken,
      createdAt,
      expiresAt: createdAt + wire.expiresInMs,
      offsetMs: serverTime.offset,
      origin: settings.baseUrl,
      clientId: credentials.clientId,
    }
  }
}
