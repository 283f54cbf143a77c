import { Lightning, Router } from '@lightningjs/sdk'
import { Home } from './Home'
import type { ReadyHook } from './ready'
import { markFirstRoute } from './ready'

const HOME = 'home'

/** A Router app with one page: the blank reference the start-up benchmark compares the app with. */
export class App extends Router.App {
  protected hook: ReadyHook | undefined

  static override _template(): Lightning.Component.Template<Router.App.TemplateSpec> {
    return {
      ...super._template(),
      Background: { w: 1920, h: 1080, rect: true, color: 0xff101318, zIndex: -1 },
    } as Lightning.Component.Template<Router.App.TemplateSpec>
  }

  override _setup(): void {
    Router.startRouter(
      {
        root: HOME,
        routes: [{ path: HOME, component: Home }],
        afterEachRoute: (request) => {
          if (this.hook) markFirstRoute(this.hook, this.stage, request.hash)
        },
      },
      this,
    )
  }
}

export function createApp(hook: ReadyHook): typeof App {
  return class BoundApp extends App {
    protected override hook: ReadyHook | undefined = hook
  }
}
