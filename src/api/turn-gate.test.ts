import { describe, expect, it } from 'vitest'
import { createTurnGate } from './turn-gate.ts'

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance(ms: number): void } {
  let time = 0
  return { now: () => time, advance: (ms) => (time += ms) }
}

/** Counts turns of the event loop: one immediate per turn, each scheduling the next. */
function turnCounter(): { readonly turn: number; stop(): void } {
  let turn = 0
  let stopped = false
  const tick = (): void => {
    if (stopped) return
    turn += 1
    setImmediate(tick)
  }
  setImmediate(tick)
  return {
    get turn() {
      return turn
    },
    stop: () => (stopped = true),
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('createTurnGate', () => {
  it('lets requests start at once while the turn is within its budget', async () => {
    const clock = manualClock()
    const gate = createTurnGate({ budgetMs: 15, now: clock.now })
    expect(gate.admit()).toBeUndefined()
    clock.advance(10)
    expect(gate.admit()).toBeUndefined()
    expect(gate.waiting).toBe(0)
  })

  it('queues arrivals once the turn has used its budget, and starts them in arrival order', async () => {
    const clock = manualClock()
    const gate = createTurnGate({ budgetMs: 15, now: clock.now })
    expect(gate.admit()).toBeUndefined()
    clock.advance(20)
    const started: string[] = []
    const waits = ['a', 'b', 'c'].map((name) => gate.admit()!.then(() => started.push(name)))
    expect(gate.waiting).toBe(3)
    expect(started).toEqual([])
    await Promise.all(waits)
    expect(started).toEqual(['a', 'b', 'c'])
    expect(gate.waiting).toBe(0)
  })

  it('starts queued requests several turns apart, so the loop polls for I/O between them', async () => {
    const clock = manualClock()
    const gate = createTurnGate({ budgetMs: 15, turnsBetween: 3, now: clock.now })
    expect(gate.admit()).toBeUndefined()
    clock.advance(20)
    const turns = turnCounter()
    const startedAtTurn: number[] = []
    const waits = [1, 2, 3].map(() => gate.admit()!.then(() => startedAtTurn.push(turns.turn)))
    await Promise.all(waits)
    turns.stop()
    expect(startedAtTurn[1]! - startedAtTurn[0]!).toBe(4)
    expect(startedAtTurn[2]! - startedAtTurn[1]!).toBe(4)
  })

  it('lets a new arrival wait behind the queue rather than jump it, even with budget to spare', async () => {
    const clock = manualClock()
    const gate = createTurnGate({ budgetMs: 15, now: clock.now })
    expect(gate.admit()).toBeUndefined()
    clock.advance(20)
    const started: string[] = []
    const first = gate.admit()!.then(() => started.push('queued'))
    clock.advance(-20)
    const second = gate.admit()
    expect(second).toBeInstanceOf(Promise)
    await Promise.all([first, second!.then(() => started.push('later'))])
    expect(started).toEqual(['queued', 'later'])
  })

  it('opens again once a turn ends with nobody waiting', async () => {
    const clock = manualClock()
    const gate = createTurnGate({ budgetMs: 15, turnsBetween: 0, now: clock.now })
    expect(gate.admit()).toBeUndefined()
    clock.advance(20)
    await gate.admit()
    clock.advance(20)
    for (let turn = 0; turn < 3; turn += 1) await nextTurn()
    expect(gate.admit()).toBeUndefined()
  })
})
