/**
 * Voice guidance as a listener hears it (docs/architecture.md "Voice guidance"): the page's
 * speechSynthesis is replaced before the app loads by a recorder that "speaks" each utterance in a
 * few milliseconds, so the transcript is what a viewer would hear, in order, with its language. A
 * first sign-in, a play, a deny and a sign-out in English; the same sign-in in Spanish; silence with
 * guidance off; and the webOS path, where the app speaks through the luna TTS service instead.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { en, type Copy } from '../../src/ui/copy/en'
import { es } from '../../src/ui/copy/es'
import { openApp, press, waitForFocus, waitForRoute, waitForText } from './harness'
import { stackPerTest, tvDeviceId } from './stack'

jest.setTimeout(120_000)

const stack = stackPerTest()

interface Heard {
  readonly text: string
  readonly lang: string
}

/** Runs in the page before the app: speechSynthesis records and ends each utterance shortly after it starts. */
function recordSpeech(): void {
  const heard: Array<{ text: string; lang: string }> = []
  const target = window as unknown as { __heard: typeof heard }
  target.__heard = heard
  class Utterance {
    lang = ''
    voice: unknown = null
    onend: (() => void) | null = null
    onerror: (() => void) | null = null
    constructor(public text: string) {}
  }
  let current: Utterance | undefined
  const synthesis = {
    speaking: false,
    pending: false,
    getVoices: () => [
      { lang: 'en-US', name: 'English', default: true, localService: true, voiceURI: 'en' },
      { lang: 'es-US', name: 'Español', default: false, localService: true, voiceURI: 'es' },
    ],
    speak(u: Utterance) {
      current = u
      heard.push({ text: u.text, lang: u.lang })
      setTimeout(() => {
        if (current === u) u.onend?.()
      }, 30)
    },
    cancel() {
      const u = current
      current = undefined
      u?.onend?.()
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true })
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true })
}

async function heard(page: Page): Promise<Heard[]> {
  return page.evaluate(() => [...(window as unknown as { __heard: Heard[] }).__heard])
}

/** Waits until an utterance containing `words` has been heard; returns the whole transcript. */
async function waitToHear(page: Page, words: string, timeout = 15_000): Promise<Heard[]> {
  await page.waitForFunction((w) => (window as unknown as { __heard: Heard[] }).__heard.some((u) => u.text.includes(w)), words, { timeout })
  return heard(page)
}

/** Keeps what a listener heard under test-artifacts/voice (git-ignored), to read as a transcript. */
async function keepTranscript(page: Page, name: string): Promise<void> {
  const dir = join(__dirname, '..', '..', 'test-artifacts', 'voice')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${name}.txt`), (await heard(page)).map((u) => `[${u.lang}] ${u.text}`).join('\n') + '\n')
}

async function openWithSpeech(lang: string, guidance: 'on' | 'off'): Promise<Page> {
  const s = stack()
  const page = await s.browser.context.newPage()
  await page.addInitScript(recordSpeech)
  await openApp(page, s.web.origin, s.tvQuery({ lang, voiceGuidance: guidance, 'pass.pollIntervalMs': '3000' }))
  return page
}

test('English: a first sign-in, a deny, a play and a sign-out are said as they happen, the code spelled', async () => {
  const s = stack()
  const page = await openWithSpeech('en', 'on')
  await waitForRoute(page, 'activation')
  const code = await waitForText(page, /^[ACEFGHJKMNPRTWXY34679]{7}$/)
  let said = await waitToHear(page, 'enter the code')
  const steps = said.find((u) => u.text.includes('enter the code'))
  expect(steps?.text).toMatch(/^On your phone or computer, go to 127 dot 0 dot 0 dot 1 colon \d+ slash activate and enter the code/)
  // The code character by character, never as a word.
  expect(said.map((u) => u.text).join(' ')).toContain(code.split('').join(', '))
  said = await waitToHear(page, 'The code expires in')
  expect(said.map((u) => u.text).join('\n')).toMatch(/The code expires in (29|30) minutes\./)
  expect(said.every((u) => u.lang === 'en-US')).toBe(true)

  s.sandbox.completeSignIn(code, { mvpd: 'Sandbox_Cable', user: 'basic' })
  await waitForRoute(page, 'decisions')
  said = await waitToHear(page, 'Watching with your Riverside Cable subscription')
  expect(said.some((u) => u.text.includes('Signed in with Riverside Cable.'))).toBe(true)
  said = await waitToHear(page, 'MyChannel Live')

  // Focus moves say where focus lands: name, state, position.
  await waitForFocus(page, 'Card_mychannel_live')
  // Three Right presses in one go, as a quick thumb sends them (dispatched in the page in one task,
  // so a busy machine cannot stretch them past the debounce).
  await page.evaluate(() => {
    for (let i = 0; i < 3; i++) {
      for (const type of ['keydown', 'keyup']) {
        const event = new KeyboardEvent(type, { key: 'ArrowRight', bubbles: true, cancelable: true })
        Object.defineProperty(event, 'keyCode', { get: () => 39 })
        window.dispatchEvent(event)
      }
    }
  })
  await waitForFocus(page, 'Card_mychannel_sports')
  said = await waitToHear(page, 'Sports Center, Not in your package, 4 of 5')
  // Three fast presses: only the title where focus landed is said (the debounce).
  expect(said.filter((u) => /Evening News|Movie Night/.test(u.text))).toEqual([])

  await press(page, 'Enter')
  said = await waitToHear(page, "Sports Center isn't part of your Riverside Cable package")
  await press(page, 'ArrowLeft')
  await waitForFocus(page, 'Card_mychannel_movies')
  await press(page, 'Enter')
  await waitForRoute(page, 'player')
  said = await waitToHear(page, en.player.headline)

  await press(page, 'Backspace')
  await waitForRoute(page, 'decisions')
  await press(page, 'ArrowDown')
  await press(page, 'ArrowRight')
  await waitForFocus(page, 'SignOut')
  said = await waitToHear(page, 'Sign out, button, 2 of 2')
  await press(page, 'Enter')
  said = await waitToHear(page, 'Sign out of Riverside Cable on this TV?')
  said = await waitToHear(page, 'Cancel, button, 1 of 2')

  // Nothing secret is ever said: no token, no trace id, no device id.
  const all = said.map((u) => u.text).join('\n')
  expect(all).not.toMatch(/sbx-|fingerprint|Bearer|eyJ/)
  await keepTranscript(page, 'en-first-sign-in')
})

describe.each([
  ['en', en],
  ['es', es],
] as const)('a returning viewer with two providers (%s)', (lang: string, words: Copy) => {
  test('the grid is said with the focused provider, a move says the next one, a pick lands on the titles', async () => {
    const s = stack()
    const page = await openWithSpeech(lang, 'on')
    await waitForRoute(page, 'activation')
    const device = tvDeviceId(s.sandbox)
    s.sandbox.seedProfile({ deviceId: device, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 29 * 86_400_000 + 3_600_000 })
    s.sandbox.seedProfile({ deviceId: device, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 3 * 86_400_000 + 3_600_000 })
    await page.reload()
    await waitForRoute(page, 'profiles')
    let said = await waitToHear(page, words.profiles.title)
    said = await waitToHear(page, words.spoken.position(1, 3))
    expect(said.at(-1)?.text).toMatch(/^(Riverside Cable|Summit Fiber), /)
    await press(page, 'ArrowRight')
    said = await waitToHear(page, words.spoken.position(2, 3))
    await press(page, 'Enter')
    await waitForRoute(page, 'decisions')
    said = await waitToHear(page, words.decisions.title)
    const watching = words.decisions.watchingWith('PROVIDER').split('PROVIDER')[0] as string
    expect(said.some((u) => u.text.includes(watching))).toBe(true)
    expect(said.every((u) => u.lang === (lang === 'es' ? 'es-US' : 'en-US'))).toBe(true)
    await keepTranscript(page, `${lang}-returning-grid`)
  })
})

test('Spanish: the sign-in is said in Spanish, with a Spanish voice', async () => {
  const s = stack()
  const page = await openWithSpeech('es', 'on')
  await waitForRoute(page, 'activation')
  const code = await waitForText(page, /^[ACEFGHJKMNPRTWXY34679]{7}$/)
  let said = await waitToHear(page, 'escriba el código')
  expect(said.find((u) => u.text.includes('escriba el código'))?.text).toMatch(
    /^En su teléfono o computadora, vaya a 127 punto 0 punto 0 punto 1 dos puntos \d+ barra activate/,
  )
  said = await waitToHear(page, 'El código vence en')
  expect(said.map((u) => u.text).join('\n')).toMatch(/El código vence en (29|30) minutos\./)
  s.sandbox.completeSignIn(code, { mvpd: 'Sandbox_Cable', user: 'basic' })
  await waitForRoute(page, 'decisions')
  said = await waitToHear(page, es.decisions.watchingWith('Riverside Cable'))
  expect(said.some((u) => u.text.includes('Sesión iniciada con Riverside Cable.'))).toBe(true)
  said = await waitToHear(page, `MyChannel Live, ${es.decisions.included}, 1 de 5`)
  expect(said.every((u) => u.lang === 'es-US')).toBe(true)
  // Not a word of the fallback language, the first screen included (published before the language was known).
  expect(said.filter((u) => [en.boot.starting, en.boot.checking, en.activation.title].some((words) => u.text.includes(words)))).toEqual([])
  await keepTranscript(page, 'es-first-sign-in')
})

test('guidance off: nothing is said, whatever happens', async () => {
  const s = stack()
  const page = await openWithSpeech('en', 'off')
  await waitForRoute(page, 'activation')
  const code = await waitForText(page, /^[ACEFGHJKMNPRTWXY34679]{7}$/)
  s.sandbox.completeSignIn(code, { mvpd: 'Sandbox_Cable', user: 'basic' })
  await waitForRoute(page, 'decisions')
  await waitForFocus(page, 'Card_mychannel_live')
  await press(page, 'ArrowRight')
  await press(page, 'Backspace')
  await waitForRoute(page, 'exit')
  expect(await heard(page)).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __tvApp: { spoken: unknown[] } }).__tvApp.spoken)).toEqual([])
})

/** Runs in the page before the app: a webOS with audio guidance on, whose luna calls are recorded. */
function fakeWebOs(): void {
  const calls: Array<{ uri: string; method: string; parameters: Record<string, unknown> }> = []
  const target = window as unknown as { __luna: typeof calls; webOS: unknown }
  target.__luna = calls
  target.webOS = {
    platformBack: () => undefined,
    service: {
      request(uri: string, options: { method: string; parameters: Record<string, unknown>; onSuccess?: (r: unknown) => void }) {
        calls.push({ uri, method: options.method, parameters: options.parameters })
        const keys = (options.parameters.keys as string[] | undefined) ?? []
        const answer = keys.includes('audioGuidance')
          ? { returnValue: true, settings: { audioGuidance: 'on' } }
          : keys.includes('localeInfo')
            ? { returnValue: true, settings: { localeInfo: { locales: { UI: 'en-US' } } } }
            : { returnValue: true }
        setTimeout(() => options.onSuccess?.(answer), 5)
        return { cancel: () => undefined }
      },
    },
  }
}

test('webOS: with the TV’s audio guidance on, the app speaks through the luna TTS service, not speechSynthesis', async () => {
  const s = stack()
  const page = await s.browser.context.newPage()
  await page.addInitScript(recordSpeech)
  await page.addInitScript(fakeWebOs)
  await openApp(page, s.web.origin, s.tvQuery({ platform: 'webos', 'pass.pollIntervalMs': '3000' }))
  await waitForRoute(page, 'activation')
  await page.waitForFunction(
    () =>
      (window as unknown as { __luna: Array<{ uri: string; parameters: { text?: string } }> }).__luna.some(
        (c) => c.uri === 'luna://com.webos.service.tts' && (c.parameters.text ?? '').includes('enter the code'),
      ),
    undefined,
    { timeout: 15_000 },
  )
  const tts = await page.evaluate(() =>
    (window as unknown as { __luna: Array<{ uri: string; method: string; parameters: { text?: string; clear?: boolean } }> }).__luna.filter(
      (c) => c.uri === 'luna://com.webos.service.tts' && c.method === 'speak',
    ),
  )
  // A screen cuts in (clear: true); what follows it in the same announcement queues (clear: false).
  const title = tts.findIndex((c) => (c.parameters.text ?? '').startsWith(en.activation.title))
  expect(tts[title]?.parameters.clear).toBe(true)
  expect(tts.some((c) => c.parameters.clear === false)).toBe(true)
  expect(await heard(page)).toEqual([])
})
