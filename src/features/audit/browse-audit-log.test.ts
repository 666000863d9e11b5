import { describe, expect, it } from 'vitest'
import { periodBound } from './browse-audit-log.ts'

describe('periodBound', () => {
  it('takes a date as the whole Jakarta day', () => {
    expect(periodBound('2026-03-13', false).toISOString()).toBe('2026-03-12T17:00:00.000Z')
    expect(periodBound('2026-03-13', true).toISOString()).toBe('2026-03-13T16:59:59.999Z')
  })

  it('takes a full timestamp as is', () => {
    expect(periodBound('2026-03-13T08:00:00Z', false).toISOString()).toBe('2026-03-13T08:00:00.000Z')
  })

  it('refuses text that is not a date, in Bahasa Indonesia', () => {
    expect(() => periodBound('kemarin', false)).toThrow(/tidak dikenali/)
  })
})
