/**
 * Every text of the phone pages, one table per language. `PageCopy` is the shape both tables must
 * have, so a text missing from one is a type error; provider names are passed in as they come and
 * escaped by the callers. Spanish addresses the viewer as usted.
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
}

const es: PageCopy = {
  brand: 'MY CHANNEL',
  codeTitle: 'Inicie sesión en su TV',
  codeIntro: 'Introduzca el código que aparece en su TV. Puede escribir las letras en mayúsculas o minúsculas.',
  codeLabel: 'Código',
  continue: 'Continuar',
  codeHint: 'El código vale por tiempo limitado. Si ya venció, pida uno nuevo en su TV.',
  checkCodeTitle: 'Revise su código',
  badCode: 'Ese código no funcionó. Revise el código que aparece en su TV o elija allí “Obtener un código nuevo”.',
  pickTitle: 'Elija su proveedor de TV',
  pickIntro: 'Elija la compañía a la que le paga la TV. A continuación, iniciará sesión en su página.',
  pickMissing: 'Elija uno de los proveedores de TV de la lista.',
  doneTitle: 'Ya inició sesión',
  done: (provider) => `Inició sesión con ${provider ?? 'su proveedor de TV'}. Su TV continuará en unos segundos por sí sola. Puede cerrar esta página.`,
  doneContinueAt: 'La aplicación pidió continuar en',
  loginTitle: (provider) => `Inicie sesión en ${provider}`,
  loginIntro: (provider) => `Use la cuenta que tiene con ${provider}. Esta es una página de prueba del entorno aislado, no la del proveedor real.`,
  username: 'Nombre de usuario',
  password: 'Contraseña',
  signIn: 'Iniciar sesión',
  wrongLogin: 'El nombre de usuario y la contraseña no coinciden. Revíselos e inténtelo de nuevo.',
  signedOutTitle: (provider) => `Sesión cerrada en ${provider}`,
  signedOutHeading: 'Cerró la sesión',
  signedOut: (provider) => `Cerró la sesión de ${provider} en este dispositivo.`,
}

export const PAGE_COPY: Readonly<Record<PageLanguage, PageCopy>> = { en, es }
