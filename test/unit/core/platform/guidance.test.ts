/**
 * The TV's guidance setting through the adapters, over faked globals: Tizen Voice Guide
 * (webapis.tvinfo), webOS Audio Guidance (settings service, webOS.service or PalmServiceBridge), the
 * browser (off), the bounded read, and the `?voiceGuidance=` override.
 */
import { createPlatform } from '../../../../src/core/platform/detect'
import { guidanceOverride, readGuidance, watchGuidance } from '../../../../src/core/platform/guidance'
import type { Platform } from '../../../../src/core/platform/platform'
import { FakeClock } from '../../../support/fake-clock'
import { fakePalmBridge, fakeTizen, fakeWebOs, guidanceAnswer, webosUa, type FakeVoiceGuide, visibilityOf } from '../../../support/platform-fakes'

/** A document whose visibility a test switches, firing `visibilitychange` as an engine does. */
describe('Tizen: webapis.tvinfo.getMenuValue(VOICE_GUIDE_KEY)', () => {
  test.each<[string, FakeVoiceGuide, boolean]>([
    ['1 is on', 1, true],
    ['0 is off', 0, false],
    ['a throw is off', 'throws', false],
    ['no tvinfo is off', 'missing', false],
    ['an odd value is off', 7, false],
  ])('%s', async (_name, voiceGuide, on) => {
    await expect(createPlatform({ clock: new FakeClock(), globals: fakeTizen({ voiceGuide }) }).guidance()).resolves.toBe(on)
  })

  test('read again when the app is shown: a change is reported once, nothing after unsubscribing', () => {
    let value: FakeVoiceGuide = 0
    const globals: Record<string, unknown> = fakeTizen({ voiceGuide: () => value })
    const show = visibilityOf(globals)
    const seen: boolean[] = []
    const stop = createPlatform({ clock: new FakeClock(), globals }).onGuidanceChange((on) => seen.push(on))
    show(true)
    show(false)
    value = 1
    show(true)
    show(false)
    show(true)
    show(false)
    stop()
    value = 0
    show(true)
    show(false)
    expect(seen).toEqual([true])
  })
})

describe('webOS: settings service audioGuidance', () => {
  test.each<[string, unknown, boolean]>([
    ["'on' is on", 'on', true],
    ["'off' is off", 'off', false],
    ['an odd value is off', 'ON!', false],
  ])('%s', async (_name, value, on) => {
    const fake = fakeWebOs({ audioGuidance: { answer: guidanceAnswer(value) } })
    await expect(createPlatform({ clock: new FakeClock(), globals: fake.globals }).guidance()).resolves.toBe(on)
  })

  test('asks for category option, key audioGuidance', async () => {
    const fake = fakeWebOs({ audioGuidance: { answer: guidanceAnswer('on') } })
    const service = fake.globals.webOS as { service: { request: (uri: string, r: unknown) => unknown } }
    const request = jest.spyOn(service.service, 'request')
    await createPlatform({ clock: new FakeClock(), globals: fake.globals }).guidance()
    expect(request).toHaveBeenCalledWith(
      'luna://com.webos.settingsservice',
      expect.objectContaining({ method: 'getSystemSettings', parameters: { category: 'option', keys: ['audioGuidance'] } }),
    )
  })

  test.each<['fail' | 'throws']>([['fail'], ['throws']])('onFailure or a throw (%s) is off', async (audioGuidance) => {
    const fake = fakeWebOs({ audioGuidance })
    await expect(createPlatform({ clock: new FakeClock(), globals: fake.globals }).guidance()).resolves.toBe(false)
  })

  test('never answering is off once the callback wait ends on the injected clock', async () => {
    const clock = new FakeClock()
    const answer = createPlatform({ clock, globals: fakeWebOs({ audioGuidance: 'never' }).globals, callbackTimeoutMs: 2000 }).guidance()
    await clock.advance(2000)
    await expect(answer).resolves.toBe(false)
    expect(clock.pendingTimers).toBe(0)
  })

  test('the subscription reports each change once, ignores odd answers, and is cancelled by the unsubscribe', () => {
    const fake = fakeWebOs({ audioGuidance: { answer: guidanceAnswer('off') } })
    const seen: boolean[] = []
    const stop = createPlatform({ clock: new FakeClock(), globals: fake.globals }).onGuidanceChange((on) => seen.push(on))
    fake.pushGuidance('on')
    fake.pushGuidance('on')
    fake.pushGuidance(42)
    fake.pushGuidance('off')
    fake.pushSettings({ returnValue: true, settings: { localeInfo: {} } })
    stop()
    stop()
    fake.pushGuidance('on')
    expect(seen).toEqual([false, true, false])
    expect(fake.guidanceSubscribers).toHaveLength(0)
    expect(fake.settingsCancelled).toBe(1)
  })

  test('a failed subscription reports nothing and the app runs on', () => {
    const seen: boolean[] = []
    const stop = createPlatform({ clock: new FakeClock(), globals: fakeWebOs({ audioGuidance: 'fail' }).globals }).onGuidanceChange((on) => seen.push(on))
    stop()
    expect(seen).toEqual([])
  })

  test('without webOSTV.js: PalmServiceBridge reads and subscribes, and the unsubscribe cancels the bridge', async () => {
    const bridge = fakePalmBridge((url) => (url === 'luna://com.webos.settingsservice/getSystemSettings' ? guidanceAnswer('on') : undefined))
    const globals = { navigator: { userAgent: webosUa }, PalmServiceBridge: bridge.PalmServiceBridge }
    const platform = createPlatform({ clock: new FakeClock(), globals })
    await expect(platform.guidance()).resolves.toBe(true)
    expect(bridge.calls[0]?.parameters).toEqual({ category: 'option', keys: ['audioGuidance'] })
    const seen: boolean[] = []
    const stop = platform.onGuidanceChange((on) => seen.push(on))
    const subscription = bridge.calls[1]
    expect(subscription?.parameters).toEqual({ category: 'option', keys: ['audioGuidance'], subscribe: true })
    subscription?.answer(guidanceAnswer('off'))
    subscription?.answer('not json')
    subscription?.answer({ returnValue: false, errorText: 'denied' })
    stop()
    expect(subscription?.cancelled).toBe(true)
    expect(seen).toEqual([true, false])
  })

  test('neither webOS.service nor PalmServiceBridge: off, and a subscription that never fires', async () => {
    const platform = createPlatform({ clock: new FakeClock(), globals: { navigator: { userAgent: webosUa }, webOSDev: {} } })
    expect(platform.name).toBe('webos')
    await expect(platform.guidance()).resolves.toBe(false)
    expect(() => platform.onGuidanceChange(() => undefined)()).not.toThrow()
  })
})

describe('browser', () => {
  test('has no guidance setting: off, never changes', async () => {
    const platform = createPlatform({ clock: new FakeClock(), globals: { navigator: { userAgent: 'Chrome/120' } } })
    await expect(platform.guidance()).resolves.toBe(false)
    expect(() => platform.onGuidanceChange(() => undefined)()).not.toThrow()
  })
})

describe('the start-up read and the override', () => {
  const scripted = (guidance: () => Promise<boolean>): Platform => ({ ...createPlatform({ clock: new FakeClock(), globals: {} }), guidance })

  test.each([
    ['?voiceGuidance=on', true],
    ['?voiceGuidance=OFF', false],
    ['?lang=es&voiceGuidance=on#x', true],
    ['?voiceGuidance=yes', undefined],
    ['?platform=webos', undefined],
  ])('%s reads as %s in development builds', (query, expected) => {
    expect(guidanceOverride(query, true)).toBe(expected)
  })

  test('ignored when overrides are off (store builds)', () => {
    expect(guidanceOverride('?voiceGuidance=on', false)).toBeUndefined()
  })

  test('a forced value is answered without asking, and nothing is followed', async () => {
    const guidance = jest.fn(() => Promise.resolve(false))
    const platform = scripted(guidance)
    const onGuidanceChange = jest.spyOn(platform, 'onGuidanceChange')
    await expect(readGuidance(platform, new FakeClock(), { timeoutMs: 1000, override: true })).resolves.toBe(true)
    watchGuidance(platform, () => undefined, { override: true })()
    expect(guidance).not.toHaveBeenCalled()
    expect(onGuidanceChange).not.toHaveBeenCalled()
  })

  test('a platform that rejects, throws or never answers reads as off, the last after the bounded wait', async () => {
    const clock = new FakeClock()
    await expect(
      readGuidance(
        scripted(() => Promise.reject(new Error('x'))),
        clock,
        { timeoutMs: 1000 },
      ),
    ).resolves.toBe(false)
    await expect(
      readGuidance(
        scripted(() => {
          throw new Error('x')
        }),
        clock,
        { timeoutMs: 1000 },
      ),
    ).resolves.toBe(false)
    const never = readGuidance(
      scripted(() => new Promise<boolean>(() => undefined)),
      clock,
      { timeoutMs: 1000 },
    )
    await clock.advance(1000)
    await expect(never).resolves.toBe(false)
  })

  test('without an override, changes are followed through the platform', () => {
    const fake = fakeWebOs()
    const seen: boolean[] = []
    const stop = watchGuidance(createPlatform({ clock: new FakeClock(), globals: fake.globals }), (on) => seen.push(on))
    fake.pushGuidance('on')
    stop()
    expect(seen).toEqual([false, true])
  })
})
