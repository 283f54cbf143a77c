/**
 * Mounts Lightning under jsdom (canvas2d, drawn by jest-canvas-mock) for unit tests of the UI:
 * - `mount(Component)`: one component in a throwaway Lightning.Application;
 * - `mountApp(firstScreen)`: the real App (Router, pages, dialogs) with services the test drives.
 * Both give the same handle: press keys the way a remote sends them, read the focus path and the
 * visible texts, draw frames. `unmount()` destroys the application and its key listeners; call it
 * in afterEach.
 */
import type { Speech } from '../../src/core/speech'
import { Lightning } from '@lightningjs/sdk'
import type { Registry, Router } from '@lightningjs/sdk'
import { initSettings } from '@lightningjs/sdk/src/Settings/index.js'
import settingsFile from '../../settings.json'
import type { App } from '../../src/ui/App'
import type { AppServices, Screen } from '../../src/ui/model/screen'
import type { UiIntent } from '../../src/ui/model/intents'

/** The codes a remote's Back, OK and arrows arrive with (settings.json maps more codes to Back). */
export const keyCodes = { Back: 8, Enter: 13, Left: 37, Up: 38, Right: 39, Down: 40 } as const
export type KeyName = keyof typeof keyCodes

/** The key map Launch hands the application: settings.json's. */
const keyMap: Record<string, string> = settingsFile.appSettings.keys
const isKeyName = (name: string | undefined): name is KeyName => name !== undefined && name in keyCodes

/** A signal fired up the tree (`fireAncestors('$name', ...args)`) that reached the application. */
export interface FiredSignal {
  readonly name: string
  readonly args: readonly unknown[]
}

/** What both mounts offer: the application, its subject (the child named "Subject") and how to read them. */
interface Surface<C extends Lightning.Component> {
  readonly app: Lightning.Application
  /** The component under test (for `mountApp`, the App). */
  readonly subject: C
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
  /** Keys nothing on the focus path handled: they bubbled up to the application. */
  readonly bubbled: KeyName[]
  /** Moves the focus to another element of the app (e.g. a sibling) and back with `focusSubject()`. */
  focusOn(element: Lightning.Component | null): void
  focusSubject(): void
  unmount(): void
}

export interface Mounted<C extends Lightning.Component> extends Surface<C> {
  /** Sends a key down the app's key handling (captures top-down, handlers bottom-up) and draws a frame. */
  press(key: KeyName): void
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

/** The copy of the SDK an application runs on, with the settings store of that same copy. */
interface SdkCopy {
  readonly Lightning: typeof Lightning
  readonly initSettings: typeof initSettings
}

type Node = Lightning.Element & { text?: { text?: string } | null; ref?: string }

function visibleTexts(node: Node, out: string[]): void {
  if (!node.visible || node.alpha <= 0.05) return
  const text = node.text?.text
  if (typeof text === 'string' && text.trim() !== '') out.push(text)
  for (const child of node.children as Node[]) visibleTexts(child, out)
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** Builds the application around `type` (its focused child "Subject") on `sdk`, and the shared handle. */
function host<C extends Lightning.Component>(sdk: SdkCopy, type: new (...args: never[]) => C, options: MountOptions): Mounted<C> {
  // What Launch does in the app: the settings the components read (a fresh object per mount).
  const appSettings = { ...structuredClone(settingsFile.appSettings), ...('brand' in options ? { brand: options.brand } : {}) }
  sdk.initSettings(appSettings, structuredClone(settingsFile.platformSettings))
  let target: Lightning.Component | null | 'subject' = 'subject'
  const bubbled: KeyName[] = []
  class KitApp extends sdk.Lightning.Application {
    static override _template(): Lightning.Component.Template {
      return { Subject: { type: type as unknown as typeof Lightning.Component }, ...(options.siblings ?? {}) } as Lightning.Component.Template
    }

    /** Reached only by keys every element on the focus path let bubble. */
    override _handleKey(e: KeyboardEvent): boolean {
      const name = keyMap[e.keyCode]
      if (isKeyName(name)) bubbled.push(name)
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
  // No frame loop of its own (frames are drawn by the test), and a fixed 16 ms per frame so
  // transitions end after the same number of frames on every run.
  const app = new KitApp({
    stage: { w: 1920, h: 1080, canvas2d: true, autostart: false, fixedDt: 16, useImageWorker: false, fontSharp: false },
    debug: false,
    keys: keyMap,
  } as unknown as Lightning.Application.Options)
  const subject = app.tag('Subject' as never) as unknown as C
  if (options.props) subject.patch(options.props as never)
  const stage = app.stage as unknown as { drawFrame(): void }
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
      // Through the application's own listener, as a remote's key arrives.
      window.dispatchEvent(event)
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
    async settle(rounds = 40) {
      for (let i = 0; i < rounds; i += 1) {
        frames(1)
        await macrotask()
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

/** Mounts `type` as the application's only focused child, named "Subject". */
export function mount<C extends Lightning.Component>(type: new (...args: never[]) => C, options: MountOptions = {}): Mounted<C> {
  return host({ Lightning, initSettings }, type, options)
}

/** The fresh copy of the SDK a mounted App runs on (its Router state is that App's alone). */
export interface FreshSdk {
  readonly Lightning: typeof Lightning
  readonly Router: typeof Router
  readonly Registry: typeof Registry
}

/** Loads the fresh SDK copy the next `mountApp` will run on (to spy on it before mounting). */
export async function freshSdk(): Promise<FreshSdk> {
  // The SDK's Router keeps module state: each App gets modules of its own.
  jest.resetModules()
  // The module's typings and its runtime shape differ (default plus named exports): name what is used.
  return (await import('@lightningjs/sdk')) as unknown as FreshSdk
}

export interface AppMountOptions {
  /** The SDK copy from `freshSdk()`, when the test spies on it before mounting; else a new one. */
  readonly sdk?: FreshSdk
  /** Replaces settings.json's `appSettings.brand` for this mount. */
  readonly brand?: unknown
  /** The speech service the App speaks through (voice guidance on); absent, the App has none. */
  readonly speech?: Speech
}

export interface MountedApp extends Surface<App> {
  readonly sdk: FreshSdk
  /** Intents the app handed to the screen source, oldest first. */
  readonly dispatched: UiIntent[]
  /** How many times the app asked the platform to exit. */
  readonly exits: number
  /** Listeners currently subscribed to the screens and to the pointer's visibility. */
  subscribers(): { screens: number; pointer: number }
  /** Publishes the flow's next screen and lets the Router finish with it. */
  publish(screen: Screen): Promise<void>
  /** Publishes without letting the Router finish anything (a screen the flow leaves at once). */
  publishNow(screen: Screen): void
  setPointerVisible(visible: boolean): void
  /** Sends a key as `Mounted.press` does, then settles: what it starts in the Router is done. */
  press(key: KeyName): Promise<void>
  activeRoute(): string | undefined
}

/**
 * Mounts the real App on a fresh copy of the SDK with services the test drives: the screen source
 * starts on `first`, `publish` moves it on, and the intents and exits the App asked for are recorded.
 */
export async function mountApp(first: Screen, options: AppMountOptions = {}): Promise<MountedApp> {
  const sdk = options.sdk ?? (await freshSdk())
  // From the same module registry as `sdk`: the App, and the settings store its components read.
  const { createApp } = await import('../../src/ui/App')
  const settings = await import('@lightningjs/sdk/src/Settings/index.js')
  const screenListeners = new Set<(screen: Screen) => void>()
  const pointerListeners = new Set<(visible: boolean) => void>()
  const dispatched: UiIntent[] = []
  let current = first
  let exits = 0
  const services: AppServices & { speech?: Speech } = {
    ...(options.speech ? { speech: options.speech } : {}),
    screens: {
      subscribe(listener) {
        screenListeners.add(listener)
        listener(current)
        return () => screenListeners.delete(listener)
      },
      dispatch: (intent) => dispatched.push(intent),
    },
    exitApp: () => {
      exits += 1
    },
    pointerVisibility(listener) {
      pointerListeners.add(listener)
      return () => pointerListeners.delete(listener)
    },
  }
  const base = host({ Lightning: sdk.Lightning, initSettings: settings.initSettings }, createApp(services), 'brand' in options ? { brand: options.brand } : {})
  const publishNow = (screen: Screen): void => {
    current = screen
    screenListeners.forEach((listener) => listener(screen))
  }
  const mounted: MountedApp = {
    ...base,
    sdk,
    dispatched,
    get exits() {
      return exits
    },
    subscribers: () => ({ screens: screenListeners.size, pointer: pointerListeners.size }),
    async publish(screen) {
      publishNow(screen)
      await base.settle()
    },
    publishNow,
    setPointerVisible(visible) {
      pointerListeners.forEach((listener) => listener(visible))
    },
    async press(key) {
      base.press(key)
      await base.settle()
    },
    activeRoute: () => sdk.Router.getActiveRoute(),
  }
  await base.settle()
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
