import { Lightning, Router } from '@lightningjs/sdk'
import { buildRoutes, fallbackPageOf, fallbackView, isFallbackRoute, isRouteName, pageOf, routeNames, showView } from './routes'
import { ConfirmDialog, type ConfirmContent } from './widgets/ConfirmDialog'
import { enablePointerHitTesting } from './pointer'
import { forgetHoveredElement } from './lightning/internals'
import { OfflineBanner } from './widgets/OfflineBanner'
import type { AppServices, Screen } from './model/screen'
import type { Announcement, Speech } from '../core'
import { focusedAnnouncement, isAnnouncing, type Announcing } from './accessible'
import { SENTENCE_PAUSE_MS } from './model/spoken'
import type { UiIntent } from './model/intents'
import { appFonts } from './theme/fonts'
import { colors } from './theme/tokens'
import { currentBrand } from './theme/current'
import { copy } from './copy'

interface AppTemplateSpec extends Router.App.TemplateSpec {
  ExitDialog: typeof ConfirmDialog
  SignOutDialog: typeof ConfirmDialog
  OfflineBanner: typeof OfflineBanner
}

type DialogName = 'ExitDialog' | 'SignOutDialog'

/** Marks the first routed frame for tests and start-up measurements (no fixed sleeps anywhere). */
export interface ReadySignal {
  markReady(route: string): void
  markRoute(route: string): void
  /** The screen the app was asked to show (the route drawn follows it, see `markRoute`). */
  markScreen?(route: string): void
}

/**
 * The Router app: follows the screens the services publish, routes to their pages, hands each page
 * its view, forwards page intents, and owns the exit dialog (Back on the first screen).
 */
export class App extends Router.App<AppTemplateSpec> {
  protected services: AppServices | undefined
  protected ready: ReadySignal | undefined
  /** Voice guidance (silent while the TV's guidance is off). */
  protected speech: Speech | undefined
  /** The route (or dialog) whose announcement was made; focus moves on it are said as they happen. */
  private spokenRoute: string | undefined
  /** The last screen announced other than the boot screen (which the sign-in passes through on its way). */
  private spokenScreen: string | undefined
  /** A screen whose words are still arriving: said with its next view, or at the viewer's next key. */
  private pendingAnnouncement: { readonly route: string; readonly page: Announcing; readonly prefix: Announcement } | undefined
  private current: Screen | undefined
  private unsubscribe: (() => void) | undefined
  private unsubscribePointer: (() => void) | undefined
  private dialog: DialogName | null = null
  /** Per route, where the viewer was when the page was left (pages that offer a `focusKey`). */
  private readonly focusMemory = new Map<string, string>()
  private readyMarked = false

  static override _template(): Lightning.Component.Template<AppTemplateSpec> {
    return {
      ...super._template(),
      Background: { w: 1920, h: 1080, rect: true, color: colors.background, zIndex: -1 },
      ExitDialog: { type: ConfirmDialog },
      SignOutDialog: { type: ConfirmDialog },
      OfflineBanner: { type: OfflineBanner },
    } as Lightning.Component.Template<AppTemplateSpec>
  }

  static getFonts(): ReturnType<typeof appFonts> {
    return appFonts()
  }

  override _setup(): void {
    Router.startRouter(
      buildRoutes((route, page) => this.onRouted(route, page)),
      this,
    )
  }

  override _init(): void {
    if (this.application) enablePointerHitTesting(this.application)
    // The window's title (a browser tab, the TV's task switcher on some models) is the brand's name.
    if (typeof document !== 'undefined') document.title = currentBrand().appName
  }

  /** Follows the services while on the stage; `_detach` releases both subscriptions. */
  override _attach(): void {
    this.unsubscribe ??= this.services?.screens.subscribe((screen) => this.show(screen))
    this.unsubscribePointer ??= this.services?.pointerVisibility?.((visible) => this.onPointerVisibility(visible))
  }

  override _detach(): void {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.unsubscribePointer?.()
    this.unsubscribePointer = undefined
  }

  /**
   * Magic Remote: pointer and keys both work (docs/architecture.md "Platforms"). Hiding the pointer
   * (arrow keys took over) leaves the focus where the keys put it. Lightning fires a hover only when
   * the element under the pointer changes, so it forgets the last hovered element: when the pointer
   * comes back and moves, the item under it takes the focus again even if it is the one hovered
   * before the keys moved on.
   */
  private onPointerVisibility(visible: boolean): void {
    if (visible) return
    if (this.application) forgetHoveredElement(this.application)
    this._refocus()
  }

  override _getFocused(): Lightning.Component | null | undefined {
    if (this.dialog) return this.tag(this.dialog)
    return Router.getActivePage()
  }

  /** Router: Back with no history left (the first screen) asks before leaving. */
  override _handleAppClose(): void {
    this.openExitDialog()
  }

  $intent(intent: UiIntent): void {
    if (intent.type === 'exitApp') {
      this.services?.exitApp()
      return
    }
    // Modal: a pointer click on the page behind the dimmed dialog must not act on that page.
    if (this.dialog) return
    // "Try again" on a fallback screen goes back to the screen the flow is on (the flow saw no error).
    if (intent.type === 'tryAgain' && isFallbackRoute(Router.getActiveRoute() ?? '')) {
      Router.navigate(this.current?.route ?? routeNames.boot, {}, false)
      return
    }
    if (intent.type === 'back' && !this.canGoBack()) {
      this.openExitDialog()
      return
    }
    // Signing out asks first, with Cancel focused (a stray OK must not sign the viewer out).
    if (intent.type === 'signOut') {
      this.openSignOutDialog()
      return
    }
    this.services?.screens.dispatch(intent)
  }

  /** A page's change without a key press (docs/architecture.md "Voice guidance"). */
  $announce(parts: Announcement, priority: 'polite' | 'alert'): void {
    this.speech?.notify(parts, priority)
  }

  /**
   * Lightning calls this on the App for every focus move below it. A move on the screen already
   * announced says the newly focused control (debounced by the speech service); a move that comes
   * with a new screen is left to that screen's announcement, which ends with the focused control.
   */
  override _focusChange(target: Lightning.Component): void {
    if (this.pendingAnnouncement && this.pendingAnnouncement.route === Router.getActiveRoute()) {
      this.sayPending(true)
      return
    }
    if (!this.speech?.enabled || this.spokenRoute === undefined) return
    if (this.spokenRoute !== (this.dialog ?? Router.getActiveRoute())) return
    this.speech.focus(focusedAnnouncement(target))
  }

  /** A screen (or a dialog) appeared: its words, a pause, then the focused control. */
  private announce(route: string, what: Announcement): void {
    this.spokenRoute = route
    if (!this.speech?.enabled) return
    const focused = focusedAnnouncement(this.application?.focusPath?.[this.application.focusPath.length - 1])
    this.speech.screen([...what, { pause: SENTENCE_PAUSE_MS }, ...focused])
  }

  /** Once the routed page has drawn (its focus settled), it is announced; the sign-in just finished says so first. */
  private announceRoute(route: string, page: unknown): void {
    this.pendingAnnouncement = undefined
    if (!this.speech?.enabled) {
      this.spokenRoute = route
      return
    }
    const before = this.spokenScreen
    this.spokenRoute = undefined
    this.stage.once('frameEnd', () => {
      if (Router.getActiveRoute() !== route || this.dialog) return
      if (route !== routeNames.boot) this.spokenScreen = route
      const screen = this.current
      const signedIn = screen?.route === 'decisions' && before === 'activation' ? [copy.spoken.signedIn(screen.view.providerName)] : []
      if (isAnnouncing(page) && page.announcementReady?.() === false) {
        this.pendingAnnouncement = { route, page, prefix: signedIn }
        return
      }
      this.announce(route, [...signedIn, ...(isAnnouncing(page) ? page.announcement() : [])])
    })
  }

  /** Says the screen that was waiting for its words, once they are there (or at once when `now`). */
  private sayPending(now = false): void {
    const pending = this.pendingAnnouncement
    if (!pending) return
    if (pending.route !== Router.getActiveRoute() || this.dialog) {
      this.pendingAnnouncement = undefined
      return
    }
    if (!now && pending.page.announcementReady?.() === false) return
    this.pendingAnnouncement = undefined
    this.announce(pending.route, [...pending.prefix, ...pending.page.announcement()])
  }

  $dialogAnswered(confirmed: boolean): void {
    const answered = this.dialog
    this.closeDialog()
    if (!confirmed) return
    if (answered === 'ExitDialog') this.services?.exitApp()
    else if (answered === 'SignOutDialog' && this.current?.route === 'decisions') this.services?.screens.dispatch({ type: 'signOut' })
  }

  private closeDialog(): void {
    if (!this.dialog) return
    this.tag(this.dialog)?.close()
    this.dialog = null
    this.spokenRoute = Router.getActiveRoute()
    this._refocus()
    this.speech?.focus(focusedAnnouncement(this.application?.focusPath?.[this.application.focusPath.length - 1]))
    this.ready?.markRoute(Router.getActiveRoute() ?? '')
  }

  private canGoBack(): boolean {
    const screen = this.current
    if (screen?.route === 'activation' || screen?.route === 'profiles') return screen.view.canGoBack
    return false
  }

  private openExitDialog(): void {
    const route = this.current?.route
    const signedIn = route === 'decisions' || route === 'player'
    this.openDialog('ExitDialog', 'exit', {
      title: copy.exit.title(currentBrand().appName),
      body: signedIn ? copy.exit.body : copy.exit.bodySignedOut,
      cancel: copy.exit.stay,
      confirm: copy.exit.exit,
      refs: { cancel: 'Stay', confirm: 'Exit' },
    })
  }

  private openSignOutDialog(): void {
    const screen = this.current
    if (screen?.route !== 'decisions') return
    const { signOutDialog } = copy
    this.openDialog('SignOutDialog', 'signOutDialog', {
      title: signOutDialog.title(screen.view.providerName),
      body: signOutDialog.body,
      cancel: signOutDialog.cancel,
      confirm: signOutDialog.confirm,
      refs: { cancel: 'Cancel', confirm: 'ConfirmSignOut' },
    })
  }

  private openDialog(name: DialogName, marker: string, content: ConfirmContent): void {
    this.dialog = name
    const dialog = this.tag(name)
    dialog?.open(content)
    this.spokenRoute = undefined
    this._refocus()
    this.announce(name, dialog?.announcement() ?? [])
    this.ready?.markRoute(marker)
  }

  private show(screen: Screen): void {
    const previous = this.current
    this.current = screen
    this.ready?.markScreen?.(screen.route)
    this.tag('OfflineBanner')?.patch({ shown: screen.offline === true })
    // The banner coming and going is said once each, politely.
    if ((previous?.offline === true) !== (screen.offline === true) && previous)
      this.speech?.notify([screen.offline ? copy.offline : copy.spoken.online], 'polite')
    const active = Router.getActivePage()
    if (previous?.route === screen.route && Router.getActiveRoute() === screen.route) {
      showView(screen, active)
      this.sayPending()
      return
    }
    const leavingRoute = Router.getActiveRoute()
    // Still drawing the route the flow returns to (a detour left before it was drawn): the place stays.
    if (leavingRoute && leavingRoute !== screen.route && isRouteName(leavingRoute)) {
      // Only a detour the viewer comes Back from (the player, the grid of "Switch provider") keeps
      // the place; leaving any other way (signing out, a new sign-in) starts afresh next time.
      const detour = screen.route === 'player' || screen.route === 'profiles'
      const place = pageOf(leavingRoute, active)?.focusKey
      if (detour && place !== undefined) this.focusMemory.set(leavingRoute, place)
      else this.focusMemory.delete(leavingRoute)
    }
    // A dialog opened over one screen does not stay over the next (OK then Back raced a play).
    this.closeDialog()
    // The flow is the history: pages are not stored, so Back on them reaches _handleAppClose.
    Router.navigate(screen.route, {}, false)
  }

  private onRouted(route: string, page: unknown): void {
    const screen = this.current
    if (isFallbackRoute(route)) {
      // A path the Router does not know, or a page that failed: a real screen, never a black one.
      const fallback = fallbackPageOf(page)
      if (fallback) fallback.view = fallbackView(route)
    } else if (screen && screen.route !== route) {
      // The Router finished a navigation the flow has already moved past (fast keys): a page is
      // never left on screen without its view; go where the flow is.
      Router.navigate(screen.route, {}, false)
      return
    } else if (screen) {
      const shown = showView(screen, page)
      if (!shown) return
      const remembered = this.focusMemory.get(route)
      if (remembered !== undefined && 'focusKey' in shown) shown.focusKey = remembered
      else shown.resetFocus?.()
    }
    this.markRouted(route, page)
  }

  private markRouted(route: string, page?: unknown): void {
    this.announceRoute(route, page)
    if (!this.readyMarked) {
      this.readyMarked = true
      this.ready?.markReady(route)
    } else {
      this.ready?.markRoute(route)
    }
  }
}

/** Binds the services to the App class (the composition root's seam; no module-level state). */
export function createApp(services: AppServices & { readonly speech?: Speech }, ready?: ReadySignal): typeof App {
  return class BoundApp extends App {
    protected override services: AppServices | undefined = services
    protected override ready: ReadySignal | undefined = ready
    protected override speech: Speech | undefined = services.speech
  }
}
