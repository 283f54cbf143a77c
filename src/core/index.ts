export { parsePassSettings, passHosts, SettingsError, minPollIntervalMs, maxPollIntervalMs } from './base/settings'
export type { PassSettings, PassEnvironment, PassResource } from './base/settings'
export { createPassClient, PassClientOptionsError } from './pass/client'
export type { PassClientOptions, PassRetryOptions } from './pass/client'
export {
  PassError,
  NetworkError,
  TimeoutError,
  ThrottledError,
  MalformedResponseError,
  CancelledError,
  isPassClientError,
  isPassError,
  isTransient,
} from './pass/errors'
export type { PassAction, EnhancedError, PassClientError } from './pass/errors'
export type {
  PassClient,
  CallOptions,
  Profile,
  ProfileType,
  ProfileAttribute,
  Mvpd,
  Configuration,
  Session,
  SessionInfo,
  Decision,
  MediaToken,
  LogoutEntry,
} from './pass/types'
export { MemoryStore, createIdbStore, createWebStorageStore, createResilientStore, StorageFailure } from './storage/kv'
export type { KeyValueStore, ResilientStore, IdbStoreOptions, ResilientStoreOptions } from './storage/kv'
export { createDeviceStore, createPersistentDeviceStore, recordVersion } from './storage/device-store'
export type {
  DeviceStore,
  RequestBudgetRecord,
  DeviceStoreOptions,
  PersistentDeviceStoreOptions,
  DeviceIdRecord,
  LastMvpd,
  ClientCredentials,
  AccessTokenRecord,
  CachedProfile,
} from './storage/device-store'
export { consoleLogger, silentLogger } from './base/logger'
export { assertNever } from './base/guards'
export type { Logger, LogFields } from './base/logger'
export { encodeDeviceIdentifier, encodeDeviceInfo, completeDeviceInfo } from './platform/device-info'
export type { DeviceInfo, DeviceIdentity } from './platform/device-info'
export { createPlatform } from './platform/detect'
export type { CreatePlatformOptions } from './platform/detect'
export { detectPlatformName, platformOverride } from './platform/platform'
export type { Platform, PlatformName, PlatformGlobals, RemoteKeyName, RemoteKeyCodes, Unsubscribe } from './platform/platform'
export { keyMapWith, remoteKeysOf } from './platform/keys'
export type { KeyMap } from './platform/keys'
export { createDeviceIdentity, resolveDeviceId } from './storage/device-id'
export type { DeviceIdentityOptions, DeviceIdOptions } from './storage/device-id'
export { sha256Hex } from './platform/sha256'
export * from './flow'
export { systemClock } from './base/clock'
export * from './decisions'
