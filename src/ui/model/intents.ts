/**
 * What a page can ask of the app. Pages never call the flow or the platform themselves: they fire an
 * intent up the focus path and App.ts maps it to the flow runner, the decisions logic or the platform
 * (one seam to test). The sign-in intents are the flow's own vocabulary.
 */
import type { UserIntent } from '../../core'

/** The flow's intents a page can raise (the rest come from the decisions logic, never a page). */
type SignInIntent = Extract<
  UserIntent,
  { readonly type: 'pickProfile' | 'useAnotherProvider' | 'signInAgain' | 'newCode' | 'tryAgain' | 'back' | 'switchProvider' }
>

export type UiIntent =
  | SignInIntent
  | { readonly type: 'play'; readonly resource: string }
  | { readonly type: 'signOut' }
  /** Back from the player stand-in to the titles (Back itself would ask to exit the app). */
  | { readonly type: 'closePlayer' }
  /** Back while a title is being checked: the check is abandoned, the titles stay. */
  | { readonly type: 'cancelPlay' }
  | { readonly type: 'exitApp' }
