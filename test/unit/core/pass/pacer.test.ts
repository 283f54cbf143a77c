/**
 * The request pacer (pacer.ts) on a fake clock: the cadence that keeps a client inside Adobe's
 * throttle (docs/adobe-pass.md "Throttling": 1 request/s plus a one-time burst of 10, the rate token empty at
 * first and spent before the burst), the budget kept between launches, cancellation while queued,
 * the hold after a 429, and coalesced saves. Exact grant times, no real waiting.
 */
import { CancelledError } from '../../../../src/core/pass/errors'
import { MAX_HOLD_MS, PACER_BURST, PACER_INTERVAL_MS, RequestPacer, type RequestBudget, type RequestBudgetStore } from '../../../../src/core/pass/pacer'
import { FakeClock, flushPromises } from '../../../support/fake-clock'
import { CapturingLogger } from '../../../support/pass-client-build'

const KEY = 'fingerprint ZGV2aWNlLTE='
const T0 = Date.UTC(2026, 0, 1)
const I = PACER_INTERVAL_MS

class MemoryBudget implements RequestBudgetStore {
  readonly saved: RequestBudget[] = []
  constructor(public value: RequestBudget | null = null) {}
  load(): Promise<RequestBudget | null> {
    return Promise.resolve(this.value)
  }
  save(budget: RequestBudget): Promise<void> {
    this.saved.push(budget)
    this.value = budget
    return Promise.resolve()
  }
}

function setup(store?: RequestBudgetStore, clock = new FakeClock(T0)) {
  const logger = new CapturingLogger()
  const pacer = new RequestPacer({ clock, logger, store })
  const granted: Array<{ id: number; at: number }> = []
  const failed: Array<{ id: number; error: unknown }> = []
  const ask = (id: number, signal?: AbortSignal): void => {
    pacer.acquire(KEY, signal, `request ${id}`).then(
      () => granted.push({ id, at: clock.now() - T0 }),
      (error: unknown) => failed.push({ id, error }),
    )
  }
  return { clock, logger, pacer, granted, failed, ask }
}

const times = (granted: Array<{ at: number }>) => granted.map((g) => g.at)

describe('cadence', () => {
  test('a new device: the burst share (8 of 10) at once, then one per 1050 ms (the rate token starts empty)', async () => {
    const { clock, granted, ask } = setup(new MemoryBudget(null))
    for (let id = 1; id <= 11; id++) ask(id)
    await clock.advance(10 * I)
    expect(PACER_BURST).toBe(8)
    expect(times(granted)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, I, 2 * I, 3 * I])
    expect(granted.map((g) => g.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  test('without a budget store: no burst is assumed; the first request goes at once, then one per 1050 ms', async () => {
    const { clock, granted, ask } = setup(undefined)
    for (let id = 1; id <= 4; id++) ask(id)
    await clock.advance(5 * I)
    expect(times(granted)).toEqual([0, I, 2 * I, 3 * I])
  })

  test('a client that keeps to the rate spends one burst request, its first, and no more (the rate token is spent first)', async () => {
    const store = new MemoryBudget(null)
    const { clock, granted, ask } = setup(store)
    for (let id = 1; id <= 6; id++) {
      ask(id)
      await clock.advance(I)
    }
    await clock.advance(5000)
    expect(times(granted)).toEqual([0, I, 2 * I, 3 * I, 4 * I, 5 * I])
    // The bucket starts at the first request with an empty rate token (docs/adobe-pass.md "Throttling").
    expect(store.saved.map((b) => b.burstLeft)).toEqual([0, PACER_BURST - 1])
  })

  test('requests are let out in the order they asked (FIFO), also while the budget is still loading', async () => {
    let release: ((b: RequestBudget | null) => void) | undefined
    const slow: RequestBudgetStore = { load: () => new Promise((resolve) => (release = resolve)), save: () => Promise.resolve() }
    const { clock, granted, ask } = setup(slow)
    for (let id = 1; id <= 10; id++) ask(id)
    await clock.advance(100)
    expect(granted).toEqual([])
    release?.(null)
    await clock.advance(3 * I)
    expect(granted.map((g) => g.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })
})

describe('the budget kept between launches (one-time burst per device)', () => {
  test('what is left of the burst is used, with the rate token refilled since the record', async () => {
    const { clock, granted, ask } = setup(new MemoryBudget({ key: KEY, burstLeft: 3, at: T0 - 60000 }))
    for (let id = 1; id <= 6; id++) ask(id)
    await clock.advance(3 * I)
    // One rate token (a minute has passed) and three burst requests at once, then the rate.
    expect(times(granted)).toEqual([0, 0, 0, 0, I, 2 * I])
  })

  test('a spent burst and a last request 400 ms ago: the first request waits for the rate token', async () => {
    const { clock, granted, ask } = setup(new MemoryBudget({ key: KEY, burstLeft: 0, at: T0 - 400 }))
    ask(1)
    ask(2)
    await clock.advance(3 * I)
    expect(times(granted)).toEqual([I - 400, 2 * I - 400])
  })

  test('a record of another device means a new device: a fresh burst', async () => {
    const { clock, granted, ask } = setup(new MemoryBudget({ key: 'fingerprint b3RoZXI=', burstLeft: 0, at: T0 - 10 }))
    for (let id = 1; id <= 9; id++) ask(id)
    await clock.advance(I)
    expect(times(granted)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, I])
  })

  test.each([
    ['more than the share', { key: KEY, burstLeft: 10, at: T0 - 60000 }, [0, 0, 0, 0, 0, 0, 0, 0, 0, I]],
    ['a fraction', { key: KEY, burstLeft: 1.7, at: T0 - 60000 }, [0, 0, I, 2 * I, 3 * I, 4 * I, 5 * I, 6 * I, 7 * I, 8 * I]],
    [
      'a record from the future (the clock was set back)',
      { key: KEY, burstLeft: 0, at: T0 + 3600000 },
      [I, 2 * I, 3 * I, 4 * I, 5 * I, 6 * I, 7 * I, 8 * I, 9 * I, 10 * I],
    ],
  ])('a stored burst of %s is bounded', async (_, record, expected) => {
    const { clock, granted, ask } = setup(new MemoryBudget(record))
    for (let id = 1; id <= 10; id++) ask(id)
    await clock.advance(11 * I)
    expect(times(granted)).toEqual(expected)
  })

  test.each([
    ['load rejects', { load: () => Promise.reject(new Error('IndexedDB blocked')), save: () => Promise.resolve() }, 0, /unreadable/],
    [
      'load throws',
      {
        load: () => {
          throw new Error('broken')
        },
        save: () => Promise.resolve(),
      },
      0,
      /unreadable/,
    ],
    [
      'the record is not a budget',
      { load: () => Promise.resolve({ key: KEY, burstLeft: 'many', at: 1 } as unknown as RequestBudget), save: () => Promise.resolve() },
      0,
      /not valid/,
    ],
    ['load never settles', { load: () => new Promise<RequestBudget | null>(() => undefined), save: () => Promise.resolve() }, 1000, /not loaded in time/],
  ])('%s: no burst is assumed, pacing at the rate (safe), with a warning', async (_, store, firstAt, warning) => {
    const { clock, granted, ask, logger } = setup(store as RequestBudgetStore)
    for (let id = 1; id <= 3; id++) ask(id)
    await clock.advance(4 * I)
    expect(times(granted)).toEqual([firstAt, firstAt + I, firstAt + 2 * I])
    expect(logger.lines.some((l) => l.level === 'warn' && warning.test(l.message))).toBe(true)
  })
})

describe('saves: written ahead of the burst, coalesced after it', () => {
  test('a burst of 8 costs two writes: "none left" before the first burst request, then what is left once quiet', async () => {
    const store = new MemoryBudget(null)
    const { clock, granted, ask } = setup(store)
    for (let id = 1; id <= 5; id++) ask(id)
    await flushPromises()
    expect(granted).toHaveLength(5)
    // Written before the burst is used: a run killed now cannot leave a record promising spent tokens.
    expect(store.saved).toEqual([{ key: KEY, burstLeft: 0, at: T0 }])
    await clock.advance(1999)
    expect(store.saved).toHaveLength(1)
    await clock.advance(1)
    expect(store.saved).toEqual([
      { key: KEY, burstLeft: 0, at: T0 },
      { key: KEY, burstLeft: 3, at: T0 },
    ])
    expect(clock.pendingTimers).toBe(0)
  })

  test('a relaunch uses what the first run saved; a spent burst is not saved again', async () => {
    const store = new MemoryBudget(null)
    const first = setup(store)
    for (let id = 1; id <= 10; id++) first.ask(id)
    await first.clock.advance(5000)
    // Saved 2 s after the last burst request, with the last request granted by then.
    expect(store.saved).toEqual([
      { key: KEY, burstLeft: 0, at: T0 },
      { key: KEY, burstLeft: 0, at: T0 + I },
    ])
    const second = setup(store, first.clock)
    for (let id = 1; id <= 3; id++) second.ask(id)
    await second.clock.advance(5000)
    expect(times(second.granted)).toEqual([5000, 5000 + I, 5000 + 2 * I])
    expect(store.saved).toHaveLength(2)
  })

  test('a failed save is logged, and the next burst request writes "none left" again', async () => {
    let fail = true
    const saved: RequestBudget[] = []
    const store: RequestBudgetStore = {
      load: () => Promise.resolve(null),
      save: (b) => (fail ? Promise.reject(new Error('quota')) : (saved.push(b), Promise.resolve())),
    }
    const { clock, ask, logger } = setup(store)
    ask(1)
    await flushPromises()
    expect(logger.lines.some((l) => l.level === 'warn' && /not saved/.test(l.message))).toBe(true)
    fail = false
    ask(2)
    await flushPromises()
    expect(saved).toEqual([{ key: KEY, burstLeft: 0, at: T0 }])
    await clock.advance(2000)
    expect(saved[saved.length - 1]).toEqual({ key: KEY, burstLeft: 6, at: T0 })
  })
})

describe('cancellation while queued', () => {
  test('an aborted request never goes out and gives its place to the next one', async () => {
    const { clock, granted, failed, ask } = setup(undefined)
    const controller = new AbortController()
    ask(1)
    ask(2, controller.signal)
    ask(3)
    await clock.advance(500)
    controller.abort()
    await clock.advance(3 * I)
    expect(failed.map((f) => f.id)).toEqual([2])
    expect(failed[0]?.error).toBeInstanceOf(CancelledError)
    // Request 3 goes when request 2 would have: one interval after the first, not two.
    expect(granted).toEqual([
      { id: 1, at: 0 },
      { id: 3, at: I },
    ])
    expect(clock.pendingTimers).toBe(0)
  })

  test('an already aborted signal is refused at once; the last queued request aborted leaves no timer behind', async () => {
    const { clock, failed, ask, granted } = setup(undefined)
    const gone = new AbortController()
    gone.abort()
    ask(1, gone.signal)
    ask(2)
    const later = new AbortController()
    ask(3, later.signal)
    await clock.advance(10)
    later.abort()
    await flushPromises()
    expect(failed.map((f) => f.id)).toEqual([1, 3])
    expect(granted.map((g) => g.id)).toEqual([2])
    expect(clock.pendingTimers).toBe(0)
  })
})

describe('after a 429', () => {
  test('every request is held for at least the throttle wait, and the burst counts as spent', async () => {
    const store = new MemoryBudget(null)
    const { clock, pacer, granted, ask } = setup(store)
    ask(1)
    await flushPromises()
    pacer.hold(3000)
    for (let id = 2; id <= 4; id++) ask(id)
    await clock.advance(6000)
    // Held 3 s; the rate token then needs its full interval since the 429 (the bucket was empty).
    expect(times(granted)).toEqual([0, 3000, 3000 + I, 3000 + 2 * I])
    expect(store.value).toMatchObject({ key: KEY, burstLeft: 0 })
  })

  test('a hold is at most a minute: neither an overflowing timer (an immediate retry) nor a frozen client', async () => {
    const { clock, pacer, granted, ask } = setup(undefined)
    pacer.hold(Number.POSITIVE_INFINITY)
    pacer.hold(Number.NaN)
    ask(1)
    await clock.advance(MAX_HOLD_MS - 1)
    expect(granted).toEqual([])
    await clock.advance(1)
    expect(times(granted)).toEqual([MAX_HOLD_MS])
  })

  test('a clock set back during a hold does not stretch it', async () => {
    const { clock, pacer, granted, ask } = setup(undefined)
    ask(1)
    await flushPromises()
    pacer.hold(2000)
    clock.jumpTo(T0 - 3600000)
    ask(2)
    await clock.advance(2100)
    expect(granted).toHaveLength(2)
  })
})
