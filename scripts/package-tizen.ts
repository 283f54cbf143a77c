/**
 * `npm run package:tizen`: releases/MyChannel-<version>.wgt from the store build (legacy es5 dist).
 * Refused with the sandbox's pass settings; `-- --sandbox` makes a test package,
 * releases/MyChannel-<version>-sandbox.wgt, instead.
 *
 * The .wgt is a zip with config.xml at its root (tizen/README.md): tizen/config.xml with the
 * version from package.json, the <name> in English and Spanish (xml:lang="es") from the settings'
 * `appSettings.brand` (`appName`, else `name`; the brand is not translated), the template's
 * <description> in both languages, and <access> limited to the configured Adobe Pass host, tizen/icon.png,
 * and the app with Samsung's webapis.js loaded first (webapis.productinfo, webapis.network).
 *
 * Unsigned by default: a Samsung TV installs only a package signed with the publisher's Samsung
 * author and distributor certificates. With TIZEN_SECURITY_PROFILE set (a profile registered in
 * Tizen Studio, see tizen/README.md) and the `tizen` CLI on the PATH, the same folder is also signed
 * and packaged by Tizen Studio into releases/signed/ (releases/signed-sandbox/ for a test package, as
 * Tizen Studio names the file after the widget, not after this script).
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import { ensureReleases, filesUnder, packagingOptions, passOrigins, releases, sandboxSuffix, stageApp, storeBuild } from './package-common'

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function configXml(version: string, origins: readonly string[], appName: string | undefined): string {
  const template = readFileSync(join('tizen', 'config.xml'), 'utf8')
  if (!/^\d{1,3}\.\d{1,3}\.\d{1,5}$/.test(version)) throw new Error(`package.json version ${version} is not a Tizen version (x.y.z)`)
  const access = origins.map((origin) => `<access origin="${origin}" subdomains="false"/>`).join('\n  ')
  const withAccess = template.replace('<!-- @ACCESS@ -->', access)
  if (withAccess === template) throw new Error('tizen/config.xml: the <!-- @ACCESS@ --> marker is missing')
  if (!/<name>[^<]*<\/name>/.test(withAccess)) throw new Error('tizen/config.xml: no <name> element for the app name')
  if (!/<name xml:lang="es">[^<]*<\/name>/.test(withAccess)) throw new Error('tizen/config.xml: no <name xml:lang="es"> element for the Spanish listing')
  for (const lang of ['', ' xml:lang="es"']) {
    if (!new RegExp(`<description${lang}>[^<]+</description>`).test(withAccess)) throw new Error(`tizen/config.xml: no <description${lang}> for the listing`)
  }
  // The brand's name from the settings, else the template's own; the brand is not translated, so
  // every language's <name> carries the same one.
  const named =
    appName === undefined
      ? withAccess
      : withAccess.replace(/<name( xml:lang="[^"]+")?>[^<]*<\/name>/g, (_, lang = '') => `<name${lang}>${xmlText(appName)}</name>`)
  return named.replace('<widget ', `<widget version="${version}" `)
}

/** Samsung's product APIs come from the TV's own webapis.js, loaded before the app's scripts. */
function withWebapis(html: string): string {
  const tag = '<script src="$WEBAPIS/webapis/webapis.js"></script>'
  const at = html.indexOf('<script')
  if (at < 0) throw new Error('index.html has no <script> to load webapis.js before')
  return html.slice(0, at) + tag + '\n        ' + html.slice(at)
}

async function main(): Promise<void> {
  const options = packagingOptions(process.argv.slice(2))
  const build = await storeBuild(options, 'npm run package:tizen')
  const stage = stageApp(build, 'tizen')
  const origins = passOrigins(build.settings)
  writeFileSync(join(stage, 'config.xml'), configXml(build.version, origins, build.appName))
  copyFileSync(join('tizen', 'icon.png'), join(stage, 'icon.png'))
  writeFileSync(join(stage, 'index.html'), withWebapis(readFileSync(join(stage, 'index.html'), 'utf8')))

  ensureReleases()
  const files: Zippable = {}
  // config.xml first, as Tizen Studio writes it.
  const names = ['config.xml', ...filesUnder(stage).filter((f) => f !== 'config.xml')]
  for (const name of names) files[name] = [readFileSync(join(stage, name)), { level: 9, mtime: new Date('2020-01-01T00:00:00Z') }]
  const wgt = join(releases, `MyChannel-${build.version}${sandboxSuffix(options)}.wgt`)
  writeFileSync(wgt, zipSync(files))
  console.log(`${wgt}: ${statSync(wgt).size} bytes, unsigned; Adobe Pass access: ${origins.join(', ')} (${build.settings.environment})`)

  const profile = process.env.TIZEN_SECURITY_PROFILE
  if (profile) {
    const out = join(releases, `signed${sandboxSuffix(options)}`)
    mkdirSync(out, { recursive: true })
    const signed = spawnSync('tizen', ['package', '-t', 'wgt', '-s', profile, '-o', out, '--', stage], { stdio: 'inherit' })
    if (signed.status !== 0) throw new Error(`tizen package with security profile "${profile}" failed (is Tizen Studio's CLI on the PATH?)`)
    console.log(`signed with "${profile}": ${out}`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
