/** The activation countdown, in server time (the TV's clock may be hours off). */
import type { Activation } from './model'

/** Milliseconds left on the code; never negative. Pass `runner.serverNow()`. */
export function countdownMs(activation: Pick<Activation, 'notAfter'>, serverNow: number): number {
  return Math.max(0, activation.notAfter - serverNow)
}
