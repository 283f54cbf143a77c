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
 */
import { clampTimerMs, type Clock, type ServerTime } from '../base/clock'
import type { Logger } from '../base/logger'
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

export class Dcr implements TokenSource {
  /** undefined: not read from the store yet; null: none. */
  private token: AccessTokenRecord | null | undefined
  private pending: Promise<AccessTokenRecord> | undefined

  constructor(private readonly options: DcrOptions) {}

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
      this.token = null
      await store.clearAccessToken()
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
    this.token = record
    await store.setAccessToken(record)
    return record
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
    const { store, settings, http } = this.options
    if (!forceNew) {
      const stored = await this.storedCredentials()
      // Credentials belong to the server that issued them (a ?pass.baseUrl override points elsewhere).
      if (stored && stored.origin === settings.baseUrl) return stored
    } else {
      await store.clearClientCredentials()
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
    await store.setClientCredentials(credentials)
    // A token of other credentials is worthless now.
    this.token = null
    await store.clearAccessToken()
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
