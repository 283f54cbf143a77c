/**
 * The flow's own narrow ports. The composition root adapts the device store and the platform logger
 * to these, so the flow depends on nothing but what it needs.
 */
import type { ProfileAttribute } from '../pass/types'
import type { PendingSession } from './model'

/** The provider remembered after a sign-in (CL-CFG-2: id, displayName and logoUrl). */
export interface LastMvpd {
  readonly id: string
  readonly displayName: string
  readonly logoUrl?: string
}

/** The profile parts kept after a sign-in (CL-AUTHN-4: mvpd and attributes; the FAQ adds notAfter). */
export interface ProfileParts {
  readonly mvpd: string
  readonly attributes: Readonly<Record<string, ProfileAttribute>>
  readonly notAfter: number
}

/**
 * What the flow reads and writes across launches. Any method may reject: the runner logs the
 * failure and carries on (a broken store must never block a sign-in).
 */
export interface FlowStore {
  loadLastMvpd(): Promise<LastMvpd | null>
  saveLastMvpd(mvpd: LastMvpd): Promise<void>
  forgetLastMvpd(): Promise<void>
  saveProfileParts(parts: ProfileParts): Promise<void>
  /** The code being polled when the app last ran, if it was not given up (its environment only). */
  loadPendingSession(): Promise<PendingSession | null>
  savePendingSession(session: PendingSession): Promise<void>
  clearPendingSession(): Promise<void>
  /** The provider the viewer signed out of, until the next sign-in. */
  loadSignedOut(): Promise<string | null>
  saveSignedOut(mvpd: string): Promise<void>
  clearSignedOut(): Promise<void>
}

/** Where the runner reports what it could not do but recovered from (failed saves, dropped results). */
export interface FlowLogger {
  warn(message: string, detail?: unknown): void
  debug?(message: string, detail?: unknown): void
}

export const silentLogger: FlowLogger = {
  warn: () => undefined,
}
