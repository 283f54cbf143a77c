/** Picks the platform adapter (capability first, user agent second, `?platform=` in development). */
import type { Clock } from '../base/clock'
import { createBrowserPlatform } from './browser'
import { detectPlatformName, platformOverride, type Platform, type PlatformGlobals, type PlatformName } from './platform'
import { createTizenPlatform } from './tizen'
import { createWebOsPlatform } from './webos'

export interface CreatePlatformOptions {
  readonly clock: Clock
  /**
   * Where platform globals (tizen, webapis, webOS, webOSDev, navigator, screen) are read.
   * @defaultValue `globalThis`
   */
  readonly globals?: PlatformGlobals
  /** The page's query string, for `?platform=browser|tizen|webos`. */
  readonly query?: string
  /**
   * Whether `?platform=` is honoured (development and test builds).
   * @defaultValue `false`
   */
  readonly allowOverrides?: boolean
  /**
   * Longest wait for a callback-style platform API.
   * @defaultValue `3000`
   */
  readonly callbackTimeoutMs?: number
}

export function createPlatform(options: CreatePlatformOptions): Platform {
  const globals = options.globals ?? (globalThis as unknown as PlatformGlobals)
  const ctx = { globals, clock: options.clock, callbackTimeoutMs: options.callbackTimeoutMs ?? 3000 }
  const name: PlatformName = platformOverride(options.query, options.allowOverrides ?? false) ?? detectPlatformName(globals)
  switch (name) {
    case 'tizen':
      return createTizenPlatform(ctx)
    case 'webos':
      return createWebOsPlatform(ctx)
    default:
      return createBrowserPlatform(ctx)
  }
}
