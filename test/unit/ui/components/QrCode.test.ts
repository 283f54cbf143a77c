import jsQR from 'jsqr'
import { QrCode, qrModules } from '../../../../src/ui/components/QrCode'
import { mount, type Mounted } from '../../../support/lightning-kit'

let kit: Mounted<QrCode> | undefined
afterEach(() => kit?.unmount())

const address = 'http://127.0.0.1:4000/activate?code=QX7KP3M'

/** What a phone camera reads from `modules` drawn dark on white, 4 px a module, with a quiet zone of 4. */
function scan(modules: boolean[][]): string | null {
  const cell = 4
  const side = (modules.length + 8) * cell
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255)
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return
      for (let y = (r + 4) * cell; y < (r + 5) * cell; y += 1) {
        for (let x = (c + 4) * cell; x < (c + 5) * cell; x += 1) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3)
      }
    }),
  )
  return jsQR(rgba, side, side)?.data ?? null
}

/** The error correction level in the format information beside the top-left finder (ISO/IEC 18004, 7.9). */
function correctionLevel(modules: boolean[][]): string {
  const cells = [0, 1, 2, 3, 4, 5, 7, 8].map((c) => [8, c]).concat([7, 5, 4, 3, 2, 1, 0].map((r) => [r, 8]))
  const bits = cells.reduce((acc, [r, c]) => (acc << 1) | (modules[r!]![c!] ? 1 : 0), 0) ^ 0x5412
  return ['M', 'L', 'H', 'Q'][bits >> 13]!
}

// The short one has room for a higher level at its size: the level stays M all the same.
test.each([address, 'https://tv.example/a?c=QX7KP3M'])('%s reads back from the modules, at error correction M', (value) => {
  const modules = qrModules(value)!
  expect(modules.length).toBeGreaterThanOrEqual(21)
  expect(modules.every((row) => row.length === modules.length)).toBe(true)
  expect(scan(modules)).toBe(value)
  expect(correctionLevel(modules)).toBe('M')
})

test('an address with Spanish letters reads back as written', () => {
  const spanish = 'https://example.com/activación?código=ÑANDÚ'
  expect(scan(qrModules(spanish)!)).toBe(spanish)
})

test('a value longer than the largest code holds has no modules', () => {
  expect(qrModules('x'.repeat(2331))).not.toBeNull()
  expect(qrModules('x'.repeat(2332))).toBeNull()
})

test('the code is drawn square and centred in its size, whole pixels a module', () => {
  kit = mount(QrCode, { props: { size: 440, value: address } })
  kit.frames()
  const code = kit.subject.tag('Code')!
  const side = qrModules(address)!.length + 8
  expect(code.visible).toBe(true)
  expect(code.w).toBe(code.h)
  expect(code.w % side).toBe(0)
  expect(code.w).toBeLessThanOrEqual(440)
  expect(code.w).toBeGreaterThan(440 - side)
  expect(code.x).toBe(Math.floor((440 - code.w) / 2))
})

test('no code is drawn for an empty value or one too long to encode', () => {
  kit = mount(QrCode, { props: { size: 440, value: address } })
  kit.frames()
  kit.subject.patch({ value: 'x'.repeat(3000) })
  kit.frames()
  expect(kit.subject.tag('Code')!.visible).toBe(false)
  kit.subject.patch({ value: address })
  kit.frames()
  expect(kit.subject.tag('Code')!.visible).toBe(true)
  kit.subject.patch({ value: '' })
  kit.frames()
  expect(kit.subject.tag('Code')!.visible).toBe(false)
})
