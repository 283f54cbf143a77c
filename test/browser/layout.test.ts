/**
 * Every screen in English and in Spanish (which runs about a quarter longer): no text is cut, leaves
 * the box drawn behind it or the screen, or overlaps another (the drawn text boxes against their
 * containers: ./layout.ts), and each screen reads the language's own words. Walks one TV through a
 * first sign-in, the exit dialog, decisions with a deny, the player, the sign-out dialog, the grid,
 * the offline banner, re-authentication and the error screen; screenshots are saved per language
 * (test-artifacts/screenshots/layout-<lang>-<screen>.png).
 */
import type { Page } from 'playwright-core'
import { en, type Copy } from '../../src/ui/copy/en'
import { es } from '../../src/ui/copy/es'
import { openApp, press, screenshot, snapshot, waitForFocus, waitForRoute, waitForText } from './harness'
import { layoutProblems, textBoxesOf } from './layout'
import { stackPerTest, tvDeviceId } from './stack'

jest.setTimeout(180_000)

const stack = stackPerTest()

/** Overlays: texts under them are hidden by them, so overlap is judged within a layer. */
const LAYERS = ['ExitDialog', 'SignOutDialog', 'OfflineBanner']

async function expectLayout(page: Page, lang: string, name: string): Promise<void> {
  await screenshot(page, `layout-${lang}-${name}`)
  const problems = layoutProblems(await textBoxesOf(page), LAYERS)
  expect({ screen: name, problems }).toEqual({ screen: name, problems: [] })
}

/** Presses `key` until `ref` has the focus (a few presses at most). */
async function focusOn(page: Page, ref: string, key: string): Promise<void> {
  for (let i = 0; i < 6 && (await snapshot(page)).focus.at(-1) !== ref; i++) await press(page, key)
  await waitForFocus(page, ref)
}

/** Waits until no visible text is `text` (a banner or notice gone). */
async function waitForTextGone(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => !(window as unknown as { __tvApp: { texts(): string[] } }).__tvApp.texts().includes(t), text, { timeout: 20000 })
}

async function expectTexts(page: Page, wanted: readonly string[]): Promise<void> {
  const { texts } = await snapshot(page)
  for (const text of wanted) expect(texts).toContain(text)
}

describe.each([
  ['en', en],
  ['es', es],
] as const)('every screen in %s', (lang: string, words: Copy) => {
  test('fits its boxes and reads the language', async () => {
    const s = stack()
    const query = s.tvQuery({ lang, 'pass.pollIntervalMs': '3000' })
    const page = await s.browser.context.newPage()
    const relaunch = async (): Promise<void> => openApp(page, s.web.origin, query)
    await relaunch()

    // First launch: the second-screen sign-in.
    await waitForRoute(page, 'activation')
    const code = await waitForText(page, /^[ACEFGHJKMNPRTWXY34679]{7}$/)
    await expectTexts(page, [words.activation.title, words.activation.step1, words.activation.step2, words.activation.newCode])
    await expectLayout(page, lang, 'activation')

    await press(page, 'Backspace')
    await waitForRoute(page, 'exit')
    await expectTexts(page, [words.exit.stay, words.exit.exit])
    await expectLayout(page, lang, 'exit')
    await press(page, 'Backspace')
    await waitForRoute(page, 'activation')

    // Signed in on the phone with a provider whose name is long, as a user whose parental controls deny a title.
    s.sandbox.completeSignIn(code, { mvpd: 'Sandbox_Sat', user: 'kids' })
    await waitForRoute(page, 'decisions')
    await waitForText(page, new RegExp(`^${words.decisions.parentalControls}$`))
    await expectTexts(page, [
      words.decisions.watchingWith('Northstar Satellite'),
      words.decisions.included,
      words.decisions.switchProvider,
      words.decisions.signOut,
    ])
    await expectLayout(page, lang, 'decisions')

    // A denied title: the notice under the row, in two lines at most.
    await waitForFocus(page, 'Card_mychannel_live')
    await focusOn(page, 'Card_mychannel_movies', 'ArrowRight')
    await press(page, 'Enter')
    const deny = words.deny.parentalControls('MOVIES', 'Northstar Satellite').split('MOVIES')[0] as string
    await waitForText(page, new RegExp(escape(deny)))
    await expectLayout(page, lang, 'deny')

    // A permitted title: the player stand-in, then back to the titles.
    await focusOn(page, 'Card_mychannel_live', 'ArrowLeft')
    await press(page, 'Enter')
    await waitForRoute(page, 'player')
    await expectTexts(page, [words.player.headline])
    await expectLayout(page, lang, 'player')
    await press(page, 'Backspace')
    await waitForRoute(page, 'decisions')

    // Sign out asks first.
    await press(page, 'ArrowDown')
    await focusOn(page, 'SignOut', 'ArrowRight')
    await press(page, 'Enter')
    await waitForRoute(page, 'signOutDialog')
    await expectTexts(page, [words.signOutDialog.title('Northstar Satellite'), words.signOutDialog.cancel])
    await expectLayout(page, lang, 'sign-out-dialog')
    await press(page, 'Backspace')
    await waitForRoute(page, 'decisions')

    // Two more providers signed in on this TV: "Switch provider" opens the grid.
    const device = tvDeviceId(s.sandbox)
    s.sandbox.seedProfile({ deviceId: device, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Cable', ttlMs: 29 * 86_400_000 })
    s.sandbox.seedProfile({ deviceId: device, serviceProvider: 'MYCHAN', mvpd: 'Sandbox_Fiber', ttlMs: 3_600_000 })
    await focusOn(page, 'Switch', 'ArrowLeft')
    await press(page, 'Enter')
    await waitForRoute(page, 'profiles')
    await expectTexts(page, [words.profiles.title, words.profiles.another])
    await expectLayout(page, lang, 'grid')

    // The network lost: the banner over the grid.
    await page.context().setOffline(true)
    await waitForText(page, new RegExp(`^${escape(words.offline)}$`))
    await expectLayout(page, lang, 'offline')
    await page.context().setOffline(false)
    await waitForTextGone(page, words.offline)

    // The provider ends the sign-in: re-authentication at the next launch.
    await press(page, 'Backspace')
    await waitForRoute(page, 'decisions')
    for (const mvpd of ['Sandbox_Sat', 'Sandbox_Cable', 'Sandbox_Fiber']) s.sandbox.revokeProfile({ mvpd, deviceId: device })
    await relaunch()
    await waitForRoute(page, 'reauth')
    await expectTexts(page, [words.reauth.again('Northstar Satellite'), words.reauth.another])
    await expectLayout(page, lang, 'reauth')

    // The service down: the error screen with its automatic retry.
    s.sandbox.fault({ route: 'profiles', status: 503, count: 0 })
    await relaunch()
    await waitForRoute(page, 'error')
    await expectTexts(page, [words.failure.retry.title, words.error.tryAgain])
    await expectLayout(page, lang, 'error')
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
