// The legacy dist's polyfills.js: the core-js 3 modules for what the shipped scripts use and the legacy
// engines of legacy-targets.mjs lack, instead of the CLI's generic polyfills.js (core-js 2, whatwg-fetch
// and url-polyfill, written for engines older than ours). Three steps, each a filter on the last:
//
// 1. used: Babel's `useBuiltIns: 'usage'` (babel-plugin-polyfill-corejs3, reading core-js-compat) run
//    over the built scripts themselves, so a library's use counts as much as the app's. It matches
//    method names without knowing types (every `.map(` also asks for the iterator helpers), and
//    core-js-compat also counts an engine's API as missing when it has a spec bug;
// 2. minus what core-js would add even for `modernTargets`: the es6 flavour runs the same code without
//    it, so the code does not depend on it;
// 3. only modules for an API the legacy engine lacks altogether (MDN's browser-compat-data): the code
//    runs on Chromium 53's own Promise, URL, typed arrays and RegExp, the es6 flavour's floor proves
//    the rest, and replacing a WebGL engine's typed arrays would cost speed; and none the app's own
//    first import already installs (legacy-missing-apis.mjs, `appPolyfilled`).
//
// What no core-js module provides (AbortController and fetch honouring its signal) is bundled after the
// core-js modules (`extraPolyfills`), here rather than in the app's module, so the es6 flavour, whose
// Chrome 80+ has it, does not carry it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { transformSync } from '@babel/core'
import compat from 'core-js-compat'
import { build } from 'esbuild'
import { appPolyfilled, lackedByLegacy, moduleApi } from './legacy-missing-apis.mjs'
import { legacyTargets, modernTargets } from './legacy-targets.mjs'

const require = createRequire(import.meta.url)

/** The core-js version bundled (and the one Babel is told about, so it knows every module). */
export const coreJsVersion = JSON.parse(readFileSync(require.resolve('core-js/package.json'), 'utf8')).version

/**
 * Polyfills core-js has no module for, each with the APIs it installs (`Owner.member`, as
 * legacy-missing-apis.mjs names them). They install only where missing, and run after the core-js
 * modules, whose use they are scanned for like the shipped scripts (`polyfillSources`).
 */
export const extraPolyfills = Object.freeze([
  // AbortController, AbortSignal, and fetch/Request patched to honour a signal where the engine's fetch
  // predates it (Chrome 66): https://github.com/mo/abortcontroller-polyfill
  Object.freeze({ module: 'abortcontroller-polyfill/dist/polyfill-patch-fetch.js', apis: Object.freeze(['AbortController', 'AbortSignal', 'Request.signal']) }),
])

/** The files of `extraPolyfills`, for step 1's scan. */
export const polyfillSources = () => extraPolyfills.map((p) => require.resolve(p.module))

/** Step 1: core-js module names (e.g. `es.object.has-own`) that `files` use and core-js-compat says `legacyTargets` need. */
export function usedPolyfills(files) {
  const modules = new Set()
  for (const file of files) {
    const result = transformSync(readFileSync(file, 'utf8'), {
      babelrc: false,
      configFile: false,
      sourceType: 'script',
      compact: true,
      presets: [['@babel/preset-env', { targets: legacyTargets, useBuiltIns: 'usage', corejs: { version: coreJsVersion, proposals: false }, modules: false }]],
    })
    if (!result?.code) throw new Error(`babel produced nothing for ${file}`)
    // In a script, the plugin adds one require("core-js/modules/<name>.js") per module it needs.
    for (const [, name] of result.code.matchAll(/["']core-js\/modules\/([\w.-]+?)(?:\.js)?["']/g)) modules.add(name)
  }
  return [...modules].sort()
}

/** Steps 2 and 3: `{ modules, dropped }`, each dropped module with the step that dropped it. */
export function selectPolyfills(used) {
  const modern = new Set(compat({ modules: used, targets: modernTargets, version: coreJsVersion }).list)
  const modules = []
  const dropped = []
  for (const name of used) {
    const api = moduleApi(name)
    if (appPolyfilled.includes(api)) dropped.push({ module: name, why: `src/polyfills/legacy.ts installs ${api}` })
    else if (modern.has(name)) dropped.push({ module: name, why: `core-js adds it for chrome ${modernTargets.chrome} too` })
    else if (!lackedByLegacy(api))
      dropped.push({ module: name, why: `chrome ${legacyTargets.chrome} has ${api ?? 'the feature'} (core-js would replace or fix it)` })
    else modules.push(name)
  }
  return { modules, dropped }
}

/** One unminified ES5 script installing `modules`, then `extraPolyfills` (all written to run on ES5 engines). */
export async function bundlePolyfills(modules) {
  const requires = [...modules.map((name) => `core-js/modules/${name}.js`), ...extraPolyfills.map((p) => p.module)]
  const contents = requires.map((path) => `require('${path}');`).join('\n')
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'iife',
    target: 'es5',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  })
  const output = result.outputFiles?.[0]?.text
  if (!output) throw new Error('esbuild produced no polyfills')
  return output
}
