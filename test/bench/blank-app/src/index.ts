import { Launch, type AppData, type Lightning, type PlatformSettings } from '@lightningjs/sdk'
import { createApp } from './App'
import { installReadyHook } from './ready'

export default function (appSettings: Lightning.Application.Options, platformSettings: PlatformSettings, appData: AppData) {
  const hook = installReadyHook(window as unknown as Record<string, unknown>)
  return Launch(createApp(hook), appSettings, platformSettings, appData)
}
