// PPID cases by status against the KIP clock, for the inbox's numbers (issue #9 item 6): how many requests a period
// received, where they stand, how many were decided within the 10-working-day notice and within the extension,
// which clocks have run out today, and the median working days from receipt to decision. Pure: the clock state is
// the case view's own (toCaseView), so the KIP arithmetic lives in one place.
import type { WorkingCalendar } from '../calendar/add-working-days.ts'
import type { PpidCaseRow } from '../../db/ppid-cases-repository.ts'
import { KIP_DECISIONS, type KipDecision } from './kip-notice.ts'
import { toCaseView, workingDaysBetween } from './manage-cases.ts'

export interface PpidCaseFigures {
  received: number
  byStatus: {
    /** Registered, notice not sent, not extended. */
    open: number
    extended: number
    /** Notice sent, by the decision it carried (no objection since). */
    decided: Record<KipDecision, number>
    /** An objection filed (answered by the atasan PPID or not). */
    objection: number
  }
  /** Notice sent within 10 WD of receipt (on or before the original deadline). */
  decidedWithinNotice: number
  /** Notice sent after the original deadline but within the extended one (at most 10 + 7 WD). */
  decidedWithinExtension: number
  /** Notice sent after its (extended) deadline. */
  decidedLate: number
  /** Cases whose running clock (the notice, or the atasan's answer to an objection) ran out before today. */
  overdueNow: number
  /** Working days from receipt to the notice, over the decided cases; null when none was decided. */
  medianWorkingDaysToDecision: number | null
}

export function emptyDecisions(): Record<KipDecision, number> {
  return Object.fromEntries(KIP_DECISIONS.map((decision) => [decision, 0])) as Record<KipDecision, number>
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function summariseCases(
  rows: readonly PpidCaseRow[],
  today: string,
  calendar: WorkingCalendar,
): PpidCaseFigures {
  const figures: PpidCaseFigures = {
    received: rows.length,
    byStatus: { open: 0, extended: 0, decided: emptyDecisions(), objection: 0 },
    decidedWithinNotice: 0,
    decidedWithinExtension: 0,
    decidedLate: 0,
    overdueNow: 0,
    medianWorkingDaysToDecision: null,
  }
  const daysToDecision: number[] = []
  for (const row of rows) {
    const view = toCaseView(row, today, calendar)
    if (view.clock.state === 'overdue') figures.overdueNow += 1
    switch (view.status) {
      case 'registered':
        figures.byStatus.open += 1
        break
      case 'extended':
        figures.byStatus.extended += 1
        break
      case 'decided': {
        const decision = KIP_DECISIONS.find((kind) => kind === view.decision)
        if (decision) figures.byStatus.decided[decision] += 1
        break
      }
      case 'objection':
      case 'objection_answered':
        figures.byStatus.objection += 1
        break
    }
    // An objection may follow a decision, or a deadline that passed without one: only a sent notice is a decision.
    if (view.noticeSentOn === null) continue
    if (view.noticeSentOn <= view.dueOn) figures.decidedWithinNotice += 1
    else if (view.noticeLate) figures.decidedLate += 1
    else figures.decidedWithinExtension += 1
    daysToDecision.push(workingDaysBetween(view.receivedOn, view.noticeSentOn, calendar))
  }
  figures.medianWorkingDaysToDecision = median(daysToDecision)
  return figures
}
