/**
 * SHA-256 as lowercase hex: WebCrypto where it works, a small pure-JS version where it does not
 * (`crypto.subtle` is missing outside secure contexts and on old TV engines; tv-platforms.md
 * section 5). Used to hash platform device ids (reference 3.2: "SHA-256 of OS IDs").
 */

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]

/** UTF-8 bytes without TextEncoder (missing on the oldest engines). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = []
  const escaped = encodeURIComponent(text)
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped.charAt(i)
    if (c === '%') {
      bytes.push(parseInt(escaped.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(c.charCodeAt(0))
    }
  }
  return bytes
}

function hex(words: ArrayLike<number>): string {
  let out = ''
  for (let i = 0; i < words.length; i++) out += ('0000000' + ((words[i] as number) >>> 0).toString(16)).slice(-8)
  return out
}

/** Pure-JS SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, as hex. */
export function sha256HexSync(text: string): string {
  const bytes = utf8Bytes(text)
  const bitLength = bytes.length * 8
  bytes.push(0x80)
  while (bytes.length % 64 !== 56) bytes.push(0)
  // Length as 64-bit big-endian (the high word covers inputs over 512 MB, never reached here).
  const high = Math.floor(bitLength / 0x100000000)
  for (const word of [high, bitLength >>> 0]) bytes.push((word >>> 24) & 0xff, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff)

  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
  const w = new Array<number>(64)
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4
      w[i] = (((bytes[j] as number) << 24) | ((bytes[j + 1] as number) << 16) | ((bytes[j + 2] as number) << 8) | (bytes[j + 3] as number)) | 0
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15] as number
      const y = w[i - 2] as number
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number]
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = (e & f) ^ (~e & g)
      const t1 = (hh + S1 + ch + (K[i] as number) + (w[i] as number)) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (S0 + maj) | 0
      hh = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    h[0] = ((h[0] as number) + a) | 0
    h[1] = ((h[1] as number) + b) | 0
    h[2] = ((h[2] as number) + c) | 0
    h[3] = ((h[3] as number) + d) | 0
    h[4] = ((h[4] as number) + e) | 0
    h[5] = ((h[5] as number) + f) | 0
    h[6] = ((h[6] as number) + g) | 0
    h[7] = ((h[7] as number) + hh) | 0
  }
  return hex(h)
}

/** The subset of WebCrypto this module uses (injectable for tests). */
export interface SubtleDigest {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>
}

/** The platform's WebCrypto digest, or undefined where it is missing (e.g. no secure context). */
export function platformSubtle(): SubtleDigest | undefined {
  const c = typeof crypto !== 'undefined' ? (crypto as { subtle?: SubtleDigest }) : undefined
  return c && c.subtle && typeof c.subtle.digest === 'function' ? c.subtle : undefined
}

/** SHA-256 hex via `subtle` when given and working, else the pure-JS version (same result). */
export async function sha256Hex(text: string, subtle: SubtleDigest | undefined = platformSubtle()): Promise<string> {
  if (subtle) {
    try {
      const digest = new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(utf8Bytes(text))))
      let out = ''
      for (let i = 0; i < digest.length; i++) out += ('0' + (digest[i] as number).toString(16)).slice(-2)
      return out
    } catch {
      // Some engines expose subtle but reject outside secure contexts: fall through.
    }
  }
  return sha256HexSync(text)
}
