/** What voice guidance says beyond the screen's words: the address read aloud, the code's reminders. */
import { setLanguage } from '../../../../src/ui/copy'
import { activationSteps, expiresIn, reminderDue, spokenAddress } from '../../../../src/ui/model/spoken'
import type { ActivationView } from '../../../../src/ui/model/views'

afterEach(() => setLanguage('en'))

test('the activation address is read as a person says it, in the language of the moment', () => {
  expect(spokenAddress('https://mychannel.example/activate')).toBe('mychannel dot example slash activate')
  expect(spokenAddress('127.0.0.1:4000/activate/')).toBe('127 dot 0 dot 0 dot 1 colon 4000 slash activate')
  setLanguage('es')
  expect(spokenAddress('mychannel.example/activate')).toBe('mychannel punto example barra activate')
})

test('the time left is said again at 5 minutes and at 1 minute, once each, never on other ticks', () => {
  const MIN = 60_000
  expect(reminderDue(5 * MIN + 1000, 5 * MIN)).toBe(5)
  expect(reminderDue(MIN + 500, MIN - 500)).toBe(1)
  expect(reminderDue(5 * MIN, 5 * MIN - 1000)).toBeUndefined()
  expect(reminderDue(29 * MIN, 28 * MIN)).toBeUndefined()
  expect(reminderDue(1000, 0)).toBeUndefined()
  expect(expiresIn(29 * MIN + 20_000)).toBe('The code expires in 29 minutes.')
  expect(expiresIn(4 * MIN + 59_500)).toBe('The code expires in 5 minutes.')
  expect(expiresIn(59_500)).toBe('The code expires in 1 minute.')
  expect(expiresIn(10_000)).toBe('')
})

test('the sign-in steps spell the code and never speak it as a word', () => {
  const view: ActivationView = {
    code: 'JAPC988',
    displayUrl: 'mychannel.example/activate',
    qrUrl: 'https://mychannel.example/activate?code=JAPC988',
    notAfter: 30 * 60_000,
    expired: false,
    busy: false,
    newCodeAt: 0,
    now: () => 60_000,
    canGoBack: false,
  }
  const steps = activationSteps(view)
  expect(steps[0]).toBe('On your phone or computer, go to mychannel dot example slash activate and enter the code')
  expect(steps).toContainEqual({ spell: 'JAPC988' })
  expect(steps.filter((p) => typeof p === 'string' && p.includes('JAPC988'))).toEqual([])
  expect(activationSteps({ ...view, expired: true })).toEqual(['This code has expired. Get a new one to continue.'])
})
