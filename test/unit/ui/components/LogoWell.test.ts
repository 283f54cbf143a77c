import { LogoWell } from '../../../../src/ui/components/LogoWell'
import { imageOutcome, mount, type Mounted } from '../../../support/lightning-kit'

let kit: Mounted<LogoWell> | undefined
afterEach(() => kit?.unmount())

function well(props: Record<string, unknown>): Mounted<LogoWell> {
  kit = mount(LogoWell, { props: { wellW: 368, wellH: 112, ...props } })
  kit.frames()
  return kit
}

function loaded(k: Mounted<LogoWell>, w: number, h: number): void {
  imageOutcome(k.subject.tag('Logo')!, { loaded: { w, h } })
  k.frames(1)
}

test('without a logo the provider name fills the well, wrapping to two lines rather than cut', () => {
  const k = well({ name: 'Northstar Satellite Communications' })
  expect(k.texts()).toEqual(['Northstar Satellite Communications'])
  const name = k.subject.tag('Name')!
  const text = name.text as unknown as { maxLines: number; wordWrapWidth: number; fontSize: number; textAlign: string }
  expect(text.maxLines).toBe(2)
  expect(text.wordWrapWidth).toBeLessThan(368)
  expect(text.fontSize).toBeGreaterThanOrEqual(26)
  expect(text.textAlign).toBe('center')
})

test('a loaded logo fills the well keeping its aspect ratio, and the name gives way', () => {
  const k = well({ name: 'Riverside Cable', logoUrl: 'http://127.0.0.1/logos/cable.svg' })
  const logo = k.subject.tag('Logo')!
  // Loaded with its transparency (Lightning takes anything but a .png as opaque otherwise).
  expect((logo.texture as unknown as { hasAlpha: boolean }).hasAlpha).toBe(true)
  loaded(k, 320, 180)
  expect(logo.h).toBe(100)
  expect(logo.w).toBe(177)
  expect(logo.alpha).toBe(1)
  expect(k.texts()).toEqual([])
})

test('a logo that fails to load leaves the name, never an empty well', () => {
  const k = well({ name: 'Summit Fiber', logoUrl: 'http://127.0.0.1/logos/missing.svg' })
  loaded(k, 320, 180)
  imageOutcome(k.subject.tag('Logo')!, 'failed')
  k.frames(1)
  expect(k.texts()).toEqual(['Summit Fiber'])
  expect(k.subject.tag('Logo')!.alpha).toBeLessThan(0.05)
})

test('a new URL hides the old logo until the new one loads', () => {
  const k = well({ name: 'Harbor TV', logoUrl: 'http://127.0.0.1/logos/a.svg' })
  loaded(k, 100, 100)
  k.subject.patch({ logoUrl: 'http://127.0.0.1/logos/b.svg' })
  k.frames(1)
  expect(k.texts()).toEqual(['Harbor TV'])
})
