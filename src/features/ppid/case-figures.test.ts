import { describe, expect, it } from 'vitest'
import type { PpidCaseRow } from '../../db/ppid-cases-repository.ts'
import { buildWorkingCalendar } from '../calendar/build-working-calendar.ts'
import { summariseCases } from './case-figures.ts'

const calendar = buildWorkingCalendar([])

// Received Fri 13 Mar 2026: notice due Mon 6 Apr 2026, at most Wed 15 Apr 2026 with the extension (rule A1).
function caseRow(changes: Partial<PpidCaseRow>): PpidCaseRow {
  return {
    id: crypto.randomUUID(),
    instansiId: 'i',
    inboxItemId: null,
    unitId: 'u',
    unitPath: '/u/',
    registrationYear: 2026,
    registrationSeq: 1,
    registrationNumber: '0001/PPID/2026',
    channel: 'email',
    requesterName: 'Wahyu',
    requesterContact: null,
    requestText: 'Mohon data',
    purpose: null,
    receivedOn: '2026-03-13',
    dueOn: '2026-04-06',
    dueProvisional: false,
    extensionReason: null,
    extendedOn: null,
    extendedDueOn: null,
    status: 'registered',
    notice: {},
    decision: null,
    noticeSentOn: null,
    objectionGrounds: null,
    objectionReceivedOn: null,
    objectionAnswerDueOn: null,
    objectionAnsweredOn: null,
    objectionUpholdsRefusal: null,
    objectionAnswerReason: null,
    disputeDueOn: null,
    assignedUserId: null,
    createdBy: null,
    createdAt: new Date('2026-03-13T03:00:00Z'),
    updatedAt: new Date('2026-03-13T03:00:00Z'),
    ...changes,
  }
}

describe('PPID cases against the KIP clock', () => {
  it('counts cases by status and decision, decided within 10 WD, within the extension or late, and overdue now', () => {
    const extended = { extendedOn: '2026-04-01', extendedDueOn: '2026-04-15' }
    const figures = summariseCases(
      [
        caseRow({}),
        caseRow({ status: 'extended', ...extended }),
        caseRow({ status: 'decided', decision: 'granted', noticeSentOn: '2026-03-20' }),
        caseRow({ status: 'decided', decision: 'refused', noticeSentOn: '2026-04-10', ...extended }),
        caseRow({ status: 'decided', decision: 'partially_granted', noticeSentOn: '2026-04-08' }),
        caseRow({
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
    const figures = summariseCases([caseRow({})], '2026-03-16', calendar)
    expect(figures.medianWorkingDaysToDecision).toBeNull()
    expect(figures.overdueNow).toBe(0)
  })
})
