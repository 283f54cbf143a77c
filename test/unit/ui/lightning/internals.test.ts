import { readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { Lightning } from '@lightningjs/sdk'
import { version as bundledCoreVersion } from '@lightningjs/core/package.json'
import {
  forgetHoveredElement,
  isSupportedCoreVersion,
  replaceCollisionSearch,
  transitionsRunning,
  type CollisionSearch,
} from '../../../../src/ui/lightning/internals'
import { filesMatching } from '../../../support/source-files'

const srcRoot = join(__dirname, '..', '..', '..', '..', 'src')
const internalsFile = ['ui', 'lightning', 'internals.ts'].join(sep)

function mountStage(): Lightning.Application {
  return new Lightning.Application({ stage: { w: 320, h: 180, canvas2d: true, useImageWorker: false, fixedDt: 16 } } as never)
}

let application: Lightning.Application | undefined
afterEach(() => {
  application?.destroy()
  application = undefined
})

describe('the Lightning core version check', () => {
  test.each([
    ['2.20.3', true],
    ['2.20.1', true],
    ['2.31.0', true],
    ['2.19.9', false],
    ['3.0.0', false],
    ['1.9.0', false],
    ['', false],
  ])('%s is supported: %s', (version, expected) => {
    expect(isSupportedCoreVersion(version)).toBe(expected)
  })

  test('the core the SDK bundles is the one the workarounds were written for (else: re-read its source)', () => {
    expect(isSupportedCoreVersion(bundledCoreVersion)).toBe(true)
  })
})

describe('on the bundled core', () => {
  test("the collision search is replaced on a real application, and not on one without Lightning's search", () => {
    application = mountStage()
    const search: CollisionSearch = (bucket) => bucket

    expect(replaceCollisionSearch(application, search)).toBe(true)
    expect((application as unknown as { _findChildren: unknown })._findChildren).toBe(search)
    expect(replaceCollisionSearch({} as Lightning.Application, search)).toBe(false)
  })

  test('forgetting the hovered element clears what Lightning last saw under the pointer', () => {
    application = mountStage()
    const internals = application as unknown as { __hoveredChild: unknown }
    internals.__hoveredChild = application.childList.a({ w: 10, h: 10 })

    forgetHoveredElement(application)

    expect(internals.__hoveredChild).toBeNull()
  })

  test('running transitions are seen while one runs and not once it ends', () => {
    application = mountStage()
    const box = application.childList.a({ w: 10, h: 10, rect: true })
    expect(transitionsRunning(application.stage)).toBe(false)

    box.setSmooth('x', 100, { duration: 0.1 })
    expect(transitionsRunning(application.stage)).toBe(true)
    for (let i = 0; i < 20; i++) application.stage.drawFrame()

    expect(transitionsRunning(application.stage)).toBe(false)
  })

  test('a stage without a readable transition list reports "unknown"', () => {
    expect(transitionsRunning({} as Lightning.Stage)).toBeUndefined()
  })
})

describe('on another core version', () => {
  test("every access falls back to Lightning's own behaviour, with one warning", () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    jest.resetModules()
    jest.doMock('../../../../node_modules/@lightningjs/core/package.json', () => ({ version: '3.0.0' }))
    const other = jest.requireActual<typeof import('../../../../src/ui/lightning/internals')>('../../../../src/ui/lightning/internals')
    const fake = { _findChildren: () => [], __hoveredChild: 'tile' }

    expect(other.replaceCollisionSearch(fake as unknown as Lightning.Application, (bucket) => bucket)).toBe(false)
    other.forgetHoveredElement(fake as unknown as Lightning.Application)
    const stage = { transitions: { active: new Set([1]) } } as unknown as Lightning.Stage

    expect(fake.__hoveredChild).toBe('tile')
    expect(other.transitionsRunning(stage)).toBeUndefined()
    expect(warn).toHaveBeenCalledTimes(1)
    jest.dontMock('../../../../node_modules/@lightningjs/core/package.json')
    warn.mockRestore()
  })
})

test("no other file under src/ touches Lightning's private members", () => {
  const privateAccess = /_findChildren|__hoveredChild|\.transitions\b|\[\s*['"]transitions['"]\s*\]/
  const offenders = filesMatching(srcRoot, /\.ts$/)
    .filter((file) => relative(srcRoot, file) !== internalsFile)
    .filter((file) => privateAccess.test(readFileSync(file, 'utf8')))
    .map((file) => relative(srcRoot, file))

  expect(offenders).toEqual([])
})
