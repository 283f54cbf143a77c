/**
 * The platform seam of core (docs/architecture.md "Layers", "Platforms"): where the device id and
 * X-Device-Info come from. Adapters are picked by capability first, user agent second, and a
 * `?platform=` override in development. Adapters read platform globals only through the `globals`
 * object they are given, so tests fake Tizen and webOS without touching the real window.
 */
import type { Clock } from '../base/clock'
import type { DeviceInfo } from './device-info'

export type PlatformName = 'browser' | 'tizen' | 'webos'

/** Ends a subscription; calling it twice is harmless. */
export type Unsubscribe = () => void

/**
 * Remote keys beyond arrows/OK/Back, by their Tizen TVInputDevice names (docs/architecture.md
 * "Platforms"). Tizen delivers them only once registered; webOS and browsers deliver them as is.
 */
export type RemoteKeyName =
  | 'ColorF0Red'
  | 'ColorF1Green'
  | 'ColorF2Yellow'
  | 'ColorF3Blue'
  | 'MediaPlay'
  | 'MediaPause'
  | 'MediaPlayPause'
  | 'MediaStop'
  | 'MediaFastForward'
  | 'MediaRewind'

/** What registerKeys delivered: each key the platform will deliver, with its key code. */
export type RemoteKeyCodes = Readonly<Partial<Record<RemoteKeyName, number>>>

export interface Platform {
  readonly name: PlatformName
  /** The platform's stable hardware id (Tizen DUID, webOS LGUDID), raw; null when there is none. */
  stableId(): Promise<string | null>
  /** What the platform can say for X-Device-Info (docs/adobe-pass.md "Headers"); unknown fields left out. */
  deviceInfo(): Promise<Partial<DeviceInfo>>
  /**
   * Asks the platform to deliver these keys and says which codes they arrive with (Tizen: registered
   * through tizen.tvinputdevice, codes read with getKey). Keys the platform refused are left out.
   */
  registerKeys(names: readonly RemoteKeyName[]): RemoteKeyCodes
  /** Leaves the app the way the platform wants (called from the exit dialog's "Exit"). Never throws. */
  exit(): void
  /** Calls `listener(hidden)` when the app is hidden or shown again (multitasking, screen saver). */
  onVisibilityChange(listener: (hidden: boolean) => void): Unsubscribe
  /** Calls `listener(online)` when the network connection is lost or comes back. */
  onNetworkChange(listener: (online: boolean) => void): Unsubscribe
  /** Calls `listener(visible)` when the Magic Remote pointer appears or hides (webOS only). */
  onPointerVisibilityChange(listener: (visible: boolean) => void): Unsubscribe
  /**
   * The TV's UI language as the platform spells it ('es_US', 'es-US', 'en-US'), raw: mapping it to
   * a copy language is the UI's job. Null when the platform cannot say. Never rejects.
   */
  language(): Promise<string | null>
  /**
   * Calls `listener(tag)` when the platform reports its UI language after subscribing (webOS: the
   * settings subscription; Tizen: re-read when the app is shown again; browser: `languagechange`).
   * The same tag twice in a row is reported once.
   */
  onLanguageChange(listener: (tag: string | null) => void): Unsubscribe
  /**
   * The platform's voice (docs/architecture.md "Voice guidance"): webOS `luna://com.webos.service.tts`
   * speak; Tizen and browser `speechSynthesis`. A property, built with the adapter; it reads the
   * globals at each call, and without them it says nothing.
   */
  readonly voice: Voice
  /**
   * Whether the TV's own guidance is on: Tizen Voice Guide (`webapis.tvinfo` VOICE_GUIDE_KEY, 1 on),
   * webOS Audio Guidance (settings service `audioGuidance`, 'on'); browser false. Never rejects;
   * false when unknown.
   */
  guidance(): Promise<boolean>
  /**
   * Calls `listener(on)` when the guidance setting changes while the app runs (webOS: the settings
   * subscription; Tizen: re-read when the app is shown again; browser: never). The same value twice
   * in a row is reported once.
   */
  onGuidanceChange(listener: (on: boolean) => void): Unsubscribe
}

/** A text-to-speech voice of the platform (docs/architecture.md "Voice guidance"). */
export interface Voice {
  /**
   * Says `text` in `lang` ('en-US' | 'es-US'); `interrupt` stops what the voice says first. Resolves
   * when said, cut off or failed, never rejects; a voice that cannot tell the end resolves at once
   * (its own queue keeps the order).
   */
  speak(text: string, options: { readonly lang: string; readonly interrupt: boolean }): Promise<void>
  /** Stops at once. Never throws. */
  cancel(): void
}

/** The globals adapters read; `globalThis` in the app, a plain object in tests. */
export type PlatformGlobals = Readonly<Record<string, unknown>>

export interface PlatformContext {
  readonly globals: PlatformGlobals
  readonly clock: Clock
  /** Longest wait for a callback-style platform API (LGUDID, webOS.deviceInfo). */
  readonly callbackTimeoutMs: number
}

/** Reads `a.b.c` from an unknown value; undefined anywhere along the way. */
export function read(root: unknown, path: string): unknown {
  let value: unknown = root
  for (const key of path.split('.')) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

type Called = { readonly ok: true; readonly value: unknown } | { readonly ok: false }

/** Calls the method at `path` on its owner, if there is one; a throw counts as not called. */
function callAt(root: unknown, path: string, args: unknown[]): Called {
  const dot = path.lastIndexOf('.')
  const owner = dot < 0 ? root : read(root, path.slice(0, dot))
  const fn = read(owner, path.slice(dot + 1))
  if (typeof fn !== 'function') return { ok: false }
  try {
    return { ok: true, value: (fn as (...a: unknown[]) => unknown).apply(owner, args) }
  } catch {
    return { ok: false }
  }
}

/** Calls `obj.method(...args)` if it is a function, returning undefined when absent or when it throws. */
export function callSafely(root: unknown, path: string, ...args: unknown[]): unknown {
  const called = callAt(root, path, args)
  return called.ok ? called.value : undefined
}

/** The part of an EventTarget the subscriptions use. */
interface EventTargetLike {
  addEventListener(type: string, listener: (event: unknown) => void): void
  removeEventListener(type: string, listener: (event: unknown) => void): void
}

function asEventTarget(value: unknown): EventTargetLike | undefined {
  return typeof read(value, 'addEventListener') === 'function' && typeof read(value, 'removeEventListener') === 'function'
    ? (value as EventTargetLike)
    : undefined
}

/**
 * Adds `handler` for `type` on `target` and returns its removal. A missing target, or one whose
 * addEventListener throws, gives a subscription that never fires (the app runs on without it).
 */
export function listen(target: unknown, type: string, handler: (event: unknown) => void): Unsubscribe {
  const t = asEventTarget(target)
  if (!t) return () => undefined
  try {
    t.addEventListener(type, handler)
  } catch {
    return () => undefined
  }
  let active = true
  return () => {
    if (!active) return
    active = false
    try {
      t.removeEventListener(type, handler)
    } catch {
      // Nothing left to release.
    }
  }
}

/** Several unsubscribes as one. */
export function all(unsubscribes: readonly Unsubscribe[]): Unsubscribe {
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe()
  }
}

/** Passes a value on only when it differs from the last one passed (two sources, one event). */
export function distinct<T>(listener: (value: T) => void, initial?: T): (value: T) => void {
  let last = initial
  return (value) => {
    if (value === last) return
    last = value
    listener(value)
  }
}

/** Calls `obj.method(...args)`: true when it exists and returned, false when absent or when it threw. */
export function attempt(root: unknown, path: string, ...args: unknown[]): boolean {
  return callAt(root, path, args).ok
}

/** A non-empty trimmed string, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** A callback-style call under way: its result, and a cancel that ends it now with the fallback. */
export interface CallbackRequest<T> {
  readonly result: Promise<T>
  /** Clears the timer and resolves with the fallback; after an answer it does nothing. */
  cancel(): void
}

/**
 * Wraps a callback-style API: resolves with what `start` delivers, or `fallback` on failure or when
 * nothing arrives within `ms` (an LG service that never answers must not hang the start-up).
 */
export function callbackRequest<T>(
  clock: Clock,
  ms: number,
  fallback: T,
  start: (deliver: (value: T) => void, failed: () => void) => void,
): CallbackRequest<T> {
  let finish: (value: T) => void = () => undefined
  const result = new Promise<T>((resolve) => {
    let done = false
    finish = (value: T): void => {
      if (done) return
      done = true
      clock.clearTimeout(timer)
      resolve(value)
    }
    const timer = clock.setTimeout(() => finish(fallback), ms)
    try {
      start(finish, () => finish(fallback))
    } catch {
      finish(fallback)
    }
  })
  return { result, cancel: () => finish(fallback) }
}

/** `callbackRequest` for a caller that never cancels. */
export function fromCallback<T>(clock: Clock, ms: number, fallback: T, start: (deliver: (value: T) => void, failed: () => void) => void): Promise<T> {
  return callbackRequest(clock, ms, fallback, start).result
}

/** The `?platform=` override (development and test builds only), or undefined. */
export function platformOverride(query: string | undefined, allowOverrides: boolean): PlatformName | undefined {
  if (!allowOverrides || !query) return undefined
  const match = /[?&]platform=([^&#]*)/.exec(query)
  const value = match ? decodeURIComponent(match[1] ?? '').toLowerCase() : ''
  return value === 'browser' || value === 'tizen' || value === 'webos' ? value : undefined
}

/** Capability first (the APIs the adapter will use), user agent second. */
export function detectPlatformName(globals: PlatformGlobals): PlatformName {
  if (typeof read(globals, 'webapis.productinfo.getDuid') === 'function' || read(globals, 'tizen') !== undefined) return 'tizen'
  if (
    read(globals, 'webOSDev') !== undefined ||
    read(globals, 'webOS') !== undefined ||
    read(globals, 'PalmSystem') !== undefined ||
    read(globals, 'PalmServiceBridge') !== undefined
  ) {
    return 'webos'
  }
  const ua = text(read(globals, 'navigator.userAgent')) ?? ''
  if (/Tizen/i.test(ua)) return 'tizen'
  if (/Web0S|webOS/i.test(ua)) return 'webos'
  return 'browser'
}
