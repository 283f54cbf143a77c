/**
 * The same start-up signal as the real app's window.__tvApp (src/test-hook.ts), reduced to what the
 * benchmark reads: `ready` and `readyAt` (performance.now()) at the stage's first frameEnd after the
 * first routed page.
 */
import type { Lightning } from '@lightningjs/sdk'

export interface ReadyHook {
  ready: boolean
  readyAt: number
  route: string
}

export function installReadyHook(target: Record<string, unknown>): ReadyHook {
  const hook: ReadyHook = { ready: false, readyAt: 0, route: '' }
  target.__tvApp = hook
  return hook
}

/** Marks the hook ready on the first frame drawn after `route` was routed; later calls do nothing. */
export function markFirstRoute(hook: ReadyHook, stage: Lightning.Stage, route: string): void {
  if (hook.route !== '') return
  hook.route = route
  stage.once('frameEnd', () => {
    hook.readyAt = performance.now()
    hook.ready = true
  })
}
