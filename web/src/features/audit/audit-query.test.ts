import { describe, it, expect } from 'vitest'
import { auditQuery, objectLabel } from './audit-page.tsx'

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

describe('objectLabel', () => {
  it('shows a calendar day as a date, never in ISO form, and a long id by its first characters', () => {
    expect(objectLabel('2026-12-21', 'id')).toBe('21 Des 2026')
    expect(objectLabel('2026-12-21', 'en')).toBe('21 Dec 2026')
    expect(objectLabel('9c75b4dd-d7d8-4601-9c43-70e92cb70573', 'id')).toBe('9c75b4dd')
    expect(objectLabel('naming_patterns', 'id')).toBe('naming_patterns')
  })
})
