/**
 * The TV's UI language through the platform adapters, over faked globals (Tizen LOCALE, webOS
 * localeInfo, navigator.language), the bounded start-up read, the `?lang=` override, and
 * X-Device-Info staying the same whatever the language.
 */
import { createPlatform } from '../../../../src/core/platform/detect'
import { completeDeviceInfo, encodeDeviceInfo } from '../../../../src/core/platform/device-info'
import { languageOverride, readLanguage, watchLanguage } from '../../../../src/core/platform/language'
import type { Platform } from '../../../../src/core/platform/platform'
import { FakeClock } from '../../../support/fake-clock'
import { fakeTizen, fakeWebOs, localeAnswer, type FakeTizenLocale, visibilityOf } from '../../../support/platform-fakes'

/** A document whose visibility a test switches, firing `visibilitychange` as an engine does. */
/** A platform whose language() the test scripts; everything else is the browser adapter's. */
function scripted(language: () => Promise<string | null>): Platform {
  return { ...createPlatform({ clock: new FakeClock(), globals: {} }), language }
}

describe('Tizen: tizen.systeminfo.getPropertyValue("LOCALE")', () => {
  test('answers the language field as the TV spells it', async () => {
    const platform = createPlatform({ clock: new FakeClock(), globals: fakeTizen({ locale: { language: 'es_US' } }) })
    await expect(platform.language()).resolves.toBe('es_US')
  })

  test.each<[string, FakeTizenLocale]>([
    ['the error callback', 'error'],
    ['a throw', 'throws'],
    ['an empty language', { language: '' }],
    ['a number', { language: 7 }],
    ['an object without the field', { language: undefined }],
  ])('%s means no language (null)', async (_name, locale) => {
    await expect(createPlatform({ clock: new FakeClock(), globals: fakeTizen({ locale }) }).language()).resolves.toBeNull()
  })

  test('never answering times out on the injected clock', async () => {
    const clock = new FakeClock()
    const answer = createPlatform({ clock, globals: fakeTizen({ locale: 'never' }), callbackTimeoutMs: 2000 }).language()
    await clock.advance(1999)
    expect(clock.pendingTimers).toBe(1)
    await clock.advance(1)
    await expect(answer).resolves.toBeNull()
    expect(clock.pendingTimers).toBe(0)
  })

  test('without the API (no tizen.systeminfo), the engine’s navigator.language', async () => {
    const globals = { ...fakeTizen(), tizen: {}, navigator: { userAgent: 'Tizen', language: 'es-MX' } }
    await expect(createPlatform({ clock: new FakeClock(), globals }).language()).resolves.toBe('es-MX')
  })

  test('read again when the app is shown: a change is reported once, nothing after unsubscribing', async () => {
    const clock = new FakeClock()
    let locale: FakeTizenLocale = { language: 'en_US' }
    const globals: Record<string, unknown> = fakeTizen({ locale: () => locale })
    const show = visibilityOf(globals)
    const seen: Array<string | null> = []
    const unsubscribe = createPlatform({ clock, globals }).onLanguageChange((tag) => seen.push(tag))
    locale = { language: 'es_US' }
    show(true)
    show(false)
    await clock.advance(0)
    show(true)
    show(false)
    await clock.advance(0)
    expect(seen).toEqual(['es_US'])
    unsubscribe()
    locale = { language: 'en_US' }
    show(true)
    show(false)
    await clock.advance(0)
    expect(seen).toEqual(['es_US'])
  })

  test('a read still unanswered when the listener goes is cancelled: no timer left, no report', async () => {
    const clock = new FakeClock()
    const globals: Record<string, unknown> = fakeTizen({ locale: 'never' })
    const show = visibilityOf(globals)
    const seen: Array<string | null> = []
    const unsubscribe = createPlatform({ clock, globals }).onLanguageChange((tag) => seen.push(tag))
    show(true)
    show(false)
    expect(clock.pendingTimers).toBe(1)
    unsubscribe()
    expect(clock.pendingTimers).toBe(0)
    await clock.advance(5000)
    expect(seen).toEqual([])
  })
})

describe('webOS: luna://com.webos.settingsservice getSystemSettings localeInfo', () => {
  test('answers settings.localeInfo.locales.UI', async () => {
    const fake = fakeWebOs({ settings: { answer: localeAnswer('es-US') } })
    await expect(createPlatform({ clock: new FakeClock(), globals: fake.globals }).language()).resolves.toBe('es-US')
  })

  test('an odd tag such as es_419 is passed on raw (mapping it is the UI’s job)', async () => {
    const fake = fakeWebOs({ settings: { answer: localeAnswer('es_419') } })
    await expect(createPlatform({ clock: new FakeClock(), globals: fake.globals }).language()).resolves.toBe('es_419')
  })

  test.each<[string, Parameters<typeof fakeWebOs>[0]]>([
    ['onFailure', { settings: 'fail' }],
    ['a throwing request', { settings: 'throws' }],
    ['an empty UI locale', { settings: { answer: localeAnswer('') } }],
    ['a number', { settings: { answer: localeAnswer(42) } }],
    ['an answer without localeInfo', { settings: { answer: { returnValue: true, settings: {} } } }],
    ['no answer body', { settings: { answer: undefined } }],
  ])('%s means no language (null)', async (_name, options) => {
    await expect(createPlatform({ clock: new FakeClock(), globals: fakeWebOs(options).globals }).language()).resolves.toBeNull()
  })

  test('never answering times out on the injected clock', async () => {
    const clock = new FakeClock()
    const answer = createPlatform({ clock, globals: fakeWebOs({ settings: 'never' }).globals, callbackTimeoutMs: 3000 }).language()
    await clock.advance(3000)
    await expect(answer).resolves.toBeNull()
  })

  test('the subscription reports each change once, skips answers without the locale, and cancel() releases it', () => {
    const fake = fakeWebOs({ settings: { answer: localeAnswer('en-US') } })
    const seen: Array<string | null> = []
    const unsubscribe = createPlatform({ clock: new FakeClock(), globals: fake.globals }).onLanguageChange((tag) => seen.push(tag))
    expect(fake.settingsSubscribers).toHaveLength(1)
    fake.pushSettings(localeAnswer('es-US'))
    fake.pushSettings(localeAnswer('es-US'))
    fake.pushSettings({ returnValue: true, settings: { brightness: 50 } })
    fake.pushSettings(localeAnswer(''))
    expect(seen).toEqual(['en-US', 'es-US'])
    unsubscribe()
    unsubscribe()
    expect(fake.settingsCancelled).toBe(1)
    expect(fake.settingsSubscribers).toHaveLength(0)
  })

  test('a subscription that fails or throws never reports and never breaks', () => {
    for (const settings of ['fail', 'throws'] as const) {
      const fake = fakeWebOs({ settings })
      const seen: Array<string | null> = []
      const unsubscribe = createPlatform({ clock: new FakeClock(), globals: fake.globals }).onLanguageChange((tag) => seen.push(tag))
      expect(() => unsubscribe()).not.toThrow()
      expect(seen).toEqual([])
    }
  })
})

describe('browser: navigator.language and languagechange', () => {
  test('answers navigator.language, else the first of navigator.languages, else null', async () => {
    const clock = new FakeClock()
    await expect(createPlatform({ clock, globals: { navigator: { language: 'es-ES' } } }).language()).resolves.toBe('es-ES')
    await expect(createPlatform({ clock, globals: { navigator: { languages: ['es-AR', 'en'] } } }).language()).resolves.toBe('es-AR')
    await expect(createPlatform({ clock, globals: { navigator: { language: 3 } } }).language()).resolves.toBeNull()
  })

  test('languagechange reports the new navigator.language once, until unsubscribed', () => {
    const win = new EventTarget() as EventTarget & Record<string, unknown>
    const navigator = { userAgent: 'Chrome/120', language: 'en-US' }
    win.navigator = navigator
    const seen: Array<string | null> = []
    const unsubscribe = createPlatform({ clock: new FakeClock(), globals: win }).onLanguageChange((tag) => seen.push(tag))
    win.dispatchEvent(new Event('languagechange'))
    navigator.language = 'es-US'
    win.dispatchEvent(new Event('languagechange'))
    win.dispatchEvent(new Event('languagechange'))
    unsubscribe()
    navigator.language = 'en-GB'
    win.dispatchEvent(new Event('languagechange'))
    expect(seen).toEqual(['es-US'])
  })
})

describe('readLanguage: the bounded start-up read', () => {
  test('answers the platform’s tag', async () => {
    await expect(
      readLanguage(
        scripted(() => Promise.resolve('es-US')),
        new FakeClock(),
        { timeoutMs: 1000 },
      ),
    ).resolves.toBe('es-US')
  })

  test('a platform that never answers gives null after the timeout, and not before', async () => {
    const clock = new FakeClock()
    let settled = false
    const answer = readLanguage(
      scripted(() => new Promise<string | null>(() => undefined)),
      clock,
      { timeoutMs: 1000 },
    ).then((tag) => {
      settled = true
      return tag
    })
    await clock.advance(999)
    expect(settled).toBe(false)
    await clock.advance(1)
    await expect(answer).resolves.toBeNull()
  })

  test('a throw, a rejection or an odd answer gives null', async () => {
    const clock = new FakeClock()
    const throwing = scripted(() => {
      throw new Error('boom')
    })
    await expect(readLanguage(throwing, clock, { timeoutMs: 1000 })).resolves.toBeNull()
    await expect(
      readLanguage(
        scripted(() => Promise.reject(new Error('boom'))),
        clock,
        { timeoutMs: 1000 },
      ),
    ).resolves.toBeNull()
    await expect(
      readLanguage(
        scripted(() => Promise.resolve(' ')),
        clock,
        { timeoutMs: 1000 },
      ),
    ).resolves.toBeNull()
    await expect(
      readLanguage(
        scripted(() => Promise.resolve(5 as unknown as string)),
        clock,
        { timeoutMs: 1000 },
      ),
    ).resolves.toBeNull()
    expect(clock.pendingTimers).toBe(0)
  })

  test('an answer clears the timer; an absurd timeout is clamped so it cannot fire at once', async () => {
    const clock = new FakeClock(0, { overflowLikeBrowsers: true })
    const never = scripted(() => new Promise<string | null>(() => undefined))
    void readLanguage(never, clock, { timeoutMs: Number.MAX_SAFE_INTEGER })
    expect(clock.nextDue()).toBe(2147483647)
    const quick = new FakeClock()
    await readLanguage(
      scripted(() => Promise.resolve('en-US')),
      quick,
      { timeoutMs: 1000 },
    )
    expect(quick.pendingTimers).toBe(0)
  })

  test('a forced tag is answered without asking the platform', async () => {
    const language = jest.fn(() => Promise.resolve('en-US'))
    await expect(readLanguage(scripted(language), new FakeClock(), { timeoutMs: 1000, override: 'es' })).resolves.toBe('es')
    expect(language).not.toHaveBeenCalled()
  })
})

describe('?lang= override (development and test builds only)', () => {
  test('honoured only when overrides are allowed', () => {
    expect(languageOverride('?lang=es', true)).toBe('es')
    expect(languageOverride('?platform=webos&lang=en-US', true)).toBe('en-US')
    expect(languageOverride('?lang=es', false)).toBeUndefined()
    expect(languageOverride('', true)).toBeUndefined()
    expect(languageOverride(undefined, true)).toBeUndefined()
  })

  test('a value that is not a language tag is ignored', () => {
    expect(languageOverride('?lang=', true)).toBeUndefined()
    expect(languageOverride('?lang=%E0%A4%A', true)).toBeUndefined()
    expect(languageOverride('?lang=<script>', true)).toBeUndefined()
    expect(languageOverride('?language=es', true)).toBeUndefined()
  })

  test('a forced language is not followed: no platform subscription', () => {
    const fake = fakeWebOs()
    const platform = createPlatform({ clock: new FakeClock(), globals: fake.globals })
    const unsubscribe = watchLanguage(platform, () => undefined, { override: 'es' })
    expect(fake.settingsSubscribers).toHaveLength(0)
    unsubscribe()
    const live = watchLanguage(platform, () => undefined)
    expect(fake.settingsSubscribers).toHaveLength(1)
    live()
    expect(fake.settingsSubscribers).toHaveLength(0)
  })
})

describe('X-Device-Info does not change with the language', () => {
  const encoded = async (platform: Platform): Promise<string> => encodeDeviceInfo(completeDeviceInfo(await platform.deviceInfo()))

  test.each([
    ['Tizen', (ui: string) => fakeTizen({ locale: { language: ui.replace('-', '_') } })],
    ['webOS', (ui: string) => fakeWebOs({ settings: { answer: localeAnswer(ui) } }).globals],
    ['browser', (ui: string) => ({ navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.0.0', language: ui } })],
  ])('%s: the same header in English and Spanish', async (_name, globalsFor) => {
    const english = createPlatform({ clock: new FakeClock(), globals: globalsFor('en-US') })
    const spanish = createPlatform({ clock: new FakeClock(), globals: globalsFor('es-US') })
    await expect(spanish.language()).resolves.toMatch(/^es/)
    expect(await encoded(spanish)).toBe(await encoded(english))
  })
})
