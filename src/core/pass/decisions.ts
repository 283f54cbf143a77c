/**
 * Decisions (reference section 8). A deny comes back as a Decision carrying its item-level enhanced
 * error, not as a thrown error: the HTTP call succeeded (CL-ERR-2). Request-level failures are thrown.
 *
 * - preauthorize: for badges and filtering only (CL-PREAUTHZ-1); permits are cached in memory
 *   (CL-PREAUTHZ-3) and only missing resources are asked for, in batches (about 5 per call, FAQ
 *   PreAuthZ 9); items denied with action `retry` are asked again, alone, 2–3 times at most
 *   (CL-PREAUTHZ-2, reference section 9 "resend only failed items").
 * - authorize: one resource, before every playback, never cached (CL-AUTHZ-1); a `retry` deny is
 *   retried 2–3 times at most (CL-AUTHZ-2).
 */
import type { Clock } from '../flow/clock'
import { MalformedResponseError } from './errors'
import { backoffMs, pathOf, type PassHttp, type RetryPolicy } from './http'
import type { CallOptions, Decision } from './types'
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
    const decisions = await this.options.http.send(
      { method: 'POST', path, api: 'v2', json: { resources }, signal: options.signal },
      parseDecisions,
    )
    for (const resource of resources) {
      if (!decisions.some((d) => d.resource === resource)) {
        throw new MalformedResponseError(`POST ${path}`, 200, `no decision for a requested resource`)
      }
    }
    return decisions
  }

  /** Asks again for items denied with action `retry`, alone, with backoff (CL-PREAUTHZ-2, CL-AUTHZ-2). */
  private async retryItems(kind: 'preauthorize' | 'authorize', mvpd: string, decisions: Decision[], options: CallOptions): Promise<Decision[]> {
    let current = decisions
    for (let attempt = 1; attempt <= this.options.retry.limit; attempt++) {
      const failed = current.filter(isItemRetry).map((d) => d.resource)
      if (failed.length === 0) break
      const path = pathOf('/api/v2', this.options.serviceProvider, 'decisions', kind, mvpd)
      const delay = backoffMs(attempt, this.options.retry)
      await this.options.http.wait(delay, options.signal, `POST ${path}`)
      const again = await this.post(kind, mvpd, failed, options)
      current = current.map((d) => (isItemRetry(d) ? again.find((a) => a.resource === d.resource) ?? d : d))
    }
    return current
  }

  async preauthorize(mvpd: string, resources: readonly string[], options: CallOptions = {}): Promise<Decision[]> {
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
      const decisions = await this.retryItems('preauthorize', mvpd, await this.post('preauthorize', mvpd, batch, options), options)
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
    const decisions = await this.retryItems('authorize', mvpd, await this.post('authorize', mvpd, [resource], options), options)
    return decisions.find((d) => d.resource === resource) as Decision
  }
}
