import { describe, it, expect } from 'vitest'
import { actorChoiceValue, auditSearch, isPeriodBackwards, NO_FILTERS } from './audit-filters.ts'

const query = (search: string) => Object.fromEntries(new URLSearchParams(search))

describe('auditSearch', () => {
  it('sends only the filters that are set, dates as plain WIB days, the language on screen, and pages by id', () => {
    const search = auditSearch(
      {
        from: '2026-03-01',
        to: '2026-03-31',
        action: 'unit.update',
        objectType: 'unit',
        actor: actorChoiceValue({ userId: '9c75b4dd-d7d8-4601-9c43-70e92cb70573', actorLabel: null }),
      },
      { locale: 'en', beforeId: 120 },
    )
    expect(query(search)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      action: 'unit.update',
      objectType: 'unit',
      actorUserId: '9c75b4dd-d7d8-4601-9c43-70e92cb70573',
      locale: 'en',
      limit: '50',
      beforeId: '120',
    })
  })

  it('filters an actor without a user account (first-run setup, the CLI) by its recorded label', () => {
    const actor = actorChoiceValue({ userId: null, actorLabel: 'setup' })
    expect(query(auditSearch({ ...NO_FILTERS, actor }, { locale: 'id' }))).toEqual({
      actorLabel: 'setup',
      locale: 'id',
      limit: '50',
    })
  })

  it('leaves paging out of the export, which takes the whole filtered log', () => {
    expect(
      query(auditSearch({ ...NO_FILTERS, action: 'auth.login' }, { locale: 'id', paged: false })),
    ).toEqual({
      action: 'auth.login',
      locale: 'id',
    })
  })
})

describe('isPeriodBackwards', () => {
  it('catches a period whose end comes before its start, and only that', () => {
    expect(isPeriodBackwards({ from: '2026-12-10', to: '2026-12-01' })).toBe(true)
    expect(isPeriodBackwards({ from: '2026-12-01', to: '2026-12-01' })).toBe(false)
    expect(isPeriodBackwards({ from: '2026-12-10', to: '' })).toBe(false)
  })
})
