// Rule 40 on the stored deadlines, with the rules.md vectors: a calendar edit recounts the clock that runs, from
// the same start and the same number of working days, and leaves the ones already past alone.
import { describe, expect, it } from 'vitest'
import { ppidCaseRow } from '../../../tests/support/ppid-case-row.ts'
import type { LaporReferralRow } from '../../db/lapor-referrals-repository.ts'
import { buildWorkingCalendar, DEFAULT_CALENDAR_SETTINGS } from './build-working-calendar.ts'
import { extensionDaysOf, recountCase, recountReferral } from './recompute-deadlines.ts'

const national = buildWorkingCalendar([])
/** A libur daerah on Wed 1 Apr 2026, inside the window of a request received Fri 13 Mar 2026. */
const withLocalHoliday = (date: string) =>
  buildWorkingCalendar([{ date, kind: 'regional_holiday', name: 'Hari Jadi Kabupaten' }])
const cutiCounts = buildWorkingCalendar([], { ...DEFAULT_CALENDAR_SETTINGS, cutiBersamaIsWorkingDay: true })

function referral(over: Partial<LaporReferralRow>): LaporReferralRow {
  const at = new Date('2026-03-13T03:00:00Z')
  return {
    id: 'r1',
    instansiId: 'i1',
    inboxItemId: null,
    unitId: 'u1',
    unitPath: '/u1',
    reportType: 'pengaduan',
    title: 'Jalan rusak',
    description: 'Jalan rusak parah',
    category: null,
    location: null,
    incidentOn: null,
    reporterName: null,
    reporterContact: null,
    anonymous: false,
    confidential: false,
    sourcePlatform: null,
    sourceUrl: null,
    receivedOn: '2026-03-13',
    firstStatusDueOn: '2026-03-25',
    followUpDueOn: '2026-03-27',
    dueProvisional: false,
    outOfScope: null,
    laporTrackingId: null,
    firstStatusOn: null,
    followUpOn: null,
    status: 'referred',
    createdBy: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  }
}

describe('recounting a PPID case after a calendar edit', () => {
  it('moves the notice due Mon 6 Apr 2026 by one working day when a holiday is added on Wed 1 Apr', () => {
    const next = recountCase(ppidCaseRow({}), national, withLocalHoliday('2026-04-01'))
    expect(next).toMatchObject({ dueOn: '2026-04-07', dueProvisional: false, extendedDueOn: null })
  })

  it('leaves the deadline where it was when the holiday falls outside the window', () => {
    expect(recountCase(ppidCaseRow({}), national, withLocalHoliday('2026-04-08')).dueOn).toBe('2026-04-06')
  })

  it('gives Mon 30 Mar 2026 once cuti bersama counts as working days (rule A1 vector)', () => {
    expect(recountCase(ppidCaseRow({}), national, cutiCounts).dueOn).toBe('2026-03-30')
  })

  it('keeps the length of the extension: 7 WD to Wed 15 Apr becomes Thu 16 Apr, 3 WD to Thu 9 Apr becomes Fri 10 Apr', () => {
    const holiday = withLocalHoliday('2026-04-01')
    const seven = ppidCaseRow({ status: 'extended', extendedDueOn: '2026-04-15' })
    const three = ppidCaseRow({ status: 'extended', extendedDueOn: '2026-04-09' })
    expect(extensionDaysOf(seven, national)).toBe(7)
    expect(extensionDaysOf(three, national)).toBe(3)
    expect(recountCase(seven, national, holiday)).toMatchObject({
      dueOn: '2026-04-07',
      extendedDueOn: '2026-04-16',
    })
    expect(recountCase(three, national, holiday).extendedDueOn).toBe('2026-04-10')
  })

  it('stops being provisional once the year it runs into gains a table (rule 39 vector: Mon 21 Dec 2026)', () => {
    // 6 WD to 31 Dec 2026, then Fri 1 Jan 2027 counts as a working day while 2027 has no table.
    const before = ppidCaseRow({ receivedOn: '2026-12-21', dueOn: '2027-01-06', dueProvisional: true })
    expect(recountCase(before, national, national)).toMatchObject({
      dueOn: '2027-01-06',
      dueProvisional: true,
    })
    const with2027 = buildWorkingCalendar(
      [{ date: '2027-01-01', kind: 'holiday', name: 'Tahun Baru Masehi' }],
      {
        ...DEFAULT_CALENDAR_SETTINGS,
        extraYearsWithTable: [2027],
      },
    )
    expect(recountCase(before, national, with2027)).toMatchObject({
      dueOn: '2027-01-07',
      dueProvisional: false,
    })
  })

  it('recounts the atasan PPID’s answer of an objection received Mon 4 May 2026 (due Tue 23 Jun) and nothing else', () => {
    const row = ppidCaseRow({
      status: 'objection',
      noticeSentOn: '2026-03-20',
      objectionReceivedOn: '2026-05-04',
      objectionAnswerDueOn: '2026-06-23',
    })
    expect(recountCase(row, national, national).objectionAnswerDueOn).toBe('2026-06-23')
    expect(recountCase(row, national, withLocalHoliday('2026-06-10'))).toMatchObject({
      dueOn: '2026-04-06',
      objectionAnswerDueOn: '2026-06-24',
    })
  })

  it('recounts the Komisi Informasi window after an answer given Mon 4 May 2026 (ends Tue 26 May)', () => {
    const row = ppidCaseRow({
      status: 'objection_answered',
      objectionAnsweredOn: '2026-05-04',
      disputeDueOn: '2026-05-26',
    })
    expect(recountCase(row, national, national).disputeDueOn).toBe('2026-05-26')
    // One more working day past Tue 26 May: Wed 27 May is Iduladha, Thu 28 May cuti bersama → Fri 29 May.
    expect(recountCase(row, national, withLocalHoliday('2026-05-20')).disputeDueOn).toBe('2026-05-29')
  })

  it('leaves a decided case’s notice deadline as history', () => {
    const row = ppidCaseRow({ status: 'decided', noticeSentOn: '2026-03-30' })
    expect(recountCase(row, national, withLocalHoliday('2026-04-01')).dueOn).toBe('2026-04-06')
  })
})

describe('recounting a LAPOR! referral after a calendar edit', () => {
  it('moves first status Wed 25 Mar and follow-up Fri 27 Mar 2026 when a holiday is added on the 25th', () => {
    expect(recountReferral(referral({}), withLocalHoliday('2026-03-25'))).toEqual({
      firstStatusDueOn: '2026-03-26',
      followUpDueOn: '2026-03-30',
      dueProvisional: false,
    })
  })

  it('gives first status Wed 18 Mar 2026 once cuti bersama counts as working days (rule 31 vector)', () => {
    expect(recountReferral(referral({}), cutiCounts).firstStatusDueOn).toBe('2026-03-18')
  })

  it('keeps the first-status date of a verified referral and recounts only its follow-up plan', () => {
    const row = referral({ status: 'verified', firstStatusOn: '2026-03-20' })
    expect(recountReferral(row, withLocalHoliday('2026-03-25'))).toMatchObject({
      firstStatusDueOn: '2026-03-25',
      followUpDueOn: '2026-03-30',
    })
  })
})
