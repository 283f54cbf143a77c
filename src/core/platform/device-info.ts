/**
 * X-Device-Info (docs/adobe-pass.md "Headers"): what the platform can say about the device, sent Base64
 * JSON on every request (CL-HDR-3). Required: model, version, osName, osVersion, connectionType.
 * If it is missing or wrong Adobe may class the device `unknown` (stricter rules), so adapters fill
 * every field they can read and nothing they would have to invent.
 */
import { base64Utf8 } from './base64'

export interface DeviceInfo {
  /** Restricted list (docs/adobe-pass.md "Headers"); `TV` on Tizen and webOS. */
  readonly primaryHardwareType: string
  readonly model: string
  readonly version: string
  readonly manufacturer?: string
  readonly vendor?: string
  /** Restricted list: `webOS` for LG; Tizen has no value (UNSPECIFIED), so `Linux` with osFamily `Tizen`. */
  readonly osName: string
  readonly osFamily?: string
  readonly osVendor?: string
  readonly osVersion: string
  readonly browserName?: string
  readonly browserVersion?: string
  readonly displayWidth?: number
  readonly displayHeight?: number
  readonly diagonalScreenSize?: string
  /** e.g. `WiFi`, `Ethernet`, `Unknown`. */
  readonly connectionType: string
  readonly connectionSecure?: boolean
  /** The serviceProvider (docs/adobe-pass.md "Headers" `applicationId`). */
  readonly applicationId?: string
}

/** Who the device is: the id behind AP-Device-Identifier and the X-Device-Info fields. */
export interface DeviceIdentity {
  /** Stable device id (CL-HDR-4); resolved once per client. */
  deviceId(): Promise<string>
  /** Device information (docs/adobe-pass.md "Headers"); resolved once per client. */
  deviceInfo(): Promise<DeviceInfo>
}

/** Field order of docs/adobe-pass.md "Headers", so the header is stable between runs. */
const order: ReadonlyArray<keyof DeviceInfo> = [
  'primaryHardwareType',
  'model',
  'version',
  'manufacturer',
  'vendor',
  'osName',
  'osFamily',
  'osVendor',
  'osVersion',
  'browserName',
  'browserVersion',
  'displayWidth',
  'displayHeight',
  'diagonalScreenSize',
  'connectionType',
  'connectionSecure',
  'applicationId',
]

/**
 * The fields an adapter read: each string only when it has a value, and each display side only when
 * it is a positive number, so a field the platform could not tell is left out instead of sent blank.
 */
export function readFields(
  strings: Partial<Record<'model' | 'version' | 'osVersion' | 'connectionType', string | undefined>>,
  width: unknown,
  height: unknown,
): Partial<DeviceInfo> {
  const out: { -readonly [K in keyof DeviceInfo]?: DeviceInfo[K] } = {}
  for (const key of Object.keys(strings) as Array<keyof typeof strings>) {
    const value = strings[key]
    if (value) out[key] = value
  }
  if (typeof width === 'number' && width > 0) out.displayWidth = width
  if (typeof height === 'number' && height > 0) out.displayHeight = height
  return out
}

/** Fills empty required fields with `Unknown` (never sends an empty required field). */
export function completeDeviceInfo(info: Partial<DeviceInfo>): DeviceInfo {
  const filled = (v: string | undefined): string => (v !== undefined && v.trim() !== '' ? v.trim() : 'Unknown')
  return {
    ...info,
    primaryHardwareType: filled(info.primaryHardwareType),
    model: filled(info.model),
    version: filled(info.version),
    osName: filled(info.osName),
    osVersion: filled(info.osVersion),
    connectionType: filled(info.connectionType),
  }
}

/** The X-Device-Info header value: Base64 of the JSON, undefined fields left out. */
export function encodeDeviceInfo(info: DeviceInfo): string {
  const json: Record<string, string | number | boolean> = {}
  for (const key of order) {
    const value = info[key]
    if (value !== undefined && value !== '') json[key] = value
  }
  return base64Utf8(JSON.stringify(json))
}

/** The AP-Device-Identifier header value (docs/adobe-pass.md "Headers"): `fingerprint <Base64(deviceId)>`. */
export function encodeDeviceIdentifier(deviceId: string): string {
  return `fingerprint ${base64Utf8(deviceId)}`
}
