/**
 * The app's key map and the platform's remote keys. settings.json `appSettings.keys` maps key codes
 * to Lightning key names (`403: "Red"`); on Tizen those codes are not assumed but read with getKey
 * when the keys are registered (docs/architecture.md "Platforms"), so the map the app runs
 * with is rebuilt from what the platform reports.
 */
import type { RemoteKeyCodes, RemoteKeyName } from './platform'

/** Lightning key name → the remote key that produces it. */
const remoteKeyOf: Readonly<Record<string, RemoteKeyName>> = {
  Red: 'ColorF0Red',
  Green: 'ColorF1Green',
  Yellow: 'ColorF2Yellow',
  Blue: 'ColorF3Blue',
  Play: 'MediaPlay',
  Pause: 'MediaPause',
  PlayPause: 'MediaPlayPause',
  Stop: 'MediaStop',
  FastForward: 'MediaFastForward',
  Rewind: 'MediaRewind',
}

export type KeyMap = Readonly<Record<string, string>>

/** The remote keys a key map uses beyond arrows/OK/Back (what must be registered on Tizen). */
export function remoteKeysOf(keyMap: KeyMap): RemoteKeyName[] {
  const names: RemoteKeyName[] = []
  for (const code of Object.keys(keyMap)) {
    const name = remoteKeyOf[keyMap[code] as string]
    if (name && names.indexOf(name) < 0) names.push(name)
  }
  return names
}

/**
 * The key map with every remote key at the code the platform reported for it. A remote key the
 * platform did not deliver is dropped (it would never arrive); every other entry is kept as is.
 */
export function keyMapWith(keyMap: KeyMap, codes: RemoteKeyCodes): Record<string, string> {
  const out: Record<string, string> = {}
  const actionOf: Partial<Record<RemoteKeyName, string>> = {}
  for (const code of Object.keys(keyMap)) {
    const action = keyMap[code] as string
    const remote = remoteKeyOf[action]
    if (remote) actionOf[remote] = action
    else out[code] = action
  }
  for (const name of Object.keys(actionOf) as RemoteKeyName[]) {
    const code = codes[name]
    if (code !== undefined) out[String(code)] = actionOf[name] as string
  }
  return out
}
