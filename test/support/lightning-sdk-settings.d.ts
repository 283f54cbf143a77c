/** The SDK's settings store, which Launch fills from settings.json in the app (it ships no types). */
declare module '@lightningjs/sdk/src/Settings/index.js' {
  export function initSettings(appSettings: unknown, platformSettings: unknown): void
}
