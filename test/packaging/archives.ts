/**
 * Readers for the two store packages, enough to inspect them in tests: zip (.wgt) through fflate,
 * and the .ipk (an `ar` archive of debian-binary, control.tar.gz and data.tar.gz) with a small ar
 * and ustar reader over zlib.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { unzipSync } from 'fflate'
import { JSDOM } from 'jsdom'

export { bakedAppSettings } from '../../scripts/baked-settings'

export type Files = Map<string, Buffer>

export const releases = 'releases'

export function packageVersion(): string {
  return (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
}

/** What `npm test` packages and these tests inspect: the test packages made with `-- --sandbox`. */
export const tizenTestPackage = { pattern: /-sandbox\.wgt$/, command: 'npm run package:tizen -- --sandbox' }
export const webosTestPackage = { pattern: /-sandbox_all\.ipk$/, command: 'npm run package:webos -- --sandbox' }

/** The one release file whose name matches, or a failure that says which command makes it. */
export function releaseFile(pattern: RegExp, command: string): string {
  const names = existsSync(releases) ? readdirSync(releases).filter((n) => pattern.test(n)) : []
  if (names.length !== 1) throw new Error(`expected one ${pattern} in ${releases}/ (found ${names.length}): run \`${command}\` first`)
  return join(releases, names[0] as string)
}

export function readZip(path: string): Files {
  const out: Files = new Map()
  for (const [name, data] of Object.entries(unzipSync(readFileSync(path)))) {
    if (!name.endsWith('/')) out.set(name, Buffer.from(data))
  }
  return out
}

/** Members of a System V / GNU `ar` archive, by name. */
export function readAr(buffer: Buffer): Files {
  if (buffer.subarray(0, 8).toString('latin1') !== '!<arch>\n') throw new Error('not an ar archive')
  const out: Files = new Map()
  let at = 8
  while (at + 60 <= buffer.length) {
    const header = buffer.subarray(at, at + 60).toString('latin1')
    const name = header.slice(0, 16).trim().replace(/\/$/, '')
    const size = parseInt(header.slice(48, 58).trim(), 10)
    at += 60
    out.set(name, buffer.subarray(at, at + size))
    at += size + (size % 2)
  }
  return out
}

/** Regular files of a (gzipped) ustar archive, by path without a leading "./". */
export function readTarGz(gz: Buffer): Files {
  const tar = gunzipSync(gz)
  const out: Files = new Map()
  let at = 0
  let longName: string | undefined
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512)
    if (header.every((b) => b === 0)) break
    const field = (from: number, length: number): string =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '')
    const size = parseInt(field(124, 12).trim() || '0', 8)
    const type = field(156, 1)
    const prefix = field(345, 155)
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100))
    longName = undefined
    const data = tar.subarray(at + 512, at + 512 + size)
    at += 512 + Math.ceil(size / 512) * 512
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '')
      continue
    }
    name = name.replace(/^\.\//, '')
    if (type === '0' || type === '') out.set(name, Buffer.from(data))
  }
  return out
}

/** Parses XML; throws with the parser's message when it is not well-formed. */
export function parseXml(text: string): Document {
  const { window } = new JSDOM('')
  const doc = new window.DOMParser().parseFromString(text, 'application/xml')
  const error = doc.getElementsByTagName('parsererror')[0]
  if (error) throw new Error(`config.xml is not well-formed: ${error.textContent ?? ''}`)
  return doc
}

/** Width and height from a PNG's IHDR, after checking the signature. */
export function pngSize(data: Buffer | undefined): { width: number; height: number } {
  if (!data || data.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG')
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
}
