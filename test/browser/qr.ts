import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** Decodes the QR code visible in a PNG screenshot (as a phone camera would), or null. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)
  return found?.data ?? null
}
