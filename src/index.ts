import './polyfills/legacy'
import { Launch, type Lightning, type PlatformSettings, type AppData } from '@lightningjs/sdk'
import { App } from './ui/App'

export default function (appSettings: Lightning.Application.Options, platformSettings: PlatformSettings, appData: AppData) {
  return Launch(App, appSettings, platformSettings, appData)
}
