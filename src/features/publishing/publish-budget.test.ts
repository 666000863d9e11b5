import { describe, expect, it } from 'vitest'
import { PLATFORM_RULES } from '../../shared/platform-rules.ts'
import { budgetKey, planSlots, takeToken, takeTokens, type BudgetWindow } from './publish-budget.ts'

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, 0) + seconds * 1000)
const perMinute = (calls: number) => ({ calls, windowSeconds: 60 })
const window = (startSeconds: number, used: number, pausedUntil: Date | null = null): BudgetWindow => ({
  windowStartedAt: at(startSeconds),
  used,
  pausedUntil,
})

describe('takeToken', () => {
  it('opens a window at the first publish', () => {
    expect(takeToken(undefined, perMinute(3), at(5))).toEqual({ granted: true, window: window(5, 1) })
  })

  it('counts publishes within the window up to its calls, then refuses until the window ends', () => {
    expect(takeToken(window(0, 2), perMinute(3), at(30))).toEqual({ granted: true, window: window(0, 3) })
    expect(takeToken(window(0, 3), perMinute(3), at(30))).toEqual({ granted: false, retryAt: at(60) })
  })

  it('starts a fresh window once the last one has run out', () => {
    expect(takeToken(window(0, 3), perMinute(3), at(60))).toEqual({ granted: true, window: window(60, 1) })
  })

  it('refuses everything while paused, whatever room is left', () => {
    expect(takeToken(window(0, 0, at(90)), perMinute(3), at(30))).toEqual({
      granted: false,
      retryAt: at(90),
    })
  })
})

describe('takeTokens', () => {
  it('grants only when every window has room, and then takes from each', () => {
    const result = takeTokens(
      [
        { window: window(0, 1), limit: perMinute(3) },
        { window: undefined, limit: { calls: 10, windowSeconds: 1 } },
      ],
      at(10),
    )
    expect(result).toEqual({ granted: true, windows: [window(0, 2), window(10, 1)] })
  })

  it('waits for the latest reset among the full windows', () => {
    const result = takeTokens(
      [
        { window: window(0, 3), limit: perMinute(3) },
        { window: window(5, 100), limit: { calls: 100, windowSeconds: 900 } },
      ],
      at(10),
    )
    expect(result).toEqual({ granted: false, retryAt: at(905) })
  })
})

describe('planSlots', () => {
  const account = (id: string, limit = perMinute(2)) => ({ key: budgetKey('account', id, limit), limit })
  const platform = (limit = { calls: 3, windowSeconds: 1 }) => ({
    key: budgetKey('platform', 'x', limit),
    limit,
  })

  it('sends what fits now and moves the rest of an account to its next windows', () => {
    const slots = planSlots(
      Array.from({ length: 5 }, () => ({ windows: [account('a')] })),
      new Map(),
      at(0),
    )
    expect(slots).toEqual([at(0), at(0), at(60), at(60), at(120)])
  })

  it('counts what the stored window already used', () => {
    const slots = planSlots(
      [{ windows: [account('a')] }, { windows: [account('a')] }],
      new Map([[account('a').key, window(-30, 1)]]),
      at(0),
    )
    expect(slots).toEqual([at(0), at(30)])
  })

  it('staggers many accounts over a platform window: a few per second, never all at once', () => {
    const slots = planSlots(
      Array.from({ length: 7 }, (_, i) => ({ windows: [account(`a${i}`), platform()] })),
      new Map(),
      at(0),
    )
    expect(slots).toEqual([at(0), at(0), at(0), at(1), at(1), at(1), at(2)])
  })

  it("does not hold other accounts back when one account's window is full", () => {
    const wide = { calls: 100, windowSeconds: 1 }
    const slots = planSlots(
      [
        { windows: [account('a'), platform(wide)] },
        { windows: [account('a'), platform(wide)] },
        { windows: [account('a'), platform(wide)] },
        { windows: [account('b'), platform(wide)] },
      ],
      new Map(),
      at(0),
    )
    expect(slots).toEqual([at(0), at(0), at(60), at(0)])
  })

  it('holds a paused scope until its pause ends', () => {
    const pause = { key: 'account:a:0', limit: { calls: Number.MAX_SAFE_INTEGER, windowSeconds: 0 } }
    const slots = planSlots(
      [{ windows: [pause, account('a')] }, { windows: [account('b')] }],
      new Map([['account:a:0', window(0, 0, at(45))]]),
      at(0),
    )
    expect(slots).toEqual([at(45), at(0)])
  })

  it('never plans beyond what takeToken would grant at the planned time', () => {
    const limit = perMinute(4)
    const slots = planSlots(
      Array.from({ length: 13 }, () => ({ windows: [{ key: 'k', limit }] })),
      new Map(),
      at(0),
    )
    let stored: BudgetWindow | undefined
    for (const slot of slots) {
      const result = takeToken(stored, limit, slot)
      expect(result.granted).toBe(true)
      if (result.granted) stored = result.window
    }
  })
})

describe('the platforms’ publish limits', () => {
  it('give each scope windows of distinct, positive lengths (a stored row per scope and length)', () => {
    for (const [platform, rule] of Object.entries(PLATFORM_RULES))
      for (const limits of [rule.publishLimits.account, rule.publishLimits.platform]) {
        const lengths = limits.map((limit) => limit.windowSeconds)
        expect(new Set(lengths).size, platform).toBe(lengths.length)
        expect(
          limits.every((limit) => limit.windowSeconds > 0 && limit.calls > 0),
          platform,
        ).toBe(true)
      }
  })
})
