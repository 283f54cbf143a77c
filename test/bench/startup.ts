/**
 * Start-up benchmark for the foundation issue's closing figures (figures only, never asserted):
 * build time, raw and gzip size of each dist JS file, time from navigation to the first routed frame
 * at 1x and 6x CPU throttling for the app and for a blank Lightning app built the same way (their
 * ratio from the same run), and the JS heap in use after that frame.
 *
 *   npx tsx test/bench/startup.ts [--runs N] [--skip-build] [--ref COMMIT]
 *
 * Run from the repository root. Both apps are built (unless --skip-build) and measured from copies
 * this script owns, so a `dist/` rebuilt meanwhile by another command neither disturbs the figures
 * nor is replaced by them. Results: a table on stdout and test-artifacts/bench/startup.json.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { startSandbox } from '../sandbox'
import { launchBrowser, type Flavour } from '../browser/harness'
import { serveFolder, type StaticServer } from '../support/static-server'

type AppName = 'app' | 'blank'

interface Options {
  runs: number
  skipBuild: boolean
  /** Build the app from this commit instead of the working tree. */
  ref: string | undefined
}

interface SizeRow {
  flavour: Flavour
  file: string
  raw: number
  gzip: number
}

interface Sample {
  app: AppName
  flavour: Flavour
  rate: number
  run: number
  /** performance.now() at the first routed frame: ms since the navigation started. */
  readyAt: number
  /** Runtime.getHeapUsage right after that frame, and again after a forced garbage collection. */
  heapUsed: number
  heapUsedAfterGc: number
}

const root = process.cwd()
const blankDir = join('test', 'bench', 'blank-app')
const outFile = join('test-artifacts', 'bench', 'startup.json')
const apps: readonly AppName[] = ['app', 'blank']
const flavours: readonly Flavour[] = ['es6', 'es5']
const rates: readonly number[] = [1, 6]
/** Files the production build of the app reads (scripts/build.mjs and the Lightning CLI). */
const appInputs = ['package.json', 'metadata.json', 'settings.json', 'tsconfig.json', '.env', 'babel.config.js', 'src', 'static', 'scripts']

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 3, skipBuild: false, ref: undefined }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--skip-build') options.skipBuild = true
    else if (arg === '--runs') {
      const value = Number(argv[++i])
      if (!Number.isInteger(value) || value < 1) throw new Error('--runs needs a whole number of at least 1')
      options.runs = value
    } else if (arg === '--ref') {
      const ref = argv[++i]
      if (!ref) throw new Error('--ref needs a commit')
      // Resolved once, before anything is built: HEAD may move while the benchmark runs.
      options.ref = git(['rev-parse', '--verify', `${ref}^{commit}`])
      if (options.ref === 'unknown') throw new Error(`--ref ${ref}: not a commit`)
    } else throw new Error(`unknown argument ${String(arg)} (use --runs N, --skip-build, --ref COMMIT)`)
  }
  if (options.ref && options.skipBuild) throw new Error('--ref builds the app: it cannot be combined with --skip-build')
  return options
}

/** Runs a command to completion; a failed build exits 0 with ✖ in its output, so check both. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now()
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0 || /✖|error/i.test(result.stdout ?? '')) {
    process.stdout.write(result.stdout ?? '')
    process.stderr.write(result.stderr ?? '')
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`)
  }
  return seconds
}

function gitOk(args: string[]): boolean {
  return spawnSync('git', args, { cwd: root, stdio: 'ignore' }).status === 0
}

function git(args: string[]): string {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : 'unknown'
}

// scripts/*.mjs have no type declarations: load them by URL and type what is used here.
async function loadScript<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(resolve(root, path)).href)) as T
}

/**
 * The app's production build (`node scripts/build.mjs`) in a copy of its inputs, timed by wall clock.
 * With --skip-build, a snapshot of the existing dist/ instead. Returns the copy's folder.
 */
function prepareApp(work: string, options: Options): { dist: string; buildSeconds?: number } {
  const copy = join(work, 'app')
  mkdirSync(copy, { recursive: true })
  if (options.skipBuild) {
    if (!existsSync(join('dist', 'es6')) || !existsSync(join('dist', 'es5'))) throw new Error('--skip-build: dist/es6 and dist/es5 must exist (npm run build)')
    cpSync('dist', join(copy, 'dist'), { recursive: true })
    return { dist: join(copy, 'dist') }
  }
  if (options.ref) {
    // The committed tree, unaffected by uncommitted edits in the working tree.
    const archive = join(work, 'app.tar')
    const inputs = appInputs.filter((input) => gitOk(['cat-file', '-e', `${options.ref}:${input}`]))
    run('git', ['archive', '--format=tar', `--output=${archive}`, options.ref, '--', ...inputs], root)
    run('tar', ['-xf', archive, '-C', copy], root)
  } else {
    for (const input of appInputs) if (existsSync(input)) cpSync(input, join(copy, input), { recursive: true })
  }
  symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir')
  const buildSeconds = run('node', ['scripts/build.mjs'], copy)
  return { dist: join(copy, 'dist'), buildSeconds }
}

/**
 * The blank app, built as scripts/build.mjs builds the app: a fresh dist, `lng dist --es6 --es5` in
 * production mode, then the same lowering of Lightning's es5 bundle. The CLI looks for the SDK at
 * most two folders up, so node_modules is linked in for the length of the build only.
 */
async function prepareBlank(work: string, options: Options): Promise<{ dist: string; buildSeconds?: number }> {
  const dist = join(blankDir, 'dist')
  if (!options.skipBuild) {
    const link = join(blankDir, 'node_modules')
    rmSync(dist, { recursive: true, force: true })
    rmSync(link, { force: true })
    symlinkSync(relative(blankDir, resolve('node_modules')), link, 'dir')
    try {
      const started = performance.now()
      run('npx', ['lng', 'dist', '--es6', '--es5'], blankDir, { NODE_ENV: 'production' })
      const { lowerToEs5 } = await loadScript<{ lowerToEs5(file: string): Promise<void> }>('scripts/lower-lightning-es5.mjs')
      await lowerToEs5(join(dist, 'es5', 'js', 'lightning.es5.min.js'))
      const buildSeconds = (performance.now() - started) / 1000
      return { dist: snapshot(dist, join(work, 'blank')), buildSeconds }
    } finally {
      rmSync(link, { force: true })
    }
  }
  if (!existsSync(join(dist, 'es6')) || !existsSync(join(dist, 'es5'))) throw new Error(`--skip-build: ${dist} must exist (run once without --skip-build)`)
  return { dist: snapshot(dist, join(work, 'blank')) }
}

function snapshot(dist: string, copy: string): string {
  cpSync(dist, join(copy, 'dist'), { recursive: true })
  return join(copy, 'dist')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

/** One cold start: fresh profile, throttling set before navigating, wait for the app's own signal. */
async function measure(url: string, rate: number): Promise<{ readyAt: number; heapUsed: number; heapUsedAfterGc: number; chromium: string }> {
  const browser = await launchBrowser()
  try {
    const page: Page = browser.context.pages()[0] ?? (await browser.context.newPage())
    const cdp = await browser.context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    await page.goto(url)
    await page.waitForFunction(() => (window as unknown as { __tvApp?: { ready: boolean } }).__tvApp?.ready === true, null, { timeout: 120_000 })
    const readyAt = await page.evaluate(() => (window as unknown as { __tvApp: { readyAt: number } }).__tvApp.readyAt)
    const { usedSize: heapUsed } = await cdp.send('Runtime.getHeapUsage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize: heapUsedAfterGc } = await cdp.send('Runtime.getHeapUsage')
    return { readyAt, heapUsed, heapUsedAfterGc, chromium: browser.context.browser()?.version() ?? 'unknown' }
  } finally {
    await browser.close()
  }
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`
const pad = (s: string, n: number): string => s.padEnd(n)

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  if (!existsSync(join(blankDir, 'metadata.json'))) throw new Error('run from the repository root (npm run bench)')
  const source = options.ref
    ? { commit: options.ref, workingTree: false }
    : { commit: git(['rev-parse', 'HEAD']), workingTree: !options.skipBuild, uncommittedChanges: git(['status', '--porcelain']) !== '' }
  const work = mkdtempSync(join(tmpdir(), 'tv-bench-'))
  const servers: StaticServer[] = []
  const sandbox = await startSandbox({ port: 0, mode: 'test', throttle: false })
  try {
    const from = options.skipBuild
      ? 'the existing dist/ (--skip-build)'
      : options.ref
        ? `commit ${options.ref.slice(0, 7)}`
        : `the working tree (HEAD ${source.commit.slice(0, 7)}${source.uncommittedChanges ? ' plus uncommitted changes' : ''})`
    console.log(`app from ${from}`)
    const app = prepareApp(work, options)
    const blank = await prepareBlank(work, options)
    const { distSizes } = await loadScript<{ distSizes(root: string): SizeRow[] }>('scripts/sizes.mjs')
    const sizes = { app: distSizes(app.dist), blank: distSizes(blank.dist) }

    const query = new URLSearchParams({ 'pass.baseUrl': sandbox.origin, 'pass.activationUrl': `${sandbox.publicOrigin}/activate?code={code}` }).toString()
    const urls = new Map<string, string>()
    for (const [name, dist] of [
      ['app', app.dist],
      ['blank', blank.dist],
    ] as const) {
      for (const flavour of flavours) {
        const server = await serveFolder(join(dist, flavour))
        servers.push(server)
        urls.set(`${name}/${flavour}`, `${server.origin}/index.html${name === 'app' ? `?${query}` : ''}`)
      }
    }

    // Interleaved, with the app/blank order flipped every run, so drift in the machine's load
    // lands on both sides of each ratio.
    const samples: Sample[] = []
    let chromium = 'unknown'
    const total = options.runs * flavours.length * rates.length * apps.length
    for (let r = 0; r < options.runs; r++) {
      for (const flavour of flavours) {
        for (const rate of rates) {
          for (const name of r % 2 === 0 ? apps : [...apps].reverse()) {
            const url = urls.get(`${name}/${flavour}`) ?? ''
            const m = await measure(url, rate)
            chromium = m.chromium
            samples.push({ app: name, flavour, rate, run: r + 1, readyAt: m.readyAt, heapUsed: m.heapUsed, heapUsedAfterGc: m.heapUsedAfterGc })
            console.log(`  ${samples.length}/${total}  ${name} ${flavour} ${rate}x run ${r + 1}: ${Math.round(m.readyAt)} ms`)
          }
        }
      }
    }

    const pick = (name: AppName, flavour: Flavour, rate: number): Sample[] => samples.filter((s) => s.app === name && s.flavour === flavour && s.rate === rate)
    const results = flavours.flatMap((flavour) =>
      rates.map((rate) => {
        const of = (name: AppName) => {
          const s = pick(name, flavour, rate)
          return {
            readyAtMs: median(s.map((x) => x.readyAt)),
            samplesMs: s.map((x) => Math.round(x.readyAt)),
            heapUsed: median(s.map((x) => x.heapUsed)),
            heapUsedAfterGc: median(s.map((x) => x.heapUsedAfterGc)),
          }
        }
        const a = of('app')
        const b = of('blank')
        return { flavour, rate, app: a, blank: b, ratio: a.readyAtMs / b.readyAtMs }
      }),
    )

    console.log(
      `\nbuild (wall clock): ${app.buildSeconds === undefined ? 'skipped' : `app ${app.buildSeconds.toFixed(1)} s`}${blank.buildSeconds === undefined ? '' : `, blank ${blank.buildSeconds.toFixed(1)} s`}`,
    )
    for (const name of apps) {
      console.log(`\n${name} JS files (raw, gzip -9):`)
      for (const flavour of flavours) {
        const rows = sizes[name].filter((s) => s.flavour === flavour)
        for (const s of rows) console.log(`  ${pad(`${s.flavour}/js/${s.file}`, 30)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)}`)
        const sum = (k: 'raw' | 'gzip') => rows.reduce((n, s) => n + s[k], 0)
        console.log(`  ${pad(`${flavour} total`, 30)} ${kb(sum('raw')).padStart(10)} ${kb(sum('gzip')).padStart(10)}`)
      }
    }
    console.log(`\nfirst routed frame, ms from navigation start (median of ${options.runs}; samples in brackets)`)
    const timeCell = (x: { readyAtMs: number; samplesMs: number[] }) => `${Math.round(x.readyAtMs)} [${x.samplesMs.join(' ')}]`
    const width = Math.max(...results.flatMap((r) => [timeCell(r.app), timeCell(r.blank)]).map((c) => c.length)) + 2
    console.log(`  ${pad('dist', 6)}${pad('cpu', 5)}${pad('app', width)}${pad('blank', width)}app/blank`)
    for (const r of results) {
      console.log(`  ${pad(r.flavour, 6)}${pad(`${r.rate}x`, 5)}${pad(timeCell(r.app), width)}${pad(timeCell(r.blank), width)}${r.ratio.toFixed(2)}`)
    }
    console.log(`\nJS heap used after the first routed frame (median; after a forced GC in brackets)`)
    console.log(`  ${pad('dist', 6)}${pad('cpu', 5)}${pad('app', 22)}blank`)
    for (const r of results) {
      const cell = (x: { heapUsed: number; heapUsedAfterGc: number }) => `${mb(x.heapUsed)} [${mb(x.heapUsedAfterGc)}]`
      console.log(`  ${pad(r.flavour, 6)}${pad(`${r.rate}x`, 5)}${pad(cell(r.app), 22)}${cell(r.blank)}`)
    }

    const report = {
      measuredAt: new Date().toISOString(),
      source,
      environment: { node: process.version, chromium, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
      runs: options.runs,
      build: { skipped: options.skipBuild, appSeconds: app.buildSeconds ?? null, blankSeconds: blank.buildSeconds ?? null },
      sizes,
      startup: results,
      samples,
    }
    mkdirSync(join('test-artifacts', 'bench'), { recursive: true })
    writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nwritten to ${outFile}`)
  } finally {
    for (const server of servers) await server.stop()
    await sandbox.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
