/**
 * Mounts one Lightning component in a throwaway Lightning.Application under jsdom (canvas2d, drawn
 * by jest-canvas-mock), for unit tests of components: press keys through the app's own key
 * handling, read the focus path and the visible texts, draw frames. `unmount()` destroys the app and
 * its key listeners; call it in afterEach.
 */
import { Lightning } from '@lightningjs/sdk'
import { initSettings } from '@lightningjs/sdk/src/Settings/index.js'
import settingsFile from '../../settings.json'

/** The remote keys as settings.json maps them (Back is Backspace or Escape in a browser). */
export const keyCodes = { Back: 8, Enter: 13, Left: 37, Up: 38, Right: 39, Down: 40 } as const
export type KeyName = keyof typeof keyCodes

const keyMap: Record<number, string> = Object.fromEntries(Object.entries(keyCodes).map(([name, code]) => [code, name]))

/** A signal fired up the tree (`fireAncestors('$name', ...args)`) that reached the application. */
export interface FiredSignal {
  readonly name: string
  readonly args: readonly unknown[]
}

export interface Mounted<C extends Lightning.Component> {
  readonly app: Lightning.Application
  /** The component under test. */
  readonly subject: C
  /** Sends a key down the app's key handling (captures top-down, handlers bottom-up) and draws a frame. */
  press(key: KeyName): void
  /** Refs of the focus path below the application, e.g. ["Subject", "Items"?, "B"]. */
  focusPath(): string[]
  /** The last ref of the focus path. */
  focused(): string | undefined
  /** Every non-empty text of visible elements, in tree order. */
  texts(): string[]
  /** Draws `count` frames: textures load, txLoaded handlers run, focus settles. */
  frames(count?: number): void
  /** Draws frames between turns of the event loop, for work that waits on promises (the Router's navigations). */
  settle(rounds?: number): Promise<void>
  /** `$signals` that bubbled up to the application, oldest first. */
  readonly fired: FiredSignal[]
  /** Keys nothing in the component handled: they bubbled up to the application. */
  readonly bubbled: KeyName[]
  /** Moves the focus to another element of the app (e.g. a sibling) and back with `focusSubject()`. */
  focusOn(element: Lightning.Component | null): void
  focusSubject(): void
  unmount(): void
}

export interface MountOptions {
  /** Patched onto the subject after it is created. */
  readonly props?: Record<string, unknown>
  /** Extra children of the application beside the subject, e.g. another focusable to move to. */
  readonly siblings?: Record<string, Lightning.Element.NewPatchTemplate>
  /** Names of `$signals` to record when they reach the application. */
  readonly signals?: readonly string[]
  /** Replaces settings.json's `appSettings.brand` for this mount (what the components read). */
  readonly brand?: unknown
}

type Node = Lightning.Element & { text?: { text?: string } | null; ref?: string }

function visibleTexts(node: Node, out: string[]): void {
  if (!node.visible || node.alpha <= 0.05) return
  const text = node.text?.text
  if (typeof text === 'string' && text.trim() !== '') out.push(text)
  for (const child of node.children as Node[]) visibleTexts(child, out)
}

/** Mounts `type` as the application's only focused child, named "Subject". */
export function mount<C extends Lightning.Component>(type: new (...args: never[]) => C, options: MountOptions = {}): Mounted<C> {
  // What Launch does in the app: the settings the components read (a fresh object per mount).
  const appSettings = { ...structuredClone(settingsFile.appSettings), ...('brand' in options ? { brand: options.brand } : {}) }
  initSettings(appSettings, structuredClone(settingsFile.platformSettings))
  let target: Lightning.Component | null | 'subject' = 'subject'
  const bubbled: KeyName[] = []
  class KitApp extends Lightning.Application {
    static override _template(): Lightning.Component.Template {
      return { Subject: { type: type as unknown as typeof Lightning.Component }, ...(options.siblings ?? {}) } as Lightning.Component.Template
    }

    /** Reached only by keys every element on the focus path let bubble. */
    override _handleKey(e: KeyboardEvent): boolean {
      const name = keyMap[e.keyCode]
      if (name) bubbled.push(name as KeyName)
      return true
    }

    override _getFocused(): Lightning.Component | null | undefined {
      if (target === 'subject') return this.tag('Subject') as Lightning.Component | undefined
      return target
    }
  }
  const fired: FiredSignal[] = []
  // Lightning delivers a signal only to a method of the class (it looks on the prototype), and the
  // class is this mount's own, so nothing leaks into the next test.
  for (const name of options.signals ?? []) {
    ;(KitApp.prototype as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      fired.push({ name, args })
    }
  }
  const app = new KitApp({
    stage: { w: 1920, h: 1080, canvas2d: true, autostart: false, useImageWorker: false, fontSharp: false },
    debug: false,
    keys: keyMap,
  } as unknown as Lightning.Application.Options)
  const subject = app.tag('Subject' as never) as unknown as C
  if (options.props) subject.patch(options.props as never)
  const stage = app.stage as unknown as { drawFrame(): void; destroy(): void }
  const frames = (count = 2): void => {
    for (let i = 0; i < count; i += 1) stage.drawFrame()
  }
  frames()
  const mounted: Mounted<C> = {
    app,
    subject,
    fired,
    bubbled,
    press(key) {
      const event = new KeyboardEvent('keydown', { key, cancelable: true })
      // jsdom leaves the legacy keyCode at 0; Lightning's key map reads it.
      Object.defineProperty(event, 'keyCode', { value: keyCodes[key] })
      ;(app as unknown as { _receiveKeydown(e: KeyboardEvent): void })._receiveKeydown(event)
      frames(1)
    },
    focusPath() {
      return (app.focusPath ?? []).slice(1).map((c) => c.ref ?? c.constructor.name)
    },
    focused() {
      const path = mounted.focusPath()
      return path[path.length - 1]
    },
    texts() {
      const out: string[] = []
      visibleTexts(app as unknown as Node, out)
      return out
    },
    frames,
    async settle(rounds = 10) {
      for (let i = 0; i < rounds; i += 1) {
        frames(1)
        await new Promise((resolve) => setTimeout(resolve, 0))
      }
    },
    focusOn(element) {
      target = element
      app._refocus()
      frames(1)
    },
    focusSubject() {
      target = 'subject'
      app._refocus()
      frames(1)
    },
    unmount() {
      app.destroy()
    },
  }
  return mounted
}

/**
 * What Lightning emits on an element when its image has loaded (`size` is the image's own) or failed:
 * jsdom loads no images, so tests of logos and wordmarks play the outcome.
 */
export function imageOutcome(element: Lightning.Element, outcome: { readonly loaded: { readonly w: number; readonly h: number } } | 'failed'): void {
  const emit = element.emit as unknown as (name: string, ...args: unknown[]) => void
  if (outcome === 'failed') emit.call(element, 'txError', new Error('image did not load'), element.texture)
  else emit.call(element, 'txLoaded', { source: outcome.loaded })
}
