// SP4N-LAPOR! referrals (issue #9 item 3, rules.md §9, §12 E 31–32): a complaint (keluhan) from the inbox referred
// into LAPOR! gets its clocks — verification / first status within 3 working days, the follow-up plan within 5 —
// or, when it is a legal case, a legislative matter, a corruption report or a crime, is recorded as out of scope
// with the body it belongs to. The officer works the referral in LAPOR! itself; Warta keeps the clocks, the
// progress and an export in the fields LAPOR!'s form asks for. Needs inbox.reply on the item's unit; audited.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { getItems } from '../../db/inbox-repository.ts'
import {
  getLaporReferral,
  getLaporReferralByItem,
  insertLaporReferral,
  listComplaintsWithoutReferral,
  listLaporReferrals,
  type ComplaintCandidate,
  updateLaporReferral,
  type LaporReferralRow,
} from '../../db/lapor-referrals-repository.ts'
import { isUniqueViolation } from '../../db/sql-helpers.ts'
import { authorize, unitScope, type Actor } from '../access/policy.ts'
import { AppError, problem, type Problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { isIsoDate, type WorkingCalendar } from '../calendar/add-working-days.ts'
import { loadWorkingCalendar } from '../calendar/manage-calendar.ts'
import { loadReplyTargets } from '../inbox/reply-targets.ts'
import { localTimeOf } from '../inbox/working-hours.ts'
import { todayOf, workingDaysBetween, DUE_SOON_WD, type ClockState } from '../ppid/manage-cases.ts'
import { laporDeadlines } from './lapor-clock.ts'
import {
  OUT_OF_SCOPE_BODIES,
  OUT_OF_SCOPE_KINDS,
  suggestOutOfScope,
  type OutOfScopeKind,
} from './lapor-scope.ts'

export const LAPOR_STATUSES = ['referred', 'verified', 'follow_up_planned', 'closed', 'out_of_scope'] as const
export type LaporStatus = (typeof LAPOR_STATUSES)[number]
export const LAPOR_REPORT_TYPES = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const
export type LaporReportType = (typeof LAPOR_REPORT_TYPES)[number]
export const LAPOR_PROGRESS = ['verified', 'follow_up_planned', 'closed'] as const
export type LaporProgress = (typeof LAPOR_PROGRESS)[number]

export interface LaporDeps {
  db: Db
  clock: Clock
}

export interface LaporClock {
  stage: 'first_status' | 'follow_up' | null
  deadline: string | null
  workingDaysLeft: number | null
  state: ClockState
}

export interface LaporReferralView {
  id: string
  inboxItemId: string | null
  unitId: string
  reportType: LaporReportType
  title: string
  description: string
  category: string | null
  location: string | null
  incidentOn: string | null
  reporterName: string | null
  reporterContact: string | null
  anonymous: boolean
  confidential: boolean
  sourcePlatform: string | null
  sourceUrl: string | null
  receivedOn: string
  firstStatusDueOn: string
  followUpDueOn: string
  dueProvisional: boolean
  outOfScope: OutOfScopeKind | null
  /** Where an out-of-scope matter belongs. */
  outOfScopeBody: string | null
  laporTrackingId: string | null
  firstStatusOn: string | null
  followUpOn: string | null
  status: LaporStatus
  clock: LaporClock
  createdAt: string
}

function clockOf(row: LaporReferralRow, today: string, calendar: WorkingCalendar): LaporClock {
  const running: ['first_status' | 'follow_up', string] | null =
    row.status === 'referred'
      ? ['first_status', row.firstStatusDueOn]
      : row.status === 'verified'
        ? ['follow_up', row.followUpDueOn]
        : null
  if (!running) return { stage: null, deadline: null, workingDaysLeft: null, state: 'done' }
  const [stage, deadline] = running
  const left = workingDaysBetween(today, deadline, calendar)
  const state: ClockState =
    today > deadline
      ? 'overdue'
      : today === deadline
        ? 'due_today'
        : left <= DUE_SOON_WD
          ? 'due_soon'
          : 'on_time'
  return { stage, deadline, workingDaysLeft: left, state }
}

export function toReferralView(
  row: LaporReferralRow,
  today: string,
  calendar: WorkingCalendar,
): LaporReferralView {
  const outOfScope = row.outOfScope as OutOfScopeKind | null
  return {
    id: row.id,
    inboxItemId: row.inboxItemId,
    unitId: row.unitId,
    reportType: row.reportType as LaporReportType,
    title: row.title,
    description: row.description,
    category: row.category,
    location: row.location,
    incidentOn: row.incidentOn,
    reporterName: row.reporterName,
    reporterContact: row.reporterContact,
    anonymous: row.anonymous,
    confidential: row.confidential,
    sourcePlatform: row.sourcePlatform,
    sourceUrl: row.sourceUrl,
    receivedOn: row.receivedOn,
    firstStatusDueOn: row.firstStatusDueOn,
    followUpDueOn: row.followUpDueOn,
    dueProvisional: row.dueProvisional,
    outOfScope,
    outOfScopeBody: outOfScope ? OUT_OF_SCOPE_BODIES[outOfScope] : null,
    laporTrackingId: row.laporTrackingId,
    firstStatusOn: row.firstStatusOn,
    followUpOn: row.followUpOn,
    status: row.status as LaporStatus,
    clock: clockOf(row, today, calendar),
    createdAt: row.createdAt.toISOString(),
  }
}

async function viewContext(deps: LaporDeps, instansiId: string) {
  const [today, calendar] = await Promise.all([
    todayOf(deps.db, instansiId, deps.clock.now()),
    loadWorkingCalendar(deps.db, instansiId),
  ])
  return { today, calendar }
}

export interface ReferInput {
  inboxItemId: string
  title?: string | undefined
  category?: string | null | undefined
  location?: string | null | undefined
  incidentOn?: string | null | undefined
  anonymous?: boolean | undefined
  confidential?: boolean | undefined
  /**
   * The officer's decision on rule 32: a kind to record it as out of scope, null for in scope. Left out while the
   * text looks out of scope, the referral is refused asking for the decision.
   */
  outOfScope?: OutOfScopeKind | null | undefined
}

const TITLE_MAX = 150

/** A title from the complaint's first words, for the LAPOR! form's "Judul Laporan". */
export function titleFrom(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  if (flat.length <= 80) return flat
  const cut = flat.slice(0, 80)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[\s.,;:!?]+$/, '')}…`
}

export async function referComplaint(
  deps: LaporDeps,
  actor: Actor,
  input: ReferInput,
  meta: ChangeMeta,
): Promise<LaporReferralView> {
  const now = deps.clock.now()
  const [item] = await getItems(deps.db, actor.instansiId, [input.inboxItemId])
  if (!item) throw new AppError('not_found', 'common.not_found')
  authorize(actor, 'inbox.reply', { instansiId: actor.instansiId, unitPath: item.unitPath })
  if (item.intent !== 'keluhan')
    throw new AppError('conflict', 'lapor.not_complaint', { intent: item.intent ?? '-' })
  const existing = await getLaporReferralByItem(deps.db, actor.instansiId, item.id)
  if (existing) throw new AppError('conflict', 'lapor.already_referred')
  const details: Record<string, Problem> = {}
  const title = input.title?.trim() || titleFrom(item.body)
  if (title.length > TITLE_MAX) details.title = problem('lapor.title_length', { max: TITLE_MAX })
  if (input.incidentOn && !isIsoDate(input.incidentOn)) details.incidentOn = problem('validation.date')
  if (input.outOfScope && !OUT_OF_SCOPE_KINDS.includes(input.outOfScope))
    details.outOfScope = problem('validation.choose_one', { options: [...OUT_OF_SCOPE_KINDS] })
  if (Object.keys(details).length > 0)
    throw new AppError('invalid_input', 'lapor.referral_invalid', undefined, details)
  if (input.outOfScope === undefined) {
    const suspected = suggestOutOfScope(item.body)
    if (suspected)
      throw new AppError('conflict', 'lapor.out_of_scope_suspected', {
        kind: suspected,
        body: OUT_OF_SCOPE_BODIES[suspected],
      })
  }
  const { calendar } = await viewContext(deps, actor.instansiId)
  const { workingHours } = await loadReplyTargets(deps.db, actor.instansiId)
  const receivedOn = localTimeOf(item.createdAt, workingHours.timeZone).date
  const deadlines = laporDeadlines(receivedOn, calendar)
  const outOfScope = input.outOfScope ?? null
  try {
    const row = await deps.db.transaction(async (tx) => {
      const created = await insertLaporReferral(tx, {
        id: crypto.randomUUID(),
        instansiId: actor.instansiId,
        inboxItemId: item.id,
        unitId: item.unitId,
        unitPath: item.unitPath,
        reportType: 'pengaduan',
        title,
        description: item.body,
        category: input.category?.trim() || null,
        location: input.location?.trim() || null,
        incidentOn: input.incidentOn ?? null,
        reporterName: input.anonymous ? null : (item.authorName ?? `@${item.authorHandle}`),
        reporterContact: input.anonymous ? null : `${item.platform}:@${item.authorHandle}`,
        anonymous: input.anonymous ?? false,
        confidential: input.confidential ?? false,
        sourcePlatform: item.platform,
        sourceUrl: item.url,
        receivedOn,
        firstStatusDueOn: deadlines.firstStatusOn,
        followUpDueOn: deadlines.followUpOn,
        dueProvisional: deadlines.provisional,
        outOfScope,
        status: outOfScope ? 'out_of_scope' : 'referred',
        createdBy: actor.via === 'cli' ? null : actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      await recordChange(
        tx,
        actor,
        meta,
        {
          action: outOfScope ? 'lapor.out_of_scope' : 'lapor.refer',
          objectType: 'lapor_referral',
          objectId: created.id,
          after: {
            inboxItemId: item.id,
            receivedOn,
            firstStatusDueOn: created.firstStatusDueOn,
            followUpDueOn: created.followUpDueOn,
            outOfScope,
          },
        },
        now,
      )
      return created
    })
    return toReferralView(row, localTimeOf(now, workingHours.timeZone).date, calendar)
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'lapor.already_referred')
    throw error
  }
}

export interface ProgressInput {
  stage: LaporProgress
  on?: string | undefined
  laporTrackingId?: string | null | undefined
}

const NEXT: Readonly<Record<LaporProgress, readonly LaporStatus[]>> = {
  verified: ['referred'],
  follow_up_planned: ['referred', 'verified'],
  closed: ['referred', 'verified', 'follow_up_planned'],
}

/** Records a stage reached in LAPOR! (first status given, follow-up plan made, closed), on a date ≤ today. */
export async function recordProgress(
  deps: LaporDeps,
  actor: Actor,
  id: string,
  input: ProgressInput,
  meta: ChangeMeta,
): Promise<LaporReferralView> {
  const now = deps.clock.now()
  const { today, calendar } = await viewContext(deps, actor.instansiId)
  const on = input.on ?? today
  const row = await deps.db.transaction(async (tx) => {
    const before = await getLaporReferral(tx, actor.instansiId, id, { forUpdate: true })
    if (!before) throw new AppError('not_found', 'common.not_found')
    authorize(actor, 'inbox.reply', { instansiId: actor.instansiId, unitPath: before.unitPath })
    if (!NEXT[input.stage].includes(before.status as LaporStatus))
      throw new AppError('conflict', 'lapor.stage_order', { status: before.status })
    if (!isIsoDate(on) || on > today || on < before.receivedOn)
      throw new AppError('invalid_input', 'lapor.referral_invalid', undefined, {
        on: problem('lapor.stage_date'),
      })
    const changes: Partial<LaporReferralRow> = { status: input.stage, updatedAt: now }
    if (input.laporTrackingId !== undefined) changes.laporTrackingId = input.laporTrackingId?.trim() || null
    if (input.stage === 'verified' || (before.firstStatusOn === null && input.stage !== 'closed'))
      changes.firstStatusOn = on
    if (input.stage === 'follow_up_planned') changes.followUpOn = on
    const updated = await updateLaporReferral(tx, actor.instansiId, id, changes)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'lapor.progress',
        objectType: 'lapor_referral',
        objectId: id,
        before: { status: before.status },
        after: { status: input.stage, on, laporTrackingId: updated.laporTrackingId },
      },
      now,
    )
    return updated
  })
  return toReferralView(row, today, calendar)
}

export async function readReferral(deps: LaporDeps, actor: Actor, id: string): Promise<LaporReferralView> {
  const row = await getLaporReferral(deps.db, actor.instansiId, id)
  if (!row) throw new AppError('not_found', 'common.not_found')
  authorize(actor, 'inbox.read', { instansiId: actor.instansiId, unitPath: row.unitPath })
  const { today, calendar } = await viewContext(deps, actor.instansiId)
  return toReferralView(row, today, calendar)
}

export async function listReferrals(
  deps: LaporDeps,
  actor: Actor,
  filter: { status?: LaporStatus | undefined; limit?: number | undefined },
): Promise<{ today: string; referrals: LaporReferralView[] }> {
  const scope = unitScope(actor, 'inbox.read')
  if (scope.pathPrefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action: 'inbox.read' })
  const rows = await listLaporReferrals(deps.db, actor.instansiId, {
    unitPrefixes: scope.pathPrefixes,
    status: filter.status,
    limit: filter.limit ?? 200,
  })
  const { today, calendar } = await viewContext(deps, actor.instansiId)
  return { today, referrals: rows.map((row) => toReferralView(row, today, calendar)) }
}

/** Open complaints in the inbox (within the caller's units) not referred yet, each with rule 32's suggestion. */
export async function listComplaintCandidates(
  deps: LaporDeps,
  actor: Actor,
): Promise<Array<ComplaintCandidate & { suggestedOutOfScope: OutOfScopeKind | null }>> {
  const scope = unitScope(actor, 'inbox.reply')
  if (scope.pathPrefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action: 'inbox.reply' })
  const rows = await listComplaintsWithoutReferral(deps.db, actor.instansiId, scope.pathPrefixes, 50)
  return rows.map((row) => ({ ...row, suggestedOutOfScope: suggestOutOfScope(row.body) }))
}
