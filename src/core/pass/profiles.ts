/**
 * Profiles: which MVPD sign-ins this device has. Profiles whose `notAfter` has
 * passed in server time are dropped (an expired profile counts as absent), so the TV's own clock
 * never keeps a dead profile alive or kills a live one. Adobe's profiles APIs:
 * https://experienceleague.adobe.com/en/docs/pass/authentication/integration-guide-programmers/rest-apis/rest-api-v2/apis/profiles-apis/rest-api-v2-profiles-apis-overview
 */
import type { CallOptions, Profile } from './types'
import { pathOf, type PassHttp } from './http'
import { requireCode, requireMvpdId } from './validate'
import { parseProfiles } from './wire'

export interface ProfilesContext {
  readonly http: PassHttp
  readonly serviceProvider: string
  readonly serverNow: () => number
}

/**
 * A profile counts while its notAfter is after `now` (server time); one at or past it counts as
 * absent. notBefore is not checked: the server issued it, so it has begun.
 */
export function isValidAt(profile: Pick<Profile, 'notAfter'>, now: number): boolean {
  return profile.notAfter > now
}

/**
 * The valid profiles, longest validity first (CL-AUTHN-R2 auto-pick and grid order); equal validity
 * by mvpd id, so the order never depends on the order of the answer.
 */
export function validProfiles(profiles: readonly Profile[], now: number): Profile[] {
  return profiles.filter((profile) => isValidAt(profile, now)).sort((a, b) => b.notAfter - a.notAfter || (a.mvpd < b.mvpd ? -1 : a.mvpd > b.mvpd ? 1 : 0))
}

/** GET /api/v2/{sp}/profiles: first launch, no cached MVPD. */
export async function retrieveProfiles(ctx: ProfilesContext, options: CallOptions = {}): Promise<Profile[]> {
  const profiles = await ctx.http.send(
    { method: 'GET', path: pathOf('/api/v2', ctx.serviceProvider, 'profiles'), api: 'v2', signal: options.signal },
    parseProfiles,
  )
  return validProfiles(profiles, ctx.serverNow())
}

/** GET /api/v2/{sp}/profiles/{mvpd}: a returning viewer with a cached MVPD. */
export async function retrieveProfileForMvpd(ctx: ProfilesContext, mvpd: string, options: CallOptions = {}): Promise<Profile | null> {
  requireMvpdId(mvpd, 'GET profiles/{mvpd}')
  const profiles = await ctx.http.send(
    { method: 'GET', path: pathOf('/api/v2', ctx.serviceProvider, 'profiles', mvpd), api: 'v2', signal: options.signal },
    parseProfiles,
  )
  return validProfiles(profiles, ctx.serverNow()).find((p) => p.mvpd === mvpd) ?? null
}

/**
 * GET /api/v2/{sp}/profiles/code/{code}: the poll. An empty list means the sign-in is still pending;
 * the flow owns the interval (CL-AUTHN-1..3).
 *
 * One poll is one request: no retry inside it (`retry: { limit: 0 }`), so the flow's cadence is the
 * only retry (CL-AUTHN-3: continue, stop after 2–3 consecutive failures). A 429 is not waited out
 * here either: it reaches the flow as ThrottledError, and the flow's next poll comes after its
 * interval (≥ 3 s) or the error's `retryAfterMs`, whichever is longer. A 401 still refreshes the token and polls again once.
 */
export async function retrieveProfileForCode(ctx: ProfilesContext, code: string, options: CallOptions = {}): Promise<Profile[]> {
  // A code of ".." would poll GET …/profiles: every provider's profiles of this device.
  requireCode(code, 'GET profiles/code/{code}')
  const profiles = await ctx.http.send(
    {
      method: 'GET',
      path: pathOf('/api/v2', ctx.serviceProvider, 'profiles', 'code', code),
      api: 'v2',
      signal: options.signal,
      retry: { limit: 0 },
    },
    parseProfiles,
  )
  return validProfiles(profiles, ctx.serverNow())
}
