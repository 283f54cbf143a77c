/**
 * src/ui/lightning/core.ts is the Lightning core the es6 flavour bundles, cut to the members in use:
 * every `Lightning.*` path the app's sources and the SDK's read must be there, or the screen that
 * reads it fails only on a TV. Under jest '@lightningjs/core' is its CommonJS build, so the module
 * is checked over the core's ES modules, as rollup sees them.
 */
import { readFileSync } from 'node:fs'
import { bundledSources } from '../../../support/source-files'

jest.mock('@lightningjs/core', () => jest.requireActual('../../../../node_modules/@lightningjs/core/dist/src/index.js'))

/** `Lightning.a.b…` paths read in `files`; `Lightning.types` holds types only. */
function lightningPaths(files: readonly string[]): string[] {
  const paths = new Set<string>()
  for (const file of files)
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/\bLightning\.([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/g))
      if (path && !path.startsWith('types.')) paths.add(path)
  return [...paths].sort()
}

/** Walks `path` down plain objects; a class ends the walk (what follows is its namespace of types or its statics). */
function missingAt(root: object, path: string): string | null {
  let at: unknown = root
  for (const key of path.split('.')) {
    if (typeof at === 'function') return null
    if (typeof at !== 'object' || at === null || !(key in at)) return key
    at = (at as Record<string, unknown>)[key]
  }
  return at === undefined ? path : null
}

test('every Lightning.* path of src/ and the SDK is in the bundled core', async () => {
  const { default: core } = await import('../../../../src/ui/lightning/core')
  const paths = lightningPaths(bundledSources())
  expect(paths).toEqual(expect.arrayContaining(['Component', 'Tools.getRoundRect', 'textures.ImageTexture', 'shaders.WebGLDefaultShader']))
  const missing = paths.filter((path) => missingAt(core, path) !== null)
  expect(missing).toEqual([])
})

test('its members are the core’s own classes', async () => {
  const { default: core } = await import('../../../../src/ui/lightning/core')
  const full = (jest.requireActual('../../../../node_modules/@lightningjs/core/dist/src/index.js') as { default: Record<string, unknown> }).default
  for (const [key, value] of Object.entries(core)) {
    if (typeof value === 'function') expect(value).toBe(full[key])
    else for (const [name, member] of Object.entries(value as Record<string, unknown>)) expect(member).toBe((full[key] as Record<string, unknown>)[name])
  }
})
