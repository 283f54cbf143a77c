/**
 * The settings a store package gets: the settings file the Lightning CLI would bake in, with the keys
 * of the optional STORE_PASS_SETTINGS file over its `appSettings.pass`. Read from the files, so they
 * can be checked before anything is built; the store build then hands them to the CLI as its own
 * settings file (package-common.ts).
 */
import { existsSync, readFileSync } from 'node:fs'

/** The CLI reads settings.<LNG_SETTINGS_ENV>.json; the store build writes this one for itself. */
export const storeSettingsEnv = 'store'

export interface StorePass {
  /** The whole settings file read, unchanged. */
  readonly settings: Record<string, unknown>
  readonly pass: Record<string, unknown>
  /** The settings file read (settings.json, or the CLI's settings.<LNG_SETTINGS_ENV>.json). */
  readonly settingsFile: string
  readonly overlay: string | undefined
  /** For messages: where these values came from. */
  readonly source: string
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readObject(file: string, what: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${what} ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!isObject(value)) throw new Error(`${what} ${file}: must hold a JSON object`)
  return value
}

/** The file `lng dist` reads, chosen as the CLI chooses it. */
function settingsFileName(env: NodeJS.ProcessEnv): string {
  if (env.LNG_SETTINGS_ENV === storeSettingsEnv) {
    throw new Error(
      `LNG_SETTINGS_ENV=${storeSettingsEnv} is the store build's own: settings.${storeSettingsEnv}.json is written and removed by it; pick another name`,
    )
  }
  const named = env.LNG_SETTINGS_ENV ? `settings.${env.LNG_SETTINGS_ENV}.json` : undefined
  return named && existsSync(named) ? named : 'settings.json'
}

export function storePass(env: NodeJS.ProcessEnv = process.env): StorePass {
  const settingsFile = settingsFileName(env)
  const settings = readObject(settingsFile, 'settings file')
  const appSettings = settings.appSettings as { pass?: unknown } | undefined
  const base = appSettings?.pass
  if (!isObject(base)) throw new Error(`${settingsFile}: appSettings.pass must be an object`)
  const overlay = env.STORE_PASS_SETTINGS || undefined
  if (overlay && !existsSync(overlay)) throw new Error(`STORE_PASS_SETTINGS=${overlay}: no such file`)
  const extra = overlay ? readObject(overlay, 'STORE_PASS_SETTINGS') : {}
  return {
    settings,
    pass: { ...base, ...extra },
    settingsFile,
    overlay,
    source: overlay
      ? `${settingsFile} appSettings.pass with STORE_PASS_SETTINGS=${overlay} over it`
      : `${settingsFile} appSettings.pass, no STORE_PASS_SETTINGS file`,
  }
}

/** The settings file the store build gives the CLI: the one read, with the checked pass settings in it. */
export function storeSettingsJson(source: StorePass): string {
  const appSettings = { ...(source.settings.appSettings as Record<string, unknown>), pass: source.pass }
  return JSON.stringify({ ...source.settings, appSettings }, null, 2) + '\n'
}

/**
 * The app's name for the store manifests: `appSettings.brand.appName`, else the older
 * `appSettings.brand.name`; undefined when neither is a non-empty string (the manifest keeps its own).
 */
export function brandAppName(settings: Record<string, unknown>): string | undefined {
  const appSettings = isObject(settings.appSettings) ? settings.appSettings : {}
  const brand = isObject(appSettings.brand) ? appSettings.brand : {}
  for (const name of [brand.appName, brand.name]) if (typeof name === 'string' && name.trim() !== '') return name.trim()
  return undefined
}
