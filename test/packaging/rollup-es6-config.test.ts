/**
 * rollup.es6.config.js names the es6 flavour's engines itself (a CommonJS file read by the Lightning
 * CLI); they must stay those of scripts/legacy-targets.mjs, the one definition (README "Supported
 * engines"). Its `options` hook swaps the CLI's TypeScript, Babel and terser plugins in place, and
 * resolves '@lightningjs/core' before the CLI's alias does.
 */
import { readFileSync } from 'node:fs'

type Plugin = { name: string; options?: (this: unknown, options: object) => unknown }

test('its targets are modernTargets of scripts/legacy-targets.mjs', () => {
  const { modernTargets } = require('../../scripts/legacy-targets.mjs') as { modernTargets: Record<string, string> }
  const source = readFileSync('rollup.es6.config.js', 'utf8')
  const declared = /const modernTargets = (\{[^}]*\})/.exec(source)?.[1]
  if (!declared) throw new Error('rollup.es6.config.js declares no modernTargets')
  expect(JSON.parse(declared.replace(/(\w+):/g, '"$1":').replace(/'/g, '"'))).toEqual(modernTargets)
})

test('its options hook puts the Lightning core resolver first and replaces the CLI’s TypeScript, Babel and terser plugins, keeping the others in order', async () => {
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    jest.resetModules()
    const config = require('../../rollup.es6.config.js') as { plugins: Plugin[] }
    const [swap] = config.plugins
    if (!swap?.options) throw new Error('rollup.es6.config.js has no options hook')
    const cli: Plugin[] = ['json', 'typescript', 'alias', 'babel', 'terser', 'license'].map((name) => ({ name }))
    const result = (await swap.options.call({ meta: { rollupVersion: '2.80.0', watchMode: false } }, { plugins: [...cli, swap] })) as { plugins: Plugin[] }
    expect(result.plugins.map((p) => p.name)).toEqual(['bundled-lightning-core', 'json', 'typescript', 'alias', 'babel', 'terser', 'license', 'modern-flavour'])
    for (const name of ['typescript', 'babel', 'terser']) expect(result.plugins.find((p) => p.name === name)).not.toBe(cli.find((p) => p.name === name))
    expect(result.plugins[1]).toBe(cli[0])
  } finally {
    process.env.NODE_ENV = previous
  }
})
