/** The sandbox harness's lifecycle for a block of sandbox tests. */
import type { SandboxOptions } from '../sandbox'
import { startHarness, type Harness } from '../sandbox/helpers/client'

export interface HarnessChecks {
  /** Set the sandbox clock back to real time after each test. */
  readonly resetClockEach?: boolean
  /** After each test, the test client must have seen no contract violation. */
  readonly noViolationsEach?: boolean
}

/**
 * One harness for the tests of the enclosing block: started before them (`options` as for the
 * sandbox) and handed to `use`, stopped after them; `checks` run after each test.
 */
export function useHarness(use: (h: Harness) => void, options: SandboxOptions = {}, checks: HarnessChecks = {}): void {
  let h: Harness | undefined
  beforeAll(async () => {
    h = await startHarness(options)
    use(h)
  })
  afterAll(() => h?.sandbox.stop())
  if (checks.resetClockEach || checks.noViolationsEach) {
    afterEach(() => {
      if (checks.resetClockEach) h?.sandbox.setClockOffset(0)
      if (checks.noViolationsEach) expect(h?.client.violations).toEqual([])
    })
  }
}
