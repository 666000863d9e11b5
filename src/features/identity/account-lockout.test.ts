import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../shared/messages/format-message.ts'
import { lockedError } from './account-lockout.ts'

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
