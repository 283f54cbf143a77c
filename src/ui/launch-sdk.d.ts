/** The parts of the Lightning SDK that src/ui/launch.ts calls and the SDK ships without types. */
declare module '@lightningjs/sdk/src/Settings/index.js' {
  export function initSettings(appSettings: unknown, platformSettings: unknown): void
}
declare module '@lightningjs/sdk/src/Storage/index.js' {
  export function initStorage(): void
}
declare module '@metrological/sdk' {
  export function initMetadata(appSettings: unknown): void
  /** Setters only: the SDK's plugins read what is set here. */
  export const initLightningSdkPlugin: { log: unknown; settings: unknown; lightning: unknown; appInstance: unknown }
}
