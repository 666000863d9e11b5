import { describe, expect, it } from 'vitest'
import { PLATFORM_RULES } from '../../shared/platform-rules.ts'
import { REPORTED_QUOTA_HOLD_MS, reportedQuotaHold, withReportedTotal } from './publish-slots.ts'

const now = new Date('2026-12-07T09:00:00Z')
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)

describe('a reported publishing quota in the engine', () => {
  it('holds the account back while a recent answer says nothing is left, until an hour after it was read', () => {
    const full = { used: 100, total: 100, windowSeconds: 86_400, checkedAt: minutesAgo(10) }
    expect(reportedQuotaHold(full, now)).toEqual(new Date(full.checkedAt.getTime() + REPORTED_QUOTA_HOLD_MS))
    // Older than the hold: the connector may ask the platform again.
    expect(reportedQuotaHold({ ...full, checkedAt: minutesAgo(61) }, now)).toBeNull()
    expect(reportedQuotaHold({ ...full, used: 99 }, now)).toBeNull()
    expect(reportedQuotaHold(null, now)).toBeNull()
  })

  it('puts the reported total in place of Instagram’s documented lowest daily figure', () => {
    const instagram = PLATFORM_RULES.instagram.publishLimits.account
    expect(instagram).toEqual([{ calls: 25, windowSeconds: 86_400 }])
    const quota = { used: 3, total: 100, windowSeconds: 86_400, checkedAt: now }
    expect(withReportedTotal(instagram, quota)).toEqual([{ calls: 100, windowSeconds: 86_400 }])
    // Another window length, or none known: the documented limits stay.
    expect(withReportedTotal(instagram, { ...quota, windowSeconds: 3600 })).toEqual(instagram)
    expect(withReportedTotal(instagram, null)).toBe(instagram)
  })
})
