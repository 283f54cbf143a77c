/**
 * rollup.es5.config.js (docs/architecture.md "Build"): its `options` hook puts the Lightning core
 * resolver first and swaps the CLI's es5 Babel and terser plugins in place, keeping the others in order.
 */
type RollupPlugin = { name: string; options?: (this: unknown, options: object) => unknown }

const context = { meta: { rollupVersion: '2.80.0', watchMode: false } }

async function withProduction<T>(run: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    jest.resetModules()
    return await run()
  } finally {
    process.env.NODE_ENV = previous
  }
}

function legacyHook(): RollupPlugin & { options: NonNullable<RollupPlugin['options']> } {
  const config = require('../../rollup.es5.config.js') as { plugins: RollupPlugin[] }
  const [swap] = config.plugins
  if (!swap?.options) throw new Error('rollup.es5.config.js has no options hook')
  return swap as RollupPlugin & { options: NonNullable<RollupPlugin['options']> }
}

test('its options hook puts the Lightning core resolver first and replaces the CLI’s Babel and terser plugins, keeping the others in order', async () => {
  await withProduction(async () => {
    const swap = legacyHook()
    const cli: RollupPlugin[] = ['json', 'typescript', 'alias', 'babel', 'terser', 'license'].map((name) => ({ name }))
    const result = (await swap.options.call(context, { plugins: [...cli, swap] })) as { plugins: RollupPlugin[] }
    expect(result.plugins.map((p) => p.name)).toEqual(['bundled-lightning-core', 'json', 'typescript', 'alias', 'babel', 'terser', 'license'])
    for (const name of ['babel', 'terser']) expect(result.plugins.find((p) => p.name === name)).not.toBe(cli.find((p) => p.name === name))
    expect(result.plugins[2]).toBe(cli[1])
  })
})

test('it refuses a CLI config without the terser step it replaces', async () => {
  await withProduction(async () => {
    const swap = legacyHook()
    const cli: RollupPlugin[] = ['json', 'babel', 'license'].map((name) => ({ name }))
    await expect(swap.options.call(context, { plugins: [...cli, swap] })).rejects.toThrow(/no terser plugin to replace/)
  })
})
