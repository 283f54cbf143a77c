/**
 * Every text of the phone pages, one table per language. `PageCopy` is the shape both tables must
 * have, so a text missing from one is a type error; provider names are passed in as they come and
 * escaped by the callers. Spanish addresses the viewer as usted and uses the TV app's own words
 * ("televisor", "código", "iniciar sesión", the "Obtener código nuevo" button it names).
 */
import type { PageLanguage } from './language'

export interface PageCopy {
  readonly brand: string
  readonly codeTitle: string
  readonly codeIntro: string
  readonly codeLabel: string
  readonly continue: string
  readonly codeHint: string
  readonly checkCodeTitle: string
  readonly badCode: string
  readonly pickTitle: string
  readonly pickIntro: string
  readonly pickMissing: string
  readonly doneTitle: string
  readonly done: (provider: string | undefined) => string
  readonly doneContinueAt: string
  readonly loginTitle: (provider: string) => string
  readonly loginIntro: (provider: string) => string
  readonly username: string
  readonly password: string
  readonly signIn: string
  readonly wrongLogin: string
  readonly signedOutTitle: (provider: string) => string
  readonly signedOutHeading: string
  readonly signedOut: (provider: string) => string
  /** The authenticate URL's own error page (section 6.4 answers a browser navigation in HTML). */
  readonly linkFailedTitle: string
  readonly linkFailedHeading: string
  readonly linkUnknownChannel: string
  readonly linkNoProvider: string
  readonly linkExpired: string
  /** Any other refusal; the error's code goes in the reference line. */
  readonly linkRejected: string
  readonly linkReference: (code: string) => string
  readonly linkEnterAgain: string
}

const en: PageCopy = {
  brand: 'MY CHANNEL',
  codeTitle: 'Sign in on your TV',
  codeIntro: 'Enter the code shown on your TV screen. Letters only need to match, not their case.',
  codeLabel: 'Code',
  continue: 'Continue',
  codeHint: 'The code is valid for a limited time. If it has run out, get a new one on your TV.',
  checkCodeTitle: 'Check your code',
  badCode: "That code didn't work. Check the code on your TV, or choose “Get a new code” there.",
  pickTitle: 'Choose your TV provider',
  pickIntro: "Pick the company you pay for TV. You'll sign in on their page next.",
  pickMissing: 'Choose one of the TV providers below.',
  doneTitle: "You're signed in",
  done: (provider) => `You signed in with ${provider ?? 'your TV provider'}. Your TV will continue on its own in a few seconds. You can close this page.`,
  doneContinueAt: 'The app asked to continue at',
  loginTitle: (provider) => `Sign in to ${provider}`,
  loginIntro: (provider) => `Use the account you have with ${provider}. This is a sandbox stand-in, not the real provider.`,
  username: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  wrongLogin: "That user name and password don't match. Check them and try again.",
  signedOutTitle: (provider) => `Signed out of ${provider}`,
  signedOutHeading: "You're signed out",
  signedOut: (provider) => `You signed out of ${provider} on this device.`,
  linkFailedTitle: 'Sign-in problem',
  linkFailedHeading: "We couldn't continue the sign-in",
  linkUnknownChannel: 'This sign-in link names an unknown channel.',
  linkNoProvider: 'No TV provider was chosen for this code yet.',
  linkExpired: 'This code has expired or does not exist. Get a new code on your TV.',
  linkRejected: "This sign-in link can't be used. Start again with the code on your TV.",
  linkReference: (code) => `Reference: ${code}`,
  linkEnterAgain: 'Enter your code again',
}

const es: PageCopy = {
  brand: 'MY CHANNEL',
  codeTitle: 'Inicie sesión en su televisor',
  codeIntro: 'Escriba el código que aparece en su televisor. Puede usar mayúsculas o minúsculas.',
  codeLabel: 'Código',
  continue: 'Continuar',
  codeHint: 'El código es válido por tiempo limitado. Si ya venció, obtenga uno nuevo en su televisor.',
  checkCodeTitle: 'Revise su código',
  badCode: 'Ese código no funcionó. Revise el código que aparece en su televisor o elija allí “Obtener código nuevo”.',
  pickTitle: 'Elija su proveedor de TV',
  pickIntro: 'Elija la compañía a la que le paga el servicio de TV. Luego iniciará sesión en el sitio de esa compañía.',
  pickMissing: 'Elija uno de los proveedores de TV de la lista.',
  doneTitle: 'Ya inició sesión',
  done: (provider) =>
    `Inició sesión con ${provider ?? 'su proveedor de TV'}. Su televisor continuará automáticamente en unos segundos. Puede cerrar esta página.`,
  doneContinueAt: 'La aplicación pidió continuar en',
  loginTitle: (provider) => `Inicie sesión en ${provider}`,
  loginIntro: (provider) => `Use la cuenta que tiene con ${provider}. Esta es una página de prueba, no la del proveedor real.`,
  username: 'Nombre de usuario',
  password: 'Contraseña',
  signIn: 'Iniciar sesión',
  wrongLogin: 'El nombre de usuario y la contraseña no coinciden. Revíselos e inténtelo de nuevo.',
  signedOutTitle: (provider) => `Sesión de ${provider} cerrada`,
  signedOutHeading: 'Sesión cerrada',
  signedOut: (provider) => `Cerró su sesión de ${provider} en este dispositivo.`,
  linkFailedTitle: 'Problema al iniciar sesión',
  linkFailedHeading: 'No pudimos continuar con el inicio de sesión',
  linkUnknownChannel: 'Este enlace de inicio de sesión corresponde a un canal desconocido.',
  linkNoProvider: 'Todavía no se eligió un proveedor de TV para este código.',
  linkExpired: 'Este código venció o no existe. Obtenga un código nuevo en su televisor.',
  linkRejected: 'Este enlace de inicio de sesión no se puede usar. Vuelva a empezar con el código de su televisor.',
  linkReference: (code) => `Referencia: ${code}`,
  linkEnterAgain: 'Vuelva a escribir su código',
}

export const PAGE_COPY: Readonly<Record<PageLanguage, PageCopy>> = { en, es }
