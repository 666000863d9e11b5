import { describe, expect, it } from 'vitest'
import { ppidCaseRow } from '../../../tests/support/ppid-case-row.ts'
import { buildWorkingCalendar } from '../calendar/build-working-calendar.ts'
import { summariseCases } from './case-figures.ts'

const calendar = buildWorkingCalendar([])

describe('PPID cases against the KIP clock', () => {
  it('counts cases by status and decision, decided within 10 WD, within the extension or late, and overdue now', () => {
    const extended = { extendedOn: '2026-04-01', extendedDueOn: '2026-04-15' }
    const figures = summariseCases(
      [
        ppidCaseRow({}),
        ppidCaseRow({ status: 'extended', ...extended }),
        ppidCaseRow({ status: 'decided', decision: 'granted', noticeSentOn: '2026-03-20' }),
        ppidCaseRow({ status: 'decided', decision: 'refused', noticeSentOn: '2026-04-10', ...extended }),
        ppidCaseRow({ status: 'decided', decision: 'partially_granted', noticeSentOn: '2026-04-08' }),
        ppidCaseRow({
          status: 'objection',
          decision: 'refused',
          noticeSentOn: '2026-03-17',
          objectionReceivedOn: '2026-03-18',
          objectionAnswerDueOn: '2026-04-01',
        }),
      ],
      '2026-04-07',
      calendar,
    )
    expect(figures).toEqual({
      received: 6,
      byStatus: {
        open: 1,
        extended: 1,
        decided: { granted: 1, partially_granted: 1, refused: 1, not_held: 0 },
        objection: 1,
      },
      decidedWithinNotice: 2,
      decidedWithinExtension: 1,
      decidedLate: 1,
      // The registered one past 6 Apr, and the objection whose answer was due 1 Apr; the extended one runs to 15 Apr.
      overdueNow: 2,
      // Working days to the notice: 2 (16, 17 Mar), 14, 12, 2 (18–20 Mar are holidays and cuti bersama).
      medianWorkingDaysToDecision: 7,
    })
  })

  it('has no median when nothing was decided', () => {
    const figures = summariseCases([ppidCaseRow({})], '2026-03-16', calendar)
    expect(figures.medianWorkingDaysToDecision).toBeNull()
    expect(figures.overdueNow).toBe(0)
  })
})
