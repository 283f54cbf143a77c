/**
 * Configuration (docs/adobe-pass.md "Endpoints"): the MVPDs a viewer can pick. Fetched only when a provider must
 * be chosen (CL-CFG-1: the client never calls it on its own) and cached briefly in memory
 * (CL-CFG-R1: 3–5 min); concurrent callers share one request.
 */
import type { Clock } from '../base/clock'
import type { CallOptions, Configuration } from './types'
import { pathOf, withSignal, type PassHttp } from './http'
import { parseConfiguration } from './wire'

export class ConfigurationCache {
  private value: { config: Configuration; fetchedAt: number } | undefined
  private pending: Promise<Configuration> | undefined

  constructor(
    private readonly http: PassHttp,
    private readonly serviceProvider: string,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  get(options: CallOptions = {}): Promise<Configuration> {
    const cached = this.value
    if (cached && this.clock.now() - cached.fetchedAt < this.ttlMs) return Promise.resolve(cached.config)
    if (!this.pending) {
      this.pending = Promise.resolve()
        .then(() =>
          this.http.send(
            // One shared request: a caller's signal cancels only that caller's wait (withSignal below).
            // Built inside the promise: a path that cannot be built rejects instead of throwing.
            { method: 'GET', path: pathOf('/api/v2', this.serviceProvider, 'configuration'), api: 'v2' },
            parseConfiguration,
          ),
        )
        .then((config) => {
          this.value = { config, fetchedAt: this.clock.now() }
          return config
        })
        .finally(() => {
          this.pending = undefined
        })
    }
    return withSignal(this.pending, options.signal, 'GET configuration')
  }
}
