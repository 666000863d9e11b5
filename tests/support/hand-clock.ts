// A clock the test moves by hand (the engine's deps take a Clock; no timers are faked).
import type { Clock } from '../../src/clock.ts'

export interface HandClock extends Clock {
  advance(ms: number): void
  set(at: Date): void
}

export function handClock(start = new Date()): HandClock {
  let now = start.getTime()
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms
    },
    set(at: Date) {
      now = at.getTime()
    },
  }
}
