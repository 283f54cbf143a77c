/** A language change while the app runs shows on the next screen, pages built in the old language included. */
import { mountApp, type MountedApp } from '../../../support/lightning-kit'
import { activationScreen, reauthScreen } from '../../../support/app-screens'

let app: MountedApp | undefined
afterEach(() => app?.unmount())

/** The copy module the mounted App runs on: each mount loads modules of its own. */
const appCopy = async () => import('../../../../src/ui/copy')

test('the activation page built in English speaks Spanish the next time it is shown', async () => {
  app = await mountApp(activationScreen())
  expect(app.texts()).toEqual(expect.arrayContaining(['Go to', 'Enter this code', 'Code expires in']))

  await app.publish(reauthScreen)
  ;(await appCopy()).setLanguage('es')
  await app.publish(activationScreen())
  app.frames(2)
  const texts = app.texts()
  expect(texts).toEqual(expect.arrayContaining(['Vaya a', 'Escriba este código', 'El código vence en', 'Inicie sesión con su proveedor de TV']))
  expect(texts).not.toEqual(expect.arrayContaining(['Go to']))
  expect(texts).not.toEqual(expect.arrayContaining(['Enter this code']))
})

test('the reauth page follows too', async () => {
  app = await mountApp(reauthScreen)
  expect(app.texts()).toContain('Last used on this TV')
  await app.publish(activationScreen())
  ;(await appCopy()).setLanguage('es')
  await app.publish(reauthScreen)
  app.frames(2)
  expect(app.texts()).toEqual(expect.arrayContaining(['Usado por última vez en este televisor', 'Volver a iniciar sesión con Riverside Cable']))
})
