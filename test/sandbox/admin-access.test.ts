/**
 * The admin surface (/__sandbox/, request log included) answers this machine only, and no page on
 * another origin: no CORS, a foreign Origin refused (preflights too), a loopback Host required.
 * The API keeps its CORS for the browser-served TV app.
 */
import { networkInterfaces } from 'node:os'

import { adminRefusal, isLoopbackAddress, isLoopbackHostHeader } from './admin-gate'
import { Harness, startHarness } from './helpers/client'
import { Sandbox, startSandbox } from './index'
import { rawRequest as raw } from '../support/raw-http'

/** An address of this machine that is not loopback (a LAN or container address), if there is one. */
function nonLoopbackAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const nic of list ?? []) if (nic.family === 'IPv4' && !nic.internal) return nic.address
  }
  return undefined
}

describe('isLoopbackAddress (socket remoteAddress)', () => {
  it.each(['127.0.0.1', '127.8.9.10', '127.255.255.254', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:127.1.2.3', '::FFFF:7f00:1'])(
    '%s is loopback',
    (address) => {
      expect(isLoopbackAddress(address)).toBe(true)
    },
  )

  it.each([
    undefined,
    '',
    '192.0.2.2',
    '10.0.0.1',
    '128.0.0.1',
    '0.0.0.0',
    '::',
    '::2',
    'fe80::1',
    'fe80::1%eth0',
    'fd00::2',
    '::ffff:192.0.2.1',
    '::ffff:128.0.0.1',
    'localhost',
    '127.0.0.1.example',
    '127.0.0.1:80',
  ])('%s is not', (address) => {
    expect(isLoopbackAddress(address)).toBe(false)
  })
})

describe('isLoopbackHostHeader (DNS-rebinding guard)', () => {
  it.each([
    ['127.0.0.1:4000', 4000],
    ['localhost:4000', 4000],
    ['LOCALHOST:4000', 4000],
    ['[::1]:4000', 4000],
    ['127.0.0.1', 80],
  ])('%s on port %d names this machine', (host, port) => {
    expect(isLoopbackHostHeader(host, port)).toBe(true)
  })

  it.each([
    ['127.0.0.1:4001', 4000],
    ['127.0.0.1', 4000],
    ['rebound.example:4000', 4000],
    ['localhost.rebound.example:4000', 4000],
    ['192.0.2.2:4000', 4000],
    ['user@127.0.0.1:4000', 4000],
    ['127.0.0.1:4000/x', 4000],
    ['', 4000],
  ])('%s on port %d does not', (host, port) => {
    expect(isLoopbackHostHeader(host, port)).toBe(false)
  })

  it('is false without a Host header or a local port', () => {
    expect(isLoopbackHostHeader(undefined, 4000)).toBe(false)
    expect(isLoopbackHostHeader('127.0.0.1:4000', undefined)).toBe(false)
  })
})

describe('adminRefusal', () => {
  const req = (remoteAddress: string | undefined, headers: Record<string, string>): Parameters<typeof adminRefusal>[0] =>
    ({ socket: { remoteAddress, localPort: 4000 }, headers }) as unknown as Parameters<typeof adminRefusal>[0]

  it('serves this machine, same-origin or without Origin', () => {
    expect(adminRefusal(req('127.0.0.1', { host: '127.0.0.1:4000' }))).toBeUndefined()
    expect(adminRefusal(req('::ffff:127.0.0.1', { host: 'localhost:4000', origin: 'http://localhost:4000' }))).toBeUndefined()
  })

  it('looks like nothing is there to another machine, whatever it claims in headers', () => {
    expect(adminRefusal(req('192.0.2.7', { host: '127.0.0.1:4000', 'x-forwarded-for': '127.0.0.1' }))).toEqual({ status: 404 })
    expect(adminRefusal(req(undefined, { host: '127.0.0.1:4000' }))).toEqual({ status: 404 })
  })

  it('refuses a foreign or opaque Origin and a non-loopback Host with 403', () => {
    expect(adminRefusal(req('127.0.0.1', { host: '127.0.0.1:4000', origin: 'http://tv.example' }))).toMatchObject({ status: 403 })
    expect(adminRefusal(req('127.0.0.1', { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:8080' }))).toMatchObject({ status: 403 })
    expect(adminRefusal(req('127.0.0.1', { host: '127.0.0.1:4000', origin: 'null' }))).toMatchObject({ status: 403 })
    expect(adminRefusal(req('127.0.0.1', { host: 'rebound.example:4000' }))).toMatchObject({ status: 403 })
  })
})

describe('over the wire, listening on 0.0.0.0', () => {
  const lan = nonLoopbackAddress()
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ host: '0.0.0.0', mode: 'development', throttle: false, publicOrigin: 'http://phone-lan.invalid:4000' })
  })
  afterAll(() => sandbox.stop())

  it('serves the admin endpoint and the request log to a loopback client', async () => {
    const res = await raw({ host: '127.0.0.1', port: sandbox.port, path: '/__sandbox/requests' })
    expect(res.status).toBe(200)
    expect(Array.isArray(JSON.parse(res.body))).toBe(true)
  })

  // Sending from the machine's own LAN address makes the sandbox see a non-loopback client, as a phone is.
  const fromLan = lan ? it : it.skip
  fromLan(`answers a client at a non-loopback address (${lan ?? 'none on this machine'}) with a bare 404 and changes nothing`, async () => {
    const address = lan as string
    sandbox.seedProfile({ deviceId: 'tv-lan', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
    await raw({ host: '127.0.0.1', port: sandbox.port, path: '/api/v2/MYCHAN/configuration' })
    const logged = sandbox.requests().length
    expect(logged).toBeGreaterThan(0)

    for (const [method, path] of [
      ['GET', '/__sandbox/requests'],
      ['GET', '/__sandbox/state'],
      ['POST', '/__sandbox/reset'],
      ['POST', '/__sandbox/requests/clear'],
      ['GET', '/__sandbox/nothing'],
    ] as const) {
      const res = await raw({ host: address, port: sandbox.port, method, path, localAddress: address, headers: { 'X-Forwarded-For': '127.0.0.1' } })
      expect([method, path, res.status]).toEqual([method, path, 404])
      expect(res.body).toBe('Not found.')
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    }
    expect(sandbox.requests().length).toBe(logged)
    expect((sandbox.snapshot().profiles as unknown[]).length).toBe(1)
    // The phone's pages and the API stay open to the LAN.
    expect((await raw({ host: address, port: sandbox.port, path: '/activate', localAddress: address })).status).toBe(200)
    expect((await raw({ host: address, port: sandbox.port, path: '/api/v2/MYCHAN/configuration', localAddress: address })).status).toBe(401)
  })

  it('refuses a loopback client that names the sandbox by another host (DNS rebinding)', async () => {
    for (const host of [`rebound.example:${sandbox.port}`, `phone-lan.invalid:${sandbox.port}`]) {
      const res = await raw({ host: '127.0.0.1', port: sandbox.port, path: '/__sandbox/requests', headers: { Host: host } })
      expect(res.status).toBe(403)
      expect(res.body).not.toContain('"method"')
    }
  })
})

describe('no CORS on /__sandbox/', () => {
  let h: Harness
  const admin = (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Response> =>
    fetch(`${h.sandbox.origin}/__sandbox/${path}`, { method, headers, body })

  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.sandbox.stop())

  it('refuses a cross-origin page: no Access-Control-Allow-Origin, and nothing happens', async () => {
    h.sandbox.seedProfile({ deviceId: 'tv-cors', serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable' })
    for (const origin of ['http://tv.example', 'http://localhost:8080', 'null']) {
      const read = await admin('GET', 'requests', { Origin: origin })
      expect([origin, read.status]).toEqual([origin, 403])
      expect(read.headers.get('access-control-allow-origin')).toBeNull()
      // A "simple" POST a page could send without a preflight.
      const reset = await admin('POST', 'reset', { Origin: origin, 'Content-Type': 'text/plain' }, '{}')
      expect(reset.status).toBe(403)
      expect(reset.headers.get('access-control-allow-origin')).toBeNull()
    }
    expect((h.sandbox.snapshot().profiles as unknown[]).length).toBe(1)
  })

  it('refuses a cross-origin preflight', async () => {
    const res = await admin('OPTIONS', 'faults', {
      Origin: 'http://tv.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-methods')).toBeNull()
    expect(res.headers.get('access-control-allow-headers')).toBeNull()
  })

  it('serves its own origin and callers without Origin, still without CORS headers', async () => {
    for (const headers of [{}, { Origin: h.sandbox.origin }] as Record<string, string>[]) {
      const res = await admin('GET', 'state', headers)
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(res.headers.get('access-control-expose-headers')).toBeNull()
    }
    const faulted = await admin(
      'POST',
      'faults',
      { Origin: h.sandbox.origin, 'Content-Type': 'application/json' },
      JSON.stringify({ route: 'configuration', status: 503 }),
    )
    expect(faulted.status).toBe(200)
    h.sandbox.clearFaults()
  })

  it('keeps CORS on the REST API V2 and DCR routes (the TV app calls them cross-origin)', async () => {
    const api = await fetch(`${h.sandbox.origin}/api/v2/MYCHAN/configuration`, {
      headers: { Origin: 'http://tv.example', Authorization: `Bearer ${h.client.accessToken}` },
    })
    expect(api.status).toBe(200)
    expect(api.headers.get('access-control-allow-origin')).toBe('http://tv.example')
    const preflight = await fetch(`${h.sandbox.origin}/o/client/token`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://tv.example', 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://tv.example')
  })
})
