/**
 * `npm run package:webos`: releases/<id>_<version>_all.ipk from the store build (legacy es5 dist),
 * made by ares-package from @webos-tools/cli, offline (tv-platforms.md section 2). webos/appinfo.json
 * gets the version from package.json; icons from webos/; no source maps. The app is already minified,
 * so ares-package's own minification is skipped (-n).
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureReleases, releases, stageApp, storeBuild } from './package-common'

interface AppInfo {
  readonly id: string
  readonly icon: string
  readonly largeIcon?: string
  readonly [key: string]: unknown
}

async function main(): Promise<void> {
  const build = await storeBuild()
  const stage = stageApp(build, 'webos')
  const appinfo = JSON.parse(readFileSync(join('webos', 'appinfo.json'), 'utf8')) as AppInfo
  writeFileSync(join(stage, 'appinfo.json'), JSON.stringify({ ...appinfo, version: build.version }, null, 2) + '\n')
  for (const icon of [appinfo.icon, appinfo.largeIcon]) if (icon) copyFileSync(join('webos', icon), join(stage, icon))

  ensureReleases()
  const ipk = join(releases, `${appinfo.id}_${build.version}_all.ipk`)
  rmSync(ipk, { force: true })
  const result = spawnSync('npx', ['--no-install', 'ares-package', '--no-minify', '--outdir', releases, stage], { encoding: 'utf8' })
  process.stdout.write(result.stdout ?? '')
  process.stderr.write(result.stderr ?? '')
  if (result.status !== 0 || !readdirSync(releases).includes(`${appinfo.id}_${build.version}_all.ipk`)) {
    throw new Error('ares-package did not produce the .ipk')
  }
  console.log(`${ipk}: ${statSync(ipk).size} bytes; Adobe Pass: ${build.settings.baseUrl} (${build.settings.environment})`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
