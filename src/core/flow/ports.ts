/**
 * The flow's own narrow port to storage. The composition root adapts the device store to it, so the
 * flow depends on nothing but what it needs.
 */
import type { CachedProfile, LastMvpd } from '../pass/types'
import type { PendingSession } from './model'

/**
 * What the flow reads and writes across launches. Any method may reject: the runner logs the
 * failure and carries on (a broken store must never block a sign-in).
 */
export interface FlowStore {
  loadLastMvpd(): Promise<LastMvpd | null>
  /**
   * A hint, answered before the real reads: the provider a returning viewer will most likely be
   * asked about (remembered, with no pending sign-in and no sign-out beside it), from a copy that is
   * quick to read. Only what is drawn first follows it; the flow acts on the real reads alone.
   */
  peekReturningProvider?(): Promise<LastMvpd | null>
  saveLastMvpd(mvpd: LastMvpd): Promise<void>
  forgetLastMvpd(): Promise<void>
  /** CL-AUTHN-4: the profile parts kept after a sign-in. */
  saveProfileParts(parts: CachedProfile): Promise<void>
  /** The code being polled when the app last ran, if it was not given up (its environment only). */
  loadPendingSession(): Promise<PendingSession | null>
  savePendingSession(session: PendingSession): Promise<void>
  clearPendingSession(): Promise<void>
  /** The provider the viewer signed out of, until the next sign-in. */
  loadSignedOut(): Promise<string | null>
  saveSignedOut(mvpd: string): Promise<void>
  clearSignedOut(): Promise<void>
}
