import { countdown, validityInWords } from '../../../../src/ui/copy/messages'

test.each([
  [29 * 86_400_000 + 5000, '29 days left'],
  [2 * 86_400_000, '2 days left'],
  [86_400_000 + 1, '1 day left'],
  [5 * 3_600_000, '5 hours left'],
  [90 * 60_000, '1 hour left'],
  [12 * 60_000 + 30_000, '12 minutes left'],
  [30_000, 'less than 2 minutes left'],
  [-5000, 'less than 2 minutes left'],
])('validity %d ms reads "%s"', (ms, words) => {
  expect(validityInWords(ms)).toBe(words)
})

test.each([
  [29 * 60_000 + 41_000, '29:41'],
  [61_000, '1:01'],
  [1999, '0:01'],
  [999, '0:00'],
  [30 * 60_000 + 400, '30:00'],
  [0, '0:00'],
  [-3000, '0:00'],
])('countdown %d ms reads %s', (ms, text) => {
  expect(countdown(ms)).toBe(text)
})
