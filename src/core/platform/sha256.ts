/**
 * SHA-256 as lowercase hex, for hashing platform device ids into the AP-Device-Identifier (CL-HDR-4
 * in docs/adobe-pass.md; Adobe's cookbook suggests a hash of the OS id:
 * https://experienceleague.adobe.com/en/docs/pass/authentication/integration-guide-programmers/rest-apis/rest-api-v2/rest-api-v2-appendix/rest-api-v2-appendix-headers/rest-api-v2-appendix-headers-ap-device-identifier).
 *
 * WebCrypto where it works; `crypto.subtle` exists only in secure contexts and the TV app runs from
 * file:// or an app origin (docs/architecture.md "Platforms"), so @noble/hashes (audited, no
 * dependencies) answers otherwise. From 2.3 on its SHA-256 needs no BigInt, which engines before
 * Chromium 67 (webOS 4, Tizen 4 and 5) lack.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

/** UTF-8 bytes without TextEncoder (missing on the oldest engines). */
export function utf8Bytes(text: string): Uint8Array {
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
  return new Uint8Array(bytes)
}

/** SHA-256 of a string's UTF-8 bytes, as hex, without WebCrypto. */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(utf8Bytes(text)))
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

/** SHA-256 hex via `subtle` when given and working, else @noble/hashes (same result). */
export async function sha256Hex(text: string, subtle: SubtleDigest | undefined = platformSubtle()): Promise<string> {
  if (subtle) {
    try {
      return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', utf8Bytes(text))))
    } catch {
      // Some engines expose subtle but reject outside secure contexts: fall through.
    }
  }
  return sha256HexSync(text)
}
