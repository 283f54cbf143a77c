/** Runs `call` so that a synchronous throw arrives as a rejection: one error path for the caller. */
export function promiseOf<T>(call: () => Promise<T>): Promise<T> {
  try {
    return call()
  } catch (error) {
    return Promise.reject(error)
  }
}
