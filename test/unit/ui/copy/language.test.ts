import { copy, countdown, currentLanguage, durationInWords, failureCopy, languageOf, setLanguage, validityInWords } from '../../../../src/ui/copy'

afterEach(() => setLanguage('en'))

test.each(['es', 'es-US', 'es_US', 'es-419', 'es_419', 'ES', 'es-MX', ' es-ES '])('%s is Spanish', (tag) => {
  expect(languageOf(tag)).toBe('es')
})

test.each(['', null, undefined, 'en-US', 'en_GB', 'fr-FR', 'est', 'e', '-es', 'garbage', 'pt_BR'])('%s is English', (tag) => {
  expect(languageOf(tag)).toBe('en')
})

test('English until told otherwise', () => {
  expect(currentLanguage()).toBe('en')
  expect(copy.activation.title).toBe('Sign in with your TV provider')
})

test('setLanguage switches what copy and the helpers return, and back', () => {
  setLanguage('es')
  expect(currentLanguage()).toBe('es')
  expect(copy.activation.title).toBe('Inicie sesión con su proveedor de TV')
  expect(copy.reauth.again('Acme')).toBe('Volver a iniciar sesión con Acme')
  expect(failureCopy.offline.title).toBe('Su televisor no tiene conexión')
  expect(validityInWords(29 * 86_400_000)).toBe('quedan 29 días')
  expect(durationInWords(7 * 60_000)).toBe('7 minutos')
  expect(countdown(61_000)).toBe('1:01')
  setLanguage('en')
  expect(copy.activation.title).toBe('Sign in with your TV provider')
  expect(failureCopy.offline.title).toBe('Your TV is offline')
  expect(validityInWords(86_400_000 + 1)).toBe('1 day left')
})
