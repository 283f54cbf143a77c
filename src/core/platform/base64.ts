/** Base64 of a string's UTF-8 bytes (header values of docs/adobe-pass.md "Headers"). */
export function base64Utf8(text: string): string {
  // encodeURIComponent yields UTF-8 as %XX; turn each into one byte for btoa (Latin-1 only).
  const binary = encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return btoa(binary)
}
