/**
 * The client's boundaries against the loopback sandbox (real HTTP): what a response may be and still
 * be read (CL-ERR-2 bodies, size), what a request may carry in its path, how long a 429 may hold it
 * (Retry-After), and what a sign-out leaves behind. Assertions are on the sandbox's own request log
 * and on the client's typed results. Answers the sandbox's fault switches cannot give (Retry-After,
 * a body without Content-Length that never ends) come from edge.ts, a front that forwards the rest.
 */
import type { Sandbox } from '../sandbox'
import type { PassClient } from '../../src/core/pass/types'
import { InvalidInputError, MalformedResponseError, PassError, ThrottledError } from '../../src/core/pass/errors'
import { isValidCode, isValidMvpdId } from '../../src/core/pass/validate'
import { startEdge, type Edge } from './edge'
import { calls, device, useSandbox } from './support'

let sandbox: Sandbox
useSandbox((started) => (sandbox = started), { resetEach: true })

const SP = 'MYCHAN'
const MVPD = 'Sandbox_Cable'
const loneSurrogate = '\uD800'

/** An edge in front of the sandbox for each test of the enclosing block (handed to `use`), stopped after it. */
function useEdge(use: (edge: Edge) => void): void {
  let edge: Edge | undefined
  beforeEach(async () => {
    edge = await startEdge(sandbox)
    use(edge)
  })
  afterEach(async () => {
    await edge?.stop()
  })
}

/** A started client with credentials and a token, and an empty sandbox log; `origin` may be an edge in front. */
async function warm(
  options: Parameters<ReturnType<typeof device>['start']>[0] = {},
  origin = sandbox.origin,
): Promise<{ client: PassClient; tv: ReturnType<typeof device> }> {
  const tv = device(sandbox, origin)
  const client = tv.start(options)
  await client.retrieveProfiles()
  sandbox.clearRequests()
  return { client, tv }
}

describe('CL-ERR-2: a 200 whose body is an enhanced error is that error, not "no profiles" or "signed out"', () => {
  const cases: Array<[string, string, Record<string, unknown>, (c: PassClient, code: string) => Promise<unknown>]> = [
    ['profiles', `^/api/v2/${SP}/profiles$`, { status: 500, code: 'invalid_configuration_platform', action: 'configuration' }, (c) => c.retrieveProfiles()],
    [
      'profiles/{mvpd}',
      'profiles/mvpd',
      { status: 403, code: 'temporary_access_duration_limit_exceeded', action: 'authentication' },
      (c) => c.retrieveProfileForMvpd(MVPD),
    ],
    ['the code poll', 'profiles/code', { status: 400, code: 'invalid_authentication_session', action: 'none' }, (c, code) => c.retrieveProfileForCode(code)],
    ['logout', 'logout', { status: 400, code: 'invalid_parameter_redirect_url', action: 'none' }, (c) => c.logout(MVPD)],
  ]

  test.each(cases)('%s', async (_, route, body, call) => {
    const { client } = await warm()
    const code = (await client.createSession({})).code as string
    sandbox.clearRequests()
    sandbox.fault({ route, status: 200, body, count: 1 })
    const error = await call(client, code).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PassError)
    // The HTTP status as received, the body's status beside it (docs/adobe-pass.md "Errors": check both).
    expect(error).toMatchObject({ kind: 'pass', httpStatus: 200, status: body.status, code: body.code, action: body.action })
    expect(sandbox.requests()).toHaveLength(1)
  })

  test('a 200 with item-level errors (decisions) stays data', async () => {
    const { client, tv } = await warm()
    sandbox.seedProfile({ deviceId: await tv.deviceId(), serviceProvider: SP, mvpd: MVPD, user: 'basic' })
    const decisions = await client.preauthorize(MVPD, ['mychannel-live', 'mychannel-sports'])
    expect(decisions.map((d) => [d.resource, d.authorized, d.error?.code])).toEqual([
      ['mychannel-live', true, undefined],
      ['mychannel-sports', false, 'preauthorization_denied_by_mvpd'],
    ])
  })
})

describe('path parameters are checked before anything is sent', () => {
  test('a code of ".." once polled GET …/profiles (every provider of this device); now it is refused and nothing is sent', async () => {
    const { client, tv } = await warm()
    sandbox.seedProfile({ deviceId: await tv.deviceId(), serviceProvider: SP, mvpd: MVPD })
    const error = await client.retrieveProfileForCode('..').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error).toMatchObject({ kind: 'invalidInput', parameter: 'code' })
    expect(sandbox.requests()).toEqual([])
  })

  const badCodes = ['.', '..', '...', '', 'abcd234', 'ABC', 'A'.repeat(17), 'AB/CD', 'AB\\CD', 'AB%2E%2E', 'ABC 123', 'ABC\n123', `ABC${loneSurrogate}1`]
  test.each(badCodes.map((c) => [JSON.stringify(c), c]))(
    'code %s: poll, resume and session info all refuse it; nothing reaches the sandbox',
    async (_, code) => {
      const { client } = await warm()
      for (const call of [() => client.retrieveProfileForCode(code), () => client.resumeSession(code, { mvpd: MVPD }), () => client.retrieveSession(code)]) {
        await expect(call()).rejects.toMatchObject({ kind: 'invalidInput', parameter: 'code' })
      }
      expect(sandbox.requests()).toEqual([])
    },
  )

  const badIds = [
    '.',
    '..',
    '....',
    '',
    'Sandbox/Cable',
    'Sandbox\\Cable',
    '%2e%2e',
    'Sandbox%2FCable',
    'Sandbox Cable',
    'Sandbox\tCable',
    'Sandbox\u0000',
    `Sandbox${loneSurrogate}`,
    'x'.repeat(129),
  ]
  test.each(badIds.map((id) => [JSON.stringify(id), id]))(
    'provider id %s: profile, decisions, logout and session all refuse it; nothing reaches the sandbox',
    async (_, mvpd) => {
      const { client } = await warm()
      const calls: Array<() => Promise<unknown>> = [
        () => client.retrieveProfileForMvpd(mvpd),
        () => client.preauthorize(mvpd, ['mychannel-live']),
        () => client.authorize(mvpd, 'mychannel-live'),
        () => client.logout(mvpd),
      ]
      // An empty provider on a new session means "none given" (docs/architecture.md "Flow"): only a non-empty one is checked there.
      if (mvpd !== '') calls.push(() => client.createSession({ mvpd }))
      for (const call of calls) await expect(call()).rejects.toMatchObject({ kind: 'invalidInput', parameter: 'mvpd' })
      expect(sandbox.requests()).toEqual([])
    },
  )

  test('ids as the configuration gives them, and codes as the sandbox issues them, pass', async () => {
    const { client } = await warm()
    const { mvpds } = await client.configuration()
    expect(mvpds.length).toBeGreaterThan(3)
    expect(mvpds.filter((m) => !isValidMvpdId(m.id))).toEqual([])
    await expect(client.retrieveProfileForMvpd(mvpds[0]?.id as string)).resolves.toBeNull()
    const session = await client.createSession({})
    expect(isValidCode(session.code as string)).toBe(true)
    await expect(client.retrieveProfileForCode(session.code as string)).resolves.toEqual([])
    expect(calls(sandbox).every((c) => / 200$/.test(c))).toBe(true)
  })
})

describe('response size cap (maxResponseBytes, 256 KiB by default)', () => {
  const big = { profiles: {}, pad: 'x'.repeat(300 * 1024) }

  test('a body over the cap (by Content-Length) is a MalformedResponseError "too large", sent once', async () => {
    const { client } = await warm()
    sandbox.fault({ route: `^/api/v2/${SP}/profiles$`, status: 200, body: big, count: 1 })
    const error = await client.retrieveProfiles().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error).toMatchObject({ httpStatus: 200, reason: 'body too large (over 262144 bytes)' })
    expect(calls(sandbox)).toEqual([`GET /api/v2/${SP}/profiles 200`])
  })

  test('the cap is an option: the same body is read with a larger one', async () => {
    const { client } = await warm({ maxResponseBytes: 1024 * 1024 })
    sandbox.fault({ route: `^/api/v2/${SP}/profiles$`, status: 200, body: big, count: 1 })
    await expect(client.retrieveProfiles()).resolves.toEqual([])
  })

  describe('bodies without Content-Length (chunked)', () => {
    let edge: Edge
    useEdge((started) => (edge = started))

    test('a body that passes the cap and never ends: reading stops there (MalformedResponseError, not the timeout)', async () => {
      const { client } = await warm({ timeoutMs: 30000 }, edge.origin)
      edge.reply(new RegExp(`^/api/v2/${SP}/profiles$`), { status: 200, streamBytes: 300 * 1024, stall: true })
      const error = await client.retrieveProfiles().catch((e: unknown) => e)
      expect(error).toMatchObject({ kind: 'malformed', reason: 'body too large (over 262144 bytes)' })
    })

    test('a chunked body under the cap is read whole', async () => {
      const { client } = await warm({}, edge.origin)
      edge.reply(new RegExp(`^/api/v2/${SP}/profiles$`), { status: 200, streamBytes: 200 * 1024 })
      await expect(client.retrieveProfiles()).resolves.toEqual([])
      expect(edge.log().filter((e) => e.by === 'edge')).toHaveLength(1)
    })
  })
})

describe('Retry-After: at most a minute, read against server time', () => {
  let edge: Edge
  useEdge((started) => (edge = started))

  const poll = new RegExp(`^/api/v2/${SP}/profiles/code/`)
  const throttled = (retryAfter: string) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter, 'Content-Type': 'text/html' },
    body: '<html><body><h1>429 Too Many Requests</h1></body></html>',
  })

  async function pollAnswered(retryAfter: () => string): Promise<ThrottledError> {
    const tv = device(sandbox, edge.origin)
    const client = tv.start()
    const code = (await client.createSession({})).code as string
    edge.reply(poll, throttled(retryAfter()))
    const error = await client.retrieveProfileForCode(code).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ThrottledError)
    return error as ThrottledError
  }

  test.each([
    ['delay-seconds', () => '7', 7000],
    ['negative', () => '-5', 1000],
    ['not a number', () => 'soon', 1000],
    ['huge', () => '99999999999', 60000],
    ['Infinity', () => '1e400', 60000],
    ['an HTTP-date far ahead', () => 'Fri, 01 Jan 2100 00:00:00 GMT', 60000],
  ])('%s: the poll reports the wait the flow must keep (%#)', async (_, retryAfter, expected) => {
    expect((await pollAnswered(retryAfter)).retryAfterMs).toBe(expected)
  })

  test('an HTTP-date is read against the server clock: TV 2 h ahead, Retry-After 20 s after the server now', async () => {
    sandbox.setClockOffset(-2 * 3600000)
    const error = await pollAnswered(() => new Date(sandbox.now() + 20000).toUTCString())
    // Against the TV clock that date is 2 h past (the 1 s floor). The Date header has 1 s resolution.
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(18000)
    expect(error.retryAfterMs).toBeLessThanOrEqual(21000)
  })

  test('a huge Retry-After on a call with retries: no immediate retry loop, no silent stall; the caller hears of it at once', async () => {
    const { client, tv } = await warm({}, edge.origin)
    edge.reply(new RegExp(`^/api/v2/${SP}/profiles$`), throttled('99999999999'))
    const error = await client.retrieveProfiles().catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'throttled', retryAfterMs: 60000 })
    expect(
      edge
        .log()
        .filter((e) => e.path === `/api/v2/${SP}/profiles`)
        .map((e) => `${e.by} ${e.status}`),
    ).toEqual(['sandbox 200', 'edge 429'])
    expect(tv.logger.lines.some((l) => /WARN pass: throttled with a long wait/.test(l))).toBe(true)
  })

  test('a short Retry-After is waited out: the request and the next one go no sooner than it says', async () => {
    const { client, tv } = await warm({}, edge.origin)
    edge.reply(new RegExp(`^/api/v2/${SP}/profiles$`), throttled('2'))
    await expect(client.retrieveProfiles()).resolves.toEqual([])
    await client.configuration()
    const refused = edge.log().find((e) => e.by === 'edge')?.time as number
    const header = `fingerprint ${Buffer.from(await tv.deviceId()).toString('base64')}`
    const mine = sandbox.requests().filter((r) => r.headers['ap-device-identifier'] === header)
    const after = mine.map((r) => [r.path, r.time - refused] as const)
    expect(after.map(([path]) => path)).toEqual([`/api/v2/${SP}/profiles`, `/api/v2/${SP}/configuration`])
    expect(after.every(([, gap]) => gap >= 2000)).toBe(true)
  })
})

test('sign-out: logout answered "no profile" (authenticated_profile_missing) reads as signed out, and the cached userID and zip are gone', async () => {
  const { client, tv } = await warm()
  sandbox.seedProfile({ deviceId: await tv.deviceId(), serviceProvider: SP, mvpd: MVPD })
  const profile = await client.retrieveProfileForMvpd(MVPD)
  expect(profile?.attributes.userID).toBeDefined()
  // What the flow keeps after a sign-in (CL-AUTHN-4).
  await tv.store.setProfile({ mvpd: MVPD, attributes: profile?.attributes ?? {}, notAfter: profile?.notAfter ?? 0 })
  sandbox.fault({ route: 'logout', status: 403, code: 'authenticated_profile_missing', count: 1 })
  await expect(client.logout(MVPD)).resolves.toEqual([{ mvpd: MVPD, actionName: 'invalid', actionType: 'none' }])
  expect(await tv.store.getProfile()).toBeNull()
})
