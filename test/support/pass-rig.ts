/**
 * The client rig of ../support/build with a request budget that reports a new device on every
 * start: each client gets the full burst (pacer.ts), so tests about something other than pacing
 * see their first requests go out at once. Pacing itself is tested in pacer.test.ts.
 */
import type { RequestBudgetStore } from '../../src/core/pass/pacer'
import { rig as baseRig, type Rig, type RigOptions } from './pass-client-build'

// Everything else as ../support/build has it; the `rig` below takes the place of its own.
export * from './pass-client-build'

export const newDeviceBudget: RequestBudgetStore = {
  load: () => Promise.resolve(null),
  save: () => Promise.resolve(),
}

export function rig(options: RigOptions = {}): Rig {
  return baseRig({ requestBudget: newDeviceBudget, ...options })
}
