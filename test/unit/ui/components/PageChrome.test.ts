import { Lightning } from '@lightningjs/sdk'
import { chromeTemplate, placeBrand, type ChromeSpec } from '../../../../src/ui/components/PageChrome'
import { currentBrand, currentTokens } from '../../../../src/ui/theme/current'
import { imageOutcome, mount, type Mounted } from '../../../support/lightning-kit'

interface HostSpec extends Lightning.Component.TemplateSpec, ChromeSpec {}

/** The smallest page: the shared chrome with its wordmark, as every page sets it up. */
class Host extends Lightning.Component<HostSpec> implements Lightning.Component.ImplementTemplateSpec<HostSpec> {
  static override _template(): Lightning.Component.Template<HostSpec> {
    return chromeTemplate()
  }

  override _init(): void {
    placeBrand(this.tag('Brand.BrandA'), this.tag('Brand.BrandB'))
  }
}

let kit: Mounted<Host> | undefined
afterEach(() => kit?.unmount())

test('the wordmark comes from settings.json: plain part, then the accented part right after it', () => {
  kit = mount(Host)
  kit.frames(3)
  expect(kit.texts()).toEqual(['MY', 'CHANNEL'])
  const a = kit.subject.tag('Brand.BrandA')!
  const b = kit.subject.tag('Brand.BrandB')!
  expect(b.x).toBe(a.renderWidth)
  expect(a.renderWidth).toBeGreaterThan(0)
  expect(currentBrand().appName).toBe('MyChannel')
})

test('another brand changes the words and the accent colour, and no source file', () => {
  kit = mount(Host, { brand: { appName: 'River TV', wordmark: { plain: 'RIVER', accented: 'TV' }, colors: { accent: '#FF6B6B' } } })
  kit.frames(3)
  expect(kit.texts()).toEqual(['RIVER', 'TV'])
  expect(currentBrand().appName).toBe('River TV')
  expect(currentTokens().colors.accent).toBe(0xffff6b6b)
  const accented = kit.subject.tag('Brand.BrandB')!.text as unknown as { textColor: number }
  expect(accented.textColor).toBe(0xffff6b6b)
})

test('a broken brand block still draws the default wordmark, with one warning', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  try {
    kit = mount(Host, { brand: { wordmark: 'MYCHANNEL', colors: { accent: 'blue' } } })
    kit.frames(3)
    currentTokens()
    currentBrand()
    expect(kit.texts()).toEqual(['MY', 'CHANNEL'])
    expect(warn).toHaveBeenCalledTimes(2)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^settings\.json: brand\.wordmark/)
  } finally {
    warn.mockRestore()
  }
})

test('a wordmark image replaces the words; the words come back if it fails to load', () => {
  kit = mount(Host, { brand: { wordmark: { plain: 'MY', accented: 'CHANNEL', image: 'images/wordmark.png' } } })
  kit.frames(2)
  const image = kit.subject.tag('Brand.Image')!
  expect(image.visible).toBe(true)
  expect(kit.texts()).toEqual([])
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  imageOutcome(image, 'failed')
  warn.mockRestore()
  kit.frames(1)
  expect(image.visible).toBe(false)
  expect(kit.texts()).toEqual(['MY', 'CHANNEL'])
})
