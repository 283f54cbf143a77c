import { defaultBrand, parseBrand, parseHexColor } from '../../../../src/ui/theme/brand'
import { baseTokens, withAlpha, withBrand } from '../../../../src/ui/theme/tokens'

function parse(raw: unknown): { brand: ReturnType<typeof parseBrand>; warnings: string[] } {
  const warnings: string[] = []
  const brand = parseBrand(raw, (m) => warnings.push(m))
  return { brand, warnings }
}

test('a complete brand block is read as written, without warnings', () => {
  const { brand, warnings } = parse({
    appName: 'River TV',
    wordmark: { plain: 'RIVER', accented: 'TV', image: 'images/wordmark.png' },
    colors: { accent: '#FF6B6B', accentText: '#0E1016' },
  })
  expect(warnings).toEqual([])
  expect(brand).toEqual({
    appName: 'River TV',
    wordmark: { plain: 'RIVER', accented: 'TV', image: 'images/wordmark.png' },
    colors: { accent: 0xffff6b6b, accentText: 0xff0e1016 },
  })
})

test('a missing block, or one that is not an object, gives the default brand and says so', () => {
  for (const raw of [undefined, null, 'MYCHANNEL', ['x'], 42]) {
    const { brand, warnings } = parse(raw)
    expect(brand).toEqual(defaultBrand)
    expect(warnings).toHaveLength(1)
  }
})

test('each bad value falls back alone, with a warning naming it', () => {
  const { brand, warnings } = parse({
    appName: '   ',
    wordmark: { plain: 'ACME', accented: 7, image: '../secret.png' },
    colors: { accent: 'blue', accentText: '#fff' },
  })
  expect(brand.appName).toBe(defaultBrand.appName)
  expect(brand.wordmark).toEqual({ plain: 'ACME', accented: '' })
  expect(brand.colors).toEqual({ accent: defaultBrand.colors.accent, accentText: 0xffffffff })
  expect(warnings.join('\n')).toMatch(/brand\.appName/)
  expect(warnings.join('\n')).toMatch(/brand\.wordmark\.accented/)
  expect(warnings.join('\n')).toMatch(/brand\.wordmark\.image/)
  expect(warnings.join('\n')).toMatch(/brand\.colors\.accent /)
})

test('the old `name` key and typos are reported, not silently ignored', () => {
  const { brand, warnings } = parse({ name: 'MYCHANNEL', colours: {} })
  expect(brand).toEqual(defaultBrand)
  expect(warnings).toEqual([expect.stringMatching(/brand\.name is not a brand setting/), expect.stringMatching(/brand\.colours/)])
})

test('a wordmark with no words keeps the default words (an image still needs a fallback)', () => {
  expect(parse({ wordmark: { plain: '', accented: '' } }).brand.wordmark).toEqual(defaultBrand.wordmark)
  expect(parse({ wordmark: { image: 'logo.svg' } }).brand.wordmark).toEqual({ ...defaultBrand.wordmark, image: 'logo.svg' })
})

test('only image paths inside static/ are accepted', () => {
  for (const bad of ['/etc/logo.png', 'http://x.example/logo.png', 'images/../../x.png', 'logo.gif', 'images/logo']) {
    expect(parse({ wordmark: { plain: 'A', image: bad } }).brand.wordmark.image).toBeUndefined()
  }
  expect(parse({ wordmark: { plain: 'A', image: 'images/brand/wordmark@2x.webp' } }).brand.wordmark.image).toBe('images/brand/wordmark@2x.webp')
})

test.each([
  ['#4F8BFF', 0xff4f8bff],
  ['#fff', 0xffffffff],
  ['#4f8bff80', 0x804f8bff],
  [' #000000 ', 0xff000000],
  ['4F8BFF', undefined],
  ['#12345', undefined],
  [0x4f8bff, undefined],
])('colour %p reads as %p', (value, argb) => {
  expect(parseHexColor(value)).toBe(argb)
})

test('the brand colours replace the accent tokens only', () => {
  const tokens = withBrand(baseTokens, { accent: 0xff112233, accentText: 0xff445566 })
  expect(tokens.colors.accent).toBe(0xff112233)
  expect(tokens.colors.onAccent).toBe(0xff445566)
  expect({ ...tokens.colors, accent: 0, onAccent: 0 }).toEqual({ ...baseTokens.colors, accent: 0, onAccent: 0 })
  expect(baseTokens.colors.accent).toBe(0xff4f8bff)
})

test('withAlpha replaces the alpha byte', () => {
  expect(withAlpha(0xff1b2133, 0.4)).toBe(0x661b2133)
  expect(withAlpha(0xff0e1016, 0)).toBe(0x000e1016)
})
