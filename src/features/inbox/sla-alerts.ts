// Reminders before an SLA deadline and escalations after it (issue #9 item 3): the reply target of an inbox item,
// a PPID case's KIP notice or objection answer, a LAPOR! referral's first status or follow-up plan. A reminder goes
// to whoever works it — the assignee, or else the unit's pengelola (the PPID for a case) — at the instansi's lead
// time; once the deadline has passed, an escalation goes to the penanggung jawab of the unit. Each goes out once
// per deadline (sla_alerts), so the job may run as often as it likes and an extended deadline gets its own.
import type { Db } from '../../db/client.ts'
import { listOpenLaporReferralsDueBy, type LaporReferralRow } from '../../db/lapor-referrals-repository.ts'
import { listOpenPpidCasesDueBy, type PpidCaseRow } from '../../db/ppid-cases-repository.ts'
import { activeUsersHoldingRoleOver } from '../../db/role-grants-repository.ts'
import {
  claimSlaAlert,
  listItemsAwaitingReplyDueBetween,
  type SlaStage,
  type SlaSubjectType,
} from '../../db/sla-repository.ts'
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import type { Role } from '../../shared/roles.ts'
import { addCalendarDays, workingDaysBetween, type WorkingCalendar } from '../calendar/add-working-days.ts'
import { loadWorkingCalendar } from '../calendar/manage-calendar.ts'
import { notifyUsers } from '../notifications/notify-users.ts'
import { loadReplyTargets, MAX_REPLY_LEAD_MINUTES, type ReplyTargetSettings } from './reply-targets.ts'
import { localTimeOf } from './working-hours.ts'

export interface SlaAlertDeps {
  db: Db
  mailEnabled: boolean
}

export interface SlaAlertResult {
  reminders: number
  escalations: number
}

/** Breaches older than this are not escalated any more (an office switching Warta on finds no flood). */
const ESCALATION_WINDOW_MS = 14 * 86_400_000
/** The scan for PPID and LAPOR! deadlines looks this many calendar days ahead (covers 5 WD of lead and holidays). */
const DATE_SCAN_DAYS = 21
const ITEM_SCAN_LIMIT = 2000

interface Alert {
  instansiId: string
  subjectType: SlaSubjectType
  subjectId: string
  clock: 'reply' | 'kip_notice' | 'kip_objection' | 'lapor_first_status' | 'lapor_follow_up'
  stage: SlaStage
  dueAt: Date
  /** A calendar date deadline (PPID, LAPOR!) rather than an instant. */
  dueDate: string | null
  unitPath: string
  assigneeId: string | null
  /** Who works it when nobody is assigned. */
  workerRole: Role
  subject: string
  link: string
}

const TITLES: Readonly<Record<Alert['clock'], Record<SlaStage, MessageKey>>> = {
  reply: { reminder: 'sla.reminder_reply', escalation: 'sla.breached_reply' },
  kip_notice: { reminder: 'sla.reminder_kip', escalation: 'sla.breached_kip' },
  kip_objection: { reminder: 'sla.reminder_kip_objection', escalation: 'sla.breached_kip_objection' },
  lapor_first_status: { reminder: 'sla.reminder_lapor', escalation: 'sla.breached_lapor' },
  lapor_follow_up: { reminder: 'sla.reminder_lapor', escalation: 'sla.breached_lapor' },
}

async function send(db: Db, alert: Alert, deps: SlaAlertDeps, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await claimSlaAlert(
      tx,
      {
        instansiId: alert.instansiId,
        subjectType: alert.subjectType,
        subjectId: alert.subjectId,
        clock: alert.clock,
        stage: alert.stage,
        dueAt: alert.dueAt,
      },
      now,
    )
    if (!claimed) return false
    let recipients: string[]
    if (alert.stage === 'escalation') {
      const holders = await activeUsersHoldingRoleOver(tx, alert.instansiId, alert.unitPath, [
        'penanggung_jawab',
      ])
      recipients = holders.map((holder) => holder.userId)
    } else if (alert.assigneeId) recipients = [alert.assigneeId]
    else {
      const holders = await activeUsersHoldingRoleOver(tx, alert.instansiId, alert.unitPath, [
        alert.workerRole,
      ])
      recipients = holders.map((holder) => holder.userId)
    }
    const timed = alert.dueDate === null
    await notifyUsers(
      tx,
      alert.instansiId,
      recipients,
      {
        kind: alert.stage === 'escalation' ? 'sla.breached' : 'sla.reminder',
        titleKey: TITLES[alert.clock][alert.stage],
        bodyKey:
          alert.stage === 'escalation'
            ? timed
              ? 'sla.breached_body_time'
              : 'sla.breached_body_date'
            : timed
              ? 'sla.reminder_body_time'
              : 'sla.reminder_body_date',
        params: { subject: alert.subject, due: alert.dueDate ?? alert.dueAt.toISOString() },
        link: alert.link,
      },
      { mailEnabled: deps.mailEnabled, now },
    )
    return true
  })
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= 60 ? flat : `${flat.slice(0, 59)}…`
}

/** The stage a date deadline is at today: escalation once passed, reminder within the lead, else none. */
function dateStage(
  today: string,
  deadline: string,
  leadWd: number,
  calendar: WorkingCalendar,
): SlaStage | null {
  if (today > deadline) return 'escalation'
  return workingDaysBetween(today, deadline, calendar) <= leadWd ? 'reminder' : null
}

function ppidAlert(row: PpidCaseRow, stage: SlaStage, deadline: string, clock: Alert['clock']): Alert {
  const subject =
    clock === 'kip_objection'
      ? `Keberatan atas permohonan ${row.registrationNumber}`
      : `Permohonan ${row.registrationNumber}`
  return {
    instansiId: row.instansiId,
    subjectType: 'ppid_case',
    subjectId: row.id,
    clock,
    stage,
    dueAt: new Date(`${deadline}T00:00:00Z`),
    dueDate: deadline,
    unitPath: row.unitPath,
    assigneeId: row.assignedUserId,
    workerRole: 'ppid',
    subject,
    link: `/ppid/${row.id}`,
  }
}

function laporAlert(row: LaporReferralRow, stage: SlaStage, deadline: string, clock: Alert['clock']): Alert {
  return {
    instansiId: row.instansiId,
    subjectType: 'lapor_referral',
    subjectId: row.id,
    clock,
    stage,
    dueAt: new Date(`${deadline}T00:00:00Z`),
    dueDate: deadline,
    unitPath: row.unitPath,
    assigneeId: null,
    workerRole: 'pengelola',
    subject: `LAPOR! "${excerpt(row.title)}"`,
    link: `/lapor`,
  }
}

export async function runSlaAlerts(deps: SlaAlertDeps, now: Date): Promise<SlaAlertResult> {
  const settings = new Map<string, ReplyTargetSettings>()
  const calendars = new Map<string, WorkingCalendar>()
  const settingsOf = async (instansiId: string) => {
    let found = settings.get(instansiId)
    if (!found) settings.set(instansiId, (found = await loadReplyTargets(deps.db, instansiId)))
    return found
  }
  const calendarOf = async (instansiId: string) => {
    let found = calendars.get(instansiId)
    if (!found) calendars.set(instansiId, (found = await loadWorkingCalendar(deps.db, instansiId)))
    return found
  }
  const alerts: Alert[] = []

  const items = await listItemsAwaitingReplyDueBetween(
    deps.db,
    new Date(now.getTime() - ESCALATION_WINDOW_MS),
    new Date(now.getTime() + MAX_REPLY_LEAD_MINUTES * 60_000),
    ITEM_SCAN_LIMIT,
  )
  for (const item of items) {
    const due = item.slaDueAt!
    const { reminders } = await settingsOf(item.instansiId)
    const stage: SlaStage | null =
      now >= due
        ? 'escalation'
        : due.getTime() - now.getTime() <= reminders.replyLeadMinutes * 60_000
          ? 'reminder'
          : null
    if (!stage) continue
    alerts.push({
      instansiId: item.instansiId,
      subjectType: 'inbox_item',
      subjectId: item.id,
      clock: 'reply',
      stage,
      dueAt: due,
      dueDate: null,
      unitPath: item.unitPath,
      assigneeId: item.assignedUserId,
      workerRole: 'pengelola',
      subject: `@${item.authorHandle}: "${excerpt(item.body)}"`,
      link: `/inbox?item=${item.id}`,
    })
  }

  // Dates are compared in each instansi's own time zone; the scan bound uses the widest (WIT) to miss nothing.
  const scanUntil = addCalendarDays(localTimeOf(now, 'WIT').date, DATE_SCAN_DAYS)
  const earliest = addCalendarDays(
    localTimeOf(now, 'WIB').date,
    -Math.ceil(ESCALATION_WINDOW_MS / 86_400_000),
  )
  for (const row of await listOpenPpidCasesDueBy(deps.db, scanUntil)) {
    const [deadline, clock]: [string, Alert['clock']] =
      row.status === 'objection'
        ? [row.objectionAnswerDueOn!, 'kip_objection']
        : [row.extendedDueOn ?? row.dueOn, 'kip_notice']
    if (deadline < earliest) continue
    const { reminders, workingHours } = await settingsOf(row.instansiId)
    const today = localTimeOf(now, workingHours.timeZone).date
    const stage = dateStage(
      today,
      deadline,
      reminders.deadlineLeadWorkingDays,
      await calendarOf(row.instansiId),
    )
    if (stage) alerts.push(ppidAlert(row, stage, deadline, clock))
  }
  for (const row of await listOpenLaporReferralsDueBy(deps.db, scanUntil)) {
    const [deadline, clock]: [string, Alert['clock']] =
      row.status === 'referred'
        ? [row.firstStatusDueOn, 'lapor_first_status']
        : [row.followUpDueOn, 'lapor_follow_up']
    if (deadline < earliest) continue
    const { reminders, workingHours } = await settingsOf(row.instansiId)
    const today = localTimeOf(now, workingHours.timeZone).date
    const stage = dateStage(
      today,
      deadline,
      reminders.deadlineLeadWorkingDays,
      await calendarOf(row.instansiId),
    )
    if (stage) alerts.push(laporAlert(row, stage, deadline, clock))
  }

  const result: SlaAlertResult = { reminders: 0, escalations: 0 }
  for (const alert of alerts)
    if (await send(deps.db, alert, deps, now)) {
      if (alert.stage === 'escalation') result.escalations += 1
      else result.reminders += 1
    }
  return result
}
