/**
 * Reads of the device store asked for before anyone needs them (docs/architecture.md "Time"): the
 * composition root starts them as the bundle runs, so the access token, the request budget and the
 * client credentials, which the first Adobe Pass request reads one after the other, are read while
 * the flow reads its own records. (IndexedDB serves requests in order: the credentials read asked
 * for later would wait behind the device id's write.) The first call of each takes the answer already on its way; later calls read the
 * store again. A write or clear of the record before that first call drops the early read (it may
 * be older than the write).
 */
import type { DeviceStore } from './device-store'

interface Early<T> {
  /** The early read, once; undefined when taken or dropped. */
  take(): Promise<T> | undefined
  drop(): void
}

function early<T>(read: () => Promise<T>): Early<T> {
  let pending: Promise<T> | undefined = read()
  return {
    take() {
      const taken = pending
      pending = undefined
      return taken
    },
    drop() {
      pending = undefined
    },
  }
}

export function withReadAhead(store: DeviceStore): DeviceStore {
  const token = early(() => store.getAccessToken())
  const budget = early(() => store.getRequestBudget())
  const credentials = early(() => store.readClientCredentials())
  return {
    ...store,
    getAccessToken: () => token.take() ?? store.getAccessToken(),
    setAccessToken: (record) => {
      token.drop()
      return store.setAccessToken(record)
    },
    clearAccessToken: () => {
      token.drop()
      return store.clearAccessToken()
    },
    getRequestBudget: () => budget.take() ?? store.getRequestBudget(),
    readClientCredentials: () => credentials.take() ?? store.readClientCredentials(),
    setClientCredentials: (record) => {
      credentials.drop()
      return store.setClientCredentials(record)
    },
    clearClientCredentials: () => {
      credentials.drop()
      return store.clearClientCredentials()
    },
    setRequestBudget: (record) => {
      budget.drop()
      return store.setRequestBudget(record)
    },
  }
}
