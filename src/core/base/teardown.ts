/**
 * One owner for many releases: whoever builds timers, listeners, subscriptions or long-lived
 * objects adds how to release each, and one call releases them all, newest first (what was built
 * on top goes before what it stands on). Releasing twice does nothing the second time.
 */
export interface Teardown {
  /** Keeps `release` until `run()`; added after `run()`, it runs at once. */
  add(release: () => void): void
  /** Runs every release once, newest first; one that throws does not stop the others (the first error is rethrown after). */
  run(): void
}

export function createTeardown(): Teardown {
  const releases: Array<() => void> = []
  let done = false
  const runAll = (list: ReadonlyArray<() => void>): void => {
    let failure: { error: unknown } | undefined
    for (const release of list) {
      try {
        release()
      } catch (error) {
        failure = failure ?? { error }
      }
    }
    if (failure) throw failure.error
  }
  return {
    add(release) {
      if (done) runAll([release])
      else releases.push(release)
    },
    run() {
      done = true
      runAll(releases.splice(0).reverse())
    },
  }
}
