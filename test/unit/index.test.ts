/**
 * The composition root (src/index.ts) owns what it builds: leaving the app stops the flow runner
 * (its requests are aborted), the screen sources (their listeners hear nothing more) and the
 * platform subscriptions, then asks the platform to exit. The Lightning launch and the App component
 * are replaced (no WebGL here); everything between them is the real wiring, over a fetch that
 * never answers.
 */
import 'fake-indexeddb/auto'
import type { AppServices } from '../../src/ui/model/screen'
import settingsJson from '../../settings.json'

const built: { services?: AppServices } = {}

jest.mock('../../src/ui/launch', () => ({ launch: jest.fn(() => ({})) }))
jest.mock('../../src/ui/App', () => ({
  createApp: (services: AppServices) => {
    built.services = services
    return class {}
  },
}))

const waitFor = async (done: () => boolean, ms = 4000): Promise<void> => {
  for (const end = Date.now() + ms; !done();) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

test('exitApp aborts the runner’s request, silences the screens, releases the platform listeners and exits', async () => {
  // DCR answers at once; every Adobe Pass V2 request the runner makes is held until it is aborted.
  const signals: AbortSignal[] = []
  const fetchStub = jest.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init)
    const path = new URL(request.url).pathname
    const json = (status: number, body: object): Promise<Response> =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))
    if (path === '/o/client/register') return json(201, { client_id: 'client-1', client_secret: 'secret-1', client_id_issued_at: 1735689600 })
    if (path === '/o/client/token') return json(201, { access_token: 'token-1', created_at: Date.now(), expires_in: 21600, token_type: 'bearer' })
    const signal = init?.signal ?? request.signal
    signals.push(signal)
    return new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
  })
  const realFetch = globalThis.fetch
  globalThis.fetch = fetchStub as typeof fetch
  const removeListener = jest.spyOn(window, 'removeEventListener')
  // The tab closes, so the browser platform does not go on to a blank page (jsdom cannot navigate).
  const close = jest.spyOn(window, 'close').mockImplementation(() => Object.defineProperty(window, 'closed', { value: true, configurable: true }))
  try {
    const { default: start } = await import('../../src/index')
    start(settingsJson.appSettings as never, {} as never, {} as never)
    const services = built.services
    if (!services) throw new Error('the App was not built')
    const screens: string[] = []
    services.screens.subscribe((screen) => screens.push(screen.route))

    await waitFor(() => signals.length > 0)
    expect(signals.every((s) => !s.aborted)).toBe(true)

    services.exitApp()

    expect(signals.every((s) => s.aborted)).toBe(true)
    expect(removeListener.mock.calls.map(([type]) => type)).toEqual(expect.arrayContaining(['online', 'offline']))
    expect(close).toHaveBeenCalled()
    expect((window as unknown as { __tvApp?: { exited: boolean } }).__tvApp?.exited).toBe(true)
    // Nothing runs any more: no new request, no screen change.
    const requests = fetchStub.mock.calls.length
    const seen = screens.length
    window.dispatchEvent(new Event('online'))
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(fetchStub.mock.calls.length).toBe(requests)
    expect(screens.length).toBe(seen)
  } finally {
    globalThis.fetch = realFetch
    removeListener.mockRestore()
    close.mockRestore()
    Reflect.deleteProperty(window, 'closed')
  }
})

type Hook = { language: string | null; exited: boolean }
const hookOf = (): Hook => (window as unknown as { __tvApp: Hook }).__tvApp

/**
 * Launches the real composition root at `search`, over a fetch that answers DCR and holds every
 * other request; `during` runs while the flow waits on its first Adobe Pass request, then the app exits.
 */
async function launch(search: string, during: () => Promise<void> | void = () => undefined) {
  const seen: { deviceInfo: string[]; languageAtFirstRequest?: string | null } = { deviceInfo: [] }
  const held: AbortSignal[] = []
  const realFetch = globalThis.fetch
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init)
    if (!('languageAtFirstRequest' in seen)) seen.languageAtFirstRequest = hookOf().language
    const header = new Headers(init?.headers ?? request.headers).get('X-Device-Info')
    if (header) seen.deviceInfo.push(header)
    const path = new URL(request.url).pathname
    const json = (status: number, body: object): Promise<Response> =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))
    if (path === '/o/client/register') return json(201, { client_id: 'client-1', client_secret: 'secret-1', client_id_issued_at: 1735689600 })
    if (path === '/o/client/token') return json(201, { access_token: 'token-1', created_at: Date.now(), expires_in: 21600, token_type: 'bearer' })
    const signal = init?.signal ?? request.signal
    held.push(signal)
    return new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
  }) as typeof fetch
  const close = jest.spyOn(window, 'close').mockImplementation(() => Object.defineProperty(window, 'closed', { value: true, configurable: true }))
  const removeListener = jest.spyOn(window, 'removeEventListener')
  window.history.replaceState(null, '', `/${search}`)
  try {
    const { default: start } = await import('../../src/index')
    start(settingsJson.appSettings as never, {} as never, {} as never)
    await waitFor(() => held.length > 0)
    await during()
    built.services?.exitApp()
    return { ...seen, released: removeListener.mock.calls.map(([type]) => type) }
  } finally {
    globalThis.fetch = realFetch
    close.mockRestore()
    removeListener.mockRestore()
    Reflect.deleteProperty(window, 'closed')
    window.history.replaceState(null, '', '/')
  }
}

const setNavigatorLanguage = (tag: string): void => {
  Object.defineProperty(window.navigator, 'language', { value: tag, configurable: true })
}

describe('the TV’s language', () => {
  afterEach(() => Reflect.deleteProperty(window.navigator, 'language'))

  test('is read at start-up (here it answers before the first request leaves), and ?lang= forces it', async () => {
    setNavigatorLanguage('en-US')
    expect((await launch('')).languageAtFirstRequest).toBe('en-US')
    expect((await launch('?lang=es')).languageAtFirstRequest).toBe('es')
  })

  test('a change while the app runs is applied; the subscription is released on exit', async () => {
    setNavigatorLanguage('en-US')
    const run = await launch('', () => {
      setNavigatorLanguage('es-US')
      window.dispatchEvent(new Event('languagechange'))
      expect(hookOf().language).toBe('es-US')
    })
    expect(run.released).toContain('languagechange')
    setNavigatorLanguage('en-GB')
    window.dispatchEvent(new Event('languagechange'))
    expect(hookOf().language).toBe('es-US')
  })

  test('a forced language is not followed', async () => {
    setNavigatorLanguage('en-US')
    await launch('?lang=es', () => {
      setNavigatorLanguage('en-GB')
      window.dispatchEvent(new Event('languagechange'))
      expect(hookOf().language).toBe('es')
    })
  })

  test('X-Device-Info is the same whatever the language', async () => {
    setNavigatorLanguage('en-US')
    const english = await launch('')
    setNavigatorLanguage('es-US')
    const spanish = await launch('')
    const forced = await launch('?lang=es')
    expect(english.deviceInfo.length).toBeGreaterThan(0)
    expect(new Set([...english.deviceInfo, ...spanish.deviceInfo, ...forced.deviceInfo]).size).toBe(1)
  })
})

describe('start-up', () => {
  afterEach(() => {
    jest.dontMock('../../src/core/platform/language')
    jest.resetModules()
  })

  test('the flow asks Adobe Pass before the TV answers its language; the screens follow once it has', async () => {
    let answer: (tag: string | null) => void = () => undefined
    jest.resetModules()
    jest.doMock('../../src/core/platform/language', () => ({
      ...jest.requireActual<object>('../../src/core/platform/language'),
      readLanguage: () => new Promise<string | null>((resolve) => (answer = resolve)),
    }))
    const messages: string[] = []
    const run = await launch('', async () => {
      // The copy module the launched app runs on (loaded after the reset above).
      const copy = await import('../../src/ui/copy')
      built.services?.screens.subscribe((screen) => messages.push((screen.view as { message?: string }).message ?? screen.route))
      // Waiting on the profiles: the screen is still the one made at launch, in no language yet.
      expect(messages).toEqual(['starting'])
      expect(copy.currentLanguage()).toBe('en')
      answer('es-US')
      await waitFor(() => messages.length > 1)
      // The next screen is drawn with the Spanish table (boot words are looked up when drawn).
      expect(messages[messages.length - 1]).toBe('checking')
      expect(copy.currentLanguage()).toBe('es')
    })
    expect(run.languageAtFirstRequest).toBeNull()
  })
})
