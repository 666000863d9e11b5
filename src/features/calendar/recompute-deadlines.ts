// A change of the working-day calendar moves the deadlines already stored (rules.md §12 G 40): adding, moving or
// removing a holiday, importing a year's table or changing the calendar settings recounts, in the same transaction
// as the edit, every running clock of the instansi — a PPID case's notice (10 WD, or 10 + the extension's days), the
// atasan PPID's answer to an objection (30 WD) and the Komisi Informasi window (14 WD); a LAPOR! referral's first
// status (3 WD) and follow-up plan (5 WD); an inbox item's reply target — with its provisional flag, so a year that
// gains a table stops being provisional. Deadlines already past their stage (a notice sent, a first status given)
// are history and stay. Each moved case and referral gets an audit entry naming the edit that moved it.
//
// Reminders and escalations need nothing here: sla_alerts is keyed by the deadline, so the same deadline is not
// alerted twice and a moved one is alerted afresh.
import type { Db } from '../../db/client.ts'
import {
  listRunningLaporReferrals,
  updateLaporReferral,
  type LaporReferralRow,
} from '../../db/lapor-referrals-repository.ts'
import { listRunningPpidCases, updatePpidCase, type PpidCaseRow } from '../../db/ppid-cases-repository.ts'
import { listItemsAwaitingReplyOf, setItemDeadlines, type ItemDeadline } from '../../db/sla-repository.ts'
import type { Actor } from '../access/policy.ts'
import { recordChanges, type ChangeMeta, type ChangeRecord } from '../audit/record-change.ts'
import { loadReplyTargets, replyTargetFor } from '../inbox/reply-targets.ts'
import { localTimeOf } from '../inbox/working-hours.ts'
import { laporDeadlines } from '../lapor/lapor-clock.ts'
import {
  disputeWindowEnds,
  extendedDeadline,
  KIP_EXTENSION_MAX_WD,
  KIP_NOTICE_WD,
  kipDeadlines,
  objectionAnswerDue,
} from '../ppid/kip-clock.ts'
import { workingDaysBetween, type WorkingCalendar } from './add-working-days.ts'
import { loadWorkingCalendar } from './load-working-calendar.ts'

type CaseDeadlines = Pick<
  PpidCaseRow,
  'dueOn' | 'dueProvisional' | 'extendedDueOn' | 'objectionAnswerDueOn' | 'disputeDueOn'
>

/**
 * The extension's length in working days, read back from the stored extended deadline on the calendar it was
 * counted on (the case stores the date, not the number).
 */
export function extensionDaysOf(row: PpidCaseRow, before: WorkingCalendar): number {
  const days = workingDaysBetween(row.receivedOn, row.extendedDueOn!, before) - KIP_NOTICE_WD
  return Math.min(Math.max(days, 1), KIP_EXTENSION_MAX_WD)
}

/** A running case's deadlines on the new calendar; only the clock that runs is recounted. */
export function recountCase(
  row: PpidCaseRow,
  before: WorkingCalendar,
  after: WorkingCalendar,
): CaseDeadlines {
  const current: CaseDeadlines = {
    dueOn: row.dueOn,
    dueProvisional: row.dueProvisional,
    extendedDueOn: row.extendedDueOn,
    objectionAnswerDueOn: row.objectionAnswerDueOn,
    disputeDueOn: row.disputeDueOn,
  }
  if (row.status === 'registered' || row.status === 'extended') {
    const due = kipDeadlines(row.receivedOn, after).due
    const extended = row.extendedDueOn
      ? extendedDeadline(row.receivedOn, extensionDaysOf(row, before), after)
      : null
    return {
      ...current,
      dueOn: due.date,
      dueProvisional: due.provisional || (extended?.provisional ?? false),
      extendedDueOn: extended?.date ?? null,
    }
  }
  if (row.status === 'objection' && row.objectionReceivedOn)
    return { ...current, objectionAnswerDueOn: objectionAnswerDue(row.objectionReceivedOn, after).date }
  if (row.status === 'objection_answered' && row.objectionAnsweredOn)
    return { ...current, disputeDueOn: disputeWindowEnds(row.objectionAnsweredOn, after).date }
  return current
}

type ReferralDeadlines = Pick<LaporReferralRow, 'firstStatusDueOn' | 'followUpDueOn' | 'dueProvisional'>

/** A running referral's deadlines on the new calendar: a given first status keeps its date. */
export function recountReferral(row: LaporReferralRow, after: WorkingCalendar): ReferralDeadlines {
  const next = laporDeadlines(row.receivedOn, after)
  return {
    firstStatusDueOn: row.status === 'referred' ? next.firstStatusOn : row.firstStatusDueOn,
    followUpDueOn: next.followUpOn,
    // The follow-up count runs through every day the first-status count does.
    dueProvisional: next.provisional,
  }
}

function differs<T extends object>(a: T, b: T): boolean {
  return (Object.keys(a) as (keyof T)[]).some((key) => a[key] !== b[key])
}

export interface RecomputedDeadlines {
  cases: number
  referrals: number
  items: number
}

/** What edit moved the deadlines, for their audit entries (the calendar action and its object). */
export interface RecomputeCause {
  action: string
  objectId: string | null
}

/**
 * Recounts every running deadline of the instansi after a calendar edit made in `tx`; `before` is the calendar as
 * it was before the edit (read in the same transaction). Returns how many of each moved.
 */
export async function recomputeDeadlines(
  tx: Db,
  actor: Actor,
  meta: ChangeMeta,
  before: WorkingCalendar,
  cause: RecomputeCause,
  now: Date,
): Promise<RecomputedDeadlines> {
  const instansiId = actor.instansiId
  const [after, replyTargets] = await Promise.all([
    loadWorkingCalendar(tx, instansiId),
    loadReplyTargets(tx, instansiId),
  ])
  const today = localTimeOf(now, replyTargets.workingHours.timeZone).date
  const audit: ChangeRecord[] = []
  const because = { calendarAction: cause.action, calendarObject: cause.objectId }

  let cases = 0
  for (const row of await listRunningPpidCases(tx, instansiId, today)) {
    const was: CaseDeadlines = {
      dueOn: row.dueOn,
      dueProvisional: row.dueProvisional,
      extendedDueOn: row.extendedDueOn,
      objectionAnswerDueOn: row.objectionAnswerDueOn,
      disputeDueOn: row.disputeDueOn,
    }
    const next = recountCase(row, before, after)
    if (!differs(was, next)) continue
    await updatePpidCase(tx, instansiId, row.id, { ...next, updatedAt: now })
    audit.push({
      action: 'ppid.deadline_recomputed',
      objectType: 'ppid_case',
      objectId: row.id,
      before: was,
      after: { ...next, ...because },
    })
    cases += 1
  }

  let referrals = 0
  for (const row of await listRunningLaporReferrals(tx, instansiId)) {
    const was: ReferralDeadlines = {
      firstStatusDueOn: row.firstStatusDueOn,
      followUpDueOn: row.followUpDueOn,
      dueProvisional: row.dueProvisional,
    }
    const next = recountReferral(row, after)
    if (!differs(was, next)) continue
    await updateLaporReferral(tx, instansiId, row.id, { ...next, updatedAt: now })
    audit.push({
      action: 'lapor.deadline_recomputed',
      objectType: 'lapor_referral',
      objectId: row.id,
      before: was,
      after: { ...next, ...because },
    })
    referrals += 1
  }

  // A reply target follows the setting in force when the item arrived ("a changed setting applies to new
  // items"): only an item whose stored deadline the current setting gives on the old calendar is recounted.
  const moved: ItemDeadline[] = []
  for (const item of await listItemsAwaitingReplyOf(tx, instansiId)) {
    const then = replyTargetFor(item, replyTargets, before)
    if (then.slaDueAt?.getTime() !== item.slaDueAt?.getTime()) continue
    const next = replyTargetFor(item, replyTargets, after)
    if (next.slaDueAt?.getTime() === item.slaDueAt?.getTime() && next.slaProvisional === item.slaProvisional)
      continue
    moved.push({ id: item.id, ...next })
  }
  if (moved.length > 0) await setItemDeadlines(tx, instansiId, moved, now)

  const counts = { cases, referrals, items: moved.length }
  if (cases + referrals + moved.length > 0)
    audit.push({
      action: 'calendar.deadlines_recomputed',
      objectType: 'deadlines',
      objectId: null,
      before: null,
      after: { ...counts, ...because },
    })
  if (audit.length > 0) await recordChanges(tx, actor, meta, audit, now)
  return counts
}
