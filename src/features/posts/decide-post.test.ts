import { describe, expect, it } from 'vitest'
import { asRuleDecision, publishAt } from './decide-post.ts'

const now = new Date('2026-12-07T08:00:00Z')

describe('the contract with the publishing engine', () => {
  it('publishes an approved post at its scheduled time when that is still ahead', () => {
    const at = new Date('2026-12-07T09:00:00Z')
    expect(publishAt(at, now)).toEqual(at)
  })

  it('publishes an approved post without a time, or whose time has passed, at once', () => {
    expect(publishAt(null, now)).toEqual(now)
    expect(publishAt(new Date('2026-12-07T07:59:00Z'), now)).toEqual(now)
  })
})

describe('stored decisions read by the rules', () => {
  it('carries the crisis flag only on a crisis fast-track approval', () => {
    const row = { userId: 'u', step: 0, verdict: 'approve', comment: null }
    expect(asRuleDecision({ ...row, crisis: true })).toEqual({ ...row, crisis: true })
    expect(asRuleDecision({ ...row, crisis: false })).toEqual(row)
  })
})
