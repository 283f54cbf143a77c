/**
 * A scriptable PassClient for tests. Every call is recorded with its arguments and signal and
 * answered by a deferred promise: the test settles it (`resolve`/`reject`) when it wants, or
 * installs an automatic answer with `on(method, handler)`. Aborting the signal rejects with
 * CancelledError, as the real client does (unless `honorAbort` is false). Server time is the
 * clock plus `serverOffsetMs`.
 */
import type { Clock } from '../../src/core/base/clock'
import { CancelledError } from '../../src/core/pass/errors'
import type { CallOptions, PassClient } from '../../src/core/pass/types'

export type Method = Exclude<keyof PassClient, 'serverNow'>
export type Result<M extends Method> = Awaited<ReturnType<PassClient[M]>>
type Args<M extends Method> = Parameters<PassClient[M]>
export type Handler<M extends Method> = (...args: Args<M>) => Result<M> | Promise<Result<M>>

export interface FakeCall<M extends Method = Method> {
  readonly method: M
  readonly args: Args<M>
  readonly signal: AbortSignal | undefined
  /** Local clock time the call was made. */
  readonly at: number
  settled: boolean
  resolve(value: Result<M>): void
  reject(error: unknown): void
}

export class FakePassClient implements PassClient {
  /** Server clock minus local clock (a TV whose clock runs behind has a positive offset). */
  serverOffsetMs: number
  readonly calls: FakeCall[] = []
  private readonly handlers = new Map<Method, Handler<Method>>()
  private readonly maxConcurrent = new Map<Method, number>()

  /** false: behave like a transport that ignores AbortSignal (some TV polyfills), answering anyway. */
  honorAbort: boolean

  constructor(
    private readonly clock: Clock,
    options: { serverOffsetMs?: number; honorAbort?: boolean } = {},
  ) {
    this.serverOffsetMs = options.serverOffsetMs ?? 0
    this.honorAbort = options.honorAbort ?? true
  }

  serverNow(): number {
    return this.clock.now() + this.serverOffsetMs
  }

  /** Answer every later call of `method` automatically. */
  on<M extends Method>(method: M, handler: Handler<M>): this {
    this.handlers.set(method, handler as unknown as Handler<Method>)
    return this
  }

  /** Back to manual answers for `method`. */
  manual(method: Method): this {
    this.handlers.delete(method)
    return this
  }

  callsTo<M extends Method>(method: M): FakeCall<M>[] {
    return this.calls.filter((call): call is FakeCall<M> => call.method === method) as FakeCall<M>[]
  }

  pending<M extends Method>(method: M): FakeCall<M>[] {
    return this.callsTo(method).filter((call) => !call.settled)
  }

  /** The latest call of `method`; throws when there is none so a test fails with a clear message. */
  last<M extends Method>(method: M): FakeCall<M> {
    const calls = this.callsTo(method)
    const call = calls[calls.length - 1]
    if (!call) throw new Error(`FakePassClient: no call to ${method}`)
    return call
  }

  /** The most calls of `method` that were unsettled at the same time. */
  maxInFlight(method: Method): number {
    return this.maxConcurrent.get(method) ?? 0
  }

  retrieveProfiles(options?: CallOptions) {
    return this.record('retrieveProfiles', [options], options)
  }
  retrieveProfileForMvpd(mvpd: string, options?: CallOptions) {
    return this.record('retrieveProfileForMvpd', [mvpd, options], options)
  }
  retrieveProfileForCode(code: string, options?: CallOptions) {
    return this.record('retrieveProfileForCode', [code, options], options)
  }
  createSession(params: { mvpd?: string }, options?: CallOptions) {
    return this.record('createSession', [params, options], options)
  }
  resumeSession(code: string, params: { mvpd?: string }, options?: CallOptions) {
    return this.record('resumeSession', [code, params, options], options)
  }
  retrieveSession(code: string, options?: CallOptions) {
    return this.record('retrieveSession', [code, options], options)
  }
  configuration(options?: CallOptions) {
    return this.record('configuration', [options], options)
  }
  preauthorize(mvpd: string, resources: readonly string[], options?: CallOptions) {
    return this.record('preauthorize', [mvpd, resources, options], options)
  }
  authorize(mvpd: string, resource: string, options?: CallOptions) {
    return this.record('authorize', [mvpd, resource, options], options)
  }
  logout(mvpd: string, options?: CallOptions) {
    return this.record('logout', [mvpd, options], options)
  }

  private record<M extends Method>(method: M, args: Args<M>, options: CallOptions | undefined): Promise<Result<M>> {
    return new Promise<Result<M>>((resolve, reject) => {
      const call: FakeCall<M> = {
        method,
        args,
        signal: options?.signal,
        at: this.clock.now(),
        settled: false,
        resolve: (value) => {
          if (call.settled) return
          call.settled = true
          resolve(value)
        },
        reject: (error) => {
          if (call.settled) return
          call.settled = true
          reject(error)
        },
      }
      this.calls.push(call as unknown as FakeCall)
      const inFlight = this.pending(method).length
      this.maxConcurrent.set(method, Math.max(this.maxInFlight(method), inFlight))
      const signal = this.honorAbort ? options?.signal : undefined
      if (signal?.aborted) call.reject(new CancelledError(method))
      signal?.addEventListener('abort', () => call.reject(new CancelledError(method)))
      const handler = this.handlers.get(method) as Handler<M> | undefined
      if (handler && !call.settled) {
        Promise.resolve()
          .then(() => handler(...args))
          .then(call.resolve, call.reject)
      }
    })
  }
}
