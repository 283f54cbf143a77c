/** The small pure helpers the flow and the UI share: settings, activation URLs, countdown, remedies, the valid-profile rule. */
import { activationUrls } from '../../../../src/core/flow/activation-url'
import { countdownMs } from '../../../../src/core/flow/countdown'
import { failureRemedy } from '../../../../src/core/flow/failure'
import { resolveFlowSettings } from '../../../../src/core/flow/settings'
import { NetworkError, TimeoutError } from '../../../../src/core/pass/errors'
import { validProfiles } from '../../../../src/core/pass/profiles'
import { passError, profile } from '../../../support/flow-harness'

describe('resolveFlowSettings', () => {
  it.each([
    [undefined, 5000],
    [4000, 4000],
    [2999, 3000], // CL-AUTHN-3: never under 3 s
    [0, 3000],
    [Number.NaN, 5000],
  ])('pollIntervalMs %p → %p', (pollIntervalMs, expected) => {
    const input = pollIntervalMs === undefined ? { activationUrl: 'u' } : { activationUrl: 'u', pollIntervalMs }
    expect(resolveFlowSettings(input).pollIntervalMs).toBe(expected)
  })

  it('defaults to 3 failed polls and rejects nonsense', () => {
    expect(resolveFlowSettings({ activationUrl: 'u' }).maxFailedPolls).toBe(3)
    expect(resolveFlowSettings({ activationUrl: 'u', maxFailedPolls: 2 }).maxFailedPolls).toBe(2)
    expect(resolveFlowSettings({ activationUrl: 'u', maxFailedPolls: 0 }).maxFailedPolls).toBe(3)
  })
})

describe('activationUrls', () => {
  it('code in the query: the text is the bare page, the QR carries the code', () => {
    expect(activationUrls('https://tv.example/activate?code={code}', 'AB C')).toEqual({
      displayUrl: 'https://tv.example/activate',
      qrUrl: 'https://tv.example/activate?code=AB%20C',
    })
  })

  it('code in the path: both carry it', () => {
    expect(activationUrls('https://tv.example/a/{code}', 'Q4M7ZT2')).toEqual({
      displayUrl: 'https://tv.example/a/Q4M7ZT2',
      qrUrl: 'https://tv.example/a/Q4M7ZT2',
    })
  })
})

describe('countdownMs', () => {
  it('is notAfter minus server now, never negative', () => {
    expect(countdownMs({ notAfter: 10_000 }, 4_000)).toBe(6_000)
    expect(countdownMs({ notAfter: 10_000 }, 12_000)).toBe(0)
  })
})

describe('failureRemedy (CL-ERR-1: by action)', () => {
  it.each([
    ['network', new NetworkError('x'), 'waitForNetwork'],
    ['offline', { kind: 'offline' } as const, 'waitForNetwork'],
    ['timeout', new TimeoutError('x', 10_000), 'tryAgain'],
    ['action none', passError('internal_server_error', 'none', 500), 'tryAgain'],
    ['action retry', passError('network_connection_timeout', 'retry', 403), 'tryAgain'],
    ['action configuration', passError('invalid_configuration_platform', 'configuration', 500), 'contactSupport'],
    ['action application-registration', passError('invalid_access_token_client_application', 'application-registration', 401), 'contactSupport'],
    ['polling gave up on the network', { kind: 'pollingFailed', attempts: 3, last: new NetworkError('x') } as const, 'waitForNetwork'],
  ])('%s → %s', (_label, failure, remedy) => {
    expect(failureRemedy(failure)).toBe(remedy)
  })
})

describe('validProfiles (the one rule for the client, the grid and the poll)', () => {
  const now = 1_000_000

  it('drops a profile at or past its notAfter in server time; longest validity first (CL-AUTHN-R2)', () => {
    const profiles = [profile('Gone', now), profile('Short', now + 1), profile('Long', now + 9_000)]
    expect(validProfiles(profiles, now).map((p) => p.mvpd)).toEqual(['Long', 'Short'])
  })

  it('equal validity is ordered by mvpd id, whatever order the answer had', () => {
    const tied = [profile('Zeta', now + 500), profile('Alpha', now + 500), profile('Mid', now + 500)]
    expect(validProfiles(tied, now).map((p) => p.mvpd)).toEqual(['Alpha', 'Mid', 'Zeta'])
    expect(validProfiles([...tied].reverse(), now).map((p) => p.mvpd)).toEqual(['Alpha', 'Mid', 'Zeta'])
  })
})
