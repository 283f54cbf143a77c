/**
 * window.__tvApp: what browser tests and the start-up benchmark read (readiness, the route, the focus
 * path, the visible texts). Installed in development and test builds only, never in store packages.
 */
import type { Lightning } from '@lightningjs/sdk'
import type { ReadySignal } from './ui/App'
import { transitionsRunning } from './ui/lightning/internals'

/**
 * Without a readable transition list (another Lightning core), "settled" means this long since the
 * last route or screen change: longer than any transition the UI runs (0.3 s at most).
 */
export const settleFallbackMs = 500

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

export interface TvAppHook extends ReadySignal {
  ready: boolean
  route: string
  /** The screen the app was last asked to show (the drawn `route` follows it). */
  screen: string
  routes: string[]
  /** performance.now() at the first routed frame. */
  readyAt: number
  exited: boolean
  /** The TV language tag last handed to the UI's copy (null: unknown, so English). */
  language: string | null
  /** Whether the speech service is on (the TV's guidance, or `?voiceGuidance=`). */
  guidance: boolean
  /** What the app handed the platform's voice, in order, with its language (voice guidance tests). */
  spoken: Array<{ text: string; lang: string; interrupt: boolean }>
  focusPath(): string[]
  texts(): string[]
  settled(): boolean
}

type Node = Lightning.Element & { text?: { text?: string } | null }

function visibleTexts(root: Node | undefined, out: string[]): void {
  if (!root || !root.visible || root.alpha <= 0.05) return
  const t = root.text?.text
  if (typeof t === 'string' && t.trim() !== '') out.push(t)
  for (const child of root.children as Node[]) visibleTexts(child, out)
}

export function installTestHook(target: Record<string, unknown>): TvAppHook {
  let app: Lightning.Application | undefined
  let changedAt = now()
  const hook: TvAppHook & { attach(app: Lightning.Application): void } = {
    ready: false,
    route: '',
    screen: '',
    routes: [],
    readyAt: 0,
    exited: false,
    language: null,
    guidance: false,
    spoken: [],
    attach(value) {
      app = value
    },
    markReady(route) {
      changedAt = now()
      // Ready once the first routed page has been drawn, not merely created.
      app?.stage.once('frameEnd', () => {
        hook.route = route
        hook.routes.push(route)
        hook.readyAt = typeof performance !== 'undefined' ? performance.now() : 0
        hook.ready = true
      })
    },
    markScreen(route) {
      changedAt = now()
      hook.screen = route
    },
    markRoute(route) {
      changedAt = now()
      app?.stage.once('frameEnd', () => {
        hook.route = route
        hook.routes.push(route)
      })
    },
    focusPath() {
      return (app?.focusPath ?? []).map((c) => c.ref ?? c.constructor.name)
    },
    texts() {
      const out: string[] = []
      visibleTexts(app as unknown as Node | undefined, out)
      return out
    },
    settled() {
      const running = app ? transitionsRunning(app.stage) : false
      return running === undefined ? now() - changedAt >= settleFallbackMs : !running
    },
  }
  target.__tvApp = hook
  return hook
}
