/**
 * One Luna service call on webOS (docs/architecture.md "Voice guidance"): `webOS.service.request`
 * when webOSTV.js is loaded, else the engine's `PalmServiceBridge`, which webOSTV.js wraps (one
 * bridge per call; a subscription answers on it again until cancelled).
 */
import { attempt, read, type PlatformGlobals } from './platform'

export interface LunaCallbacks {
  onSuccess(res: unknown): void
  /** The service answered `returnValue: false`, the answer did not parse, or the call threw. */
  onFailure(): void
}

export interface LunaCall {
  /** Ends the call (a subscription stops answering). Never throws. */
  cancel(): void
}

/**
 * Calls `method` of `service` ('luna://com.webos.service.tts') with `parameters`; undefined when
 * neither path exists. A call that throws reports onFailure and gives a handle that does nothing.
 */
export function lunaCall(
  globals: PlatformGlobals,
  service: string,
  method: string,
  parameters: Readonly<Record<string, unknown>>,
  callbacks: LunaCallbacks,
): LunaCall | undefined {
  const webOSService = read(globals, 'webOS.service')
  const request = read(webOSService, 'request')
  if (typeof request === 'function') {
    try {
      const handle: unknown = (request as (uri: string, options: unknown) => unknown).call(webOSService, service, {
        method,
        parameters,
        onSuccess: (res: unknown) => callbacks.onSuccess(res),
        onFailure: () => callbacks.onFailure(),
      })
      return { cancel: () => void attempt(handle, 'cancel') }
    } catch {
      callbacks.onFailure()
      return { cancel: () => undefined }
    }
  }
  const Bridge = read(globals, 'PalmServiceBridge')
  if (typeof Bridge !== 'function') return undefined
  let bridge: Record<string, unknown>
  try {
    bridge = new (Bridge as new () => Record<string, unknown>)()
    bridge.onservicecallback = (message: unknown) => {
      let res: unknown
      try {
        res = typeof message === 'string' ? JSON.parse(message) : message
      } catch {
        callbacks.onFailure()
        return
      }
      if (read(res, 'returnValue') === false) callbacks.onFailure()
      else callbacks.onSuccess(res)
    }
  } catch {
    callbacks.onFailure()
    return { cancel: () => undefined }
  }
  if (!attempt(bridge, 'call', `${service}/${method}`, JSON.stringify(parameters))) callbacks.onFailure()
  return { cancel: () => void attempt(bridge, 'cancel') }
}
