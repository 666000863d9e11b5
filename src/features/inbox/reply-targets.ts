// The reply-target clock of newly classified inbox items (issue #9 item 3): the instansi's own first-reply target
// per intent and priority band, counted on its working hours and the working-day calendar, sets `sla_due_at`
// (and `sla_provisional` when the count runs into a year without a holiday table). Called by ingestion inside its
// transaction, after classification and routing. The clock starts when Warta received the item (received_at):
// a backfill of old comments on connect starts their clock then, not months ago.
//
// No national statute sets a reply time for comments (rules.md §12 E 33), so every target is the instansi's
// setting; the defaults below are a starting point, documented on the settings page.
import type { Db } from '../../db/client.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import { setItemDeadlines, type ItemDeadline } from '../../db/sla-repository.ts'
import { readSetting, writeSetting } from '../../db/settings-repository.ts'
import type { IntentLabel } from '../../nlp/index.ts'
import { authorize, unitScope, type Actor } from '../access/policy.ts'
import { AppError, problem, type Problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import type { WorkingCalendar } from '../calendar/add-working-days.ts'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.ts'
import {
  addWorkingHours,
  DEFAULT_WORKING_HOURS,
  workingHoursProblems,
  type WorkingHours,
} from './working-hours.ts'

export const REPLY_TARGETS_SETTINGS_KEY = 'inbox_reply_targets'

const INTENTS: Record<IntentLabel, true> = {
  keluhan: true,
  pertanyaan: true,
  permohonan_informasi: true,
  aspirasi: true,
  apresiasi: true,
  lainnya: true,
}
/** The classifier's intents (src/nlp), in the order the settings page lists them. */
export const INTENT_LABELS = Object.keys(INTENTS) as IntentLabel[]

export const PRIORITY_BANDS = ['tinggi', 'sedang', 'rendah'] as const
export type PriorityBand = (typeof PRIORITY_BANDS)[number]

/** The band of a 0–100 priority score: tinggi ≥ 70, sedang ≥ 30, rendah below. */
export function priorityBandOf(priority: number): PriorityBand {
  return priority >= 70 ? 'tinggi' : priority >= 30 ? 'sedang' : 'rendah'
}

/** Working hours to the first reply, per band; null where no target applies. */
export type BandTargets = Record<PriorityBand, number | null>

/** When the reminder before a deadline goes out (the escalation goes out once it has passed). */
export interface ReminderLeads {
  /** Minutes before a reply target's due time. */
  replyLeadMinutes: number
  /** Working days before a PPID or LAPOR! deadline (0: on the day itself). */
  deadlineLeadWorkingDays: number
}

export interface ReplyTargetSettings {
  workingHours: WorkingHours
  targets: Record<IntentLabel, BandTargets>
  reminders: ReminderLeads
}

/** The longest reminder lead a setting may hold. */
export const MAX_REPLY_LEAD_MINUTES = 480
export const MAX_DEADLINE_LEAD_WD = 5

const same = (hours: number | null): BandTargets => ({ tinggi: hours, sedang: hours, rendah: hours })

/**
 * Defaults: a complaint (keluhan) 4 working hours (2 when urgent, 8 when low), a question (pertanyaan) 8, an
 * aspiration 16, an information request 8 — the first reply acknowledges it and offers a PPID case, whose own UU
 * KIP clock then runs — and no target for praise (apresiasi) or other messages (lainnya) unless urgent.
 */
export const DEFAULT_REPLY_TARGETS: ReplyTargetSettings = {
  workingHours: DEFAULT_WORKING_HOURS,
  targets: {
    keluhan: { tinggi: 2, sedang: 4, rendah: 8 },
    pertanyaan: { tinggi: 4, sedang: 8, rendah: 16 },
    permohonan_informasi: same(8),
    aspirasi: same(16),
    apresiasi: same(null),
    lainnya: { tinggi: 8, sedang: null, rendah: null },
  },
  reminders: { replyLeadMinutes: 60, deadlineLeadWorkingDays: 1 },
}

/** The longest target a setting may hold: a month of 8-hour days. */
export const MAX_TARGET_HOURS = 240

export async function loadReplyTargets(db: Db, instansiId: string): Promise<ReplyTargetSettings> {
  const stored = await readSetting<Partial<ReplyTargetSettings>>(db, instansiId, REPLY_TARGETS_SETTINGS_KEY)
  return {
    workingHours: stored?.workingHours ?? DEFAULT_REPLY_TARGETS.workingHours,
    targets: { ...DEFAULT_REPLY_TARGETS.targets, ...stored?.targets },
    reminders: { ...DEFAULT_REPLY_TARGETS.reminders, ...stored?.reminders },
  }
}

/** An item's deadline under the settings: null when no target applies (no intent yet, or none for it). */
export function replyTargetFor(
  item: Pick<InboxItemRow, 'intent' | 'priority' | 'receivedAt'>,
  settings: ReplyTargetSettings,
  calendar: WorkingCalendar,
): { slaDueAt: Date | null; slaProvisional: boolean } {
  const intent = item.intent as IntentLabel | null
  const hours =
    intent && INTENT_LABELS.includes(intent) ? settings.targets[intent][priorityBandOf(item.priority)] : null
  if (hours === null || hours === undefined) return { slaDueAt: null, slaProvisional: false }
  const result = addWorkingHours(item.receivedAt, hours, settings.workingHours, calendar)
  return { slaDueAt: result.dueAt, slaProvisional: result.provisional }
}

/** Whether an item still waits for its first reply (a target applies only then). */
function awaitsReply(item: InboxItemRow): boolean {
  return (
    item.firstResponseAt === null &&
    item.deletedAt === null &&
    item.duplicateOf === null &&
    (item.status === 'new' || item.status === 'open')
  )
}

export async function applyReplyTargets(tx: Db, items: readonly InboxItemRow[], now: Date): Promise<void> {
  const byInstansi = new Map<string, InboxItemRow[]>()
  for (const item of items)
    if (awaitsReply(item)) byInstansi.set(item.instansiId, [...(byInstansi.get(item.instansiId) ?? []), item])
  for (const [instansiId, own] of byInstansi) {
    const [settings, calendar] = await Promise.all([
      loadReplyTargets(tx, instansiId),
      loadWorkingCalendar(tx, instansiId),
    ])
    const deadlines: ItemDeadline[] = []
    for (const item of own) {
      const target = replyTargetFor(item, settings, calendar)
      if (
        target.slaDueAt?.getTime() === item.slaDueAt?.getTime() &&
        target.slaProvisional === item.slaProvisional
      )
        continue
      deadlines.push({ id: item.id, ...target })
      // The caller's rows follow the database, so ingestion can hand them on (SSE, counts) as stored.
      item.slaDueAt = target.slaDueAt
      item.slaProvisional = target.slaProvisional
    }
    if (deadlines.length > 0) await setItemDeadlines(tx, instansiId, deadlines, now)
  }
}

// ---- The settings page: read by anyone who works the inbox, changed by the admin (settings.manage). ----

export interface ReplyTargetDeps {
  db: Db
  clock: { now(): Date }
}

export async function readReplyTargets(deps: ReplyTargetDeps, actor: Actor): Promise<ReplyTargetSettings> {
  if (
    unitScope(actor, 'inbox.read').pathPrefixes.length === 0 &&
    unitScope(actor, 'settings.manage').pathPrefixes.length === 0
  )
    throw new AppError('forbidden', 'common.forbidden_action', { action: 'inbox.read' })
  return loadReplyTargets(deps.db, actor.instansiId)
}

function checkSettings(input: ReplyTargetSettings): void {
  const details: Record<string, Problem> = {}
  for (const path of workingHoursProblems(input.workingHours))
    details[`workingHours.${path}`] = problem(path.endsWith('start') ? 'sla.hours_start' : 'sla.hours_range')
  for (const intent of INTENT_LABELS)
    for (const band of PRIORITY_BANDS) {
      const hours = input.targets[intent]?.[band]
      if (hours === undefined) details[`targets.${intent}.${band}`] = problem('validation.required')
      else if (hours !== null && !(hours > 0 && hours <= MAX_TARGET_HOURS))
        details[`targets.${intent}.${band}`] = problem('sla.target_range', { max: MAX_TARGET_HOURS })
    }
  if (Object.keys(details).length > 0)
    throw new AppError('invalid_input', 'sla.targets_invalid', undefined, details)
}

export async function updateReplyTargets(
  deps: ReplyTargetDeps,
  actor: Actor,
  input: ReplyTargetSettings,
  meta: ChangeMeta,
): Promise<ReplyTargetSettings> {
  authorize(actor, 'settings.manage', { instansiId: actor.instansiId })
  checkSettings(input)
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const before = await loadReplyTargets(tx, actor.instansiId)
    await writeSetting(tx, actor.instansiId, REPLY_TARGETS_SETTINGS_KEY, input, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'sla.reply_targets',
        objectType: 'settings',
        objectId: REPLY_TARGETS_SETTINGS_KEY,
        before,
        after: input,
      },
      now,
    )
    return input
  })
}
