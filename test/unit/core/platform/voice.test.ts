/**
 * Each platform's voice over faked globals: speechSynthesis on Tizen and in browsers (language on
 * every utterance, a voice of that language when the engine lists one, interrupt, cancel, a
 * throwing or missing API), and the webOS luna tts service (its parameters, through webOS.service or
 * PalmServiceBridge, a TV that refuses `language`).
 */
import { createPlatform } from '../../../../src/core/platform/detect'
import { pickVoice } from '../../../../src/core/platform/synthesis-voice'
import { FakeClock, flushPromises } from '../../../support/fake-clock'
import { fakePalmBridge, fakeSpeechSynthesis, fakeTizen, fakeWebOs, webosUa } from '../../../support/platform-fakes'

const voices = [
  { lang: 'en-US', name: 'Samantha', default: true },
  { lang: 'es-ES', name: 'Monica' },
  { lang: 'es_US', name: 'Paulina' },
  { lang: 'es-MX', name: 'Juan', default: true },
]

describe('speechSynthesis (Tizen and browser)', () => {
  const platforms = [
    ['tizen', (extra: Record<string, unknown>) => ({ ...fakeTizen(), ...extra })],
    ['browser', (extra: Record<string, unknown>) => ({ navigator: { userAgent: 'Chrome/120' }, ...extra })],
  ] as const

  test.each(platforms)('%s: each utterance carries its language and a voice of it; speak resolves when it ends', async (name, globalsOf) => {
    const synth = fakeSpeechSynthesis({ voices })
    const platform = createPlatform({ clock: new FakeClock(), globals: globalsOf(synth.globals) })
    expect(platform.name).toBe(name)
    let ended = false
    void platform.voice.speak('Inicia sesión', { lang: 'es-US', interrupt: false }).then(() => (ended = true))
    const utterance = synth.state.spoken[0]
    expect(utterance).toEqual(expect.objectContaining({ text: 'Inicia sesión', lang: 'es-US', voice: voices[2] }))
    await flushPromises()
    expect(ended).toBe(false)
    utterance?.onend?.()
    await flushPromises()
    expect(ended).toBe(true)
  })

  test('interrupt cancels what is said first; cancel() stops at once and ends what was pending', async () => {
    const synth = fakeSpeechSynthesis({ voices })
    const { voice } = createPlatform({ clock: new FakeClock(), globals: { ...fakeTizen(), ...synth.globals } })
    const first = voice.speak('One', { lang: 'en-US', interrupt: false })
    expect(synth.state.cancels).toBe(0)
    void voice.speak('Two', { lang: 'en-US', interrupt: true })
    expect(synth.state.cancels).toBe(1)
    await expect(first).resolves.toBeUndefined()
    const third = voice.speak('Three', { lang: 'en-US', interrupt: false })
    voice.cancel()
    expect(synth.state.cancels).toBe(2)
    await expect(third).resolves.toBeUndefined()
  })

  test('voice pick: the same tag, else the same language (the default first), else none (utterance.lang only)', () => {
    expect(pickVoice(voices, 'es-US')).toBe(voices[2])
    expect(pickVoice(voices, 'es-AR')).toBe(voices[3])
    expect(pickVoice(voices, 'en-US')).toBe(voices[0])
    expect(pickVoice([{ lang: 'fr-FR' }], 'es-US')).toBeUndefined()
    expect(pickVoice(undefined, 'es-US')).toBeUndefined()
  })

  test('an engine without voices still speaks, with utterance.lang alone', () => {
    const synth = fakeSpeechSynthesis()
    const { voice } = createPlatform({ clock: new FakeClock(), globals: { navigator: { userAgent: 'Chrome/120' }, ...synth.globals } })
    void voice.speak('Hola', { lang: 'es-US', interrupt: false })
    expect(synth.state.spoken[0]).toEqual(expect.objectContaining({ lang: 'es-US', voice: null }))
  })

  test('a throwing speak resolves (never rejects), and a missing API is a voice that says nothing', async () => {
    const throwing = fakeSpeechSynthesis({ speakThrows: true })
    const broken = createPlatform({ clock: new FakeClock(), globals: { ...fakeTizen(), ...throwing.globals } }).voice
    await expect(broken.speak('One', { lang: 'en-US', interrupt: true })).resolves.toBeUndefined()
    const missing = createPlatform({ clock: new FakeClock(), globals: fakeTizen() }).voice
    await expect(missing.speak('One', { lang: 'en-US', interrupt: false })).resolves.toBeUndefined()
    expect(() => missing.cancel()).not.toThrow()
  })
})

describe('webOS: luna://com.webos.service.tts', () => {
  test('speak sends {text, clear, language} and resolves at once; cancel sends stop', async () => {
    const fake = fakeWebOs()
    const { voice } = createPlatform({ clock: new FakeClock(), globals: fake.globals })
    await expect(voice.speak('Sign in', { lang: 'en-US', interrupt: true })).resolves.toBeUndefined()
    await voice.speak('Code', { lang: 'es-US', interrupt: false })
    voice.cancel()
    expect(fake.ttsCalls).toEqual([
      { method: 'speak', parameters: { text: 'Sign in', clear: true, language: 'en-US' } },
      { method: 'speak', parameters: { text: 'Code', clear: false, language: 'es-US' } },
      { method: 'stop', parameters: {} },
    ])
  })

  test('a TV that refuses language: said again without it, and never asked with it again', async () => {
    const fake = fakeWebOs({ tts: 'refusesLanguage' })
    const { voice } = createPlatform({ clock: new FakeClock(), globals: fake.globals })
    await voice.speak('One', { lang: 'en-US', interrupt: true })
    await voice.speak('Two', { lang: 'en-US', interrupt: false })
    expect(fake.ttsCalls.map((c) => c.parameters)).toEqual([
      { text: 'One', clear: true, language: 'en-US' },
      { text: 'One', clear: true },
      { text: 'Two', clear: false },
    ])
  })

  test('a failing service leaves the app running: speak still resolves', async () => {
    const fake = fakeWebOs({ tts: 'fail' })
    const { voice } = createPlatform({ clock: new FakeClock(), globals: fake.globals })
    await expect(voice.speak('One', { lang: 'en-US', interrupt: false })).resolves.toBeUndefined()
    expect(() => voice.cancel()).not.toThrow()
  })

  test('speechSynthesis is not used on webOS (silent there)', async () => {
    const synth = fakeSpeechSynthesis({ voices })
    const fake = fakeWebOs()
    const { voice } = createPlatform({ clock: new FakeClock(), globals: { ...fake.globals, ...synth.globals } })
    await voice.speak('One', { lang: 'en-US', interrupt: false })
    expect(synth.state.spoken).toHaveLength(0)
    expect(fake.ttsCalls).toHaveLength(1)
  })

  test('without webOSTV.js: PalmServiceBridge calls luna://com.webos.service.tts/speak with JSON parameters', async () => {
    const bridge = fakePalmBridge()
    const { voice } = createPlatform({ clock: new FakeClock(), globals: { navigator: { userAgent: webosUa }, PalmServiceBridge: bridge.PalmServiceBridge } })
    await voice.speak('Hola', { lang: 'es-US', interrupt: true })
    voice.cancel()
    expect(bridge.calls.map((c) => [c.url, c.parameters])).toEqual([
      ['luna://com.webos.service.tts/speak', { text: 'Hola', clear: true, language: 'es-US' }],
      ['luna://com.webos.service.tts/stop', {}],
    ])
  })

  test('a bridge whose call throws, or no bridge at all, is a voice that says nothing', async () => {
    class Throwing {
      call(): void {
        throw new Error('denied')
      }
    }
    for (const globals of [
      { navigator: { userAgent: webosUa }, PalmServiceBridge: Throwing },
      { navigator: { userAgent: webosUa }, webOSDev: {} },
    ]) {
      const { voice } = createPlatform({ clock: new FakeClock(), globals })
      await expect(voice.speak('One', { lang: 'en-US', interrupt: false })).resolves.toBeUndefined()
      expect(() => voice.cancel()).not.toThrow()
    }
  })
})
