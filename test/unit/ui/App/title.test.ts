import { mountApp, type MountedApp } from '../../../support/lightning-kit'

let kit: MountedApp | undefined
afterEach(() => kit?.unmount())

const boot = { route: 'boot', view: { message: 'starting' } } as const

test('the page title is the app name from settings.json brand', async () => {
  document.title = ''
  kit = await mountApp(boot)
  expect(document.title).toBe('MyChannel')
})

test('another brand names the page after itself, with no code change', async () => {
  document.title = ''
  kit = await mountApp(boot, { brand: { appName: 'Riverside Go', wordmark: { plain: 'RIVERSIDE', accented: 'GO' } } })
  expect(document.title).toBe('Riverside Go')
})
