/**
 * suspend()/resume(): an outage of the sandbox (the socket goes away) that loses nothing, so a test
 * can see how a client rides out a dead server and picks up where it was.
 */
import { request } from 'node:http'

import { Harness } from './helpers/client'
import { useHarness } from '../support/sandbox-harness'
import { startSandbox } from './index'

/** A bare request on a fresh connection; resolves with the status or the socket error code. */
function probe(origin: string, path: string, headers: Record<string, string> = {}): Promise<number | string> {
  const url = new URL(origin)
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path, headers, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    req.end()
  })
}

/** Waits for a condition the test cannot await directly (checked on every turn of the event loop). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

let h: Harness
const TV = 'tv-outage'

useHarness((started) => (h = started))

describe('suspend and resume', () => {
  it('refuses connections while suspended, then the same code still polls on the same origin', async () => {
    const { json: session } = await h.client.createSession(TV)
    const poll = (): Promise<number | string> =>
      probe(h.sandbox.origin, `/api/v2/MYCHAN/profiles/code/${session.code}`, h.client.tv(TV) as Record<string, string>)
    expect(await poll()).toBe(200)
    h.sandbox.seedProfile({ deviceId: TV, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber' })
    const logged = h.sandbox.requests().length

    await h.sandbox.suspend()
    expect(await poll()).toBe('ECONNREFUSED')
    expect(await probe(h.sandbox.origin, '/activate')).toBe('ECONNREFUSED')
    // A second call is a no-op.
    await h.sandbox.suspend()
    expect(await poll()).toBe('ECONNREFUSED')
    // State is reachable in process meanwhile, and the sign-in can even complete during the outage.
    h.sandbox.completeSignIn(session.code, { mvpd: 'Sandbox_Cable' })

    const { origin, port } = h.sandbox
    await h.sandbox.resume()
    await h.sandbox.resume()
    expect([h.sandbox.origin, h.sandbox.port]).toEqual([origin, port])
    // Same token, same session, same device: everything survived, the log included.
    const after = await h.client.call('GET', `/api/v2/MYCHAN/profiles/code/${session.code}`, { headers: h.client.tv(TV) })
    expect(after.status).toBe(200)
    expect(Object.keys(after.json.profiles)).toEqual(['Sandbox_Cable'])
    const profiles = await h.client.call('GET', '/api/v2/MYCHAN/profiles', { headers: h.client.tv(TV) })
    expect(Object.keys(profiles.json.profiles).sort()).toEqual(['Sandbox_Cable', 'Sandbox_Fiber'])
    expect(h.sandbox.requests().length).toBe(logged + 2)
  })

  it('resets a request that is in flight when the outage starts', async () => {
    h.sandbox.fault({ route: 'configuration', latencyMs: 60_000 })
    const pending = probe(h.sandbox.origin, '/api/v2/MYCHAN/configuration', h.client.auth() as Record<string, string>)
    await until(() => h.sandbox.requests().some((r) => r.route === 'configuration' && r.status === 0), 'the request to arrive')
    await h.sandbox.suspend()
    expect(await pending).toBe('ECONNRESET')
    h.sandbox.clearFaults()
    await h.sandbox.resume()
    expect(await probe(h.sandbox.origin, '/api/v2/MYCHAN/configuration', h.client.auth() as Record<string, string>)).toBe(200)
  })

  it('keeps throttle buckets: a device that was refused is still refused after the outage', async () => {
    const sandbox = await startSandbox({ now: () => 1_700_000_000_000 })
    try {
      const device = { 'AP-Device-Identifier': `fingerprint ${Buffer.from('tv-throttled').toString('base64')}` }
      const statuses: (number | string)[] = []
      for (let i = 0; i < 11; i += 1) statuses.push(await probe(sandbox.origin, '/api/v2/MYCHAN/configuration', device))
      expect(statuses.slice(-1)).toEqual([429])
      await sandbox.suspend()
      await sandbox.resume()
      // The clock stands still, so an emptied bucket can only be a lost one.
      expect(await probe(sandbox.origin, '/api/v2/MYCHAN/configuration', device)).toBe(429)
    } finally {
      await sandbox.stop()
    }
  })

  it('runs overlapping calls in order, stops while suspended, and cannot resume after stop', async () => {
    const sandbox = await startSandbox({ throttle: false })
    try {
      await Promise.all([sandbox.suspend(), sandbox.resume(), sandbox.suspend(), sandbox.resume()])
      expect(await probe(sandbox.origin, '/activate')).toBe(200)
      await Promise.all([sandbox.resume(), sandbox.suspend()])
      expect(await probe(sandbox.origin, '/activate')).toBe('ECONNREFUSED')
      await sandbox.stop()
      await expect(sandbox.resume()).rejects.toThrow(/stopped/)
      await sandbox.suspend()
      expect(await probe(sandbox.origin, '/activate')).toBe('ECONNREFUSED')
    } finally {
      await sandbox.stop()
    }
  })
})
