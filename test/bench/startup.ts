/**
 * The benchmark (figures only, never asserted). Its start-up part: build time, raw and gzip size of
 * each dist JS file, and at 1x and 6x CPU throttling, es6 and es5: the blank Lightning app's first
 * routed frame, and the app's start-up to the screen the viewer needs, with its request timeline: a
 * returning viewer (remembered provider, valid profile) to the decisions screen drawn and to its
 * badges drawn, a first launch to the code and its QR code on screen. Each figure is also given as a
 * ratio to the blank app's first routed frame from the same run. The JS heap in use after each run's
 * last mark. Its runtime parts (frames.ts, heap.ts, textures.ts): frame times while focus moves on
 * the grid and the titles row at 4x CPU, the heap over an hour of simulated polling, and texture
 * memory per screen.
 *
 *   npx tsx test/bench/startup.ts [--only startup|frames|heap|textures] [--flavour es6|es5] [--runs N] [--skip-build] [--ref COMMIT]
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
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startSandbox, type Sandbox } from '../sandbox'
import { chromiumArgs, chromiumPath, type Flavour } from '../browser/harness'
import { serveFolder, type StaticServer } from '../support/static-server'
import { codeSource } from './device'
import { measureFrames, printFrames, type FramesResult } from './frames'
import { measureHeap, printHeap, type HeapResult } from './heap'
import { measureTextures, printTextures, type TexturesResult } from './textures'

/**
 * What one cold start measures: the blank app to its first routed frame; the app as a first launch
 * (a fresh profile) to the code and its QR code on screen; the app as a returning viewer (a profile
 * holding a sign-in made before the runs) to the decisions screen and then its badges drawn.
 */
type Scenario = 'blank' | 'first' | 'returning'

/** The benchmark's parts; each runs alone with `--only <part>` (repeatable), all by default. */
const parts = ['startup', 'frames', 'heap', 'textures'] as const
type Part = (typeof parts)[number]

interface Options {
  only: ReadonlySet<Part>
  /** The builds the frames, heap and textures parts measure (the start-up part always measures both). */
  runtimeFlavours: readonly Flavour[]
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

/** A request the page made (Resource Timing), in ms since the navigation started. */
interface RequestTiming {
  readonly what: string
  readonly start: number
  readonly end: number
}

/** ms since the navigation started. */
interface Marks {
  /** The stage's first frame after the first routed page (`__tvApp.readyAt`). */
  readonly firstFrame: number
  /** Returning viewer: the frame after the decisions page was routed. */
  readonly decisions?: number
  /** Returning viewer: the first frame whose texts hold a badge and no "Checking…" one. */
  readonly badges?: number
  /** First launch: the first frame showing the code and the QR code's caption (drawn with it). */
  readonly code?: number
}

interface Sample {
  scenario: Scenario
  flavour: Flavour
  rate: number
  run: number
  marks: Marks
  /** Each route drawn, at the frame after it was routed. */
  routes: Array<{ route: string; at: number }>
  /** The requests to anything but the page's own origin (Adobe Pass, logos). */
  requests: RequestTiming[]
  /** Runtime.getHeapUsage after the run's last mark, and again after a forced garbage collection. */
  heapUsed: number
  heapUsedAfterGc: number
}

const root = process.cwd()
const blankDir = join('test', 'bench', 'blank-app')
const outFile = join('test-artifacts', 'bench', 'startup.json')
const scenarios: readonly Scenario[] = ['blank', 'first', 'returning']
const flavours: readonly Flavour[] = ['es6', 'es5']
const rates: readonly number[] = [1, 6]
/** Files the production build of the app reads (scripts/build.mjs and the Lightning CLI). */
const appInputs = [
  'package.json',
  'metadata.json',
  'settings.json',
  'tsconfig.json',
  '.env',
  'babel.config.js',
  'rollup.es5.config.js',
  'rollup.es6.config.js',
  'src',
  'static',
  'scripts',
]

function parseOptions(argv: string[]): Options {
  const options: Options = { only: new Set(parts), runtimeFlavours: flavours, runs: 3, skipBuild: false, ref: undefined }
  const only = new Set<Part>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--skip-build') options.skipBuild = true
    else if (arg === '--only') {
      const part = argv[++i]
      const known = parts.find((p) => p === part)
      if (!known) throw new Error(`--only needs one of ${parts.join(', ')}`)
      only.add(known)
    } else if (arg === '--flavour') {
      const flavour = flavours.find((f) => f === argv[i + 1])
      if (!flavour) throw new Error(`--flavour needs one of ${flavours.join(', ')}`)
      i++
      options.runtimeFlavours = [flavour]
    } else if (arg === '--runs') {
      const value = Number(argv[++i])
      if (!Number.isInteger(value) || value < 1) throw new Error('--runs needs a whole number of at least 1')
      options.runs = value
    } else if (arg === '--ref') {
      const ref = argv[++i]
      if (!ref) throw new Error('--ref needs a commit')
      // Resolved once, before anything is built: HEAD may move while the benchmark runs.
      options.ref = git(['rev-parse', '--verify', `${ref}^{commit}`])
      if (options.ref === 'unknown') throw new Error(`--ref ${ref}: not a commit`)
    } else throw new Error(`unknown argument ${String(arg)} (use --only ${parts.join('|')}, --flavour es6|es5, --runs N, --skip-build, --ref COMMIT)`)
  }
  if (only.size > 0) options.only = only
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

/**
 * Runs in the page before its scripts (plain JavaScript: it is not compiled for the page). It wraps
 * the test hook as the app installs it: each route drawn is noted with performance.now() as the
 * hook notes it (at the stage's frameEnd), and once the decisions or activation page is drawn, each
 * frameEnd checks the visible texts until the badges, or the code with its QR code, are there. The
 * blank app's hook has neither routes nor attach and is left as it is.
 */
const recorder = `(() => {
  const record = { routes: [], marks: {} };
  window.__benchRecord = record;
  const code = new RegExp(${JSON.stringify(codeSource)});
  const watches = {
    decisions: { mark: 'badges', done: (t) => t.includes('Included') && !t.includes('Checking…') },
    activation: { mark: 'code', done: (t) => t.some((x) => code.test(x)) && t.includes("Or scan with your phone's camera") },
  };
  let hook;
  let armed = [];
  const onFrame = () => {
    if (armed.length === 0) return;
    const texts = hook.texts();
    armed = armed.filter((w) => {
      if (!w.done(texts)) return true;
      record.marks[w.mark] = performance.now();
      return false;
    });
  };
  Object.defineProperty(window, '__tvApp', {
    configurable: true,
    get: () => hook,
    set: (value) => {
      hook = value;
      if (!value || !Array.isArray(value.routes) || typeof value.attach !== 'function') return;
      const push = value.routes.push;
      value.routes.push = function (...routes) {
        for (const route of routes) {
          const at = performance.now();
          record.routes.push({ route, at });
          if (route === 'decisions' && record.marks.decisions === undefined) record.marks.decisions = at;
          const watch = watches[route];
          if (watch && record.marks[watch.mark] === undefined && !armed.includes(watch)) armed.push(watch);
        }
        return push.apply(this, routes);
      };
      const attach = value.attach;
      value.attach = function (app) {
        app.stage.on('frameEnd', onFrame);
        return attach.call(this, app);
      };
    },
  });
})();`

interface PageRecord {
  routes: Array<{ route: string; at: number }>
  marks: { decisions?: number; badges?: number; code?: number }
}

/** Routes after which the scenario cannot reach its mark (the run is reported as failed). */
const offPath: Record<Scenario, readonly string[]> = {
  blank: [],
  first: ['error', 'decisions', 'profiles', 'reauth'],
  returning: ['error', 'activation', 'profiles', 'reauth'],
}

function launchWithProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1920, height: 1080 } })
}

/**
 * A returning viewer's browser profile for one app origin: a first launch, the sign-in finished as
 * on a phone, the decisions screen with its badges, then the browser closed so its storage is on
 * disk. Only the storage is kept (IndexedDB, localStorage): every run starts from a copy of it with
 * no code or HTTP cache, as cold as a first launch.
 */
async function seedReturning(url: string, sandbox: Sandbox, work: string, name: string): Promise<string> {
  const dir = mkdtempSync(join(work, `seed-${name}-`))
  const context = await launchWithProfile(dir)
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.addInitScript({ content: recorder })
    await page.goto(`${url}&pass.pollIntervalMs=3000`)
    const handle = await page.waitForFunction(
      (source) => (window as unknown as { __tvApp?: { texts(): string[] } }).__tvApp?.texts().find((t) => new RegExp(source).test(t)) ?? false,
      codeSource,
      { timeout: 60_000 },
    )
    sandbox.completeSignIn((await handle.jsonValue()) as string, { mvpd: 'Sandbox_Fiber', user: 'viewer' })
    await page.waitForFunction(() => (window as unknown as { __benchRecord: PageRecord }).__benchRecord.marks.badges !== undefined, null, { timeout: 60_000 })
    // The provider is remembered as the decisions screen opens; let the stores' writes land.
    await page.waitForTimeout(1500)
  } finally {
    await context.close()
  }
  const kept = mkdtempSync(join(work, `returning-${name}-`))
  for (const part of ['IndexedDB', 'Local Storage']) {
    const from = join(dir, 'Default', part)
    if (existsSync(from)) cpSync(from, join(kept, 'Default', part), { recursive: true })
  }
  rmSync(dir, { recursive: true, force: true })
  return kept
}

/** The requests to other origins, by path (the service's own prefix left out), in the order they started. */
function requestsOf(entries: Array<{ name: string; start: number; end: number }>, pageOrigin: string): RequestTiming[] {
  return entries
    .filter((e) => !e.name.startsWith(pageOrigin))
    .map((e) => {
      const url = new URL(e.name)
      return { what: url.pathname.replace(/^\/api\/v2\/[^/]+\//, ''), start: e.start, end: e.end }
    })
    .sort((a, b) => a.start - b.start)
}

interface Measured {
  marks: Marks
  routes: Sample['routes']
  requests: RequestTiming[]
  heapUsed: number
  heapUsedAfterGc: number
  chromium: string
}

/**
 * One cold start: a fresh profile (or a copy of the returning viewer's), throttling set before
 * navigating, then wait for the scenario's last mark.
 */
async function measure(url: string, rate: number, scenario: Scenario, returningProfile: string | undefined, work: string): Promise<Measured> {
  const dir = mkdtempSync(join(work, 'profile-'))
  if (returningProfile) cpSync(returningProfile, dir, { recursive: true })
  const context = await launchWithProfile(dir)
  try {
    const page: Page = context.pages()[0] ?? (await context.newPage())
    await page.addInitScript({ content: recorder })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    await page.goto(url)
    const last = scenario === 'blank' ? null : scenario === 'first' ? 'code' : 'badges'
    await page.waitForFunction(
      ([mark, off]) => {
        const hook = (window as unknown as { __tvApp?: { ready: boolean } }).__tvApp
        const record = (window as unknown as { __benchRecord?: PageRecord }).__benchRecord
        if (!hook?.ready || !record) return false
        if (mark === null) return true
        return (record.marks as Record<string, number | undefined>)[mark] !== undefined || record.routes.some((r) => off.includes(r.route))
      },
      [last, offPath[scenario]] as const,
      { timeout: 120_000 },
    )
    const seen = await page.evaluate(() => {
      const record = (window as unknown as { __benchRecord: PageRecord }).__benchRecord
      const entries = performance
        .getEntriesByType('resource')
        .map((e) => ({ name: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd }))
      return {
        readyAt: (window as unknown as { __tvApp: { readyAt: number } }).__tvApp.readyAt,
        record: { routes: [...record.routes], marks: { ...record.marks } },
        entries,
        origin: location.origin,
      }
    })
    if (last !== null && (seen.record.marks as Record<string, number | undefined>)[last] === undefined) {
      throw new Error(`${scenario} run left the path: routes ${seen.record.routes.map((r) => r.route).join(' → ')}`)
    }
    const { usedSize: heapUsed } = await cdp.send('Runtime.getHeapUsage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize: heapUsedAfterGc } = await cdp.send('Runtime.getHeapUsage')
    return {
      marks: { firstFrame: seen.readyAt, ...seen.record.marks },
      routes: seen.record.routes,
      requests: requestsOf(seen.entries, seen.origin),
      heapUsed,
      heapUsedAfterGc,
      chromium: context.browser()?.version() ?? 'unknown',
    }
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`
const pad = (s: string, n: number): string => s.padEnd(n)
const ms = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '–' : String(Math.round(n)))

/** The figures of the table: which scenario, which mark. */
const figures = [
  { label: 'blank first frame', scenario: 'blank', mark: 'firstFrame' },
  { label: 'returning: decisions', scenario: 'returning', mark: 'decisions' },
  { label: 'returning: badges', scenario: 'returning', mark: 'badges' },
  { label: 'first launch: code+QR', scenario: 'first', mark: 'code' },
  { label: 'app first frame (first launch)', scenario: 'first', mark: 'firstFrame' },
] as const

/** The request timeline and routes of one run, each line "start → end  what" in ms from navigation. */
function timeline(sample: Sample): string[] {
  const lines = [
    ...sample.requests.map((r) => ({ at: r.start, text: `${ms(r.start).padStart(6)} → ${ms(r.end).padStart(6)}  ${r.what}` })),
    ...sample.routes.map((r) => ({ at: r.at, text: `${ms(r.at).padStart(6)}            route ${r.route} drawn` })),
    ...(['badges', 'code'] as const).flatMap((m) => {
      const at = sample.marks[m]
      return at === undefined ? [] : [{ at, text: `${ms(at).padStart(6)}            ${m === 'badges' ? 'badges drawn' : 'code and QR on screen'}` }]
    }),
  ]
  return lines.sort((a, b) => a.at - b.at).map((l) => l.text)
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  if (!existsSync(join(blankDir, 'metadata.json'))) throw new Error('run from the repository root (npm run bench)')
  const source = options.ref
    ? { commit: options.ref, workingTree: false }
    : { commit: git(['rev-parse', 'HEAD']), workingTree: !options.skipBuild, uncommittedChanges: git(['status', '--porcelain']) !== '' }
  const work = mkdtempSync(join(tmpdir(), 'tv-bench-'))
  const servers: StaticServer[] = []
  try {
    const from = options.skipBuild
      ? 'the existing dist/ (--skip-build)'
      : options.ref
        ? `commit ${options.ref.slice(0, 7)}`
        : `the working tree (HEAD ${source.commit.slice(0, 7)}${source.uncommittedChanges ? ' plus uncommitted changes' : ''})`
    console.log(`app from ${from}; parts: ${[...options.only].join(', ')}`)
    const app = prepareApp(work, options)
    const appOrigins = new Map<Flavour, string>()
    for (const flavour of flavours) {
      const server = await serveFolder(join(app.dist, flavour))
      servers.push(server)
      appOrigins.set(flavour, server.origin)
    }
    const originOf = (flavour: Flavour): string => appOrigins.get(flavour) ?? ''
    const report: Record<string, unknown> = {
      measuredAt: new Date().toISOString(),
      source,
      parts: [...options.only],
      build: { skipped: options.skipBuild, appSeconds: app.buildSeconds ?? null },
    }
    if (options.only.has('startup')) Object.assign(report, await runStartup(work, options, app, originOf, servers))

    // The runtime parts: one TV each (its own sandbox and browser profile), es6 then es5.
    if (options.only.has('frames')) {
      const results: FramesResult[] = []
      for (const flavour of options.runtimeFlavours) {
        results.push(await measureFrames(originOf(flavour), flavour, work))
        console.log(`  frames measured (${flavour})`)
      }
      printFrames(results)
      report.frames = results
    }
    if (options.only.has('textures')) {
      const results: TexturesResult[] = []
      for (const flavour of options.runtimeFlavours) {
        results.push(await measureTextures(originOf(flavour), flavour, work))
        console.log(`  texture memory measured (${flavour})`)
      }
      printTextures(results)
      report.textures = results
    }
    if (options.only.has('heap')) {
      const results: HeapResult[] = []
      for (const flavour of options.runtimeFlavours) {
        results.push(await measureHeap(originOf(flavour), flavour, work))
        console.log(`  heap measured (${flavour})`)
      }
      printHeap(results)
      report.heap = results
    }

    mkdirSync(join('test-artifacts', 'bench'), { recursive: true })
    writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nwritten to ${outFile}`)
  } finally {
    for (const server of servers) await server.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * The start-up part: the blank app built beside the app, the sizes, the returning viewer's
 * profiles, then the interleaved cold starts and their tables. Returns what goes in the report.
 */
async function runStartup(
  work: string,
  options: Options,
  app: { dist: string; buildSeconds?: number },
  originOf: (flavour: Flavour) => string,
  servers: StaticServer[],
): Promise<Record<string, unknown>> {
  const sandbox = await startSandbox({ port: 0, mode: 'test', throttle: false })
  try {
    const blank = await prepareBlank(work, options)
    const { distSizes } = await loadScript<{ distSizes(root: string): SizeRow[] }>('scripts/sizes.mjs')
    const sizes = { app: distSizes(app.dist), blank: distSizes(blank.dist) }

    const query = new URLSearchParams({ 'pass.baseUrl': sandbox.origin, 'pass.activationUrl': `${sandbox.publicOrigin}/activate?code={code}` }).toString()
    const urls = new Map<string, string>()
    for (const flavour of flavours) {
      const server = await serveFolder(join(blank.dist, flavour))
      servers.push(server)
      urls.set(`blank/${flavour}`, `${server.origin}/index.html`)
      urls.set(`app/${flavour}`, `${originOf(flavour)}/index.html?${query}`)
    }
    const urlOf = (scenario: Scenario, flavour: Flavour): string => urls.get(`${scenario === 'blank' ? 'blank' : 'app'}/${flavour}`) ?? ''

    // One sign-in per app origin (storage is per origin), made before any run is timed.
    const returning = new Map<Flavour, string>()
    for (const flavour of flavours) {
      returning.set(flavour, await seedReturning(urlOf('returning', flavour), sandbox, work, flavour))
      console.log(`  returning viewer's profile ready (${flavour})`)
    }

    // Interleaved, with the scenario order rotated every run, so drift in the machine's load lands
    // on every side of each ratio.
    const samples: Sample[] = []
    let chromium = 'unknown'
    const total = options.runs * flavours.length * rates.length * scenarios.length
    for (let r = 0; r < options.runs; r++) {
      const order = [...scenarios.slice(r % scenarios.length), ...scenarios.slice(0, r % scenarios.length)]
      for (const flavour of flavours) {
        for (const rate of rates) {
          for (const scenario of order) {
            const m = await measure(urlOf(scenario, flavour), rate, scenario, scenario === 'returning' ? returning.get(flavour) : undefined, work)
            chromium = m.chromium
            const { chromium: _, ...rest } = m
            samples.push({ scenario, flavour, rate, run: r + 1, ...rest })
            const shown = scenario === 'blank' ? m.marks.firstFrame : scenario === 'first' ? m.marks.code : m.marks.badges
            console.log(`  ${samples.length}/${total}  ${scenario} ${flavour} ${rate}x run ${r + 1}: ${ms(shown)} ms`)
          }
        }
      }
    }

    const pick = (scenario: Scenario, flavour: Flavour, rate: number): Sample[] =>
      samples.filter((s) => s.scenario === scenario && s.flavour === flavour && s.rate === rate)
    const results = flavours.flatMap((flavour) =>
      rates.map((rate) => {
        const blankMs = median(pick('blank', flavour, rate).map((s) => s.marks.firstFrame))
        const values = figures.map((f) => {
          const s = pick(f.scenario, flavour, rate)
          const values = s.map((x) => x.marks[f.mark]).filter((v): v is number => v !== undefined)
          const value = median(values)
          return { figure: f.label, ms: value, samplesMs: values.map(Math.round), ratio: value / blankMs }
        })
        const heap = (scenario: Scenario) => {
          const s = pick(scenario, flavour, rate)
          return { heapUsed: median(s.map((x) => x.heapUsed)), heapUsedAfterGc: median(s.map((x) => x.heapUsedAfterGc)) }
        }
        return { flavour, rate, blankMs, figures: values, heap: { blank: heap('blank'), first: heap('first'), returning: heap('returning') } }
      }),
    )

    console.log(
      `\nbuild (wall clock): ${app.buildSeconds === undefined ? 'skipped' : `app ${app.buildSeconds.toFixed(1)} s`}${blank.buildSeconds === undefined ? '' : `, blank ${blank.buildSeconds.toFixed(1)} s`}`,
    )
    for (const name of ['app', 'blank'] as const) {
      console.log(`\n${name} JS files (raw, gzip -9):`)
      for (const flavour of flavours) {
        const rows = sizes[name].filter((s) => s.flavour === flavour)
        for (const s of rows) console.log(`  ${pad(`${s.flavour}/js/${s.file}`, 30)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)}`)
        const sum = (k: 'raw' | 'gzip') => rows.reduce((n, s) => n + s[k], 0)
        console.log(`  ${pad(`${flavour} total`, 30)} ${kb(sum('raw')).padStart(10)} ${kb(sum('gzip')).padStart(10)}`)
      }
    }
    console.log(`\nms from navigation start (median of ${options.runs}; samples in brackets) and × the blank app's first routed frame`)
    for (const r of results) {
      console.log(`  ${r.flavour} ${r.rate}x`)
      for (const f of r.figures) {
        console.log(`    ${pad(f.figure, 32)}${pad(`${ms(f.ms)} [${f.samplesMs.join(' ')}]`, 26)}${f.ratio.toFixed(2)}×`)
      }
    }

    // The timeline of the median run of each scenario and setting (the run whose last mark is the median one).
    console.log(`\nrequest timeline (ms from navigation: start → end of each request to Adobe Pass or a logo, routes drawn)`)
    for (const flavour of flavours) {
      for (const rate of rates) {
        for (const scenario of ['returning', 'first'] as const) {
          const s = pick(scenario, flavour, rate)
          const last = (x: Sample): number => (scenario === 'first' ? x.marks.code : x.marks.badges) ?? NaN
          const sorted = [...s].sort((a, b) => last(a) - last(b))
          const middle = sorted[Math.floor((sorted.length - 1) / 2)]
          if (!middle) continue
          console.log(`  ${scenario === 'first' ? 'first launch' : 'returning viewer'}, ${flavour} ${rate}x (run ${middle.run})`)
          for (const line of timeline(middle)) console.log(`    ${line}`)
        }
      }
    }

    console.log(`\nJS heap used after each run's last mark (median; after a forced GC in brackets)`)
    console.log(`  ${pad('dist', 6)}${pad('cpu', 5)}${pad('blank', 22)}${pad('first launch', 22)}returning`)
    for (const r of results) {
      const cell = (x: { heapUsed: number; heapUsedAfterGc: number }) => `${mb(x.heapUsed)} [${mb(x.heapUsedAfterGc)}]`
      console.log(`  ${pad(r.flavour, 6)}${pad(`${r.rate}x`, 5)}${pad(cell(r.heap.blank), 22)}${pad(cell(r.heap.first), 22)}${cell(r.heap.returning)}`)
    }

    const environment = { node: process.version, chromium, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' }
    return {
      environment,
      runs: options.runs,
      build: { skipped: options.skipBuild, appSeconds: app.buildSeconds ?? null, blankSeconds: blank.buildSeconds ?? null },
      sizes,
      startup: results,
      samples,
    }
  } finally {
    await sandbox.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
