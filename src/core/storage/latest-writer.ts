/**
 * Writes of a record that changes often (the request budget, after each request), kept cheap: at
 * most one write in flight; the values written meanwhile collapse into one queued write of the
 * latest, so a burst of updates during a slow IndexedDB write costs two writes, not one per update.
 */

/**
 * Wraps `write` so that each call settles once its value, or a later value that replaced it before
 * it was written, has been written (with that write's outcome). Values are written in call order
 * and the last one called is always the last one written.
 */
export function createLatestWriter<T>(write: (value: T) => Promise<void>): (value: T) => Promise<void> {
  interface Batch {
    value: T
    readonly waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>
  }
  let running = false
  let queued: Batch | undefined

  const run = (batch: Batch): void => {
    running = true
    let done: Promise<void>
    try {
      done = write(batch.value)
    } catch (error) {
      done = Promise.reject(error)
    }
    const next = (): void => {
      const following = queued
      queued = undefined
      if (following) run(following)
      else running = false
    }
    done.then(
      () => {
        batch.waiters.forEach((w) => w.resolve())
        next()
      },
      (error: unknown) => {
        batch.waiters.forEach((w) => w.reject(error))
        next()
      },
    )
  }

  return (value) =>
    new Promise<void>((resolve, reject) => {
      if (!running) {
        run({ value, waiters: [{ resolve, reject }] })
        return
      }
      if (queued) {
        queued.value = value
        queued.waiters.push({ resolve, reject })
      } else {
        queued = { value, waiters: [{ resolve, reject }] }
      }
    })
}
