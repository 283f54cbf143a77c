/**
 * What the Tizen and webOS packages share: the legacy (es5) build made for the stores, in its own
 * folder so the everyday dist keeps its overrides (tizen/README.md, webos/README.md):
 *
 * 1. the checked settings written to settings.store.json (the settings file with `pass` merged with
 *    the optional overlay file named by STORE_PASS_SETTINGS) and `lng dist --es5` run with
 *    LNG_SETTINGS_ENV=store, the CLI's own way to pick a settings file, and APP_STORE_BUILD=true (no
 *    `?pass.*`/`?platform=` overrides, no test hook) into .tmp/store; then finished as the everyday
 *    legacy build is (Lightning lowered, polyfills.js made for what the scripts use). The CLI bakes metadata.json's `version` in, which must
 *    equal package.json's (the one source of truth);
 * 2. the baked settings read back and compared with the checked ones;
 * 3. a copy per platform without source maps, where the manifest and icons are added.
 *
 * Before any of it, the effective pass settings are validated and checked for the sandbox's values:
 * a store package is refused with them, unless `--sandbox` asks for a test package (named -sandbox).
 *
 * The build is reused while its inputs (src, static, scripts, the settings given to the CLI, package.json,
 * metadata.json) are unchanged, so `package:tizen` then `package:webos` build once.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { parsePassSettings, type PassSettings } from '../src/core/base/settings'
import { bakedAppSettings } from './baked-settings'
import { withFontPreload } from './font-preload.mjs'
import { brandAppName, storePass, storeSettingsEnv, storeSettingsJson, type StorePass } from './store-pass'
import { sandboxRefusal, storeSettingsProblems } from './store-settings-check'

/** The everyday build's legacy finish (Lightning lowered, polyfills.js made; a plain .mjs module, hence untyped). */
async function finishLegacyDist(dir: string): Promise<void> {
  const modulePath = './legacy-dist.mjs'
  const module = (await import(modulePath)) as { finishLegacyDist(dir: string): Promise<unknown> }
  await module.finishLegacyDist(dir)
}

export const storeDist = join('.tmp', 'store')
export const releases = 'releases'

export interface PackageJson {
  readonly name: string
  readonly version: string
}

export function packageJson(): PackageJson {
  return JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson
}

/** Every file under `dir`, relative to it, with '/' separators, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(dir, path).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

function inputsHash(storeSettings: string): string {
  const hash = createHash('sha256').update(storeSettings).update('\0')
  const inputs = ['package.json', 'metadata.json', '.env', 'babel.config.js', 'rollup.es5.config.js', 'rollup.es6.config.js']
  // scripts: the legacy finish (polyfills.js, Lightning's lowering) shapes the build as much as src.
  for (const dir of ['src', 'static', 'scripts']) for (const f of filesUnder(dir)) inputs.push(join(dir, f))
  for (const file of inputs) {
    if (!existsSync(file)) continue
    hash.update(file).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

export interface PackagingOptions {
  /** Build even with the sandbox's settings, as a test package whose file name says so. */
  readonly sandbox: boolean
}

/** The command line of `package:tizen` and `package:webos`; anything else is refused, not ignored. */
export function packagingOptions(args: readonly string[]): PackagingOptions {
  const unknown = args.filter((arg) => arg !== '--sandbox')
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}: the only option is --sandbox`)
  return { sandbox: args.includes('--sandbox') }
}

/** `-sandbox` for a test package, so it cannot pass for a store one. */
export function sandboxSuffix(options: PackagingOptions): string {
  return options.sandbox ? '-sandbox' : ''
}

export interface StoreBuild {
  /** The es5 app folder (index.html, js/, static/), source maps included. */
  readonly dir: string
  readonly version: string
  readonly settings: PassSettings
  /** The app's name for the manifests (settings `appSettings.brand`), if the settings name one. */
  readonly appName: string | undefined
}

/**
 * The effective pass settings, validated as the app will at start-up (overrides off), and refused
 * when they are the sandbox's unless `options.sandbox`. Reads two small files: run before building.
 */
function checkedPass(options: PackagingOptions, command: string): StorePass {
  const source = storePass()
  const problems = storeSettingsProblems(parsePassSettings(source.pass, '', false))
  if (problems.length > 0 && !options.sandbox) throw new Error(sandboxRefusal(problems, { command, source: source.source }))
  if (options.sandbox) {
    const note =
      problems.length > 0 ? `the sandbox's settings allowed (${problems.length} would be refused for a store)` : 'the settings would also pass for a store'
    console.log(`--sandbox: a test package, named -sandbox, never to submit; ${note}`)
  }
  return source
}

/** The CLI's `lng dist --es5` into `storeDist`, baking the settings file `settings.<LNG_SETTINGS_ENV>.json`. */
function lngDistEs5(storeSettings: string): void {
  const file = `settings.${storeSettingsEnv}.json`
  writeFileSync(file, storeSettings)
  try {
    const result = spawnSync('npx', ['lng', 'dist', '--es5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production', APP_STORE_BUILD: 'true', LNG_DIST_FOLDER: storeDist, LNG_SETTINGS_ENV: storeSettingsEnv },
      encoding: 'utf8',
    })
    if (result.status !== 0 || /✖/.test(result.stdout ?? '')) {
      process.stdout.write(result.stdout ?? '')
      process.stderr.write(result.stderr ?? '')
      throw new Error('store build failed')
    }
  } finally {
    rmSync(file, { force: true })
  }
}

/** Step 1 and 2 above; reuses the previous build when nothing it depends on changed. */
export async function storeBuild(options: PackagingOptions, command: string): Promise<StoreBuild> {
  const source = checkedPass(options, command)
  const pkg = packageJson()
  const metadata = JSON.parse(readFileSync('metadata.json', 'utf8')) as { version?: string; identifier?: string }
  if (metadata.version !== pkg.version) {
    throw new Error(
      `metadata.json version ${String(metadata.version)} differs from package.json ${pkg.version}: package.json is the one to change; make metadata.json agree`,
    )
  }
  const dir = join(storeDist, 'es5')
  const indexPath = join(dir, 'index.html')
  const stamp = join(storeDist, 'inputs.sha256')
  const storeSettings = storeSettingsJson(source)
  const hash = inputsHash(storeSettings)
  if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(indexPath))) {
    rmSync(storeDist, { recursive: true, force: true })
    const started = Date.now()
    lngDistEs5(storeSettings)
    await finishLegacyDist(dir)
    // The packaged apps run from file://: a preload with `crossorigin` is refused there (origin null)
    // and the font is fetched twice, so the store build's preloads go without it.
    writeFileSync(indexPath, withFontPreload(readFileSync(indexPath, 'utf8'), dir, { cors: false }))
    writeFileSync(stamp, hash)
    console.log(`store build in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`)
  }
  // What ships is what was checked, even from a reused build, and even if the CLI stopped honouring
  // LNG_SETTINGS_ENV (it falls back to settings.json with only a warning).
  const baked = bakedAppSettings(readFileSync(indexPath, 'utf8'))
  if (!isDeepStrictEqual(baked.pass, source.pass) || baked.version !== pkg.version) {
    throw new Error(`${indexPath} holds settings other than the ones checked (${source.source}, version ${pkg.version}): remove ${storeDist} and run again`)
  }
  return { dir, version: pkg.version, settings: parsePassSettings(baked.pass, '', false), appName: brandAppName(source.settings) }
}

/** Step 3: a fresh copy of the store build for one platform, without source maps. */
export function stageApp(build: StoreBuild, platform: 'tizen' | 'webos'): string {
  const stage = join('.tmp', `${platform}-app`)
  rmSync(stage, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true })
  cpSync(build.dir, stage, { recursive: true, filter: (source) => !source.endsWith('.map') })
  // The maps stay out of the package, so the comments pointing at them go too.
  for (const file of filesUnder(stage).filter((f) => f.endsWith('.js'))) {
    const path = join(stage, file)
    const code = readFileSync(path, 'utf8')
    const stripped = code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n')
    if (stripped !== code) writeFileSync(path, stripped)
  }
  return stage
}

/** The origins the app calls: the Adobe Pass host of the configured environment (or the sandbox's). */
export function passOrigins(settings: PassSettings): string[] {
  return [new URL(settings.baseUrl).origin]
}

export function ensureReleases(): void {
  mkdirSync(releases, { recursive: true })
}
