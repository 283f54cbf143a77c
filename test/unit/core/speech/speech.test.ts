/**
 * The speech service over a scripted voice and a fake clock: screens cut off and clear, focus is
 * debounced, alerts interrupt and go first, polite notifications wait, repeats are said once, codes
 * are spelled, pauses wait on the clock, the language is read at speak time, a disabled service is
 * silent and keeps nothing, and a voice that throws or never answers does not wedge the queue.
 */
import { createSpeech, type SpeechOptions } from '../../../../src/core/speech'
import type { Logger } from '../../../../src/core/base/logger'
import { FakeClock, flushPromises } from '../../../support/fake-clock'
import { FakeVoice, type VoiceMode } from './fake-voice'

function rig(options: Partial<SpeechOptions> & { mode?: VoiceMode } = {}) {
  const clock = new FakeClock()
  const voice = new FakeVoice(options.mode)
  let lang = 'en-US'
  const speech = createSpeech({ voice, clock, language: () => lang, enabled: true, ...options })
  return {
    clock,
    voice,
    speech,
    setLang: (next: string) => {
      lang = next
    },
    /** Ends the latest utterance and lets the queue move on. */
    endLast: async () => {
      voice.endLast()
      await flushPromises()
    },
  }
}

describe('screen', () => {
  test('says the announcement at once, cutting off what the voice says', () => {
    const { voice, speech } = rig()
    speech.screen(['Sign in', 'Choose your TV provider'])
    expect(voice.spoken).toEqual([expect.objectContaining({ text: 'Sign in, Choose your TV provider', lang: 'en-US', interrupt: true })])
  })

  test('drops what is queued and the pending focus', async () => {
    const { voice, speech, clock, endLast } = rig()
    speech.notify(['First'])
    speech.notify(['Queued'])
    speech.focus(['Button'])
    speech.screen(['New screen'])
    await endLast()
    await clock.advance(1000)
    expect(voice.texts).toEqual(['First', 'New screen'])
  })

  test('a late answer of the utterance it cut off does not move the queue on', async () => {
    const { voice, speech } = rig()
    speech.notify(['Old'])
    const old = voice.spoken[0]
    speech.screen(['New'])
    speech.notify(['After'])
    old?.end()
    await flushPromises()
    expect(voice.texts).toEqual(['Old', 'New'])
  })

  test('an empty screen announcement still silences the old screen', () => {
    const { voice, speech } = rig()
    speech.notify(['Old'])
    speech.screen(['', '  '])
    expect(voice.texts).toEqual(['Old'])
    expect(voice.cancels).toBe(1)
  })
})

describe('focus', () => {
  test('is debounced (400 ms by default) and a later call within the debounce replaces it', async () => {
    const { voice, speech, clock } = rig()
    speech.focus(['Provider A'])
    await clock.advance(300)
    speech.focus(['Provider B'])
    await clock.advance(399)
    expect(voice.texts).toEqual([])
    await clock.advance(1)
    expect(voice.spoken).toEqual([expect.objectContaining({ text: 'Provider B', interrupt: true })])
  })

  test('the debounce is configurable', async () => {
    const { voice, speech, clock } = rig({ debounceMs: 100 })
    speech.focus(['Button'])
    await clock.advance(100)
    expect(voice.texts).toEqual(['Button'])
  })

  test('when it fires it cuts off the one in progress; queued notifications follow it', async () => {
    const { voice, speech, clock, endLast } = rig()
    speech.notify(['Signing in'])
    speech.notify(['Queued'])
    speech.focus(['Try again, button'])
    await clock.advance(400)
    expect(voice.spoken.map((s) => [s.text, s.interrupt])).toEqual([
      ['Signing in', false],
      ['Try again, button', true],
    ])
    await endLast()
    expect(voice.texts).toEqual(['Signing in', 'Try again, button', 'Queued'])
  })

  test('an empty focus only drops the pending one', async () => {
    const { voice, speech, clock } = rig()
    speech.focus(['Button'])
    speech.focus([''])
    await clock.advance(1000)
    expect(voice.texts).toEqual([])
    expect(clock.pendingTimers).toBe(0)
  })
})

describe('notify', () => {
  test('polite waits for the current utterance, then speaks without interrupting', async () => {
    const { voice, speech, endLast } = rig()
    speech.screen(['Activation'])
    speech.notify(['You are signed in'])
    expect(voice.texts).toEqual(['Activation'])
    await endLast()
    expect(voice.spoken[1]).toEqual(expect.objectContaining({ text: 'You are signed in', interrupt: false }))
  })

  test('polite is the default and keeps arrival order', async () => {
    const { voice, speech, endLast } = rig()
    speech.notify(['One'])
    speech.notify(['Two'], 'polite')
    speech.notify(['Three'])
    await endLast()
    await endLast()
    expect(voice.texts).toEqual(['One', 'Two', 'Three'])
  })

  test('an alert interrupts a polite one, which is not resumed; the queue follows the alert', async () => {
    const { voice, speech, endLast } = rig()
    speech.notify(['Polite one'])
    speech.notify(['Polite two'])
    speech.notify(['You are offline'], 'alert')
    expect(voice.spoken[1]).toEqual(expect.objectContaining({ text: 'You are offline', interrupt: true }))
    await endLast()
    await endLast()
    expect(voice.texts).toEqual(['Polite one', 'You are offline', 'Polite two'])
  })

  test('alerts go before queued polite ones; an alert being said is not cut off by another', async () => {
    const { voice, speech, endLast } = rig()
    speech.notify(['Alert one'], 'alert')
    speech.notify(['Polite'])
    speech.notify(['Alert two'], 'alert')
    expect(voice.texts).toEqual(['Alert one'])
    await endLast()
    await endLast()
    await endLast()
    expect(voice.texts).toEqual(['Alert one', 'Alert two', 'Polite'])
  })

  test('the same announcement again within a few seconds is said once', async () => {
    const { voice, speech, clock } = rig({ mode: 'instant' })
    speech.notify(['You are offline'], 'alert')
    await clock.advance(1000)
    speech.notify(['You are offline'], 'alert')
    speech.notify(['You are offline'])
    await clock.advance(4000)
    speech.notify(['You are offline'])
    await flushPromises()
    expect(voice.texts).toEqual(['You are offline', 'You are offline'])
  })

  test('a different announcement is not a repeat', async () => {
    const { voice, speech } = rig({ mode: 'instant' })
    speech.notify(['5 minutes left'])
    await flushPromises()
    speech.notify(['4 minutes left'])
    await flushPromises()
    expect(voice.texts).toEqual(['5 minutes left', '4 minutes left'])
  })
})

describe('what is said', () => {
  test('a code is spelled character by character, letters upper case so the engine names them', () => {
    const { voice, speech } = rig()
    speech.screen(['Your code is', { spell: 'JAPC988' }])
    expect(voice.texts).toEqual(['Your code is, J, A, P, C, 9, 8, 8'])
    speech.screen([{ spell: 'ab12' }])
    expect(voice.texts[1]).toBe('A, B, 1, 2')
  })

  test('a code that mixes cases marks its capitals in the utterance language', () => {
    const { voice, speech, setLang } = rig()
    speech.screen([{ spell: 'aB3' }])
    setLang('es-US')
    speech.screen([{ spell: 'aB3' }])
    expect(voice.texts).toEqual(['A, capital B, 3', 'A, mayúscula B, 3'])
  })

  test('a pause ends the sentence and waits on the clock after the utterance ended', async () => {
    const { voice, speech, clock, endLast } = rig()
    speech.screen(['Go to mychannel.com', { pause: 1000 }, 'Enter the code'])
    expect(voice.texts).toEqual(['Go to mychannel.com.'])
    await endLast()
    await clock.advance(999)
    expect(voice.texts).toHaveLength(1)
    await clock.advance(1)
    expect(voice.spoken[1]).toEqual(expect.objectContaining({ text: 'Enter the code', interrupt: false }))
  })

  test('empty strings are skipped; an announcement of nothing says nothing', async () => {
    const { voice, speech, clock } = rig()
    speech.screen(['', 'Hello', '   ', 'world.', 'Again'])
    speech.notify(['', { pause: 500 }])
    await clock.advance(1000)
    expect(voice.texts).toEqual(['Hello, world. Again'])
  })

  test('the language is read at speak time, for every utterance', async () => {
    const { voice, speech, setLang, endLast } = rig()
    speech.notify(['One'])
    speech.notify(['Dos'])
    setLang('es-US')
    await endLast()
    expect(voice.spoken.map((s) => s.lang)).toEqual(['en-US', 'es-US'])
  })

  test('nothing that looks like a secret is said, and the log never quotes it', async () => {
    const debug = jest.fn()
    const logger: Logger = { debug, warn: jest.fn() }
    const { voice, speech, clock } = rig({ mode: 'instant', logger })
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ2aWV3ZXIifQ.c2lnbmF0dXJl'
    speech.notify(['Token', jwt])
    speech.notify([{ spell: 'a1b2c3d4e5f6g7h8i9j0' }])
    speech.notify(['id 550e8400-e29b-41d4-a716-446655440000'])
    speech.notify(['client secret 8f14e45fceea167a5a36dedd4bea2543'])
    await clock.advance(10)
    expect(voice.texts).toEqual(['Token'])
    expect(JSON.stringify(debug.mock.calls)).not.toMatch(/eyJ|a1b2|550e|8f14/)
  })
})

describe('enabled', () => {
  test('disabled: every call is a no-op and nothing is queued for later', async () => {
    const { voice, speech, clock } = rig({ enabled: false })
    expect(speech.enabled).toBe(false)
    speech.screen(['Screen'])
    speech.focus(['Focus'])
    speech.notify(['Notice'], 'alert')
    expect(clock.pendingTimers).toBe(0)
    speech.setEnabled(true)
    await clock.advance(1000)
    expect(voice.texts).toEqual([])
    expect(speech.enabled).toBe(true)
    speech.notify(['Now it speaks'])
    expect(voice.texts).toEqual(['Now it speaks'])
  })

  test('turned off: stops the voice, drops the queue and the pending focus', async () => {
    const { voice, speech, clock, endLast } = rig()
    speech.notify(['Speaking'])
    speech.notify(['Queued'])
    speech.focus(['Focus'])
    speech.setEnabled(false)
    expect(voice.cancels).toBe(1)
    expect(clock.pendingTimers).toBe(0)
    await endLast()
    await clock.advance(1000)
    expect(voice.texts).toEqual(['Speaking'])
  })

  test('cancel stops the voice and forgets everything, and the service goes on afterwards', async () => {
    const { voice, speech, clock } = rig()
    speech.notify(['Speaking'])
    speech.notify(['Queued'])
    speech.cancel()
    expect(voice.cancels).toBe(1)
    await clock.advance(60_000)
    speech.notify(['Later'])
    expect(voice.texts).toEqual(['Speaking', 'Later'])
  })

  test('dispose cancels every timer and silences the service for good', async () => {
    const { voice, speech, clock, endLast } = rig()
    speech.screen(['Title', { pause: 2000 }, 'Body'])
    await endLast()
    speech.focus(['Focus'])
    expect(clock.pendingTimers).toBe(2)
    speech.dispose()
    expect(clock.pendingTimers).toBe(0)
    expect(voice.cancels).toBe(1)
    speech.setEnabled(true)
    speech.notify(['After'])
    await clock.advance(5000)
    expect(speech.enabled).toBe(false)
    expect(voice.texts).toEqual(['Title.'])
  })
})

describe('a voice that misbehaves does not wedge the queue', () => {
  test.each<[string, VoiceMode]>([
    ['throws', 'throws'],
    ['rejects', 'rejects'],
  ])('one that %s: the next utterance follows at once', async (_name, mode) => {
    const { voice, speech } = rig({ mode })
    speech.notify(['One'])
    speech.notify(['Two'])
    await flushPromises()
    expect(voice.texts).toEqual(['One', 'Two'])
  })

  test('one that never answers: the queue moves on after a bounded wait on the clock', async () => {
    const { voice, speech, clock } = rig({ mode: 'never' })
    speech.notify(['One'])
    speech.notify(['Two'])
    await clock.advance(1000)
    expect(voice.texts).toEqual(['One'])
    await clock.advance(15_000)
    expect(voice.texts).toEqual(['One', 'Two'])
    await clock.advance(15_000)
    expect(clock.pendingTimers).toBe(0)
  })
})
