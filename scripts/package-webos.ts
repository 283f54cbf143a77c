/**
 * `npm run package:webos`: releases/<id>_<version>_all.ipk from the store build (legacy es5 dist),
 * made by ares-package from @webos-tools/cli, offline (webos/README.md). webos/appinfo.json
 * gets the version from package.json and the title from the settings' `appSettings.brand` (`appName`,
 * else `name`), and so does each webos/resources/<lang>/appinfo.json (the Spanish listing); icons from
 * webos/; no source maps. The app is already minified,
 * so ares-package's own minification is skipped (-n).
 *
 * Refused with the sandbox's pass settings; `-- --sandbox` makes a test package instead,
 * releases/<id>_<version>-sandbox_all.ipk. ares-package only takes an N.N.N version and names the file
 * <id>_<version>_<arch>.ipk from it, so the test package gets its name afterwards. The name keeps the
 * three opkg fields and the .ipk extension; ares-install copies the file to the TV under any name,
 * and the package inside (control, appinfo.json) keeps the real version.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureReleases, packagingOptions, releases, sandboxSuffix, stageApp, storeBuild } from './package-common'

/**
 * The languages with a localized listing: LG reads `resources/<language>/appinfo.json` (only the keys
 * that differ, here `title`) for a TV set to that language, any region
 * (https://webostv.developer.lge.com/develop/references/appinfo-json, "Localization").
 */
const localizedLanguages = ['es'] as const

interface AppInfo {
  readonly id: string
  readonly icon: string
  readonly largeIcon?: string
  readonly [key: string]: unknown
}

async function main(): Promise<void> {
  const options = packagingOptions(process.argv.slice(2))
  const build = await storeBuild(options, 'npm run package:webos')
  const stage = stageApp(build, 'webos')
  const appinfo = JSON.parse(readFileSync(join('webos', 'appinfo.json'), 'utf8')) as AppInfo
  writeFileSync(join(stage, 'appinfo.json'), JSON.stringify({ ...appinfo, title: build.appName ?? appinfo.title, version: build.version }, null, 2) + '\n')
  for (const icon of [appinfo.icon, appinfo.largeIcon]) if (icon) copyFileSync(join('webos', icon), join(stage, icon))
  for (const lang of localizedLanguages) {
    const localized = JSON.parse(readFileSync(join('webos', 'resources', lang, 'appinfo.json'), 'utf8')) as Record<string, unknown>
    // The brand is not translated: a language's title is the same brand name as the main one.
    const title = build.appName ?? localized.title ?? appinfo.title
    mkdirSync(join(stage, 'resources', lang), { recursive: true })
    writeFileSync(join(stage, 'resources', lang, 'appinfo.json'), JSON.stringify({ ...localized, title }, null, 2) + '\n')
  }

  ensureReleases()
  // ares-package writes into its own folder, so a test package never lands on a store package's name.
  const out = join('.tmp', 'webos-ipk')
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const made = join(out, `${appinfo.id}_${build.version}_all.ipk`)
  const ipk = join(releases, `${appinfo.id}_${build.version}${sandboxSuffix(options)}_all.ipk`)
  const result = spawnSync('npx', ['--no-install', 'ares-package', '--no-minify', '--outdir', out, stage], { encoding: 'utf8' })
  process.stdout.write(result.stdout ?? '')
  process.stderr.write(result.stderr ?? '')
  if (result.status !== 0 || !existsSync(made)) throw new Error('ares-package did not produce the .ipk')
  rmSync(ipk, { force: true })
  copyFileSync(made, ipk)
  console.log(`${ipk}: ${statSync(ipk).size} bytes; Adobe Pass: ${build.settings.baseUrl} (${build.settings.environment})`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
