/**
 * Test client for the sandbox over real loopback HTTP: DCR bootstrap, device headers, and a schema
 * check of every JSON response against the OpenAPI files (collected; tests assert none failed).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { Sandbox, SandboxOptions, startSandbox } from '../index'
import { checkResponse } from './openapi'

/** The statement the app ships (settings.json appSettings.pass.softwareStatement). */
export const SOFTWARE_STATEMENT: string = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'settings.json'), 'utf8')) as { appSettings: { pass: { softwareStatement: string } } }
).appSettings.pass.softwareStatement

export function unsignedJwt(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'none', typ: 'JWT' }): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${enc(header)}.${enc(payload)}.`
}

/** Section 3.3 composed webOS payload (all required fields). */
export const DEVICE_INFO = {
  primaryHardwareType: 'TV',
  model: 'OLED55C3',
  version: '2023',
  manufacturer: 'LG',
  vendor: 'LG',
  osName: 'webOS',
  osFamily: 'webOS',
  osVendor: 'LG',
  osVersion: '23',
  connectionType: 'WiFi',
  applicationId: 'MYCHAN',
}

export const b64 = (text: string): string => Buffer.from(text).toString('base64')

export function deviceHeaders(deviceId: string, info: Record<string, unknown> = DEVICE_INFO): Record<string, string> {
  return {
    'AP-Device-Identifier': `fingerprint ${b64(deviceId)}`,
    'X-Device-Info': b64(JSON.stringify(info)),
  }
}

export interface Res {
  status: number
  headers: Headers
  text: string
  // Tests read fields freely; the schema check is what types the body.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

export interface CallOptions {
  headers?: Record<string, string | undefined>
  form?: Record<string, string>
  json?: unknown
  body?: string
  redirect?: 'manual' | 'follow'
}

export class TestClient {
  accessToken = ''
  clientId = ''
  clientSecret = ''
  /** Schema violations seen so far (one string per bad response). */
  readonly violations: string[] = []

  constructor(readonly origin: string) {}

  async call(method: string, path: string, opts: CallOptions = {}): Promise<Res> {
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(opts.headers ?? {})) if (v !== undefined) headers[k] = v
    let body: string | undefined = opts.body
    if (opts.form) {
      body = new URLSearchParams(opts.form).toString()
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded'
    }
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json)
      headers['Content-Type'] ??= 'application/json;charset=utf-8'
    }
    const response = await fetch(this.origin + path, { method, headers, body, redirect: opts.redirect ?? 'manual' })
    const text = await response.text()
    let json: unknown
    if ((response.headers.get('content-type') ?? '').includes('application/json')) {
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
    }
    if (json !== undefined) {
      const check = checkResponse(method, new URL(this.origin + path).pathname, response.status, json)
      if (check && check.errors.length > 0) this.violations.push(`${method} ${path} → ${check.against}: ${check.errors.join('; ')}`)
    }
    return { status: response.status, headers: response.headers, text, json }
  }

  /** DCR register + token with the app's statement (CL-REG-1..3). */
  async bootstrap(statement = SOFTWARE_STATEMENT): Promise<this> {
    const reg = await this.call('POST', '/o/client/register', {
      json: { software_statement: statement },
      headers: { 'X-Device-Info': b64(JSON.stringify(DEVICE_INFO)) },
    })
    if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`)
    this.clientId = reg.json.client_id
    this.clientSecret = reg.json.client_secret
    await this.refreshToken()
    return this
  }

  async refreshToken(): Promise<Res> {
    const res = await this.call('POST', '/o/client/token', {
      form: { client_id: this.clientId, client_secret: this.clientSecret, grant_type: 'client_credentials' },
      headers: { 'X-Device-Info': b64(JSON.stringify(DEVICE_INFO)) },
    })
    if (res.status === 201) this.accessToken = res.json.access_token
    return res
  }

  /** Authorization + device headers, as the TV sends on every V2 call (CL-HDR-1..3). */
  tv(deviceId: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return { Authorization: `Bearer ${this.accessToken}`, ...deviceHeaders(deviceId), ...extra }
  }

  auth(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return { Authorization: `Bearer ${this.accessToken}`, ...extra }
  }

  /** POST sessions without mvpd (the TV's usual second-screen start, docs/adobe-pass.md "TV flow"). */
  async createSession(
    deviceId: string,
    form: Record<string, string> = { domainName: 'mychannel.example', redirectUrl: 'https://mychannel.example/activated' },
    sp = 'MYCHAN',
  ): Promise<Res> {
    return this.call('POST', `/api/v2/${sp}/sessions`, { headers: this.tv(deviceId), form })
  }
}

export interface Harness {
  sandbox: Sandbox
  client: TestClient
}

/**
 * Starts a sandbox on a free loopback port for one test file. Throttling is off unless asked for:
 * every local client shares one IP bucket for DCR calls (throttle.test.ts covers it on purpose).
 */
export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ throttle: false, ...options })
  const client = await new TestClient(sandbox.origin).bootstrap()
  return { sandbox, client }
}

/**
 * Waits until `condition()` holds, reading the sandbox in this process (its request log, its state)
 * every 10 ms; fails after `timeout` ms. For "the request has arrived" rather than a guessed delay.
 */
export async function waitFor(condition: () => boolean, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${timeout} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** An EEC body check: status field, code and action as Adobe's enhanced error codes page lists them. */
export function eec(status: number, code: string, action: string): Record<string, unknown> {
  return { status, code, action, message: expect.any(String), helpUrl: expect.stringMatching(/^https:\/\//), trace: expect.any(String) }
}

/** Visible text of an HTML page: tags dropped, numeric entities decoded (the pages escape quotes). */
export function pageText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ')
}
