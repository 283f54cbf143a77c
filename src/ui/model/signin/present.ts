/**
 * From the sign-in flow's state to the screen the viewer sees (docs/architecture.md, "Screens").
 * Pure: provider names come with the state (the flow asks the configuration for the grid's).
 */
import type { FlowFailure, FlowState, LastMvpd, PassSettings } from '../../../core'
import { activationUrls, assertNever, failureRemedy, NEW_CODE_COOLDOWN_MS } from '../../../core'
import { copy, failureCopy, validityInWords, type FailureCopy } from '../../copy'
import { errorReference } from '../reference'
import type { Screen } from '../screen'

type DecisionsScreen = Extract<Screen, { route: 'decisions' }>

export interface PresentContext {
  readonly settings: Pick<PassSettings, 'activationUrl' | 'resources'>
  readonly serverNow: () => number
  /** Local time (the automatic retry's countdown). */
  readonly now: () => number
}

export function present(state: FlowState, ctx: PresentContext): Screen {
  const screen = screenOf(state, ctx)
  return state.env.offline ? { ...screen, offline: true } : screen
}

function screenOf(state: FlowState, ctx: PresentContext): Screen {
  switch (state.kind) {
    case 'starting':
      return state.hint ? confirming(state.hint, ctx) : { route: 'boot', view: { message: 'starting' } }
    case 'loadingProfiles':
      return returningViewer(state, ctx) ?? { route: 'boot', view: { message: 'checking' } }
    case 'choosing': {
      const now = ctx.serverNow()
      return {
        route: 'profiles',
        view: {
          focusMvpd: state.focusedMvpd,
          canGoBack: state.origin.kind !== 'launch',
          tiles: state.profiles.map((p) => {
            const known = state.providers.find((m) => m.id === p.mvpd) ?? (state.lastMvpd?.id === p.mvpd ? state.lastMvpd : undefined)
            return {
              mvpd: p.mvpd,
              name: known?.displayName ?? p.mvpd,
              ...(known?.logoUrl ? { logoUrl: known.logoUrl } : {}),
              validity: copy.profileValidity(validityInWords(p.notAfter - now)),
              lastUsed: state.lastMvpd?.id === p.mvpd,
            }
          }),
        },
      }
    }
    case 'reauth': {
      const name = state.provider.displayName.trim() || state.provider.id
      // After a sign-out (CL-LOGOUT-1): say it finished on this TV, whatever the provider's logout
      // entry asked; later (Base.signedOutOf, until the next sign-in), that the viewer signed out,
      // never that the sign-in ended.
      const outcome = state.signedOut ?? (state.signedOutOf === state.provider.id ? 'earlier' : undefined)
      const signedOut = outcome ? { title: copy.signedOut.title, message: copy.signedOut[outcome](name) } : {}
      return {
        route: 'reauth',
        view: { providerName: name, ...(state.provider.logoUrl ? { logoUrl: state.provider.logoUrl } : {}), ...signedOut },
      }
    }
    case 'activating':
    case 'codeExpired': {
      // A retry's first poll of a kept code: the error stays up until the service answers.
      if (state.kind === 'activating' && state.probe) {
        return {
          route: 'error',
          view: { ...failureWords(state.probe), reference: errorReference(state.probe), actionLabel: copy.error.tryAgain, retrying: true },
        }
      }
      const activation = state.kind === 'activating' ? state.activation : null
      const urls = activationUrls(ctx.settings.activationUrl, activation?.code ?? '')
      const lastCreatedAt = state.kind === 'activating' ? (activation?.createdAt ?? 0) : state.lastCreatedAt
      return {
        route: 'activation',
        view: {
          code: activation?.code ?? '',
          displayUrl: shortUrl(activation?.displayUrl ?? urls.displayUrl),
          qrUrl: activation?.qrUrl ?? '',
          notAfter: activation?.notAfter ?? 0,
          expired: state.kind === 'codeExpired',
          busy: state.kind === 'activating' && activation === null,
          newCodeAt: lastCreatedAt + NEW_CODE_COOLDOWN_MS,
          ...(state.mvpd ? { providerName: state.mvpd.displayName.trim() || state.mvpd.id } : {}),
          now: ctx.serverNow,
          canGoBack: state.origin.kind !== 'launch',
        },
      }
    }
    case 'authorized': {
      const { provider } = state
      // The provider's name is being looked up (CL-CFG-2): finish signing in rather than flash an id.
      if (!provider && !state.persisted) return { route: 'boot', view: { message: 'starting' } }
      return decisionsOf(provider ?? { id: state.profile.mvpd, displayName: state.profile.mvpd }, 'unknown', ctx)
    }
    case 'failed': {
      const words = failureWords(state.error)
      // "Try again" that makes a new code says so; one that polls the same code or reloads does not.
      const newCode = state.retry.to === 'activating' && !state.retry.resume
      return {
        route: 'error',
        view: {
          ...words,
          reference: errorReference(state.error),
          actionLabel: newCode ? copy.error.newCode : copy.error.tryAgain,
          ...(state.autoRetryAt !== null ? { autoRetryAt: state.autoRetryAt, now: ctx.now } : {}),
        },
      }
    }
    default:
      return assertNever(state)
  }
}

/** The address as a viewer types it: no scheme, no trailing slash. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

export /**
 * A returning viewer (a remembered provider, asked for by itself at launch) sees the decisions screen
 * while its profile is in flight, drawn from the remembered name and logo: every title reads
 * "Checking…" and a choice waits for the answer (`confirming`), so nothing shows as permitted before
 * Adobe says so. No profile then leads to the reauth screen, as before. While the app is still
 * starting, the same screen is drawn from the quick copy's provider (StartingState.hint), so a cold
 * engine's IndexedDB does not hold the first screen back.
 */
function returningViewer(state: Extract<FlowState, { kind: 'loadingProfiles' }>, ctx: PresentContext): Screen | null {
  if (state.route.by !== 'mvpd' || state.origin.kind !== 'launch') return null
  return confirming(state.route.mvpd, ctx)
}

/** The decisions screen of `provider` while its sign-in is still being confirmed. */
function confirming(provider: LastMvpd, ctx: PresentContext): Screen {
  const screen = decisionsOf(provider, 'checking', ctx)
  return { ...screen, view: { ...screen.view, confirming: true } }
}

function decisionsOf(provider: LastMvpd, badge: 'checking' | 'unknown', ctx: PresentContext): DecisionsScreen {
  return {
    route: 'decisions',
    view: {
      providerName: provider.displayName.trim() || provider.id,
      ...(provider.logoUrl ? { logoUrl: provider.logoUrl } : {}),
      items: ctx.settings.resources.map((r) => ({ id: r.id, title: r.title, badge })),
      busy: false,
    },
  }
}

function failureWords(error: FlowFailure): FailureCopy {
  if (error.kind === 'offline') return failureCopy.offline
  // CL-ERR-1: the remedy (by action) picks the words first; the kind refines the rest.
  const remedy = failureRemedy(error)
  if (remedy === 'waitForNetwork') return failureCopy.network
  if (remedy === 'contactSupport') return failureCopy.configuration
  switch (error.kind) {
    case 'invalidInput':
      return failureCopy.invalidInput
    case 'timeout':
      return failureCopy.timeout
    case 'throttled':
      return failureCopy.throttled
    case 'malformed':
      return failureCopy.malformed
    case 'pollingFailed':
      return failureCopy.pollingFailed
    case 'pass': {
      if (error.action === 'authentication') return failureCopy.authentication
      if (error.action === 'retry' || error.httpStatus >= 500) return failureCopy.retry
      return failureCopy.generic
    }
    default:
      return failureCopy.generic
  }
}
