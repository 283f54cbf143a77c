/**
 * Every word the viewer reads in English, the fallback language (docs/architecture.md, "Screens").
 * "TV provider", never "MVPD"; times in words; errors say what happened and what to do. Names,
 * titles and the provider's or Adobe's own words arrive as parameters and are shown as they come.
 * Every other language's table has this one's shape (`Copy`).
 */
import { durationAmount, validityAmount } from './durations'
import { plural } from './plural'

export interface FailureCopy {
  readonly title: string
  readonly message: string
}

const days = (n: number): string => plural('en', n, { one: '{n} day', other: '{n} days' })
const hours = (n: number): string => plural('en', n, { one: '{n} hour', other: '{n} hours' })
const minutes = (n: number): string => plural('en', n, { one: '{n} minute', other: '{n} minutes' })

export const en = {
  boot: { starting: 'Signing you in…', checking: 'Checking your TV provider sign-in…' },
  profiles: {
    title: 'Choose how to watch',
    subtitle: "You're signed in with more than one TV provider on this TV.",
    hint: 'Use  ◀ ▶  to move and  OK  to choose',
    lastUsed: 'Last used',
    another: 'Another provider',
    anotherMeta: 'Sign in with a code',
  },
  activation: {
    title: 'Sign in with your TV provider',
    titleWith: (provider: string) => `Sign in with ${provider}`,
    subtitle: 'Use your phone or computer. It takes about a minute.',
    step1: 'Go to',
    step2: 'Enter this code',
    scan: "Or scan with your phone's camera",
    newCode: 'Get a new code',
    waiting: 'Waiting for you to finish on your other device…',
    creating: 'Getting a new code…',
    expiresIn: 'Code expires in',
    expired: 'This code has expired. Get a new one to continue.',
  },
  reauth: {
    title: 'Welcome back',
    subtitle: (provider: string) => `Your sign-in with ${provider} has ended. Sign in again to keep watching.`,
    lastUsed: 'Last used on this TV',
    again: (provider: string) => `Sign in again with ${provider}`,
    another: 'Use another provider',
  },
  decisions: {
    watchingWith: (provider: string) => `Watching with your ${provider} subscription`,
    title: 'Live and on demand',
    included: 'Included',
    /** A deny by its reason (preauthorization or the title just chosen); short, a badge fits about 20 characters. */
    notInPackage: 'Not in your package',
    parentalControls: 'Parental controls',
    unavailableNow: 'Unavailable now',
    checking: 'Checking…',
    unknown: 'Press OK to check',
    switchProvider: 'Switch provider',
    signOut: 'Sign out',
    checkingAccess: (title: string) => `Checking with your TV provider that you can watch ${title}…`,
    signingOut: 'Signing you out on this TV…',
    signOutFailed: "We couldn't sign you out just now. You're still signed in on this TV. Try again in a moment.",
  },
  /** What a deny means and what the viewer can do (CL-AUTHZ-R2), by DenyReason; `said` is the provider's or Adobe's own words. */
  deny: {
    notInPackage: (title: string, provider: string) =>
      `${title} isn't part of your ${provider} package. Contact ${provider} to add it, or choose another title.`,
    parentalControls: (title: string, provider: string) =>
      `Parental controls on your ${provider} account block ${title}. Change them with ${provider}, or choose another title.`,
    degradation: (title: string) => `${title} isn't available right now. Try again later, or choose another title.`,
    providerBusy: (_title: string, provider: string) => `${provider} didn't answer in time. Try again in a moment.`,
    setup: (title: string) => `${title} can't be checked because of a setup problem on our side. Contact support and quote the reference below.`,
    other: (title: string) => `You can't watch ${title} right now. Try again later, or choose another title.`,
    failed: (title: string) => `We couldn't check your access to ${title}. Check that your TV is online, then try again.`,
    said: (who: string, words: string) => `${who} says: “${words}”`,
    quoted: (words: string) => `(“${words}”)`,
  },
  player: {
    headline: 'Playback would start now',
    // The media token only has to be used within its validity; once playing, watching goes on.
    validity: (left: string) => `Confirmed by your TV provider. If it hasn't started within ${left}, choose the title again.`,
    validityShort: "Confirmed by your TV provider. If it hasn't started within a minute, choose the title again.",
    degraded: 'Your TV provider could not be reached, so access was granted for now.',
    temppass: "You're watching with a free preview.",
    back: 'Back to titles',
  },
  signedOut: {
    title: "You're signed out",
    complete: (provider: string) => `You've signed out of ${provider} on this TV. Sign in again whenever you like.`,
    interactive: (provider: string) => `You've signed out of ${provider} on this TV. To sign out on your other devices too, visit ${provider}'s website.`,
    invalid: (provider: string) => `You were already signed out of ${provider} on this TV. Sign in again whenever you like.`,
    /** A later launch: the viewer chose to sign out, the sign-in did not just end. */
    earlier: (provider: string) => `You signed out of ${provider} on this TV. Sign in again whenever you like.`,
  },
  signOutDialog: {
    title: (provider: string) => `Sign out of ${provider} on this TV?`,
    body: "To watch again, you'll sign in with a code on your phone or computer.",
    cancel: 'Cancel',
    confirm: 'Sign out',
  },
  exit: {
    title: (brand: string) => `Exit ${brand}?`,
    body: "You can come back any time; you'll stay signed in.",
    bodySignedOut: 'You can come back any time.',
    stay: 'Stay',
    exit: 'Exit',
  },
  error: {
    tryAgain: 'Try again',
    newCode: 'Get a new code',
    /** The automatic retry after an outage, counting down. */
    retryIn: (seconds: number) => `Trying again in ${plural('en', Math.max(1, seconds), { one: '{n} second', other: '{n} seconds' })}…`,
    retrying: 'Trying again…',
    /** The support line under an error, on the error screen and under a deny alike. */
    reference: (parts: string) => `Reference: ${parts}`,
  },
  profileValidity: (left: string) => `Signed in · ${left}`,
  /** The brand when settings name none (appSettings.brand.name). */
  defaultBrand: 'MYCHANNEL',
  offline: "No internet connection. We'll carry on as soon as it's back.",
  /** What voice guidance says beyond the words on screen: roles, positions, the code and address read aloud. */
  spoken: {
    button: 'button',
    unavailable: 'unavailable',
    position: (index: number, count: number) => `${index} of ${count}`,
    /** The activation address as a person says it: "mychannel dot example slash activate". */
    dot: 'dot',
    slash: 'slash',
    colon: 'colon',
    goTo: (address: string) => `On your phone or computer, go to ${address} and enter the code`,
    expiresIn: (left: string) => `The code expires in ${left}.`,
    newCode: 'New code',
    signedIn: (provider: string) => `Signed in with ${provider}.`,
    online: "You're back online.",
    dialog: 'dialog',
  },
  time: {
    /** A profile's validity: "29 days left", "5 hours left", "12 minutes left". */
    validity: (msLeft: number): string => {
      const a = validityAmount(msLeft)
      if (a.unit === 'lessThanTwoMinutes') return 'less than 2 minutes left'
      return `${a.unit === 'day' ? days(a.n) : a.unit === 'hour' ? hours(a.n) : minutes(a.n)} left`
    },
    /** A duration ahead: "7 minutes", "1 minute", "2 hours"; null under half a minute. */
    duration: (msLeft: number): string | null => {
      const a = durationAmount(msLeft)
      return a ? (a.unit === 'hour' ? hours(a.n) : minutes(a.n)) : null
    },
  },
  /** Words for each failure the flow can show, by kind and enhanced error `action` (CL-ERR-1). */
  failure: {
    network: {
      title: "We can't reach the sign-in service",
      message: "It may be down for a moment, or your TV may be offline. We'll keep trying on our own, or you can try now.",
    },
    offline: {
      title: 'Your TV is offline',
      message: "Check your TV's internet connection. We'll carry on as soon as it's back.",
    },
    timeout: { title: 'The sign-in service is taking too long', message: 'It may be busy. Try again in a moment.' },
    throttled: { title: 'Too many attempts at once', message: 'Wait a few seconds, then try again.' },
    configuration: {
      title: "Sign-in isn't available right now",
      message: "This app's sign-in setup needs attention. Try again later, or contact support and quote the reference below.",
    },
    authentication: { title: 'Your TV provider sign-in has ended', message: 'Sign in again to keep watching.' },
    retry: { title: 'The sign-in service had a problem', message: "This is usually brief. We'll try again on our own, or you can try now." },
    invalidInput: {
      title: 'This code cannot be used',
      message: 'The sign-in service sent a code this TV cannot use. Get a new code to continue.',
    },
    malformed: {
      title: 'The sign-in service sent something unexpected',
      message: 'This is usually brief. Try again in a moment.',
    },
    pollingFailed: {
      title: 'We lost track of your sign-in',
      message: "We'll keep checking your code on our own. If you already finished on your phone, you'll be signed in as soon as we reach the service.",
    },
    generic: { title: 'Something went wrong signing in', message: 'Try again. If it keeps happening, contact support and quote the reference below.' },
  },
} as const

/** Strings widened to `string`, functions keep their parameters: the shape every language fills. */
type Shape<T> = T extends string ? string : T extends (...args: infer A) => infer R ? (...args: A) => Shape<R> : { readonly [K in keyof T]: Shape<T[K]> }

export type Copy = Shape<typeof en>
