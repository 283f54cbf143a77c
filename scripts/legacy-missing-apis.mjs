// Which of the polyfilled features the legacy engines lack altogether, as opposed to having a version
// core-js replaces for a spec bug: MDN's browser-compat-data says in which Chrome each API arrived.
// The legacy browser test deletes exactly these before the page loads (README, "Supported engines").
import { createRequire } from 'node:module'
import { legacyTargets } from './legacy-targets.mjs'

const require = createRequire(import.meta.url)
const bcd = require('@mdn/browser-compat-data')

/**
 * What core-js does not provide, as `Owner.member` paths (a prototype's member under its owner's
 * name, as browser-compat-data names it): the first three come from abortcontroller-polyfill in the
 * legacy polyfills.js, the rest from src/polyfills/legacy.ts (the es6 flavour needs them too).
 */
export const appPolyfilled = Object.freeze([
  'AbortController',
  'AbortSignal',
  'Request.signal',
  'globalThis',
  'Object.hasOwn',
  'Object.fromEntries',
  'String.replaceAll',
  'Array.at',
  'Promise.finally',
])

const camel = (kebab) => kebab.replace(/-(\w)/g, (_, c) => c.toUpperCase())
const pascal = (kebab) => ({ regexp: 'RegExp', json: 'JSON' })[kebab] ?? camel(`-${kebab}`)

/** `Owner.member` (or a global's name) for a core-js module name, or null when it names no one API. */
export function moduleApi(name) {
  const [ns, owner, ...rest] = name.split('.')
  if (ns !== 'es' && ns !== 'web') return null
  if (owner === 'global-this') return 'globalThis'
  const global = ns === 'web' ? ({ url: 'URL', 'url-search-params': 'URLSearchParams' }[owner] ?? camel(owner)) : pascal(owner)
  if (rest.length === 0) return global
  // String.prototype.at's module is "at-alternative" (core-js renamed it when the proposal changed).
  return rest.length === 1 ? `${global}.${camel(rest[0].replace(/-alternative$/, ''))}` : null
}

const firstChrome = (compat) => {
  const statements = [compat?.support?.chrome ?? []].flat()
  const versions = statements
    .filter((s) => !s.flags && !s.prefix && !s.alternative_name && typeof s.version_added === 'string')
    .map((s) => Number.parseFloat(s.version_added.replace('≤', '')))
  return versions.length ? Math.min(...versions) : Infinity
}

/** True when Chrome `legacyTargets.chrome` has no `path` at all (browser-compat-data), not merely a flawed one. */
export function lackedByLegacy(path) {
  const chrome = path ? chromeSince(path) : null
  return chrome !== null && chrome > Number.parseFloat(legacyTargets.chrome)
}

/** Chrome's first version with `path` (`Owner.member`), from browser-compat-data; null if it has no entry. */
export function chromeSince(path) {
  const [owner, member] = path.split('.')
  for (const area of [bcd.javascript.builtins, bcd.api]) {
    const entry = member ? area[owner]?.[member] : area[owner]
    if (entry?.__compat) return firstChrome(entry.__compat)
  }
  return null
}

/**
 * Where a path lives in a modern engine (this Node): on the owner itself or on its prototype, and
 * whether a test can delete it there: not a well-known symbol such as Symbol.asyncIterator, nor a
 * behaviour that is no property of its own (Error's `cause` option).
 */
function place(path) {
  const [owner, member] = path.split('.')
  const where = (holder, ownerName, name) => {
    const descriptor = holder ? Object.getOwnPropertyDescriptor(holder, name) : undefined
    return { owner: ownerName, name, deletable: Boolean(descriptor?.configurable) }
  }
  if (!member) return where(globalThis, 'window', owner)
  const ctor = globalThis[owner]
  if (ctor && Object.prototype.hasOwnProperty.call(ctor, member)) return where(ctor, owner, member)
  return where(ctor?.prototype, `${owner}.prototype`, member)
}

/**
 * The APIs `modules` (core-js names) and the app's own module provide that Chrome `legacyTargets.chrome`
 * lacks: `{ api, chrome, from, owner, name, deletable }`, `from` being the core-js module or "app". Modules that
 * name no single API, or that the engine has in a form core-js replaces, are not listed.
 */
export function missingApis(modules) {
  const target = Number.parseFloat(legacyTargets.chrome)
  const candidates = [...modules.map((m) => [moduleApi(m), m]), ...appPolyfilled.map((api) => [api, 'app'])]
  const out = []
  for (const [api, from] of candidates) {
    if (!api || out.some((o) => o.api === api)) continue
    const chrome = chromeSince(api)
    if (chrome === null || chrome <= target) continue
    out.push({ api, chrome: Number.isFinite(chrome) ? chrome : null, from, ...place(api) })
  }
  return out.sort((a, b) => a.api.localeCompare(b.api))
}
