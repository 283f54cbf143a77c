/**
 * What a page can ask of the app. Pages never call the flow or the platform themselves: they fire an
 * intent up the focus path and App.ts maps it to the flow runner or the platform (one seam to test).
 */
export type UiIntent =
  | { readonly type: 'pickProfile'; readonly mvpd: string }
  | { readonly type: 'useAnotherProvider' }
  | { readonly type: 'signInAgain' }
  | { readonly type: 'newCode' }
  | { readonly type: 'tryAgain' }
  | { readonly type: 'back' }
  | { readonly type: 'play'; readonly resource: string }
  | { readonly type: 'signOut' }
  | { readonly type: 'switchProvider' }
  /** Back from the player stand-in to the titles (Back itself would ask to exit the app). */
  | { readonly type: 'closePlayer' }
  | { readonly type: 'exitApp' }
