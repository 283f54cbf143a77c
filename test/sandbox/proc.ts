/**
 * Node's `process`, typed from @types/node. The shared type-check also includes src/, whose
 * env.d.ts declares a browser-side `process` with `env` only; reading it through globalThis keeps the
 * sandbox typed against the real Node object.
 */
export const proc = (globalThis as unknown as { process: NodeJS.Process }).process
