/** SHA-256 of platform ids (CL-HDR-4 in docs/adobe-pass.md): WebCrypto and the @noble/hashes fallback agree. */
import { createHash, webcrypto } from 'node:crypto'
import { sha256Hex, sha256HexSync, type SubtleDigest } from '../../../../src/core/platform/sha256'

const vectors = [
  '',
  'abc',
  'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
  'x'.repeat(55),
  'x'.repeat(56),
  'x'.repeat(64),
  'DUID-ÄÖÜ-✓-😀',
  'a'.repeat(1000),
]

test.each(vectors)('the fallback SHA-256 matches node:crypto for %#', (text) => {
  expect(sha256HexSync(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
})

test('FIPS 180-4 test vector "abc"', () => {
  expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})

test('WebCrypto is used when present, and gives the same result', async () => {
  const digest = jest.fn((algorithm: 'SHA-256', data: Uint8Array) => webcrypto.subtle.digest(algorithm, data))
  await expect(sha256Hex('DUID-1', { digest })).resolves.toBe(sha256HexSync('DUID-1'))
  expect(digest).toHaveBeenCalledTimes(1)
})

test('WebCrypto missing or rejecting (no secure context): the fallback answers', async () => {
  const rejecting: SubtleDigest = { digest: () => Promise.reject(new DOMException('insecure', 'NotSupportedError')) }
  await expect(sha256Hex('DUID-1', rejecting)).resolves.toBe(sha256HexSync('DUID-1'))
  await expect(sha256Hex('DUID-1', undefined)).resolves.toBe(createHash('sha256').update('DUID-1').digest('hex'))
})

test('the fallback needs no BigInt (missing before Chromium 67: webOS 4, Tizen 4 and 5)', () => {
  const global = globalThis as { BigInt?: unknown }
  const bigInt = global.BigInt
  delete global.BigInt
  try {
    expect(sha256HexSync('DUID-1')).toBe(createHash('sha256').update('DUID-1').digest('hex'))
  } finally {
    global.BigInt = bigInt
  }
})
