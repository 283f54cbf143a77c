/** `npm run sandbox` (tsx test/sandbox/cli.ts): starts, prints its URLs, applies start-up switches, stops on SIGTERM. */
import { ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')
let child: ChildProcess | undefined

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child?.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
  child = undefined
})

function start(args: string[]): Promise<{ origin: string; output: string }> {
  child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['test/sandbox/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no start line: ${output}`)), 15000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const m = /listening on (http:\/\/\S+)/.exec(output)
      if (m && output.includes('Second screen:')) {
        clearTimeout(timer)
        resolve({ origin: m[1] as string, output })
      }
    }
    child?.stdout?.on('data', onData)
    child?.stderr?.on('data', onData)
    child?.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited ${String(code)}: ${output}`))
    })
  })
}

describe('sandbox CLI', () => {
  it('prints the origin and the second-screen URL, and serves them', async () => {
    const { origin, output } = await start(['--port', '0', '--force-429', '1'])
    expect(output).toMatch(new RegExp(`Second screen: ${origin.replace(/[.]/g, '\\.')}/activate`))
    expect((await fetch(`${origin}/activate`)).status).toBe(200)
    // --force-429 applied at start.
    expect((await fetch(`${origin}/api/v2/MYCHAN/configuration`)).status).toBe(429)
    expect((await fetch(`${origin}/api/v2/MYCHAN/configuration`)).status).toBe(401)
  }, 20000)

  it('uses --public-origin in activation and logo URLs and hides admin in production', async () => {
    const { origin, output } = await start([
      '--port',
      '0',
      '--mode',
      'production',
      '--public-origin',
      'http://192.0.2.10:4000',
      '--fault',
      'route=configuration,status=503,count=1',
    ])
    expect(output).toContain('Second screen: http://192.0.2.10:4000/activate')
    expect((await fetch(`${origin}/__sandbox/requests`)).status).toBe(404)
    expect((await fetch(`${origin}/api/v2/MYCHAN/configuration`)).status).toBe(503)
  }, 20000)
})
