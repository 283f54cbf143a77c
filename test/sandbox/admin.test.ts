/** The admin surface under /__sandbox/ (test/development only): faults, switches, inspection, reset. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { startSandbox } from './index'
import { eec, Harness, startHarness, TestClient, waitFor } from './helpers/client'

let h: Harness
const TV = 'tv-admin'

beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.sandbox.stop())
afterEach(() => {
  h.sandbox.clearFaults()
  h.sandbox.setClockOffset(0)
})

const admin = (method: string, path: string, body?: unknown): ReturnType<TestClient['call']> =>
  h.client.call(method, `/__sandbox/${path}`, body === undefined ? {} : { json: body })
const poll = (code = 'AAAAAAA'): ReturnType<TestClient['call']> => h.client.call('GET', `/api/v2/MYCHAN/profiles/code/${code}`, { headers: h.client.tv(TV) })

describe('faults', () => {
  it('fails the next N requests of a route with the given status, then lets them through', async () => {
    const { json: session } = await h.client.createSession(TV)
    const added = await admin('POST', 'faults', { route: 'profiles/code', status: 500, count: 2 })
    expect(added.status).toBe(200)
    const first = await poll(session.code)
    expect(first.status).toBe(500)
    expect(first.json).toMatchObject(eec(500, 'internal_server_error', 'none'))
    expect((await poll(session.code)).status).toBe(500)
    expect((await poll(session.code)).status).toBe(200)
    // Other routes were never affected.
    expect((await admin('GET', 'faults')).json).toEqual([])
  })

  it('answers a malformed JSON body, an HTML body, or a given object', async () => {
    await admin('POST', 'faults', { route: 'profiles', status: 200, body: 'malformed' })
    const malformed = await h.client.call('GET', '/api/v2/MYCHAN/profiles', { headers: h.client.tv(TV) })
    expect(malformed.status).toBe(200)
    expect(() => JSON.parse(malformed.text)).toThrow()
    await admin('POST', 'faults', { route: 'configuration', status: 502, body: 'html' })
    const html = await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })
    expect(html.status).toBe(502)
    expect(html.headers.get('content-type')).toMatch(/^text\/html/)
    await admin('POST', 'faults', { route: 'token', status: 400, body: { error: 'invalid_client' } })
    expect((await h.client.refreshToken()).json).toEqual({ error: 'invalid_client' })
  })

  it('picks the enhanced error code, matches path regexes, and adds latency', async () => {
    await admin('POST', 'faults', { route: 'decisions/authorize', status: 403, code: 'maximum_execution_time_exceeded' })
    h.sandbox.seedProfile({ deviceId: TV, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
    const retry = await h.client.call('POST', '/api/v2/MYCHAN/decisions/authorize/Sandbox_Cable', {
      headers: h.client.tv(TV),
      json: { resources: ['mychannel-live'] },
    })
    expect(retry.json).toMatchObject(eec(403, 'maximum_execution_time_exceeded', 'retry'))
    await admin('POST', 'faults', { route: '^/api/v2/MYCHAN/logout/', status: 503 })
    expect((await h.client.call('GET', '/api/v2/MYCHAN/logout/Sandbox_Cable?redirectUrl=https%3A%2F%2Fa.example', { headers: h.client.tv(TV) })).status).toBe(
      503,
    )
    await admin('POST', 'faults', { route: 'configuration', latencyMs: 300 })
    const started = Date.now()
    const slow = await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })
    expect(slow.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
  })

  it('"profiles" covers both the list and the per-mvpd lookup', async () => {
    await admin('POST', 'faults', { route: 'profiles', status: 500, count: 2 })
    expect((await h.client.call('GET', '/api/v2/MYCHAN/profiles/Sandbox_Cable', { headers: h.client.tv(TV) })).status).toBe(500)
    expect((await h.client.call('GET', '/api/v2/MYCHAN/profiles', { headers: h.client.tv(TV) })).status).toBe(500)
  })

  it('rejects bad fault input with 400 and a message', async () => {
    for (const body of [
      {},
      { route: 'x' },
      { route: 'x', status: 'five' },
      { route: 'x', status: 500, body: 3 },
      { route: 'x', status: 500, code: 'made_up' },
    ]) {
      const res = await admin('POST', 'faults', body)
      expect(res.status).toBe(400)
      expect(res.json.error).toEqual(expect.any(String))
    }
    expect((await h.client.call('POST', '/__sandbox/faults', { headers: { 'Content-Type': 'application/json' }, body: '{' })).status).toBe(400)
  })
})

describe('switches', () => {
  it('throttle: force429Count answers 429 to the next calls', async () => {
    expect((await admin('POST', 'throttle', { force429Count: 1 })).json).toEqual({ enabled: false, force429Count: 1 })
    expect((await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })).status).toBe(429)
    expect((await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })).status).toBe(200)
  })

  it('clock: shifts Date and expiry', async () => {
    const res = await admin('POST', 'clock', { offsetMs: 86_400_000 })
    expect(res.json.offsetMs).toBe(86_400_000)
    const config = await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })
    expect(Date.parse(config.headers.get('date') as string) - Date.now()).toBeGreaterThan(86_000_000)
  })

  it('tokens/expire: the next call gets 401 until a new token is fetched', async () => {
    expect((await admin('POST', 'tokens/expire')).json.expired).toBeGreaterThan(0)
    expect((await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })).status).toBe(401)
    await h.client.refreshToken()
    expect((await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })).status).toBe(200)
  })

  it('profiles, profiles/revoke, sessions/{code}/complete and deny', async () => {
    const seeded = await admin('POST', 'profiles', { deviceId: 'tv-seeded', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 60_000 })
    expect(seeded.json).toMatchObject({ mvpd: 'Sandbox_Fiber', deviceId: 'tv-seeded', type: 'regular' })
    expect(seeded.json.notAfter - seeded.json.notBefore).toBe(60_000)
    expect((await admin('POST', 'profiles/revoke', { mvpd: 'Sandbox_Fiber', deviceId: 'tv-seeded' })).json).toEqual({ revoked: 1 })
    const invalidated = await h.client.call('POST', '/api/v2/MYCHAN/decisions/authorize/Sandbox_Fiber', {
      headers: h.client.tv('tv-seeded'),
      json: { resources: ['mychannel-live'] },
    })
    expect(invalidated.json).toMatchObject(eec(403, 'authenticated_profile_invalidated', 'authentication'))

    const { json: session } = await h.client.createSession('tv-complete')
    const completed = await admin('POST', `sessions/${session.code}/complete`, { mvpd: 'Sandbox_Sat', user: 'basic' })
    expect(completed.json).toMatchObject({ mvpd: 'Sandbox_Sat', deviceId: 'tv-complete' })
    expect((await admin('POST', 'sessions/NOPE123/complete', {})).status).toBe(400)

    await admin('POST', 'deny', { resource: 'mychannel-live' })
    const denied = await h.client.call('POST', '/api/v2/MYCHAN/decisions/authorize/Sandbox_Sat', {
      headers: h.client.tv('tv-complete'),
      json: { resources: ['mychannel-live'] },
    })
    expect(denied.json.decisions[0]).toMatchObject({ authorized: false, error: eec(403, 'authorization_denied_by_mvpd', 'none') })
    await admin('POST', 'deny/clear')
  })
})

describe('inspection and reset', () => {
  it('lists requests (method, path, query, headers, time, status) and resets all state', async () => {
    await admin('POST', 'requests/clear')
    await h.client.call('GET', '/api/v2/MYCHAN/configuration?profile=x', { headers: h.client.tv(TV) })
    const list = (await admin('GET', 'requests')).json
    expect(list).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/v2/MYCHAN/configuration',
        query: { profile: 'x' },
        status: 200,
        time: expect.any(Number),
        route: 'configuration',
        headers: expect.objectContaining({ 'ap-device-identifier': expect.stringMatching(/^fingerprint /) }),
      }),
    ])
    expect((await admin('GET', 'state')).json).toMatchObject({ sessions: expect.any(Array), profiles: expect.any(Array) })

    h.sandbox.seedProfile({ deviceId: TV, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
    expect((await admin('POST', 'reset')).json).toEqual({ ok: true })
    expect(h.sandbox.requests()).toEqual([])
    // Clients are gone too: the app has to register again, as after losing its credentials.
    expect((await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: h.client.auth() })).status).toBe(401)
    await h.client.bootstrap()
    expect((await h.client.call('GET', '/api/v2/MYCHAN/profiles', { headers: h.client.tv(TV) })).json).toEqual({ profiles: {} })
  })

  it('answers 404 for unknown admin endpoints', async () => {
    expect((await admin('GET', 'nothing')).status).toBe(404)
  })
})

describe('modes and the state file', () => {
  it('has no admin surface in production mode', async () => {
    const prod = await startSandbox({ mode: 'production', throttle: false })
    try {
      const res = await fetch(`${prod.origin}/__sandbox/reset`, { method: 'POST' })
      expect(res.status).toBe(404)
      expect((await fetch(`${prod.origin}/__sandbox/requests`)).status).toBe(404)
    } finally {
      await prod.stop()
    }
  })

  it('keeps clients, tokens and sign-ins across a restart with a state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'))
    const stateFile = join(dir, 'state.json')
    try {
      const first = await startSandbox({ stateFile, throttle: false })
      const c = await new TestClient(first.origin).bootstrap()
      const { json } = await c.createSession('tv-persist')
      first.completeSignIn(json.code, { mvpd: 'Sandbox_Cable' })
      await first.stop()

      const second = await startSandbox({ stateFile, throttle: false })
      try {
        const again = new TestClient(second.origin)
        again.accessToken = c.accessToken
        const res = await again.call('GET', '/api/v2/MYCHAN/profiles', { headers: again.tv('tv-persist') })
        expect(res.status).toBe(200)
        expect(Object.keys(res.json.profiles)).toEqual(['Sandbox_Cable'])
      } finally {
        await second.stop()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('stop() ends pending latency timers and open connections promptly', async () => {
    const sb = await startSandbox({ throttle: false, faults: [{ route: '*', latencyMs: 60_000, count: 0 }] })
    const pending = fetch(`${sb.origin}/api/v2/MYCHAN/configuration`).then(
      (r) => r.status,
      () => 'closed',
    )
    // Stop while the request is held: the request log shows it arrived and is not answered yet.
    await waitFor(() => sb.requests().some((r) => r.path === '/api/v2/MYCHAN/configuration' && r.status === 0))
    const started = Date.now()
    await sb.stop()
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await pending).toBe('closed')
  })

  it('validates options with a message naming the option', async () => {
    await expect(startSandbox({ sessionTtlMs: -1 })).rejects.toThrow(/sessionTtlMs/)
    await expect(startSandbox({ mode: 'staging' as never })).rejects.toThrow(/mode/)
  })
})

describe('CORS switch: exposeDate', () => {
  const exposed = async (): Promise<{ expose: string; date: string | null }> => {
    const res = await h.client.call('GET', '/api/v2/MYCHAN/configuration', { headers: { ...h.client.auth(), Origin: 'http://tv.example' } })
    return { expose: res.headers.get('access-control-expose-headers') ?? '', date: res.headers.get('date') }
  }

  it('POST /__sandbox/cors {exposeDate:false} leaves Date out of Access-Control-Expose-Headers; Date is still sent', async () => {
    expect((await exposed()).expose).toContain('Date')
    expect((await admin('POST', 'cors', { exposeDate: false })).json).toEqual({ exposeDate: false })
    const hidden = await exposed()
    expect(hidden.expose).not.toContain('Date')
    expect(hidden.expose).toContain('Content-Length')
    expect(hidden.date).not.toBeNull()
    expect(((await admin('GET', 'state')).json as { cors: unknown }).cors).toEqual({ exposeDate: false })
    expect((await admin('POST', 'cors', { exposeDate: 'no' })).status).toBe(400)
    await admin('POST', 'reset')
    expect((await exposed()).expose).toContain('Date')
  })

  it('the start option and the in-process switch', async () => {
    const sandbox = await startSandbox({ port: 0, exposeDate: false, throttle: false })
    try {
      const res = await fetch(`${sandbox.origin}/api/v2/MYCHAN/configuration`, { headers: { Origin: 'http://tv.example' } })
      expect(res.headers.get('access-control-expose-headers')).not.toContain('Date')
      expect(sandbox.cors({ exposeDate: true })).toEqual({ exposeDate: true })
      sandbox.reset()
      expect(sandbox.cors({})).toEqual({ exposeDate: false })
    } finally {
      await sandbox.stop()
    }
  })
})
