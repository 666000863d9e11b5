// The SP4N-LAPOR! clocks of a referred complaint (rules.md §9 and §12 E 31), on the working-day calendar. Pure.
// Both numbers are [S] (LAPOR! FAQ and app description, PermenPAN-RB 62/2018 as stated by KemenPAN-RB).
import { addWorkingDays, type WorkingCalendar } from '../calendar/add-working-days.ts'

/** Verification / first status: "paling lambat 3 (tiga) hari kerja". */
export const LAPOR_FIRST_STATUS_WD = 3
/** The agency's internal coordination and follow-up plan. */
export const LAPOR_FOLLOW_UP_WD = 5

export interface LaporDeadlines {
  firstStatusOn: string
  followUpOn: string
  provisional: boolean
}

export function laporDeadlines(receivedOn: string, calendar: WorkingCalendar): LaporDeadlines {
  const firstStatus = addWorkingDays(receivedOn, LAPOR_FIRST_STATUS_WD, calendar)
  const followUp = addWorkingDays(receivedOn, LAPOR_FOLLOW_UP_WD, calendar)
  return {
    firstStatusOn: firstStatus.date,
    followUpOn: followUp.date,
    provisional: firstStatus.provisional || followUp.provisional,
  }
}
