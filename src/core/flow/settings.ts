/** Flow settings: plain data, resolved once with defaults and the spec's floor applied (docs/architecture.md, "Settings"). */
import { minPollIntervalMs } from '../base/settings'

/** The default poll interval: the slow end of CL-AUTHN-3's 3–5 s. */
export const DEFAULT_POLL_INTERVAL_MS = 5000
/** CL-AUTHN-3: stop after 2–3 consecutive failed polls. */
export const DEFAULT_MAX_FAILED_POLLS = 3
/** "Get a new code" does nothing this soon after the last code was made (no burst of codes from a mashed OK). */
export const NEW_CODE_COOLDOWN_MS = 5000
/** A remembered code with less than this left is not resumed at launch: a new one serves the viewer better. */
export const RESUME_MIN_LEFT_MS = 30_000
/** Automatic retry after a service outage: the first wait, doubled each time, capped (docs/architecture.md, "Flow"). */
export const AUTO_RETRY_BASE_MS = 5000
export const AUTO_RETRY_MAX_MS = 60_000
/** ± this share of the wait, so TVs that failed together do not all come back together. */
export const AUTO_RETRY_JITTER = 0.2
/** Used only when a session answer lacks notAfter (optional on the wire; Adobe's FAQ example is 30 min). */
export const DEFAULT_CODE_LIFETIME_MS = 30 * 60 * 1000

export interface FlowSettingsInput {
  /**
   * Time between the end of one poll and the start of the next.
   * @defaultValue 5000 (clamped to at least 3000, CL-AUTHN-3)
   */
  readonly pollIntervalMs?: number
  /** Activation page address with a `{code}` placeholder, e.g. `https://example.com/activate?code={code}`. */
  readonly activationUrl: string
  /**
   * Consecutive transient poll failures before the flow gives up and shows an error.
   * @defaultValue 3
   */
  readonly maxFailedPolls?: number
}

export interface FlowSettings {
  readonly pollIntervalMs: number
  readonly activationUrl: string
  readonly maxFailedPolls: number
}

export function resolveFlowSettings(input: FlowSettingsInput): FlowSettings {
  const { activationUrl } = input
  if (typeof activationUrl !== 'string' || activationUrl.length === 0) {
    throw new TypeError('flow: settings.activationUrl is required (the activation page, with a {code} placeholder)')
  }
  const requested = input.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS
  const pollIntervalMs = Number.isFinite(requested) ? Math.max(minPollIntervalMs, requested) : DEFAULT_POLL_INTERVAL_MS
  const maxRequested = input.maxFailedPolls ?? DEFAULT_MAX_FAILED_POLLS
  const maxFailedPolls = Number.isFinite(maxRequested) && maxRequested >= 1 ? Math.floor(maxRequested) : DEFAULT_MAX_FAILED_POLLS
  return { pollIntervalMs, activationUrl, maxFailedPolls }
}
