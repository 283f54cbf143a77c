/**
 * scripts/bundled-lightning-core.cjs replaces core modules nothing runs with the stand-ins in
 * src/ui/lightning/left-out. A stand-in throws when used, so these checks keep that from happening
 * on a TV: nothing in src/ or the SDK asks for what was left out, and each replaced module still
 * exists where the core imports it (a core upgrade that moves one fails here, not silently).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bundledSources } from '../../../support/source-files'

const { leftOut, coreEntry } = require('../../../../scripts/bundled-lightning-core.cjs') as {
  leftOut: ReadonlyArray<readonly [string, string]>
  coreEntry: string
}

/** Without the stand-ins themselves, which name what they replace. */
const sourcesOutsideLeftOut = (): string[] => bundledSources().filter((file) => !file.includes(join('lightning', 'left-out')))

/** What asks for each left-out module from code the bundles hold. */
const askedFor: Record<string, RegExp> = {
  'animation/AnimationManager.mjs': /\.animation\(|\banimations\.|\bAnimation\b(?!s)/,
  'platforms/browser/ImageWorker.mjs': /useImageWorker|\bImageWorker\b/,
  'renderer/spark/SparkRenderer.mjs': /\bisSpark\b|\bSparkRenderer\b/,
  'textures/TextTextureRendererAdvanced.js': /advancedRenderer|forceAdvancedRenderer/,
}

test('every left-out module has a check here, and the stand-in and the core module it replaces both exist', () => {
  expect(leftOut.map(([core]) => core).sort()).toEqual(Object.keys(askedFor).sort())
  const coreDir = join(coreEntry, '..')
  for (const [core, standIn] of leftOut) {
    expect(existsSync(join(coreDir, core))).toBe(true)
    expect(existsSync(standIn)).toBe(true)
  }
})

test.each(Object.entries(askedFor))('nothing in src/ or the SDK asks for %s', (_core, pattern) => {
  const users = sourcesOutsideLeftOut().filter((file) => pattern.test(readFileSync(file, 'utf8')))
  expect(users).toEqual([])
})

test("the stage's image worker stays off in settings.json (Lightning's default would create it)", () => {
  const settings = JSON.parse(readFileSync('settings.json', 'utf8')) as { appSettings: { stage: Record<string, unknown> } }
  expect(settings.appSettings.stage.useImageWorker).toBe(false)
})

test('the checks see a use when there is one', () => {
  expect(askedFor['animation/AnimationManager.mjs']?.test("this.tag('Dots').animation({ duration: 1 })")).toBe(true)
  expect(askedFor['textures/TextTextureRendererAdvanced.js']?.test('text: { advancedRenderer: true }')).toBe(true)
})
