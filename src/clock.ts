// The time source every feature receives, so tests can hold time still. A leaf: it imports nothing.
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }
