/**
 * Throttling (Adobe's throttling page,
 * https://experienceleague.adobe.com/en/docs/pass/authentication/integration-guide-programmers/throttling-mechanism):
 * 1 request/s plus a one-time burst of 10 per device; 429 beyond; recovery 1 s after the first 429.
 * The sandbox clock is shifted instead of slept.
 */
import { RECOVERY_MS, Throttle } from './throttle'
import { deviceHeaders, Harness, TestClient } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'

describe('Throttle (unit, injected time)', () => {
  it('lets 10 through at one instant, refuses the 11th, and passes again at most 1 s after the first 429', () => {
    const t = new Throttle(true)
    const results = Array.from({ length: 11 }, () => t.take('d', 0))
    expect(results.slice(0, 10).every(Boolean)).toBe(true)
    expect(results[10]).toBe(false)
    expect(t.take('d', 500)).toBe(false)
    expect(t.take('d', 999)).toBe(false)
    expect(t.take('d', RECOVERY_MS)).toBe(true)
  })

  it('follows the worked example: 0–2.2 s pass, 2.4/2.6/2.8 s get 429, 3.1 s passes', () => {
    const t = new Throttle(true)
    const at = (s: number): boolean => t.take('d', Math.round(s * 1000))
    for (let s = 0; s <= 2.2001; s += 0.2) expect(at(s)).toBe(true)
    expect([at(2.4), at(2.6), at(2.8)]).toEqual([false, false, false])
    expect(at(3.1)).toBe(true)
  })

  it('sustains 1 request/s forever once the burst is spent, and keys are separate', () => {
    const t = new Throttle(true)
    for (let i = 0; i < 10; i += 1) t.take('a', 0)
    for (let s = 1; s <= 30; s += 1) expect(t.take('a', s * 1000)).toBe(true)
    expect(t.take('b', 30_000)).toBe(true)
  })

  it('does nothing when disabled, except forced 429s', () => {
    const t = new Throttle(false)
    for (let i = 0; i < 50; i += 1) expect(t.take('a', 0)).toBe(true)
    t.forced429 = 2
    expect([t.take('a', 0), t.take('a', 0), t.take('a', 0)]).toEqual([false, false, true])
  })
})

describe('throttling over HTTP', () => {
  let h: Harness
  useHarness((started) => (h = started), { throttle: true }, { resetClockEach: true, noViolationsEach: true })

  const burst = async (client: TestClient, deviceId: string, n: number): Promise<number[]> => {
    const statuses: number[] = []
    // Sequential so the order is the order the sandbox sees.
    for (let i = 0; i < n; i += 1) statuses.push((await client.call('GET', '/api/v2/MYCHAN/profiles', { headers: client.tv(deviceId) })).status)
    return statuses
  }

  it('answers 429 (HTML, CORS-readable) to the 11th request of a burst; a second later, despite a further 429, requests pass', async () => {
    const statuses = await burst(h.client, 'tv-burst', 11)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200))
    expect(statuses[10]).toBe(429)
    const refused = await h.client.call('GET', '/api/v2/MYCHAN/profiles', { headers: { ...h.client.tv('tv-burst'), Origin: 'http://tv.example' } })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/)
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://tv.example')
    // Just over a second after the first 429 by the sandbox clock (the throttle reads that clock).
    h.sandbox.setClockOffset(RECOVERY_MS + 50)
    expect((await burst(h.client, 'tv-burst', 1))[0]).toBe(200)
  })

  it('keeps a bucket per device: another TV is unaffected', async () => {
    await burst(h.client, 'tv-noisy', 12)
    expect(await burst(h.client, 'tv-quiet', 3)).toEqual([200, 200, 200])
  })

  it('recovers when the sandbox clock moves on (no sleeping)', async () => {
    expect((await burst(h.client, 'tv-clock', 11))[10]).toBe(429)
    h.sandbox.setClockOffset(RECOVERY_MS)
    expect(await burst(h.client, 'tv-clock', 1)).toEqual([200])
  })

  it('keys DCR calls (no device header) by X-Forwarded-For, else the socket address', async () => {
    const token = (xff: string): Promise<number> =>
      h.client
        .call('POST', '/o/client/token', {
          headers: { 'X-Forwarded-For': xff },
          form: { client_id: h.client.clientId, client_secret: h.client.clientSecret, grant_type: 'client_credentials' },
        })
        .then((r) => r.status)
    const first: number[] = []
    for (let i = 0; i < 11; i += 1) first.push(await token('203.0.113.7'))
    expect(first.slice(0, 10)).toEqual(Array(10).fill(201))
    expect(first[10]).toBe(429)
    expect(await token('203.0.113.8')).toBe(201)
  })

  it('can be forced (admin force429Count) even for a fresh device, and skips pages', async () => {
    h.sandbox.throttle({ force429Count: 1 })
    const forced = await h.client.call('GET', '/api/v2/MYCHAN/profiles', {
      headers: { Authorization: `Bearer ${h.client.accessToken}`, ...deviceHeaders('tv-forced') },
    })
    expect(forced.status).toBe(429)
    for (let i = 0; i < 15; i += 1) expect((await h.client.call('GET', '/activate')).status).toBe(200)
  })
})
