/**
 * The pass settings a store package gets: `appSettings.pass` of the settings file the Lightning CLI
 * bakes in, with the keys of the optional STORE_PASS_SETTINGS file over them. Read from the files,
 * so they can be checked before anything is built.
 */
import { existsSync, readFileSync } from 'node:fs'

export interface StorePass {
  readonly pass: Record<string, unknown>
  /** The settings file read (settings.json, or the CLI's settings.<LNG_SETTINGS_ENV>.json). */
  readonly settingsFile: string
  readonly overlay: string | undefined
  /** For messages: where these values came from. */
  readonly source: string
}

function readObject(file: string, what: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${what} ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} ${file}: must hold a JSON object`)
  return value as Record<string, unknown>
}

/** The file `lng dist` reads, chosen as the CLI chooses it. */
function settingsFileName(env: NodeJS.ProcessEnv): string {
  const named = env.LNG_SETTINGS_ENV ? `settings.${env.LNG_SETTINGS_ENV}.json` : undefined
  return named && existsSync(named) ? named : 'settings.json'
}

export function storePass(env: NodeJS.ProcessEnv = process.env): StorePass {
  const settingsFile = settingsFileName(env)
  const settings = readObject(settingsFile, 'settings file')
  const appSettings = settings.appSettings as { pass?: unknown } | undefined
  const base = appSettings?.pass
  if (typeof base !== 'object' || base === null || Array.isArray(base)) throw new Error(`${settingsFile}: appSettings.pass must be an object`)
  const overlay = env.STORE_PASS_SETTINGS || undefined
  if (overlay && !existsSync(overlay)) throw new Error(`STORE_PASS_SETTINGS=${overlay}: no such file`)
  const extra = overlay ? readObject(overlay, 'STORE_PASS_SETTINGS') : {}
  return {
    pass: { ...(base as Record<string, unknown>), ...extra },
    settingsFile,
    overlay,
    source: overlay ? `${settingsFile} appSettings.pass with STORE_PASS_SETTINGS=${overlay} over it` : `${settingsFile} appSettings.pass, no STORE_PASS_SETTINGS file`,
  }
}
