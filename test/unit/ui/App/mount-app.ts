/**
 * Mounts the real App (Router, pages, dialogs) in a throwaway Lightning application over jsdom and
 * jest-canvas-mock, with services the test drives: it publishes screens and reads the intents the
 * app dispatched. The SDK Router keeps module state, so each mount loads a fresh copy of the modules.
 */
import type { Lightning, Registry, Router } from '@lightningjs/sdk'
import type { AppServices, Screen } from '../../../../src/ui/model/screen'
import type { UiIntent } from '../../../../src/ui/model/intents'

/** The fresh copy of the SDK the mounted app runs on (its Router state is that app's alone). */
export interface FreshSdk {
  readonly Lightning: typeof Lightning
  readonly Router: typeof Router
  readonly Registry: typeof Registry
}

/** Lightning's default key map: the codes a remote's Back, OK and arrows arrive with. */
export const keyCodes = { Back: 8, Enter: 13, Left: 37, Up: 38, Right: 39, Down: 40 } as const
export type KeyName = keyof typeof keyCodes

export interface MountedApp {
  readonly sdk: FreshSdk
  readonly application: Lightning.Application
  /** Intents the app handed to the screen source, oldest first. */
  readonly dispatched: UiIntent[]
  exits: number
  /** Listeners currently subscribed to the screens and to the pointer's visibility. */
  subscribers(): { screens: number; pointer: number }
  publish(screen: Screen): Promise<void>
  /** Publishes without letting the Router finish anything (a screen the flow leaves at once). */
  publishNow(screen: Screen): void
  setPointerVisible(visible: boolean): void
  press(key: KeyName): Promise<void>
  /** Draws frames and lets the Router's promises run until routing and transitions are done. */
  settle(): Promise<void>
  /** The texts drawn on screen (visible elements only). */
  texts(): string[]
  /** Refs (or class names) along the focus path, the app first. */
  focusPath(): string[]
  activeRoute(): string | undefined
  destroy(): void
}

type Drawn = Lightning.Element & { text?: { text?: string } | null }

function visibleTexts(element: Drawn, out: string[]): string[] {
  if (!element.visible || element.alpha <= 0.05) return out
  const text = element.text?.text
  if (typeof text === 'string' && text.trim() !== '') out.push(text)
  for (const child of element.children as Drawn[]) visibleTexts(child, out)
  return out
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** Loads the fresh SDK copy the next `mountApp` will run on (to spy on it before mounting). */
export async function freshSdk(): Promise<FreshSdk> {
  jest.resetModules()
  // The module's typings and its runtime shape differ (default plus named exports): name what is used.
  return (await import('@lightningjs/sdk')) as unknown as FreshSdk
}

export async function mountApp(first: Screen, sdkCopy?: FreshSdk): Promise<MountedApp> {
  const sdk = sdkCopy ?? (await freshSdk())
  const { createApp } = await import('../../../../src/ui/App')
  const screenListeners = new Set<(screen: Screen) => void>()
  const pointerListeners = new Set<(visible: boolean) => void>()
  let current = first
  const mounted: Partial<MountedApp> & { dispatched: UiIntent[]; exits: number } = { dispatched: [], exits: 0 }
  const services: AppServices = {
    screens: {
      subscribe(listener) {
        screenListeners.add(listener)
        listener(current)
        return () => screenListeners.delete(listener)
      },
      dispatch: (intent) => mounted.dispatched.push(intent),
    },
    exitApp: () => {
      mounted.exits++
    },
    pointerVisibility(listener) {
      pointerListeners.add(listener)
      return () => pointerListeners.delete(listener)
    },
  }
  const AppClass = createApp(services)
  class Host extends sdk.Lightning.Application {
    static override _template(): Lightning.Component.Template {
      return { App: { type: AppClass } }
    }

    override _getFocused(): Lightning.Component | undefined {
      return this.tag('App' as never) as Lightning.Component | undefined
    }
  }
  const application = new Host({ stage: { w: 1920, h: 1080, canvas2d: true, useImageWorker: false, fixedDt: 16 } } as never)
  const publishNow = (screen: Screen): void => {
    current = screen
    screenListeners.forEach((listener) => listener(screen))
  }
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 40; i++) {
      application.stage.drawFrame()
      await macrotask()
    }
  }
  Object.assign(mounted, {
    sdk,
    application,
    subscribers: () => ({ screens: screenListeners.size, pointer: pointerListeners.size }),
    async publish(screen: Screen) {
      publishNow(screen)
      await settle()
    },
    publishNow,
    setPointerVisible(visible: boolean) {
      pointerListeners.forEach((listener) => listener(visible))
    },
    async press(key: KeyName) {
      const event = new KeyboardEvent('keydown', { key })
      Object.defineProperty(event, 'keyCode', { value: keyCodes[key] })
      window.dispatchEvent(event)
      await settle()
    },
    settle,
    texts: () => visibleTexts(application as unknown as Drawn, []),
    focusPath: () => (application.focusPath ?? []).map((c) => c.ref ?? c.constructor.name),
    activeRoute: () => sdk.Router.getActiveRoute(),
    destroy: () => application.destroy(),
  })
  await settle()
  return mounted as MountedApp
}
