/** The decisions logic's state as screens: badges, deny wording with the provider's words, player validity. */
import type { DecisionsState } from '../../../../../src/core/decisions'
import { setLanguage } from '../../../../../src/ui/copy'
import { presentDecisions } from '../../../../../src/ui/model/decisions/present'
import type { DecisionsView } from '../../../../../src/ui/model/views'

const base: DecisionsView = { providerName: 'Riverside Cable', items: [{ id: 'live', title: 'MyChannel Live', badge: 'unknown' }], busy: false }
const items = [
  { id: 'live', title: 'MyChannel Live', badge: 'included' as const },
  { id: 'sports', title: 'Sports Center', badge: 'notInPackage' as const },
]
const state = (extra: Partial<DecisionsState>): DecisionsState => ({
  mvpd: 'Sandbox_Cable',
  items,
  play: { kind: 'idle' },
  signOut: { kind: 'idle' },
  ...extra,
})

describe('presentDecisions', () => {
  it('the row carries the preauthorization badges; no notice when idle', () => {
    const screen = presentDecisions(base, state({}))
    expect(screen.route).toBe('decisions')
    if (screen.route !== 'decisions') return
    expect(screen.view.items.map((i) => i.badge)).toEqual(['included', 'notInPackage'])
    expect(screen.view.notice).toBeUndefined()
    expect(screen.view.busy).toBe(false)
  })

  it('CL-AUTHZ-R2: a deny says what happened, what to do, the provider words, and a support reference', () => {
    const screen = presentDecisions(
      base,
      state({
        play: {
          kind: 'denied',
          resource: 'sports',
          reason: 'notInPackage',
          error: {
            status: 403,
            code: 'authorization_denied_by_mvpd',
            action: 'none',
            message: 'MVPD denied access',
            details: 'Package lacks this channel',
            trace: 'a1b2',
          },
        },
      }),
    )
    if (screen.route !== 'decisions') throw new Error('expected decisions')
    expect(screen.view.notice?.tone).toBe('danger')
    expect(screen.view.notice?.text).toContain("Sports Center isn't part of your Riverside Cable package")
    expect(screen.view.notice?.text).toContain('Riverside Cable says: “Package lacks this channel”')
    expect(screen.view.reference).toBe('Reference: authorization_denied_by_mvpd · a1b2')
  })

  it.each([
    ['parentalControls', 'parentalControls'],
    ['notInPackage', 'notInPackage'],
    ['degradation', 'unavailableNow'],
    ['unknown', 'unknown'],
    ['checking', 'checking'],
  ] as const)('a row denied for %s reads badge %s (the real reason, from preauthorization or play alike)', (badge, view) => {
    const screen = presentDecisions(base, state({ items: [items[0]!, { id: 'sports', title: 'Sports Center', badge }] }))
    if (screen.route !== 'decisions') throw new Error('expected decisions')
    expect(screen.view.items.map((i) => i.badge)).toEqual(['included', view])
  })

  it('Spanish after setLanguage: the next screen is in Spanish', () => {
    setLanguage('es')
    try {
      const screen = presentDecisions(
        base,
        state({ play: { kind: 'permitted', resource: 'live', tokenNotAfter: 1_000 + 7 * 60_000, receivedAt: 1_000, source: 'mvpd' } }),
      )
      if (screen.route !== 'player') throw new Error('expected player')
      expect(screen.view.validity).toBe('Confirmado por su proveedor de TV. Si no empieza en 7 minutos, vuelva a elegir el título.')
    } finally {
      setLanguage('en')
    }
  })

  it('authorizing is busy and says so', () => {
    const screen = presentDecisions(base, state({ play: { kind: 'authorizing', resource: 'live' } }))
    if (screen.route !== 'decisions') throw new Error('expected decisions')
    expect(screen.view.busy).toBe(true)
    expect(screen.view.notice?.text).toContain('MyChannel Live')
  })

  it('a permit is the player stand-in with the media token validity in words (never the token)', () => {
    const screen = presentDecisions(
      base,
      state({ play: { kind: 'permitted', resource: 'live', tokenNotAfter: 1_000 + 7 * 60_000 - 30, receivedAt: 1_000, source: 'mvpd' } }),
    )
    expect(screen).toEqual({
      route: 'player',
      view: {
        title: 'MyChannel Live',
        headline: 'Playback would start now',
        validity: "Confirmed by your TV provider. If it hasn't started within 7 minutes, choose the title again.",
      },
    })
  })

  it('a degraded permit says access was granted for now', () => {
    const screen = presentDecisions(
      base,
      state({ play: { kind: 'permitted', resource: 'live', tokenNotAfter: 61_000, receivedAt: 1_000, source: 'degradation' } }),
    )
    if (screen.route !== 'player') throw new Error('expected player')
    expect(screen.view.validity).toBe("Confirmed by your TV provider. If it hasn't started within 1 minute, choose the title again.")
    expect(screen.view.note).toContain('granted for now')
  })
})
