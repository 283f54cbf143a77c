import { countdown } from '../../../../src/ui/copy/durations'
import { en } from '../../../../src/ui/copy/en'
import { es } from '../../../../src/ui/copy/es'
import { plural, pluralCategory } from '../../../../src/ui/copy/plural'

const DAY = 86_400_000

test.each([
  ['en', 1, '1 day'],
  ['en', 29, '29 days'],
  ['en', 0, '0 days'],
  ['es', 1, '1 día'],
  ['es', 29, '29 días'],
  ['es', 0, '0 días'],
] as const)('%s plural of %d reads "%s"', (language, n, words) => {
  const forms = language === 'en' ? { one: '{n} day', other: '{n} days' } : { one: '{n} día', other: '{n} días' }
  expect(plural(language, n, forms)).toBe(words)
})

test('one is exactly 1 in both languages', () => {
  for (const language of ['en', 'es'] as const) {
    expect([0, 1, 2, 21, 100].map((n) => pluralCategory(language, n))).toEqual(['other', 'one', 'other', 'other', 'other'])
  }
})

test.each([
  [29 * DAY + 5000, '29 days left', 'quedan 29 días'],
  [2 * DAY, '2 days left', 'quedan 2 días'],
  [DAY + 1, '1 day left', 'queda 1 día'],
  [5 * 3_600_000, '5 hours left', 'quedan 5 horas'],
  [90 * 60_000, '1 hour left', 'queda 1 hora'],
  [12 * 60_000 + 30_000, '12 minutes left', 'quedan 12 minutos'],
  [30_000, 'less than 2 minutes left', 'quedan menos de 2 minutos'],
  [-5000, 'less than 2 minutes left', 'quedan menos de 2 minutos'],
])('validity %d ms reads "%s" / "%s"', (ms, english, spanish) => {
  expect(en.time.validity(ms)).toBe(english)
  expect(es.time.validity(ms)).toBe(spanish)
})

test.each([
  [7 * 60_000, '7 minutes', '7 minutos'],
  [7 * 60_000 - 20_000, '7 minutes', '7 minutos'],
  [60_000, '1 minute', '1 minuto'],
  [40_000, '1 minute', '1 minuto'],
  [90 * 60_000, '1 hour', '1 hora'],
  [150 * 60_000, '2 hours', '2 horas'],
  [20_000, null, null],
  [-60_000, null, null],
])('duration %d ms reads %s / %s', (ms, english, spanish) => {
  expect(en.time.duration(ms)).toBe(english)
  expect(es.time.duration(ms)).toBe(spanish)
})

test.each([
  [5, 'Trying again in 5 seconds…', 'Volveremos a intentarlo en 5 segundos…'],
  [1, 'Trying again in 1 second…', 'Volveremos a intentarlo en 1 segundo…'],
  [0, 'Trying again in 1 second…', 'Volveremos a intentarlo en 1 segundo…'],
])('retry in %d s reads "%s" / "%s"', (seconds, english, spanish) => {
  expect(en.error.retryIn(seconds)).toBe(english)
  expect(es.error.retryIn(seconds)).toBe(spanish)
})

test.each([
  [29 * 60_000 + 41_000, '29:41'],
  [61_000, '1:01'],
  [1999, '0:01'],
  [999, '0:00'],
  [30 * 60_000 + 400, '30:00'],
  [0, '0:00'],
  [-3000, '0:00'],
])('countdown %d ms reads %s in both languages', (ms, text) => {
  expect(countdown(ms)).toBe(text)
})
