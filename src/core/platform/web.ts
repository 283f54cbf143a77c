/**
 * What every adapter shares with a plain browser: the Page Visibility API, online/offline events,
 * window.close() and the standard key codes of the keys that need no registration outside Tizen.
 */
import { all, attempt, distinct, listen, read, type PlatformGlobals, type RemoteKeyCodes, type RemoteKeyName, type Unsubscribe } from './platform'

/** Key codes webOS remotes and desktop keyboards deliver without registration (no PlayPause there). */
const standardKeyCodes: RemoteKeyCodes = {
  ColorF0Red: 403,
  ColorF1Green: 404,
  ColorF2Yellow: 405,
  ColorF3Blue: 406,
  MediaPlay: 415,
  MediaPause: 19,
  MediaStop: 413,
  MediaFastForward: 417,
  MediaRewind: 412,
}

/** The standard codes of `names`, for platforms that deliver these keys unregistered. */
export function standardKeys(names: readonly RemoteKeyName[]): RemoteKeyCodes {
  const out: Partial<Record<RemoteKeyName, number>> = {}
  for (const name of names) {
    const code = standardKeyCodes[name]
    if (code !== undefined) out[name] = code
  }
  return out
}

function isHidden(doc: unknown): boolean {
  const hidden = read(doc, 'hidden')
  if (typeof hidden === 'boolean') return hidden
  // Older webOS and Tizen engines still prefix the Page Visibility API.
  return read(doc, 'webkitHidden') === true
}

/** `visibilitychange` (and the prefixed event of old engines) on `document`, reported once per change. */
export function onDocumentVisibility(globals: PlatformGlobals, listener: (hidden: boolean) => void): Unsubscribe {
  const doc = read(globals, 'document')
  const report = distinct(listener, isHidden(doc))
  const handler = (): void => report(isHidden(doc))
  return all([listen(doc, 'visibilitychange', handler), listen(doc, 'webkitvisibilitychange', handler)])
}

/** The window's `online`/`offline` events, reported once per change. */
export function onWindowNetwork(globals: PlatformGlobals, report: (online: boolean) => void): Unsubscribe {
  return all([listen(globals, 'online', () => report(true)), listen(globals, 'offline', () => report(false))])
}

/** What navigator.onLine says now (true when it cannot say). */
export function isOnline(globals: PlatformGlobals): boolean {
  return read(globals, 'navigator.onLine') !== false
}

/** window.close(): true when it was there and did not throw. */
export function closeWindow(globals: PlatformGlobals): boolean {
  return attempt(globals, 'close')
}

/**
 * A language tag as a platform answered it: a non-empty string, trimmed, else null (a number, an
 * object or '' says nothing). Spelling ('es_US', 'es-419') is left to the UI's mapping.
 */
export function languageTagOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** The engine's `navigator.language` (else the first of `navigator.languages`), or null. */
export function navigatorLanguage(globals: PlatformGlobals): string | null {
  const first: unknown = read(globals, 'navigator.languages.0')
  return languageTagOf(read(globals, 'navigator.language')) ?? languageTagOf(first)
}

/** The window's `languagechange` event, reported once per change of navigator.language. */
export function onNavigatorLanguage(globals: PlatformGlobals, listener: (tag: string | null) => void): Unsubscribe {
  const report = distinct(listener, navigatorLanguage(globals))
  return listen(globals, 'languagechange', () => report(navigatorLanguage(globals)))
}
