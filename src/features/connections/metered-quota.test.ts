import { describe, expect, it } from 'vitest'
import { createMeterTally, dailyUnitsOf, meteredQuotaOf } from './metered-quota.ts'
import { quotaReadDue, quotaFromVerify, QUOTA_REREAD_MS } from './reported-quota.ts'

describe('the meter of a metered quota', () => {
  const youtube = meteredQuotaOf('youtube')!

  it('adds the units of each call to the quota day (Pacific) of the moment it is told', () => {
    let now = new Date('2026-12-07T07:59:00Z') // 23:59 on 6 December in Los Angeles
    const tally = createMeterTally(youtube, () => now)
    tally.meter({ method: 'videos.insert', units: 100 })
    tally.meter({ method: 'channels.list', units: 1 })
    now = new Date('2026-12-07T08:00:00Z') // midnight: a new quota day
    tally.meter({ method: 'comments.insert', units: 50 })
    tally.meter({ method: 'videos.list', units: 1 })
    expect(tally.take()).toEqual([
      { quotaDay: '2026-12-06', units: 101, calls: 2 },
      { quotaDay: '2026-12-07', units: 51, calls: 2 },
    ])
    // Taken once: the next operation starts from nothing.
    expect(tally.take()).toEqual([])
  })

  it('counts a bad unit figure as a call without units, rounds fractions, never subtracts', () => {
    const tally = createMeterTally(youtube, () => new Date('2026-07-01T12:00:00Z'))
    tally.meter({ method: 'x', units: Number.NaN })
    tally.meter({ method: 'y', units: -50 })
    tally.meter({ method: 'z', units: 1.6 })
    expect(tally.take()).toEqual([{ quotaDay: '2026-07-01', units: 2, calls: 3 }])
  })

  it('shows the day’s use with the total and the next midnight Pacific, summer and winter', () => {
    expect(dailyUnitsOf(youtube, 1650, new Date('2026-12-07T09:00:00Z'))).toEqual({
      used: 1650,
      total: 10_000,
      resetsAt: '2026-12-08T08:00:00.000Z',
    })
    expect(dailyUnitsOf(youtube, 0, new Date('2026-07-01T12:00:00Z')).resetsAt).toBe(
      '2026-07-02T07:00:00.000Z',
    )
  })

  it('knows only the platforms with a metered quota', () => {
    expect(meteredQuotaOf('instagram')).toBeUndefined()
    expect(meteredQuotaOf('constructor')).toBeUndefined()
  })
})

describe('a reported quota', () => {
  it('is read again after a publish only when the kept answer is older than the re-read interval', () => {
    const now = new Date('2026-12-07T09:00:00Z')
    expect(quotaReadDue(null, now)).toBe(true)
    expect(quotaReadDue(new Date(now.getTime() - QUOTA_REREAD_MS + 1000), now)).toBe(false)
    expect(quotaReadDue(new Date(now.getTime() - QUOTA_REREAD_MS), now)).toBe(true)
  })

  it('comes from a verify() answer that carries one, and is unknown when the answer has none', () => {
    const quota = { used: 3, total: 100, windowSeconds: 86_400 }
    expect(quotaFromVerify({ platformAccountId: '1', publishingQuota: quota })).toEqual(quota)
    expect(quotaFromVerify({ platformAccountId: '1', publishingQuota: null })).toBeNull()
    expect(quotaFromVerify({ platformAccountId: '1' })).toBeUndefined()
  })
})
