import { describe, expect, it } from 'vitest'
import { normaliseTicketNumber, ticketNumber } from './ticket-number.ts'

describe('ticketNumber', () => {
  it('is a short stable code from the id', () => {
    const id = '0190f3a2-7c4e-7b1d-9a3f-5c2e8d4b6a10'
    expect(ticketNumber(id)).toMatch(/^WT-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(ticketNumber(id)).toBe(ticketNumber(id.toUpperCase()))
    expect(ticketNumber('00000000-0000-0000-0000-000000000000')).toBe('WT-00000-00000')
    expect(ticketNumber('00000000-0000-0000-0000-ffffffffffff')).toBe('WT-7ZZZZ-ZZZZZ')
  })

  it('differs for ids that share their time prefix (UUID v7)', () => {
    expect(ticketNumber('0190f3a2-7c4e-7b1d-9a3f-5c2e8d4b6a10')).not.toBe(
      ticketNumber('0190f3a2-7c4e-7b1d-9a3f-5c2e8d4b6a11'),
    )
  })

  it('reads a ticket number as a citizen types it', () => {
    expect(normaliseTicketNumber('wt 3zzzz zzzzo')).toBe('WT-3ZZZZ-ZZZZ0')
    expect(normaliseTicketNumber('3ZZZZZZZZZ')).toBe('WT-3ZZZZ-ZZZZZ')
    expect(normaliseTicketNumber('WT-123')).toBeUndefined()
    expect(() => ticketNumber('nope')).toThrow()
  })
})
