import { describe, it, expect } from 'vitest'
import { auditQuery } from './audit-page.tsx'

describe('auditQuery', () => {
  it('sends only the filters that are set, dates as plain WIB days, and pages by id', () => {
    const query = new URLSearchParams(
      auditQuery(
        { from: '2026-03-01', to: '2026-03-31', action: ' unit.create ', objectType: '', actor: 'abc' },
        120,
      ),
    )
    expect(Object.fromEntries(query)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      action: 'unit.create',
      actorUserId: 'abc',
      limit: '50',
      beforeId: '120',
    })
  })

  it('asks for the newest page when no page was opened yet', () => {
    expect(auditQuery({ from: '', to: '', action: '', objectType: '', actor: '' }, null)).toBe('limit=50')
  })
})
