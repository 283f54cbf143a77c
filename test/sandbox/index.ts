/**
 * The local Adobe Pass sandbox (docs/architecture.md "Sandbox"): a real HTTP server speaking REST API
 * V2 + DCR as Adobe documents them (docs/adobe-pass.md), with second-screen pages and test switches.
 * `startSandbox()` is the one entry point for the CLI, `npm start` and the tests.
 */
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'

import { SandboxControl, DegradeInput, DenyInput, RevokeInput, SeedProfileInput, ThrottleInput } from './admin'
import { SandboxClock } from './clock'
import type { ResolvedOptions, SandboxContext } from './context'
import type { ActiveFault, FaultSpec } from './faults'
import { ACTIVATION_PATH } from './pages'
import type { LoggedRequest } from './request-log'
import { createSandboxServer } from './server'
import { SandboxState } from './state'
import { Throttle } from './throttle'

export type { ActiveFault, FaultSpec } from './faults'
export type { LoggedRequest } from './request-log'
export type { DegradeInput, DenyInput, RevokeInput, SeedProfileInput, ThrottleInput } from './admin'
export { MVPDS, SERVICE_PROVIDERS, TEST_USERS } from './catalog'

export type SandboxMode = 'test' | 'development' | 'production'

export interface SandboxOptions {
  /** 0 = a free port. @defaultValue 0 */
  port?: number
  /** Address to listen on; "0.0.0.0" reaches phones on the LAN. @defaultValue '127.0.0.1' */
  host?: string
  /** The admin surface (/__sandbox/) exists only in test and development. @defaultValue 'test' */
  mode?: SandboxMode
  /**
   * Origin put in activation and logo URLs. @defaultValue the listening origin, or the first LAN IPv4
   * address when listening on all interfaces.
   */
  publicOrigin?: string
  /** JSON file that keeps clients, tokens, sessions and profiles across restarts. */
  stateFile?: string
  /** Per-device throttling (docs/adobe-pass.md "Throttling"). @defaultValue true */
  throttle?: boolean
  /** Session/code lifetime (FAQ example 30 min). @defaultValue 1_800_000 */
  sessionTtlMs?: number
  /** Access token `expires_in` (sample 21600 s, section 4.2). @defaultValue 21600 */
  tokenTtlSeconds?: number
  /** Regular profile lifetime (authN TTL). @defaultValue 30 days */
  profileTtlMs?: number
  /** Time source before the admin offset (tests can drive it). @defaultValue Date.now */
  now?: () => number
  /** Faults active from the start (same shape as POST /__sandbox/faults). */
  faults?: FaultSpec[]
  /** Item-level denies active from the start (same shape as POST /__sandbox/deny). */
  denies?: DenyInput[]
  /** Initial clock offset in ms. @defaultValue 0 */
  clockOffsetMs?: number
  /**
   * List Date in Access-Control-Expose-Headers, so browsers let the app read it (Adobe's CORS is
   * unspecified; false reproduces a server that does not expose it). @defaultValue true
   */
  exposeDate?: boolean
}

export interface Sandbox {
  /** Listening origin, e.g. "http://127.0.0.1:41234" (the app's pass.baseUrl). */
  readonly origin: string
  readonly port: number
  /** Origin used in URLs handed to phones (differs from `origin` with --host). */
  readonly publicOrigin: string
  readonly mode: SandboxMode
  /** The second-screen start page, with `?code=` when given (what the QR code holds). */
  activationUrl(code?: string): string
  /** Closes the server, its connections and every timer it owns. */
  stop(): Promise<void>
  /**
   * An outage: stops listening and destroys open connections (new requests meet connection
   * refused, pending ones a reset) while every piece of state stays: clients, tokens, sessions,
   * profiles, throttle buckets, faults, the request log. Resolves once the port is closed; a no-op
   * when already suspended.
   */
  suspend(): Promise<void>
  /**
   * Ends an outage: listens again on the same host and port (so `origin` stays right). A no-op when
   * listening; rejects after stop(), or when the port was taken meanwhile.
   */
  resume(): Promise<void>

  // In-process mirrors of the admin endpoint (available in every mode).
  requests(): LoggedRequest[]
  clearRequests(): void
  reset(): void
  fault(spec: FaultSpec): ActiveFault
  faults(): ActiveFault[]
  clearFaults(): void
  throttle(input: ThrottleInput): { enabled: boolean; force429Count: number }
  /** Whether CORS exposes the Date header (browsers only; Node reads it regardless). */
  cors(input: { exposeDate?: boolean }): { exposeDate: boolean }
  setClockOffset(offsetMs: number): { offsetMs: number; now: number }
  /** The sandbox clock's current time (epoch ms). */
  now(): number
  expireTokens(): { expired: number }
  seedProfile(input: SeedProfileInput): Record<string, unknown>
  revokeProfile(input: RevokeInput): { revoked: number }
  completeSignIn(code: string, input?: { mvpd?: string; user?: string }): Record<string, unknown>
  deny(input: DenyInput): { rules: number }
  clearDenies(): void
  /** Permit matching decisions by a degradation rule (`source: "degradation"`). */
  degrade(input: DegradeInput): { rules: number }
  clearDegrade(): void
  snapshot(): Record<string, unknown>
}

const DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  mode: 'test' as SandboxMode,
  sessionTtlMs: 30 * 60 * 1000,
  tokenTtlSeconds: 21600,
  profileTtlMs: 30 * 24 * 60 * 60 * 1000,
}

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const nic of list ?? []) if (nic.family === 'IPv4' && !nic.internal) return nic.address
  }
  return undefined
}

function validate(options: SandboxOptions): void {
  const positive = (name: keyof SandboxOptions): void => {
    const v = options[name]
    if (v !== undefined && (typeof v !== 'number' || !(v > 0))) throw new TypeError(`startSandbox: ${name} must be a positive number (got ${String(v)})`)
  }
  positive('sessionTtlMs')
  positive('tokenTtlSeconds')
  positive('profileTtlMs')
  if (options.mode !== undefined && !['test', 'development', 'production'].includes(options.mode)) {
    throw new TypeError(`startSandbox: mode must be test, development or production (got ${String(options.mode)})`)
  }
  if (options.port !== undefined && (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)) {
    throw new TypeError(`startSandbox: port must be an integer 0–65535 (got ${String(options.port)})`)
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  validate(options)
  const mode = options.mode ?? DEFAULTS.mode
  const host = options.host ?? DEFAULTS.host
  const resolved: ResolvedOptions = {
    mode,
    sessionTtlMs: options.sessionTtlMs ?? DEFAULTS.sessionTtlMs,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
    profileTtlMs: options.profileTtlMs ?? DEFAULTS.profileTtlMs,
    exposeDate: options.exposeDate ?? true,
  }
  const clock = new SandboxClock(options.now)
  clock.setOffset(options.clockOffsetMs ?? 0)
  const stateOpts: ConstructorParameters<typeof SandboxState>[0] = { clock, ...resolved }
  if (options.stateFile) stateOpts.stateFile = options.stateFile
  const state = new SandboxState(stateOpts)
  const throttle = new Throttle(options.throttle ?? true)

  let publicOrigin = options.publicOrigin?.replace(/\/$/, '') ?? ''
  const context: SandboxContext = { state, clock, options: resolved, cors: { exposeDate: resolved.exposeDate }, publicOrigin: () => publicOrigin }
  const parts = createSandboxServer(context, throttle, mode !== 'production')
  const control: SandboxControl = parts.control
  for (const f of options.faults ?? []) control.fault(f)
  for (const d of options.denies ?? []) control.deny(d)

  const listen = (at: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      parts.server.once('error', reject)
      parts.server.listen(at, host, () => {
        parts.server.off('error', reject)
        resolve()
      })
    })
  const close = (): Promise<void> =>
    new Promise<void>((resolve) => {
      // Called back once every connection is gone (with an error when it was not listening).
      parts.server.close(() => resolve())
      parts.server.closeAllConnections()
    })

  await listen(options.port ?? DEFAULTS.port)
  const port = (parts.server.address() as AddressInfo).port
  const wildcard = host === '0.0.0.0' || host === '::'
  const origin = `http://${wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`
  if (!publicOrigin) publicOrigin = wildcard ? `http://${lanAddress() ?? '127.0.0.1'}:${port}` : origin

  // suspend, resume and stop run one after another, so a resume never races a close on the socket.
  let listening = true
  let ended = false
  let stopped: Promise<void> | undefined
  let lifecycle: Promise<void> = Promise.resolve()
  const inTurn = (step: () => Promise<void>): Promise<void> => (lifecycle = lifecycle.then(step, step))
  return {
    origin,
    port,
    publicOrigin,
    mode,
    activationUrl: (code?: string) => `${publicOrigin}${ACTIVATION_PATH}${code ? `?code=${encodeURIComponent(code)}` : ''}`,
    stop() {
      stopped ??= inTurn(async () => {
        parts.dispose()
        ended = true
        listening = false
        await close()
      })
      return stopped
    },
    suspend: () =>
      inTurn(async () => {
        if (!listening) return
        listening = false
        await close()
      }),
    resume: () =>
      inTurn(async () => {
        if (ended) throw new Error('resume: the sandbox was stopped')
        if (listening) return
        await listen(port)
        listening = true
      }),
    requests: () => control.requests(),
    clearRequests: () => control.clearRequests(),
    reset: () => control.reset(),
    fault: (spec) => control.fault(spec),
    faults: () => control.faults(),
    clearFaults: () => control.clearFaults(),
    throttle: (input) => control.throttle(input),
    cors: (input) => control.cors(input),
    setClockOffset: (offsetMs) => control.clock({ offsetMs }),
    now: () => clock.now(),
    expireTokens: () => control.expireTokens(),
    seedProfile: (input) => control.seedProfile(input),
    revokeProfile: (input) => control.revokeProfile(input),
    completeSignIn: (code, input) => control.completeSignIn(code, input),
    deny: (input) => control.deny(input),
    clearDenies: () => control.clearDenies(),
    degrade: (input) => control.degrade(input),
    clearDegrade: () => control.clearDegrade(),
    snapshot: () => control.snapshot(),
  }
}
