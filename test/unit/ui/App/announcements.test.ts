/**
 * What voice guidance is asked to say on every screen and dialog, in English and in Spanish: the
 * screen's words (from that language's table), then the focused control with its role and place;
 * focus moves say the control where focus lands; a change without a key press is a notification.
 */
import { en, type Copy } from '../../../../src/ui/copy/en'
import { es } from '../../../../src/ui/copy/es'
import type { Screen } from '../../../../src/ui/model/screen'
import { mountApp, type MountedApp } from '../../../support/lightning-kit'
import { activationScreen, reauthScreen } from '../../../support/app-screens'
import { speechRecorder, type SpeechRecorder } from '../../../support/speech-recorder'

let app: MountedApp | undefined
afterEach(() => app?.unmount())

const boot: Screen = { route: 'boot', view: { message: 'starting' } }
const profiles: Screen = {
  route: 'profiles',
  view: {
    tiles: [
      { mvpd: 'Cable', name: 'Riverside Cable', validity: 'Signed in · 29 days left', lastUsed: true },
      { mvpd: 'Fiber', name: 'Summit Fiber', validity: 'Signed in · 3 days left', lastUsed: false },
    ],
    focusMvpd: 'Cable',
    canGoBack: false,
  },
}
const decisions: Screen = {
  route: 'decisions',
  view: {
    providerName: 'Riverside Cable',
    items: [
      { id: 'live', title: 'MyChannel Live', badge: 'included' },
      { id: 'sports', title: 'Sports Center', badge: 'notInPackage' },
    ],
    busy: false,
  },
}
const error: Screen = { route: 'error', view: { title: 'Service down', message: 'Try again.', actionLabel: 'Again', reference: 'internal_server_error · t-1' } }
const player: Screen = { route: 'player', view: { title: 'MyChannel Live', headline: 'Playback', validity: 'For 7 minutes' } }

/** Mounts the App with guidance on, in `lang`, then shows `screen` as the flow would. */
async function shown(lang: 'en' | 'es', screen: Screen): Promise<{ app: MountedApp; speech: SpeechRecorder }> {
  const speech = speechRecorder()
  app = await mountApp(boot, { speech })
  ;(await import('../../../../src/ui/copy')).setLanguage(lang)
  await app.publish(screen)
  app.frames(3)
  return { app, speech }
}

const lastScreen = (speech: SpeechRecorder): string => speech.texts('screen').at(-1) ?? ''

describe.each([
  ['en', en],
  ['es', es],
] as const)('in %s', (lang: 'en' | 'es', words: Copy) => {
  const button = words.spoken.button

  test.each([
    [
      'profiles',
      profiles,
      [words.profiles.title, words.profiles.subtitle],
      `Riverside Cable | ${'Signed in · 29 days left'.replace(' · ', ', ')} | ${words.profiles.lastUsed} | ${words.spoken.position(1, 3)}`,
    ],
    [
      'reauth',
      reauthScreen,
      [words.reauth.title, words.reauth.subtitle('Riverside Cable')],
      `${words.reauth.again('Riverside Cable')} | ${button} | ${words.spoken.position(1, 2)}`,
    ],
    [
      'decisions',
      decisions,
      [words.decisions.watchingWith('Riverside Cable'), words.decisions.title],
      `MyChannel Live | ${words.decisions.included} | ${words.spoken.position(1, 2)}`,
    ],
    ['error', error, ['Service down', 'Try again.'], `Again | ${button}`],
    ['player', player, ['Playback', 'MyChannel Live', 'For 7 minutes'], `${words.player.back} | ${button}`],
  ] as const)('%s: its words, then the focused control', async (_name, screen, first, focused) => {
    const { speech } = await shown(lang, screen)
    const said = lastScreen(speech)
    expect(said.startsWith(first.join(' | '))).toBe(true)
    expect(said.endsWith(focused)).toBe(true)
    // The support reference is small print for support, never read out.
    expect(said).not.toContain('internal_server_error')
  })

  test('activation: the steps with the address read aloud and the code spelled, then the button', async () => {
    const { speech } = await shown(lang, activationScreen())
    const said = lastScreen(speech)
    expect(said).toContain(words.activation.title)
    expect(said).toContain(
      words.spoken.goTo(`127 ${words.spoken.dot} 0 ${words.spoken.dot} 0 ${words.spoken.dot} 1 ${words.spoken.colon} 4000 ${words.spoken.slash} activate`),
    )
    expect(said).toContain('A B C 1 2 3 4')
    expect(said).not.toContain('ABC1234')
    expect(said).toContain(words.spoken.expiresIn(words.time.duration(1_800_000) ?? ''))
    expect(said.endsWith(`${words.activation.newCode} | ${button}`)).toBe(true)
  })

  test('focus moves say the control where focus lands, with its place in the row', async () => {
    const { app: mounted, speech } = await shown(lang, decisions)
    await mounted.press('Right')
    expect(speech.texts('focus').at(-1)).toBe(`Sports Center | ${words.decisions.notInPackage} | ${words.spoken.position(2, 2)}`)
    await mounted.press('Down')
    expect(speech.texts('focus').at(-1)).toBe(`${words.decisions.switchProvider} | ${button} | ${words.spoken.position(1, 2)}`)
  })

  test('the exit and sign-out dialogs are said as screens, the safe choice last', async () => {
    const first = await shown(lang, activationScreen())
    await first.app.press('Back')
    expect(lastScreen(first.speech)).toMatch(new RegExp(`\\| ${words.exit.stay} \\| ${button} \\| ${words.spoken.position(1, 2)}$`))
    expect(lastScreen(first.speech)).toContain(words.spoken.dialog)
    first.app.unmount()

    const second = await shown(lang, decisions)
    await second.app.press('Down')
    await second.app.press('Right')
    await second.app.press('Enter')
    expect(lastScreen(second.speech).startsWith(words.signOutDialog.title('Riverside Cable'))).toBe(true)
    expect(lastScreen(second.speech).endsWith(`${words.signOutDialog.cancel} | ${button} | ${words.spoken.position(1, 2)}`)).toBe(true)
  })

  test('a deny is said at once (alert), a check under way politely; the offline banner once each way', async () => {
    const { app: mounted, speech } = await shown(lang, decisions)
    await mounted.publish({ ...decisions, view: { ...decisions.view, notice: { tone: 'info', text: 'checking' }, noticeFor: 'sports' } } as Screen)
    await mounted.publish({ ...decisions, view: { ...decisions.view, notice: { tone: 'danger', text: 'denied' }, noticeFor: 'sports' } } as Screen)
    expect(speech.calls.filter((c) => c.kind === 'notify').map((c) => [c.parts[0], c.priority])).toEqual([
      ['checking', 'polite'],
      ['denied', 'alert'],
    ])
    await mounted.publish({ ...decisions, offline: true })
    await mounted.publish({ ...decisions, offline: true })
    await mounted.publish({ ...decisions, offline: false })
    expect(speech.texts('notify').slice(2)).toEqual([words.offline, words.spoken.online])
  })

  test('activation: the time left again at 5 and 1 minutes only, a new code as such, the code expiring', async () => {
    const MIN = 60_000
    const base = activationScreen()
    const at = (msLeft: number, code = 'ABC1234', expired = false): Screen =>
      ({ ...base, view: { ...base.view, code, expired, now: () => 1_800_000 - msLeft } }) as Screen
    const { app: mounted, speech } = await shown(lang, at(29 * MIN))
    for (const left of [20 * MIN, 5 * MIN + 2000, 5 * MIN - 1000, 4 * MIN, 2 * MIN, MIN - 1000, 30_000]) await mounted.publish(at(left))
    expect(speech.texts('notify')).toEqual([words.spoken.expiresIn(words.time.duration(5 * MIN) ?? ''), words.spoken.expiresIn(words.time.duration(MIN) ?? '')])
    await mounted.publish(at(29 * MIN, 'XYZ9876'))
    expect(speech.texts('notify').at(-1)).toBe(`${words.spoken.newCode} | X Y Z 9 8 7 6 | ${words.spoken.expiresIn(words.time.duration(29 * MIN) ?? '')}`)
    await mounted.publish(at(0, 'XYZ9876', true))
    expect(speech.texts('notify').at(-1)).toBe(words.activation.expired)
  })

  test('the focused title still being checked gets its answer said once, when it comes', async () => {
    const checking = { ...decisions, view: { ...decisions.view, items: decisions.view.items.map((i) => ({ ...i, badge: 'checking' as const })) } } as Screen
    const { app: mounted, speech } = await shown(lang, checking)
    expect(lastScreen(speech).endsWith(`MyChannel Live | ${words.decisions.checking} | ${words.spoken.position(1, 2)}`)).toBe(true)
    await mounted.publish(decisions)
    await mounted.publish(decisions)
    expect(speech.texts('notify')).toEqual([words.decisions.included])
  })

  test('a grid whose provider names have not arrived is said once they do (or at the next key), never with ids', async () => {
    const ids = { ...profiles, view: { ...profiles.view, tiles: profiles.view.tiles.map((t) => ({ ...t, name: t.mvpd })) } } as Screen
    const { app: mounted, speech } = await shown(lang, ids)
    expect(speech.texts('screen').filter((t) => t.includes(words.profiles.title))).toEqual([])
    await mounted.publish(profiles)
    expect(speech.texts('screen').filter((t) => t.includes(words.profiles.title))).toHaveLength(1)
    expect(lastScreen(speech)).toContain('Riverside Cable')

    const late = await shown(lang, ids)
    await late.app.press('Right')
    expect(late.speech.texts('screen').filter((t) => t.includes(words.profiles.title))).toHaveLength(1)
  })

  test('every control on every screen has a name', async () => {
    for (const screen of [profiles, activationScreen(), reauthScreen, decisions, error, player]) {
      const { app: mounted } = await shown(lang, screen)
      const unnamed: string[] = []
      const visit = (node: { children?: unknown[]; ref?: string; accessibleName?: () => readonly unknown[] }): void => {
        if (typeof node.accessibleName === 'function') {
          const [name] = node.accessibleName()
          if (typeof name !== 'string' || name.trim() === '') unnamed.push(`${screen.route}/${node.ref ?? '?'}`)
        }
        for (const child of node.children ?? []) visit(child as typeof node)
      }
      visit(mounted.app as unknown as Parameters<typeof visit>[0])
      expect(unnamed).toEqual([])
      mounted.unmount()
      app = undefined
    }
    // Six apps mounted one after another: on a loaded 2-core machine that outlasts jest's default 5 s.
  }, 30_000)
})
