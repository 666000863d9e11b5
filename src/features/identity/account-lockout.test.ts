import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../shared/messages/format-message.ts'
import { lockedError, replayLock } from './account-lockout.ts'

describe('the lockout message', () => {
  it('carries the end of the lock as an ISO time that each language renders in WIB, with the minutes left', () => {
    const now = new Date('2026-10-12T07:15:00Z')
    const error = lockedError(new Date('2026-10-12T07:30:00Z'), now)
    expect(error).toMatchObject({
      code: 'locked',
      key: 'auth.account_locked',
      params: { until: '2026-10-12T07:30:00.000Z', minutes: 15 },
    })
    expect(formatMessage('id', error.key, error.params)).toContain(
      'Coba lagi setelah pukul 14.30 WIB (15 menit lagi)',
    )
    expect(formatMessage('en', error.key, error.params)).toMatch(
      /Try again after 14[.:]30 WIB \(15 minutes from now\)/,
    )
  })
})

describe('replayLock', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 9, 12, 7, minute))
  const LOCK = 15 * 60_000

  it('counts failures until the limit, then locks from the failure that reached it', () => {
    expect(replayLock([at(0), at(1), at(2), at(3)], 5, LOCK)).toEqual({ failures: 4, lockedUntil: null })
    expect(replayLock([at(0), at(1), at(2), at(3), at(4)], 5, LOCK)).toEqual({
      failures: 0,
      lockedUntil: at(19),
    })
  })

  it('ignores failures during a lock and counts again after it, as the users row does', () => {
    const series = [at(0), at(1), at(2), at(3), at(4), at(5), at(10), at(20), at(21)]
    expect(replayLock(series, 5, LOCK)).toEqual({ failures: 2, lockedUntil: at(19) })
  })
})
