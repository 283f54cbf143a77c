/**
 * Pacing against the sandbox's throttle (docs/adobe-pass.md "Throttling": a token bucket per device, 1 request
 * per second plus a one-time burst of 10, the rate token empty at first; test/sandbox/throttle.ts).
 * A realistic first launch fired as fast as the caller can, then a relaunch of the same TV with the
 * same budget store: the sandbox answers no 429 to either. Real time: past the burst, requests are
 * one per 1050 ms, so this file takes some seconds.
 */
import type { Sandbox } from '../sandbox'
import { calls, device, MemoryBudgetStore, newDeviceBudget, useSandbox } from './support'

const MVPD = 'Sandbox_Cable'
const RESOURCES = ['mychannel-live', 'mychannel-news', 'mychannel-sports']

let sandbox: Sandbox
useSandbox((started) => (sandbox = started), { throttle: true })

const statuses = (): number[] => sandbox.requests().map((r) => r.status)

test('first launch and relaunch, fired as fast as the caller can: zero 429s; the budget store is what keeps the relaunch at zero', async () => {
  const tv = device(sandbox)
  const budget = new MemoryBudgetStore()

  // 1. First launch: register, token, profiles (none), configuration (the picker), a session, the
  //    poll while the viewer signs in on the phone, preauthorize the row, play three titles, sign out.
  const first = tv.start({ requestBudget: budget })
  await first.retrieveProfiles()
  await first.configuration()
  const code = (await first.createSession({ mvpd: MVPD })).code as string
  for (let i = 0; i < 3; i++) await first.retrieveProfileForCode(code)
  sandbox.completeSignIn(code, { mvpd: MVPD, user: 'viewer' })
  await first.retrieveProfileForCode(code)
  await first.preauthorize(MVPD, RESOURCES)
  await Promise.all(RESOURCES.map((r) => first.authorize(MVPD, r)))
  await first.logout(MVPD)
  const firstLaunch = calls(sandbox)
  expect(firstLaunch).toHaveLength(14)
  expect(statuses()).not.toContain(429)
  // Two writes for the whole launch: "none left" before the burst, then what was left once it settled.
  expect(budget.saves).toBe(2)
  expect(budget.value).toMatchObject({ burstLeft: 0 })

  // 2. Relaunch of the same TV (same device id, same stores): signed out, so a new sign-in.
  sandbox.clearRequests()
  const again = tv.start({ requestBudget: budget })
  await expect(again.retrieveProfileForMvpd(MVPD)).resolves.toBeNull()
  const next = (await again.createSession({ mvpd: MVPD })).code as string
  await again.retrieveProfileForCode(next)
  sandbox.completeSignIn(next, { mvpd: MVPD, user: 'viewer' })
  await again.retrieveProfileForCode(next)
  await Promise.all([again.preauthorize(MVPD, RESOURCES), again.authorize(MVPD, 'mychannel-live'), again.authorize(MVPD, 'mychannel-news')])
  const relaunch = calls(sandbox)
  expect(relaunch).toHaveLength(7)
  expect(statuses()).not.toContain(429)
  expect(budget.saves).toBe(2)

  // 3. The control: a relaunch that forgets the burst is spent (a store that always says "new
  //    device") fires its share at once and meets the throttle. The client sends those again after
  //    the wait, so the calls still succeed.
  sandbox.clearRequests()
  const forgetful = tv.start({ requestBudget: newDeviceBudget })
  await Promise.all(RESOURCES.concat(RESOURCES).map((r) => forgetful.authorize(MVPD, r)))
  expect(statuses()).toContain(429)
}, 60000)
