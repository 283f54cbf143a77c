/**
 * `npm run sandbox` (tsx test/sandbox/cli.ts): the sandbox standalone. See README.md for the flags.
 * The admin switches can also be given at start (--fault, --deny, --force-429, --clock-offset…),
 * and typed at run time on stdin (`help` lists the commands).
 */
import { proc as process } from './proc'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'

import type { DenyInput, FaultSpec, Sandbox, SandboxMode } from './index'
import { startSandbox } from './index'

const USAGE = `Usage: npm run sandbox -- [options]
  --port <n>             port (default 4000; 0 = any free port)
  --host <addr>          address to listen on (default 127.0.0.1; 0.0.0.0 for phones on the LAN)
  --public-origin <url>  origin for activation/logo URLs (default: listening or LAN address)
  --mode <m>             test | development | production (default development; admin off in production)
  --state-file <path>    keep sign-ins across restarts in this JSON file
  --no-throttle          switch per-device throttling off
  --session-ttl <ms>     code lifetime (default 1800000)
  --token-ttl <s>        access token expires_in (default 21600)
  --profile-ttl <ms>     profile lifetime (default 30 days)
  --fault <spec>         e.g. route=profiles/code,status=500,count=3[,body=malformed|html][,latency=2000][,code=...]
  --latency <ms>         add latency to every API call
  --force-429 <n>        answer 429 to the next n API calls
  --clock-offset <ms>    shift the sandbox clock
  --no-expose-date       leave Date out of Access-Control-Expose-Headers (browsers cannot read it)
  --deny <spec>          resource[:mvpd[:code]], e.g. mychannel-sports or mychannel-live:Sandbox_Cable
  --help`

function parseFault(spec: string): FaultSpec {
  const fields = Object.fromEntries(
    spec.split(',').map((kv) => {
      const i = kv.indexOf('=')
      return i < 0 ? [kv.trim(), ''] : [kv.slice(0, i).trim(), kv.slice(i + 1).trim()]
    }),
  ) as Record<string, string>
  if (!fields.route) throw new Error(`--fault needs route=…: ${spec}`)
  const fault: FaultSpec = { route: fields.route }
  if (fields.status) fault.status = Number(fields.status)
  if (fields.count) fault.count = Number(fields.count)
  if (fields.latency) fault.latencyMs = Number(fields.latency)
  if (fields.body === 'malformed' || fields.body === 'html') fault.body = fields.body
  if (fields.code) fault.code = fields.code as FaultSpec['code']
  return fault
}

function parseDeny(spec: string): DenyInput {
  const [resource, mvpd, code] = spec.split(':')
  const deny: DenyInput = { resource: resource ?? '' }
  if (mvpd) deny.mvpd = mvpd
  if (code) deny.code = code as DenyInput['code']
  return deny
}

const num = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number`)
  return n
}

/** Run-time switches on stdin, so a demo can expire a token or revoke a profile without curl. */
function attachConsole(sandbox: Sandbox): () => void {
  if (!process.stdin.isTTY) return () => undefined
  const rl = createInterface({ input: process.stdin })
  const help =
    'commands: expire-tokens | revoke <mvpd> | clock <offsetMs> | expose-date on|off | 429 <n> | fail <route> <status> [count] | deny <resource> [mvpd] | complete <code> [mvpd] [user] | reset | requests | help'
  rl.on('line', (line) => {
    const [cmd, ...args] = line.trim().split(/\s+/)
    try {
      switch (cmd) {
        case 'expire-tokens':
          console.log(sandbox.expireTokens())
          break
        case 'revoke':
          console.log(sandbox.revokeProfile({ mvpd: args[0] ?? '' }))
          break
        case 'clock':
          console.log(sandbox.setClockOffset(Number(args[0] ?? 0)))
          break
        case 'expose-date':
          console.log(sandbox.cors({ exposeDate: args[0] !== 'off' }))
          break
        case '429':
          console.log(sandbox.throttle({ force429Count: Number(args[0] ?? 1) }))
          break
        case 'fail':
          console.log(sandbox.fault({ route: args[0] ?? '*', status: Number(args[1] ?? 500), count: Number(args[2] ?? 1) }))
          break
        case 'deny':
          console.log(sandbox.deny(args[1] ? { resource: args[0] ?? '', mvpd: args[1] } : { resource: args[0] ?? '' }))
          break
        case 'complete': {
          const input: { mvpd?: string; user?: string } = {}
          if (args[1]) input.mvpd = args[1]
          if (args[2]) input.user = args[2]
          console.log(sandbox.completeSignIn(args[0] ?? '', input))
          break
        }
        case 'reset':
          sandbox.reset()
          console.log('reset')
          break
        case 'requests':
          for (const r of sandbox.requests().slice(-20)) console.log(r.status, r.method, r.path)
          break
        case '':
          break
        default:
          console.log(help)
      }
    } catch (error) {
      console.log(`error: ${error instanceof Error ? error.message : String(error)}`)
    }
  })
  return () => rl.close()
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-origin': { type: 'string' },
      mode: { type: 'string', default: 'development' },
      'state-file': { type: 'string' },
      'no-throttle': { type: 'boolean', default: false },
      'session-ttl': { type: 'string' },
      'token-ttl': { type: 'string' },
      'profile-ttl': { type: 'string' },
      fault: { type: 'string', multiple: true },
      latency: { type: 'string' },
      'force-429': { type: 'string' },
      'clock-offset': { type: 'string' },
      'no-expose-date': { type: 'boolean', default: false },
      deny: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const faults = (values.fault ?? []).map(parseFault)
  const latency = num(values.latency, 'latency')
  if (latency) faults.push({ route: '*', latencyMs: latency, count: 0 })
  const options: Parameters<typeof startSandbox>[0] = {
    port: num(values.port, 'port') ?? 4000,
    host: values.host ?? '127.0.0.1',
    mode: (values.mode ?? 'development') as SandboxMode,
    throttle: !values['no-throttle'],
    exposeDate: !values['no-expose-date'],
    faults,
    denies: (values.deny ?? []).map(parseDeny),
  }
  if (values['public-origin']) options.publicOrigin = values['public-origin']
  if (values['state-file']) options.stateFile = values['state-file']
  const sessionTtlMs = num(values['session-ttl'], 'session-ttl')
  if (sessionTtlMs !== undefined) options.sessionTtlMs = sessionTtlMs
  const tokenTtlSeconds = num(values['token-ttl'], 'token-ttl')
  if (tokenTtlSeconds !== undefined) options.tokenTtlSeconds = tokenTtlSeconds
  const profileTtlMs = num(values['profile-ttl'], 'profile-ttl')
  if (profileTtlMs !== undefined) options.profileTtlMs = profileTtlMs
  const clockOffsetMs = num(values['clock-offset'], 'clock-offset')
  if (clockOffsetMs !== undefined) options.clockOffsetMs = clockOffsetMs

  const sandbox = await startSandbox(options)
  const forced = num(values['force-429'], 'force-429')
  if (forced) sandbox.throttle({ force429Count: forced })

  console.log(`Adobe Pass sandbox (${sandbox.mode}) listening on ${sandbox.origin}`)
  console.log(`Second screen: ${sandbox.activationUrl()}`)
  if (sandbox.mode !== 'production') console.log(`Admin: ${sandbox.origin}/__sandbox/ (state, requests, faults…)`)
  if (options.stateFile) console.log(`State file: ${options.stateFile}`)
  const closeConsole = attachConsole(sandbox)

  const shutdown = (): void => {
    closeConsole()
    void sandbox.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`)
  console.error(USAGE)
  process.exit(1)
})
