/**
 * `npm start`: the app in a browser against the embedded Adobe Pass sandbox. Starts the sandbox
 * (development mode, sign-ins kept in .sandbox-state.json), builds the app (es6, not minified) and
 * rebuilds it on change, serves it, and prints the TV URL and the second-screen URL.
 *
 * Flags: --host 0.0.0.0 (reach the second screen from a phone on the LAN), --sandbox-port N (4000),
 * --port N (8080), --es5 (serve the legacy build instead).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { startSandbox } from '../test/sandbox'
import { serveFolder } from '../test/support/static-server'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function waitFor(path: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (existsSync(path)) return
    if (child.exitCode !== null) throw new Error(`the build stopped (exit ${child.exitCode}) before writing ${path}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function main(): Promise<void> {
  const host = flag('host') ?? '127.0.0.1'
  const flavour = process.argv.includes('--es5') ? 'es5' : 'es6'
  const sandbox = await startSandbox({
    port: Number(flag('sandbox-port') ?? 4000),
    host,
    mode: 'development',
    stateFile: '.sandbox-state.json',
  })

  const distRoot = join('build', 'dev')
  rmSync(distRoot, { recursive: true, force: true })
  console.log(`Building the app (${flavour}) into ${distRoot}; it rebuilds when src/ changes…`)
  const builder = spawn('npx', ['lng', 'dist', `--${flavour}`, '--watch'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, LNG_DIST_FOLDER: distRoot, NODE_ENV: 'development' },
  })
  const bundle = join(distRoot, flavour, 'js', flavour === 'es6' ? 'appBundle.js' : 'appBundle.es5.js')
  await waitFor(bundle, builder)

  const web = await serveFolder(join(distRoot, flavour), Number(flag('port') ?? 8080), host)
  const overrides = new URLSearchParams({
    'pass.baseUrl': sandbox.origin,
    'pass.activationUrl': `${sandbox.publicOrigin}/activate?code={code}`,
  })
  const tvOrigin = host === '0.0.0.0' ? web.origin.replace('0.0.0.0', new URL(sandbox.publicOrigin).hostname) : web.origin
  console.log('')
  console.log(`  TV app:         ${tvOrigin}/index.html?${overrides.toString()}`)
  console.log(`  Second screen:  ${sandbox.activationUrl()}   (users: viewer / sandbox, basic / sandbox, kids / sandbox)`)
  console.log(`  Sandbox admin:  ${sandbox.origin}/__sandbox/state`)
  console.log('')
  console.log('  Keys: arrows, Enter = OK, Backspace or Escape = Back. Ctrl+C stops everything.')

  const stop = async (): Promise<void> => {
    builder.kill()
    await web.stop()
    await sandbox.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
