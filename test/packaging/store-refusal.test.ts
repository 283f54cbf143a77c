/**
 * The real packaging commands refuse the sandbox's settings before any build work: exit 1 with one
 * message naming every setting to change, STORE_PASS_SETTINGS and --sandbox.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Far below a store build (lng dist alone takes longer), so passing it shows no build was started.
const quick = 20_000

function run(
  script: 'package:tizen' | 'package:webos',
  args: string[] = [],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string; ms: number } {
  const clean = { ...process.env }
  delete clean.STORE_PASS_SETTINGS
  delete clean.TIZEN_SECURITY_PROFILE
  const started = Date.now()
  const result = spawnSync('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], {
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 2 * quick,
  })
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', ms: Date.now() - started }
}

describe.each(['package:tizen', 'package:webos'] as const)('npm run %s with the default settings.json', (script) => {
  let result: ReturnType<typeof run>
  beforeAll(() => {
    result = run(script)
  }, 2 * quick)

  test('exits 1 quickly, before building anything', () => {
    expect(result.status).toBe(1)
    expect(result.ms).toBeLessThan(quick)
    expect(result.stdout).not.toMatch(/store build|lng|ares-package/i)
  })

  test('one message naming every sandbox setting, STORE_PASS_SETTINGS and --sandbox', () => {
    const message = result.stderr
    expect(message).toMatch(/sandbox/)
    for (const key of ['environment', 'baseUrl', 'activationUrl', 'softwareStatement']) {
      expect(message).toMatch(new RegExp(`- appSettings\\.pass\\.${key} `))
    }
    expect(message).not.toMatch(/appSettings\.pass\.redirectUrl/)
    expect(message).toMatch(new RegExp(`STORE_PASS_SETTINGS=\\S+ npm run ${script}`))
    expect(message).toMatch(new RegExp(`npm run ${script} -- --sandbox`))
  })
})

describe('npm run package:tizen with an overlay that fixes only part', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-pass-'))
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  test(
    'the overlay is applied and what it leaves from the sandbox is still refused',
    () => {
      const overlay = join(dir, 'pass.json')
      writeFileSync(overlay, JSON.stringify({ environment: 'release-production', redirectUrl: 'http://localhost/activated' }))
      const result = run('package:tizen', [], { STORE_PASS_SETTINGS: overlay })
      expect(result.status).toBe(1)
      expect(result.ms).toBeLessThan(quick)
      expect(result.stderr).toContain(`STORE_PASS_SETTINGS=${overlay}`)
      expect(result.stderr).not.toMatch(/appSettings\.pass\.environment/)
      for (const key of ['baseUrl', 'activationUrl', 'redirectUrl', 'softwareStatement']) {
        expect(result.stderr).toMatch(new RegExp(`- appSettings\\.pass\\.${key} `))
      }
    },
    2 * quick,
  )
})

describe('arguments', () => {
  test(
    'an unknown option is refused, so a mistyped --sandbox cannot build something else',
    () => {
      const result = run('package:webos', ['--sandbx'])
      expect(result.status).toBe(1)
      expect(result.ms).toBeLessThan(quick)
      expect(result.stderr).toMatch(/--sandbx.*--sandbox/)
    },
    2 * quick,
  )
})
