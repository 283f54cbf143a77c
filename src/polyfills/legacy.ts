/**
 * Polyfills for the oldest TV engines we ship to (Chromium 53 on webOS 4, 56 on Tizen 4) and for the
 * Chrome 80–92 engines the es6 build reaches. Imported first by src/index.ts. ky 2 needs these at run
 * time beyond fetch and Promise (docs/architecture.md "Platforms"); each is installed only where it is missing.
 * AbortController and fetch honouring its signal (Chrome 66) are not here: the es6 flavour's engines
 * have them, and the legacy build's polyfills.js, loaded before the app, installs them (docs/architecture.md
 * "Build"), so the es6 bundle does not carry them.
 */

type AnyRecord = Record<string, unknown>

const root: AnyRecord =
  typeof globalThis !== 'undefined'
    ? (globalThis as unknown as AnyRecord)
    : typeof self !== 'undefined'
      ? (self as unknown as AnyRecord)
      : (window as unknown as AnyRecord)

if (typeof globalThis === 'undefined') {
  root.globalThis = root
}

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) {
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false })
  }
}

define(Object, 'hasOwn', (object: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(object, key))

define(Object, 'fromEntries', (entries: Iterable<readonly [PropertyKey, unknown]>) => {
  const result: Record<PropertyKey, unknown> = {}
  // Array.from accepts any iterable (core-js provides it on old engines).
  Array.from(entries).forEach(([key, value]) => {
    result[key] = value
  })
  return result
})

define(String.prototype, 'replaceAll', function (this: string, search: string | RegExp, replacement: string) {
  if (search instanceof RegExp) {
    if (!search.global) throw new TypeError('replaceAll must be called with a global RegExp')
    return this.replace(search, replacement)
  }
  return this.split(search).join(replacement)
})

define(Array.prototype, 'at', function (this: unknown[], index: number) {
  const i = Math.trunc(index) || 0
  const k = i < 0 ? this.length + i : i
  return k < 0 || k >= this.length ? undefined : this[k]
})

define(Promise.prototype, 'finally', function <T>(this: Promise<T>, onFinally?: (() => void) | null) {
  if (typeof onFinally !== 'function') return this.then(onFinally, onFinally)
  return this.then(
    (value) => Promise.resolve(onFinally()).then(() => value),
    (reason: unknown) =>
      Promise.resolve(onFinally()).then(() => {
        throw reason
      }),
  )
})

export {}
