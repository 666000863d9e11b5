// The UU KIP clocks of an information request (rules.md §3 and §12 A 1, A 5), on the working-day calendar. Pure:
// dates are the instansi's calendar dates ('YYYY-MM-DD'); counting starts the day after the event.
import { addWorkingDays, type WorkingCalendar, type WorkingDayResult } from '../calendar/add-working-days.ts'

/** Pasal 22(7): the written notice within 10 working days of receipt. */
export const KIP_NOTICE_WD = 10
/** Pasal 22(8): one extension of at most 7 more working days, with written reasons. */
export const KIP_EXTENSION_MAX_WD = 7
/** Pasal 35–36: an objection is filed within 30 WD of its ground; the atasan PPID answers within 30 WD. */
export const KIP_OBJECTION_FILING_WD = 30
export const KIP_OBJECTION_ANSWER_WD = 30
/** Pasal 37(2): the requester may take the dispute to the Komisi Informasi within 14 WD of the answer. */
export const KIP_DISPUTE_WD = 14

export interface KipDeadlines {
  /** The notice is due by this date (A 1). */
  due: WorkingDayResult
  /** The latest possible date with the full 7-WD extension. */
  extendedMax: WorkingDayResult
}

export function kipDeadlines(receivedOn: string, calendar: WorkingCalendar): KipDeadlines {
  return {
    due: addWorkingDays(receivedOn, KIP_NOTICE_WD, calendar),
    extendedMax: addWorkingDays(receivedOn, KIP_NOTICE_WD + KIP_EXTENSION_MAX_WD, calendar),
  }
}

/** The deadline once extended by `days` (1–7) working days: counted from receipt, 10 + days. */
export function extendedDeadline(
  receivedOn: string,
  days: number,
  calendar: WorkingCalendar,
): WorkingDayResult {
  if (!Number.isInteger(days) || days < 1 || days > KIP_EXTENSION_MAX_WD)
    throw new RangeError(`an extension is 1–${KIP_EXTENSION_MAX_WD} working days, got ${days}`)
  return addWorkingDays(receivedOn, KIP_NOTICE_WD + days, calendar)
}

/** The last day to file an objection, 30 WD after its ground arose (the notice, or a deadline that passed). */
export function objectionFilingEnds(groundOn: string, calendar: WorkingCalendar): WorkingDayResult {
  return addWorkingDays(groundOn, KIP_OBJECTION_FILING_WD, calendar)
}

/** The atasan PPID's answer to an objection received on a date (A 5). */
export function objectionAnswerDue(objectionReceivedOn: string, calendar: WorkingCalendar): WorkingDayResult {
  return addWorkingDays(objectionReceivedOn, KIP_OBJECTION_ANSWER_WD, calendar)
}

/** The end of the window to go to the Komisi Informasi after the atasan's answer (A 5). */
export function disputeWindowEnds(answeredOn: string, calendar: WorkingCalendar): WorkingDayResult {
  return addWorkingDays(answeredOn, KIP_DISPUTE_WD, calendar)
}
