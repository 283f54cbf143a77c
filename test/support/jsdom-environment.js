// jsdom lacks fetch, Request, Response, TextEncoder and structuredClone, which ky and
// fake-indexeddb need; copy Node's own into the jsdom global.
const { TestEnvironment } = require('jest-environment-jsdom')

const fromNode = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'ReadableStream',
  'Blob',
  'URL',
  'URLSearchParams',
  'setImmediate',
  'clearImmediate',
  'crypto',
]

class JsdomWithNodeGlobals extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    for (const name of fromNode) {
      if (globalThis[name] !== undefined) {
        Object.defineProperty(this.global, name, { value: globalThis[name], writable: true, configurable: true })
      }
    }
  }
}

module.exports = JsdomWithNodeGlobals
