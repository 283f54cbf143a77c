/** Parsers at the boundary (wire.ts): the tolerances Adobe's documentation asks for, and clear refusals. */
import {
  WireFormatError,
  enhancedError,
  parseAccessToken,
  parseConfiguration,
  parseDecisions,
  parseLogouts,
  parseProfiles,
  parseSession,
  parseSessionInfo,
  topLevelError,
} from '../../../../src/core/pass/wire'

test('timestamps as numbers or strings (docs/adobe-pass.md "Endpoints")', () => {
  expect(parseSessionInfo({ existingParameters: { mvpd: 'Cable' }, notBefore: '1735689600000', notAfter: 1735691400000 })).toEqual({
    existingParameters: { mvpd: 'Cable' },
    missingParameters: [],
    notBefore: 1735689600000,
    notAfter: 1735691400000,
  })
  expect(parseProfiles({ profiles: { A: { notAfter: '5', type: 'temporary', issuer: 'Adobe' } } })[0]).toMatchObject({
    notAfter: 5,
    notBefore: 0,
    type: 'temporary',
  })
})

test('a session that must show a code but has none is refused', () => {
  expect(() => parseSession({ actionName: 'authenticate', actionType: 'interactive', reasonType: 'none' })).toThrow(WireFormatError)
  expect(parseSession({ actionName: 'authorize', actionType: 'direct', reasonType: 'authenticated', mvpd: 'Cable' })).toMatchObject({
    actionName: 'authorize',
    mvpd: 'Cable',
  })
})

test('configuration without any mvpds list is refused', () => {
  expect(() => parseConfiguration({ requestor: { id: 'X' } })).toThrow(/mvpds is not an array/)
})

test('a deny without an error object is refused; an item error keeps every field', () => {
  expect(() => parseDecisions({ decisions: [{ resource: 'r', authorized: false }] })).toThrow(WireFormatError)
  const [d] = parseDecisions({
    decisions: [
      {
        resource: 'r',
        mvpd: 'M',
        source: 'mvpd',
        authorized: false,
        error: { status: 403, code: 'c', action: 'none', message: 'm', details: 'd', helpUrl: 'h', trace: 't' },
      },
    ],
  })
  expect(d?.error).toEqual({ status: 403, code: 'c', action: 'none', message: 'm', details: 'd', helpUrl: 'h', trace: 't' })
})

test('logout entries: the mvpd field wins over the map key (the logout samples)', () => {
  expect(parseLogouts({ logouts: { ATTOTT: { actionName: 'complete', actionType: 'none', mvpd: 'ATT' } } })).toEqual([
    { mvpd: 'ATT', actionName: 'complete', actionType: 'none' },
  ])
})

test('unknown action values are kept as-is; a missing action reads as none', () => {
  expect(enhancedError({ code: 'x', action: 'brand-new-action', status: 418 })).toMatchObject({ action: 'brand-new-action', status: 418 })
  expect(enhancedError({ code: 'x' }, 500)).toMatchObject({ action: 'none', status: 500 })
  expect(enhancedError({ message: 'no code' })).toBeNull()
})

test('a token answer without access_token names the field, not the value', () => {
  try {
    parseAccessToken({ access_token: 42, expires_in: 10 })
    throw new Error('not refused')
  } catch (error) {
    expect((error as Error).message).toBe('access_token is not a string')
  }
  expect(parseAccessToken({ access_token: 'a', expires_in: '21600', created_at: 1 })).toEqual({ accessToken: 'a', expiresInMs: 21600000, createdAt: 1 })
})

test('CL-ERR-2: a body that is an enhanced error (top level) is one; data bodies are not', () => {
  expect(topLevelError({ status: 403, code: 'authenticated_profile_missing', action: 'authentication', message: 'm' }, 200)).toEqual({
    status: 403,
    code: 'authenticated_profile_missing',
    action: 'authentication',
    message: 'm',
  })
  // Either of status or action beside the code is enough; the HTTP status stands in for a missing one.
  expect(topLevelError({ code: 'invalid_authentication_session', action: 'none' }, 200)).toMatchObject({ status: 200, action: 'none' })
  expect(topLevelError({ code: 'internal_server_error', status: 500 }, 200)).toMatchObject({ status: 500, action: 'none' })
  // A session carries the authentication code at the top level, with neither status nor action.
  expect(topLevelError({ actionName: 'resume', actionType: 'direct', reasonType: 'none', code: 'Q4M7ZT2', sessionId: 's' }, 200)).toBeNull()
  // Item-level errors stay inside their items.
  expect(topLevelError({ decisions: [{ resource: 'r', authorized: false, error: { status: 403, code: 'c', action: 'none' } }] }, 200)).toBeNull()
  expect(topLevelError({ profiles: {} }, 200)).toBeNull()
  expect(topLevelError({ status: 403, action: 'none' }, 200)).toBeNull()
  expect(topLevelError([{ code: 'x', status: 1 }], 200)).toBeNull()
})
