import { proc as process } from './proc'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

import { MvpdDef, TEMPPASS_TTL_MS, TestUser } from './catalog'
import { SandboxClock } from './clock'
import { generateCode } from './codes'
import type { EecCode } from './errors'

/** A DCR registration (docs/adobe-pass.md "Dynamic Client Registration": register). */
export interface Client {
  clientId: string
  clientSecret: string
  softwareId: string
  serviceProviders: string[]
  redirectUris: string[]
  issuedAt: number
}

/** An access token (section 4.2); `expiresAt` in sandbox-clock ms. */
export interface AccessToken {
  id: string
  accessToken: string
  clientId: string
  createdAt: number
  expiresAt: number
}

export interface SessionParams {
  mvpd?: string
  domainName?: string
  redirectUrl?: string
}

/** An authentication session and its code (section 6). */
export interface Session {
  code: string
  sessionId: string
  serviceProvider: string
  /** Raw device id (decoded AP-Device-Identifier): the profile made at the end belongs to it. */
  deviceId: string
  /** Decoded X-Device-Info of the streaming device, echoed by GET sessions/{code}. */
  deviceInfo: Record<string, unknown>
  params: SessionParams
  notBefore: number
  notAfter: number
  completedAt?: number
}

export interface ProfileRecord {
  serviceProvider: string
  deviceId: string
  mvpd: string
  notBefore: number
  notAfter: number
  issuer: string
  type: 'regular' | 'temporary'
  sessionId: string
  user?: string
  attributes: Record<string, string>
  /** Resource → code the stand-in MVPD answers for this user. */
  denies: Record<string, EecCode>
}

export interface DenyRule {
  resource: string
  mvpd?: string
  code: EecCode
}

/** A degradation rule (AuthZAll): matching decisions are permitted with `source: "degradation"`. */
export interface DegradeRule {
  resource?: string
  mvpd?: string
}

interface Persisted {
  version: 1
  clients: Client[]
  tokens: AccessToken[]
  sessions: Session[]
  profiles: ProfileRecord[]
  invalidated: string[]
  tempPassUsed: string[]
}

export interface StateOptions {
  clock: SandboxClock
  sessionTtlMs: number
  tokenTtlSeconds: number
  profileTtlMs: number
  stateFile?: string
}

/** Expired sessions are kept this long to answer "expired" rather than "unknown", then dropped. */
const SESSION_GRAVE_MS = 24 * 60 * 60 * 1000

const key = (...parts: string[]): string => parts.join('\u0000')

/** All in-memory state of the sandbox; optionally mirrored to a JSON file so sign-ins survive restarts. */
export class SandboxState {
  readonly clients = new Map<string, Client>()
  readonly tokens = new Map<string, AccessToken>()
  readonly sessions = new Map<string, Session>()
  readonly profiles = new Map<string, ProfileRecord>()
  /** (sp, device, mvpd) whose profile was revoked: decisions answer authenticated_profile_invalidated. */
  readonly invalidated = new Set<string>()
  /** (sp, device) that used up TempPass (section 9: temporary_access_duration_limit_exceeded). */
  readonly tempPassUsed = new Set<string>()
  denyRules: DenyRule[] = []
  degradeRules: DegradeRule[] = []

  constructor(private readonly opts: StateOptions) {
    this.load()
  }

  get now(): number {
    return this.opts.clock.now()
  }

  // ---- DCR ----

  registerClient(softwareId: string, serviceProviders: readonly string[], redirectUris: string[]): Client {
    const client: Client = {
      clientId: randomUUID(),
      clientSecret: randomBytes(24).toString('base64url'),
      softwareId,
      serviceProviders: [...serviceProviders],
      redirectUris,
      issuedAt: this.now,
    }
    this.clients.set(client.clientId, client)
    this.save()
    return client
  }

  issueToken(clientId: string, ttlSeconds = this.opts.tokenTtlSeconds): AccessToken {
    const createdAt = this.now
    const token: AccessToken = {
      id: randomUUID(),
      accessToken: `sbx.${randomBytes(24).toString('base64url')}`,
      clientId,
      createdAt,
      expiresAt: createdAt + ttlSeconds * 1000,
    }
    this.tokens.set(token.accessToken, token)
    this.save()
    return token
  }

  get tokenTtlSeconds(): number {
    return this.opts.tokenTtlSeconds
  }

  /** Admin "expire the current token": every token issued so far stops working now. */
  expireTokens(clientId?: string): number {
    let n = 0
    for (const t of this.tokens.values()) {
      if (clientId !== undefined && t.clientId !== clientId) continue
      if (t.expiresAt > this.now) n += 1
      t.expiresAt = Math.min(t.expiresAt, this.now)
    }
    this.save()
    return n
  }

  // ---- Sessions ----

  /** A session whose code is still live (notAfter in the future). */
  isLive(s: Session): boolean {
    return this.now < s.notAfter
  }

  createSession(serviceProvider: string, deviceId: string, deviceInfo: Record<string, unknown>, params: SessionParams): Session {
    this.pruneSessions()
    const code = generateCode((c) => {
      const existing = this.sessions.get(c)
      return existing !== undefined && this.isLive(existing)
    })
    const now = this.now
    const session: Session = {
      code,
      sessionId: randomUUID(),
      serviceProvider,
      deviceId,
      deviceInfo,
      params: { ...params },
      notBefore: now,
      notAfter: now + this.opts.sessionTtlMs,
    }
    this.sessions.set(code, session)
    this.save()
    return session
  }

  updateSession(session: Session, params: SessionParams): void {
    for (const [k, v] of Object.entries(params) as [keyof SessionParams, string | undefined][]) {
      if (v !== undefined && v !== '') session.params[k] = v
    }
    this.save()
  }

  private pruneSessions(): void {
    for (const [code, s] of this.sessions) {
      if (s.notAfter + SESSION_GRAVE_MS < this.now) this.sessions.delete(code)
    }
  }

  // ---- Profiles (keyed by serviceProvider + raw device id + mvpd; section 7) ----

  createProfile(session: Pick<Session, 'serviceProvider' | 'deviceId' | 'sessionId'>, mvpd: MvpdDef, user?: TestUser, ttlMs?: number): ProfileRecord {
    const now = this.now
    const temporary = mvpd.isTempPass === true
    const record: ProfileRecord = {
      serviceProvider: session.serviceProvider,
      deviceId: session.deviceId,
      mvpd: mvpd.id,
      notBefore: now,
      notAfter: now + (ttlMs ?? (temporary ? TEMPPASS_TTL_MS : this.opts.profileTtlMs)),
      // Section 7.1: issuer is the MVPD for basic profiles and "Adobe" for temporary ones.
      issuer: temporary ? 'Adobe' : mvpd.id,
      type: temporary ? 'temporary' : 'regular',
      sessionId: session.sessionId,
      attributes: temporary ? { userID: `temppass-${session.deviceId.slice(0, 12)}` } : { ...(user?.attributes ?? { userID: 'seeded-user' }) },
      denies: { ...(user?.denies ?? {}) },
    }
    if (user) record.user = user.username
    const k = key(record.serviceProvider, record.deviceId, record.mvpd)
    this.profiles.set(k, record)
    this.invalidated.delete(k)
    this.save()
    return record
  }

  /** The stored profile for one mvpd, valid or not (callers check notAfter against the clock). */
  profileRecord(sp: string, deviceId: string, mvpd: string): ProfileRecord | undefined {
    return this.profiles.get(key(sp, deviceId, mvpd))
  }

  /** Valid profiles (notBefore ≤ now < notAfter) of one device for one service provider. */
  validProfiles(sp: string, deviceId: string): ProfileRecord[] {
    const now = this.now
    return [...this.profiles.values()].filter((p) => p.serviceProvider === sp && p.deviceId === deviceId && p.notBefore <= now && now < p.notAfter)
  }

  /** Not a type guard on purpose: `false` also covers an expired record that exists. */
  isValid(p: ProfileRecord | undefined): boolean {
    return p !== undefined && p.notBefore <= this.now && this.now < p.notAfter
  }

  /** The profile for one mvpd if it is valid now. */
  validProfile(sp: string, deviceId: string, mvpd: string): ProfileRecord | undefined {
    const p = this.profileRecord(sp, deviceId, mvpd)
    return this.isValid(p) ? p : undefined
  }

  isInvalidated(sp: string, deviceId: string, mvpd: string): boolean {
    return this.invalidated.has(key(sp, deviceId, mvpd))
  }

  /** True when this device's TempPass for this service provider has run out. */
  tempPassExhausted(sp: string, deviceId: string, mvpd: string): boolean {
    const p = this.profileRecord(sp, deviceId, mvpd)
    return this.tempPassUsed.has(key(sp, deviceId)) || (p !== undefined && p.type === 'temporary' && p.notAfter <= this.now)
  }

  markTempPassUsed(sp: string, deviceId: string): void {
    this.tempPassUsed.add(key(sp, deviceId))
    this.save()
  }

  /** Admin "revoke a profile" (as an MVPD-side invalidation): removes it and remembers why. */
  revokeProfiles(filter: { mvpd?: string; deviceId?: string; serviceProvider?: string }): number {
    let n = 0
    for (const [k, p] of this.profiles) {
      if (filter.mvpd !== undefined && p.mvpd !== filter.mvpd) continue
      if (filter.deviceId !== undefined && p.deviceId !== filter.deviceId) continue
      if (filter.serviceProvider !== undefined && p.serviceProvider !== filter.serviceProvider) continue
      this.profiles.delete(k)
      this.invalidated.add(k)
      n += 1
    }
    this.save()
    return n
  }

  /** Logout (section 8A): the profile goes away without being marked invalidated. */
  deleteProfile(sp: string, deviceId: string, mvpd: string): ProfileRecord | undefined {
    const k = key(sp, deviceId, mvpd)
    const p = this.profiles.get(k)
    this.profiles.delete(k)
    this.save()
    return p
  }

  // ---- Lifecycle ----

  reset(): void {
    this.clients.clear()
    this.tokens.clear()
    this.sessions.clear()
    this.profiles.clear()
    this.invalidated.clear()
    this.tempPassUsed.clear()
    this.denyRules = []
    this.degradeRules = []
    this.save()
  }

  private load(): void {
    const file = this.opts.stateFile
    if (!file || !existsSync(file)) return
    let data: Persisted
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as Persisted
    } catch (error) {
      // A damaged state file must not stop the sandbox; say so and start empty.
      process.stderr.write(`sandbox: ignoring unreadable state file ${file}: ${String(error)}\n`)
      return
    }
    if (data.version !== 1) return
    for (const c of data.clients ?? []) this.clients.set(c.clientId, c)
    for (const t of data.tokens ?? []) this.tokens.set(t.accessToken, t)
    for (const s of data.sessions ?? []) this.sessions.set(s.code, s)
    for (const p of data.profiles ?? []) this.profiles.set(key(p.serviceProvider, p.deviceId, p.mvpd), p)
    for (const k of data.invalidated ?? []) this.invalidated.add(k)
    for (const k of data.tempPassUsed ?? []) this.tempPassUsed.add(k)
  }

  /** Synchronous write through a temporary file, so a crash never leaves half a file behind. */
  save(): void {
    const file = this.opts.stateFile
    if (!file) return
    const data: Persisted = {
      version: 1,
      clients: [...this.clients.values()],
      tokens: [...this.tokens.values()],
      sessions: [...this.sessions.values()],
      profiles: [...this.profiles.values()],
      invalidated: [...this.invalidated],
      tempPassUsed: [...this.tempPassUsed],
    }
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(data, null, 2))
    renameSync(tmp, file)
  }
}
