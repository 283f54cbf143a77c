import { Lightning } from '@lightningjs/sdk'
import { installTestHook, settleFallbackMs } from '../../src/test-hook'

type Attachable = ReturnType<typeof installTestHook> & { attach(app: Lightning.Application): void }

let application: Lightning.Application | undefined
afterEach(() => {
  application?.destroy()
  application = undefined
  jest.useRealTimers()
})

test('settled follows the running transitions on the bundled core', () => {
  application = new Lightning.Application({ stage: { w: 320, h: 180, canvas2d: true, useImageWorker: false, fixedDt: 16 } } as never)
  const hook = installTestHook({}) as Attachable
  hook.attach(application)
  expect(hook.settled()).toBe(true)

  application.childList.a({ w: 10, h: 10, rect: true }).setSmooth('alpha', 0, { duration: 0.1 })
  expect(hook.settled()).toBe(false)
  for (let i = 0; i < 20; i++) application.stage.drawFrame()

  expect(hook.settled()).toBe(true)
})

test('without a readable transition list, settled means a while after the last route change', () => {
  jest.useFakeTimers()
  jest.resetModules()
  jest.doMock('../../src/ui/lightning/internals', () => ({ transitionsRunning: () => undefined }))
  const { installTestHook: install } = jest.requireActual<typeof import('../../src/test-hook')>('../../src/test-hook')
  const stage = { once: () => undefined }
  const hook = install({}) as Attachable
  hook.attach({ stage } as unknown as Lightning.Application)

  hook.markRoute('decisions')
  expect(hook.settled()).toBe(false)
  jest.advanceTimersByTime(settleFallbackMs - 50)
  expect(hook.settled()).toBe(false)
  jest.advanceTimersByTime(100)

  expect(hook.settled()).toBe(true)
  jest.dontMock('../../src/ui/lightning/internals')
})

test('textureMemory reads the stage: nothing before the app is attached, then the uploaded pixels and memoryPressure', () => {
  const hook = installTestHook({}) as Attachable
  expect(hook.textureMemory()).toEqual({ used: 0, stage: 0, memoryPressure: 0 })

  application = new Lightning.Application({ stage: { w: 320, h: 180, canvas2d: true, useImageWorker: false, fixedDt: 16, memoryPressure: 5e6 } } as never)
  hook.attach(application)
  const before = hook.textureMemory()
  expect(before.memoryPressure).toBe(5e6)

  application.childList.a({ w: 40, h: 30, texture: { type: Lightning.textures.NoiseTexture, w: 40, h: 30 } as never })
  for (let i = 0; i < 3; i++) application.stage.drawFrame()

  const after = hook.textureMemory()
  expect(after.used - before.used).toBeGreaterThan(0)
  expect(after.used).toBe(application.stage.textureManager.usedMemory)
  expect(after.stage).toBe(application.stage.usedMemory)
})
