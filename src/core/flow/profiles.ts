/** Profile rules shared by the states: validity in server time and the order of the grid. */
import type { Profile } from '../pass/types'

/** Design section 2: profiles whose notAfter ≤ server now count as absent. */
export function isValidAt(profile: Profile, serverNow: number): boolean {
  return profile.notAfter > serverNow
}

/** The valid profiles, longest validity first (CL-AUTHN-R2); ties by mvpd id so the order is stable. */
export function validByValidity(profiles: readonly Profile[], serverNow: number): Profile[] {
  return profiles
    .filter((profile) => isValidAt(profile, serverNow))
    .sort((a, b) => b.notAfter - a.notAfter || (a.mvpd < b.mvpd ? -1 : a.mvpd > b.mvpd ? 1 : 0))
}
