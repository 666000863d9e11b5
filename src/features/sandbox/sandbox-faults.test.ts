import { describe, expect, it } from 'vitest'
import { DEFAULT_SANDBOX_FAULTS, NO_SANDBOX_FAULTS, planSandboxCall } from './sandbox-faults.ts'

const account = '11111111-2222-4333-8444-555555555555'

describe('the sandbox fault model', () => {
  it('plans the same call the same way every time (seeded)', () => {
    const first = Array.from({ length: 50 }, (_, call) =>
      planSandboxCall(DEFAULT_SANDBOX_FAULTS, account, call, true),
    )
    const again = Array.from({ length: 50 }, (_, call) =>
      planSandboxCall(DEFAULT_SANDBOX_FAULTS, account, call, true),
    )
    expect(again).toEqual(first)
  })

  it('keeps latency within 100–400 ms by default', () => {
    for (let call = 0; call < 500; call++) {
      const { latencyMs } = planSandboxCall(DEFAULT_SANDBOX_FAULTS, account, call, false)
      expect(latencyMs).toBeGreaterThanOrEqual(100)
      expect(latencyMs).toBeLessThanOrEqual(400)
    }
  })

  it('fails about the configured share of writes, some before and some after acceptance', () => {
    const faults = Array.from({ length: 5000 }, (_, call) =>
      planSandboxCall(DEFAULT_SANDBOX_FAULTS, account, call, true),
    ).map((plan) => plan.fault)
    const unavailable = faults.filter((fault) => fault === 'unavailable').length
    const unknown = faults.filter((fault) => fault === 'unknown_outcome').length
    expect(unavailable).toBeGreaterThan(50)
    expect(unavailable).toBeLessThan(150)
    expect(unknown).toBeGreaterThan(50)
    expect(unknown).toBeLessThan(150)
  })

  it('never gives a read an unknown outcome, and never fails with faults off', () => {
    for (let call = 0; call < 2000; call++) {
      expect(planSandboxCall(DEFAULT_SANDBOX_FAULTS, account, call, false).fault).not.toBe('unknown_outcome')
      expect(planSandboxCall(NO_SANDBOX_FAULTS, account, call, true)).toEqual({ latencyMs: 0, fault: 'none' })
    }
  })

  it('forces a fault when its rate is 1', () => {
    const always = { ...NO_SANDBOX_FAULTS, unknownOutcomeRate: 1 }
    expect(planSandboxCall(always, account, 3, true).fault).toBe('unknown_outcome')
  })
})
