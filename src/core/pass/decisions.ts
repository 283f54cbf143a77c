/**
 * Decisions (docs/adobe-pass.md "Endpoints"). A deny comes back as a Decision carrying its item-level enhanced
 * error, not as a thrown error: the HTTP call succeeded (CL-ERR-2). Request-level failures are thrown.
 *
 * - preauthorize: for badges and filtering only (CL-PREAUTHZ-1); permits are cached in memory
 *   (CL-PREAUTHZ-3) and only missing resources are asked for, in batches (about 5 per call, FAQ
 *   PreAuthZ 9); items denied with action `retry` are asked again, alone, 2–3 times at most
 *   (CL-PREAUTHZ-2, docs/adobe-pass.md "Errors": resend only failed items).
 * - authorize: one resource, before every playback, never cached (CL-AUTHZ-1); a `retry` deny is
 *   retried 2–3 times at most (CL-AUTHZ-2).
 * Each call (an authorize, a preauthorize batch) has one retry budget, `retry.limit` more requests
 * after the first, shared by request-level failures and item-level `retry` denies: the HTTP layer
 * does not retry these posts itself, so one play makes at most 3 requests with the default policy.
 */
import type { Clock } from '../base/clock'
import { MalformedResponseError, isPassClientError, type PassClientError } from './errors'
import { backoffMs, pathOf, retryDelayMs, shouldResend, type PassHttp, type RetryPolicy } from './http'
import type { CallOptions, Decision } from './types'
import { requireMvpdId } from './validate'
import { parseDecisions } from './wire'

export interface DecisionsOptions {
  readonly http: PassHttp
  readonly serviceProvider: string
  readonly clock: Clock
  readonly retry: RetryPolicy
  /** How long a preauthorization permit is served from memory. */
  readonly permitTtlMs: number
  /** Resources per preauthorize call. */
  readonly batchSize: number
}

const isItemRetry = (d: Decision): boolean => !d.authorized && d.error?.action === 'retry'

export class Decisions {
  private readonly permits = new Map<string, { decision: Decision; at: number }>()

  constructor(private readonly options: DecisionsOptions) {}

  private key(mvpd: string, resource: string): string {
    return `${mvpd}\n${resource}`
  }

  /** Forgets the cached permits of one provider (after logout) or of all. */
  forget(mvpd?: string): void {
    if (mvpd === undefined) {
      this.permits.clear()
      return
    }
    for (const key of Array.from(this.permits.keys())) if (key.indexOf(`${mvpd}\n`) === 0) this.permits.delete(key)
  }

  private async post(kind: 'preauthorize' | 'authorize', mvpd: string, resources: string[], options: CallOptions): Promise<Decision[]> {
    const path = pathOf('/api/v2', this.options.serviceProvider, 'decisions', kind, mvpd)
    // No retry inside: decide() holds the one budget for the call (a 401 still refreshes the token once).
    const decisions = await this.options.http.send(
      { method: 'POST', path, api: 'v2', json: { resources }, signal: options.signal, retry: { limit: 0 } },
      parseDecisions,
    )
    for (const resource of resources) {
      if (!decisions.some((d) => d.resource === resource)) {
        throw new MalformedResponseError(`POST ${path}`, 200, `no decision for a requested resource`)
      }
    }
    return decisions
  }

  /**
   * One call within one retry budget (CL-PREAUTHZ-2, CL-AUTHZ-2): up to `retry.limit` more requests,
   * each after a backoff, for a request-level failure the retry rule allows (http.ts shouldResend) or
   * for items denied with action `retry`, which are asked again alone (docs/adobe-pass.md "Errors"). When the
   * budget is spent, a `retry` deny is returned as data and a request-level failure is thrown, unless
   * an earlier answer already decided the other items: then that answer is returned.
   * Once an answer exists, a failed re-ask of its `retry` items never discards it, also for a failure
   * the retry rule does not resend (network, timeout, a 401 after the refresh): the answer is
   * returned with those items still denied as data. Only a cancellation is thrown.
   */
  private async decide(kind: 'preauthorize' | 'authorize', mvpd: string, resources: string[], options: CallOptions): Promise<Decision[]> {
    const { retry: policy, http } = this.options
    const context = `POST ${pathOf('/api/v2', this.options.serviceProvider, 'decisions', kind, mvpd)}`
    let current: Decision[] | null = null
    for (let retries = 0; ; retries++) {
      const asked: string[] = current ? current.filter(isItemRetry).map((d) => d.resource) : resources
      let failure: PassClientError | null = null
      try {
        const answered = await this.post(kind, mvpd, asked, options)
        current = current ? current.map((d) => (isItemRetry(d) ? (answered.find((a) => a.resource === d.resource) ?? d) : d)) : answered
      } catch (error) {
        if (!isPassClientError(error) || error.kind === 'cancelled') throw error
        if (!shouldResend(error) || retries >= policy.limit) {
          // The items decided so far stay decided; the leftover `retry` denies are returned as data.
          if (current) return current
          throw error
        }
        failure = error
      }
      if (!failure && current && (retries >= policy.limit || !current.some(isItemRetry))) return current
      const delay = failure ? retryDelayMs(failure, retries + 1, policy) : backoffMs(retries + 1, policy)
      await http.wait(delay, options.signal, context)
    }
  }

  async preauthorize(mvpd: string, resources: readonly string[], options: CallOptions = {}): Promise<Decision[]> {
    requireMvpdId(mvpd, 'POST decisions/preauthorize/{mvpd}')
    const now = this.options.clock.now()
    const unique = resources.filter((r, i) => resources.indexOf(r) === i)
    const result = new Map<string, Decision>()
    const missing: string[] = []
    for (const resource of unique) {
      const hit = this.permits.get(this.key(mvpd, resource))
      if (hit && now - hit.at < this.options.permitTtlMs) result.set(resource, hit.decision)
      else missing.push(resource)
    }
    for (let i = 0; i < missing.length; i += this.options.batchSize) {
      const batch = missing.slice(i, i + this.options.batchSize)
      const decisions = await this.decide('preauthorize', mvpd, batch, options)
      const at = this.options.clock.now()
      for (const d of decisions) {
        if (batch.indexOf(d.resource) < 0) continue
        result.set(d.resource, d)
        // CL-PREAUTHZ-3: permits only; a deny is asked again next time.
        if (d.authorized) this.permits.set(this.key(mvpd, d.resource), { decision: d, at })
        else this.permits.delete(this.key(mvpd, d.resource))
      }
    }
    return unique.map((r) => result.get(r) as Decision)
  }

  async authorize(mvpd: string, resource: string, options: CallOptions = {}): Promise<Decision> {
    requireMvpdId(mvpd, 'POST decisions/authorize/{mvpd}')
    const decisions = await this.decide('authorize', mvpd, [resource], options)
    return decisions.find((d) => d.resource === resource) as Decision
  }
}
