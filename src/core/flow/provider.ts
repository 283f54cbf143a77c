/** What the flow keeps of a configuration entry: CL-CFG-2's id, displayName and logoUrl, nothing else. */
import type { LastMvpd, Mvpd } from '../pass/types'

export function rememberedProvider(mvpd: Mvpd): LastMvpd {
  const { id, displayName, logoUrl } = mvpd
  return logoUrl === undefined ? { id, displayName } : { id, displayName, logoUrl }
}
