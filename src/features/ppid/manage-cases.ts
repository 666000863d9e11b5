// PPID cases (UU 14/2008, issue #9 item 3): an information request, from the inbox or taken in by e-mail, in
// person or by post, registered with a number at intake and worked by the PPID against the KIP clock — the
// 10-working-day notice, one extension of ≤ 7 WD with a written reason recorded before the original deadline, the
// Pasal 22(7) notice a–g carrying the decision, and the objection (keberatan) clock. Every change is audited.
//
// Registration number: `NNNN/PPID/YYYY` — the year's sequence, four digits (more once a year passes 9999), per
// instansi and year of receipt, allocated under a row lock so two intakes never share one (Pasal 22(4)).
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { getItems } from '../../db/inbox-repository.ts'
import {
  getPpidCase,
  getPpidCaseByItem,
  insertPpidCase,
  listPpidCases,
  listRequestsWithoutCase,
  type RequestCandidate,
  nextRegistrationSeq,
  updatePpidCase,
  type PpidCaseRow,
} from '../../db/ppid-cases-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import { isUniqueViolation } from '../../db/sql-helpers.ts'
import { authorize, unitScope, type Actor } from '../access/policy.ts'
import { AppError, problem, type Problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { enqueue } from '../jobs/enqueue.ts'
import { isIsoDate, workingDaysBetween, type WorkingCalendar } from '../calendar/add-working-days.ts'
import { loadWorkingCalendar } from '../calendar/manage-calendar.ts'
import { loadReplyTargets } from '../inbox/reply-targets.ts'
import { localTimeOf } from '../inbox/working-hours.ts'
import {
  disputeWindowEnds,
  extendedDeadline,
  KIP_EXTENSION_MAX_WD,
  kipDeadlines,
  objectionAnswerDue,
  objectionFilingEnds,
} from './kip-clock.ts'
import { noticeProblems, type KipNotice } from './kip-notice.ts'

export const PPID_CHANNELS = ['media_sosial', 'email', 'langsung', 'pos', 'telepon', 'lainnya'] as const
export type PpidChannel = (typeof PPID_CHANNELS)[number]
export const PPID_STATUSES = ['registered', 'extended', 'decided', 'objection', 'objection_answered'] as const
export type PpidStatus = (typeof PPID_STATUSES)[number]
/** Pasal 35(1) a–g: the grounds of an objection. */
export const OBJECTION_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const
export type ObjectionGround = (typeof OBJECTION_GROUNDS)[number]

export interface PpidDeps {
  db: Db
  clock: Clock
}

export function formatRegistrationNumber(seq: number, year: number): string {
  return `${String(seq).padStart(4, '0')}/PPID/${year}`
}

/** Today in the instansi's time zone (its working-hours setting), as a calendar date. */
export async function todayOf(db: Db, instansiId: string, now: Date): Promise<string> {
  const { workingHours } = await loadReplyTargets(db, instansiId)
  return localTimeOf(now, workingHours.timeZone).date
}

export { workingDaysBetween } from '../calendar/add-working-days.ts'

export type ClockKind = 'notice' | 'objection_answer' | 'dispute'
export type ClockState = 'on_time' | 'due_soon' | 'due_today' | 'overdue' | 'done'

export interface CaseClock {
  kind: ClockKind | null
  deadline: string | null
  /** Working days left until the deadline (0 on the day, negative once passed). */
  workingDaysLeft: number | null
  state: ClockState
}

/** Working days before a deadline from which a case shows as due soon. */
export const DUE_SOON_WD = 2

export interface PpidCaseView {
  id: string
  registrationNumber: string
  inboxItemId: string | null
  unitId: string
  channel: PpidChannel
  requesterName: string
  requesterContact: string | null
  requestText: string
  purpose: string | null
  receivedOn: string
  dueOn: string
  dueProvisional: boolean
  extensionReason: string | null
  extendedOn: string | null
  extendedDueOn: string | null
  /** The latest date a 7-WD extension could reach (shown before deciding to extend). */
  extendedMaxOn: string
  status: PpidStatus
  notice: KipNotice
  decision: string | null
  noticeSentOn: string | null
  /** The notice went out after its (extended) deadline: an objection ground (Pasal 35(1) g). */
  noticeLate: boolean
  objectionFilingEndsOn: string | null
  /** The objection window (Pasal 36(1)) while no objection is on file: null before a ground has arisen. */
  objectionWindow: ObjectionWindowView | null
  objectionGrounds: string[] | null
  objectionReceivedOn: string | null
  objectionAnswerDueOn: string | null
  /** The atasan PPID's 30 WD ran into a year with no holiday table: the date may still move. */
  objectionAnswerProvisional: boolean
  objectionAnsweredOn: string | null
  objectionUpholdsRefusal: boolean | null
  objectionAnswerReason: string | null
  disputeDueOn: string | null
  clock: CaseClock
  createdAt: string
}

export interface ObjectionWindow {
  /** The day the ground arose: the notice, or the (extended) deadline that passed without one. */
  groundOn: string
  /** The last day an objection may be received: 30 WD after the ground. */
  endsOn: string
  provisional: boolean
}

export interface ObjectionWindowView extends ObjectionWindow {
  open: boolean
  /** Working days left to file (0 on the last day, negative once closed). */
  workingDaysLeft: number
}

/**
 * The objection window of a case (Pasal 35–36, rule A5): from the notice, or — ground (c) not answered — from the
 * notice deadline once it has passed with no notice; null while neither has happened.
 */
export function objectionWindowOf(
  row: Pick<PpidCaseRow, 'noticeSentOn' | 'dueOn' | 'extendedDueOn'>,
  today: string,
  calendar: WorkingCalendar,
): ObjectionWindow | null {
  const deadline = row.extendedDueOn ?? row.dueOn
  const groundOn = row.noticeSentOn ?? (today > deadline ? deadline : null)
  if (!groundOn) return null
  const ends = objectionFilingEnds(groundOn, calendar)
  return { groundOn, endsOn: ends.date, provisional: ends.provisional }
}

function clockOf(row: PpidCaseRow, today: string, calendar: WorkingCalendar): CaseClock {
  const running: [ClockKind, string] | null =
    row.status === 'registered' || row.status === 'extended'
      ? ['notice', row.extendedDueOn ?? row.dueOn]
      : row.status === 'objection'
        ? ['objection_answer', row.objectionAnswerDueOn!]
        : row.status === 'objection_answered' && row.disputeDueOn && today <= row.disputeDueOn
          ? ['dispute', row.disputeDueOn]
          : null
  if (!running) return { kind: null, deadline: null, workingDaysLeft: null, state: 'done' }
  const [kind, deadline] = running
  const left = workingDaysBetween(today, deadline, calendar)
  const state: ClockState =
    today > deadline
      ? 'overdue'
      : today === deadline
        ? 'due_today'
        : left <= DUE_SOON_WD
          ? 'due_soon'
          : 'on_time'
  return { kind, deadline, workingDaysLeft: left, state }
}

export function toCaseView(row: PpidCaseRow, today: string, calendar: WorkingCalendar): PpidCaseView {
  const deadline = row.extendedDueOn ?? row.dueOn
  const window = objectionWindowOf(row, today, calendar)
  return {
    id: row.id,
    registrationNumber: row.registrationNumber,
    inboxItemId: row.inboxItemId,
    unitId: row.unitId,
    channel: row.channel as PpidChannel,
    requesterName: row.requesterName,
    requesterContact: row.requesterContact,
    requestText: row.requestText,
    purpose: row.purpose,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    dueProvisional: row.dueProvisional,
    extensionReason: row.extensionReason,
    extendedOn: row.extendedOn,
    extendedDueOn: row.extendedDueOn,
    extendedMaxOn: kipDeadlines(row.receivedOn, calendar).extendedMax.date,
    status: row.status as PpidStatus,
    notice: row.notice as KipNotice,
    decision: row.decision,
    noticeSentOn: row.noticeSentOn,
    noticeLate: row.noticeSentOn !== null && row.noticeSentOn > deadline,
    objectionFilingEndsOn: window?.endsOn ?? null,
    objectionWindow:
      window && row.objectionReceivedOn === null
        ? {
            ...window,
            open: today <= window.endsOn,
            workingDaysLeft: workingDaysBetween(today, window.endsOn, calendar),
          }
        : null,
    objectionGrounds: row.objectionGrounds,
    objectionReceivedOn: row.objectionReceivedOn,
    objectionAnswerDueOn: row.objectionAnswerDueOn,
    objectionAnswerProvisional: row.objectionReceivedOn
      ? objectionAnswerDue(row.objectionReceivedOn, calendar).provisional
      : false,
    objectionAnsweredOn: row.objectionAnsweredOn,
    objectionUpholdsRefusal: row.objectionUpholdsRefusal,
    objectionAnswerReason: row.objectionAnswerReason,
    disputeDueOn: row.disputeDueOn,
    clock: clockOf(row, today, calendar),
    createdAt: row.createdAt.toISOString(),
  }
}

async function viewContext(deps: PpidDeps, instansiId: string) {
  const [today, calendar] = await Promise.all([
    todayOf(deps.db, instansiId, deps.clock.now()),
    loadWorkingCalendar(deps.db, instansiId),
  ])
  return { today, calendar }
}

const filled = (text: string | null | undefined): text is string =>
  typeof text === 'string' && text.trim() !== ''

function invalid(key: 'ppid.case_invalid', details: Record<string, Problem>): AppError {
  return new AppError('invalid_input', key, undefined, details)
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function isEmailAddress(value: string | null): value is string {
  return value !== null && EMAIL.test(value)
}

export interface RegisterCaseInput {
  inboxItemId?: string | undefined
  unitId?: string | undefined
  channel?: PpidChannel | undefined
  requesterName?: string | undefined
  requesterContact?: string | null | undefined
  requestText?: string | undefined
  purpose?: string | null | undefined
  receivedOn?: string | undefined
}

export async function registerCase(
  deps: PpidDeps,
  actor: Actor,
  input: RegisterCaseInput,
  meta: ChangeMeta,
): Promise<PpidCaseView> {
  const now = deps.clock.now()
  const { today, calendar } = await viewContext(deps, actor.instansiId)
  let unit: { id: string; path: string }
  let fromItem: { id: string; requester: string; body: string; receivedOn: string } | null = null
  if (input.inboxItemId) {
    const [item] = await getItems(deps.db, actor.instansiId, [input.inboxItemId])
    if (!item) throw new AppError('not_found', 'common.not_found')
    authorize(actor, 'ppid.manage', { instansiId: actor.instansiId, unitPath: item.unitPath })
    if (item.intent !== 'permohonan_informasi')
      throw new AppError('conflict', 'ppid.not_information_request', { intent: item.intent ?? '-' })
    const existing = await getPpidCaseByItem(deps.db, actor.instansiId, item.id)
    if (existing) throw new AppError('conflict', 'ppid.already_case', { number: existing.registrationNumber })
    unit = { id: item.unitId, path: item.unitPath }
    fromItem = {
      id: item.id,
      requester: item.authorName ?? `@${item.authorHandle}`,
      body: item.body,
      receivedOn: localTimeOf(
        item.createdAt,
        (await loadReplyTargets(deps.db, actor.instansiId)).workingHours.timeZone,
      ).date,
    }
  } else {
    const found = input.unitId ? await getUnit(deps.db, actor.instansiId, input.unitId) : undefined
    if (!input.unitId) throw invalid('ppid.case_invalid', { unitId: problem('validation.required') })
    if (!found) throw new AppError('not_found', 'common.not_found')
    unit = { id: found.id, path: found.path }
    authorize(actor, 'ppid.manage', { instansiId: actor.instansiId, unitPath: unit.path })
  }
  const requesterName = input.requesterName?.trim() || fromItem?.requester || ''
  const requestText = input.requestText?.trim() || fromItem?.body || ''
  const receivedOn = input.receivedOn ?? fromItem?.receivedOn ?? today
  const details: Record<string, Problem> = {}
  if (!filled(requesterName)) details.requesterName = problem('validation.required')
  if (!filled(requestText)) details.requestText = problem('validation.required')
  if (!isIsoDate(receivedOn)) details.receivedOn = problem('validation.date')
  else if (receivedOn > today) details.receivedOn = problem('ppid.received_in_future')
  if (Object.keys(details).length > 0) throw invalid('ppid.case_invalid', details)
  const deadlines = kipDeadlines(receivedOn, calendar)
  const year = Number(receivedOn.slice(0, 4))
  try {
    const row = await deps.db.transaction(async (tx) => {
      const seq = await nextRegistrationSeq(tx, actor.instansiId, year)
      const created = await insertPpidCase(tx, {
        id: crypto.randomUUID(),
        instansiId: actor.instansiId,
        inboxItemId: fromItem?.id ?? null,
        unitId: unit.id,
        unitPath: unit.path,
        registrationYear: year,
        registrationSeq: seq,
        registrationNumber: formatRegistrationNumber(seq, year),
        channel: input.channel ?? (fromItem ? 'media_sosial' : 'email'),
        requesterName,
        requesterContact: input.requesterContact?.trim() || null,
        requestText,
        purpose: input.purpose?.trim() || null,
        receivedOn,
        dueOn: deadlines.due.date,
        dueProvisional: deadlines.due.provisional,
        status: 'registered',
        notice: {},
        assignedUserId: actor.via === 'cli' ? null : actor.userId,
        createdBy: actor.via === 'cli' ? null : actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      // Pasal 22(4)–(6), rule A2: a request by e-mail gets its number sent at once — queued in this transaction.
      if (created.channel === 'email' && isEmailAddress(created.requesterContact))
        await enqueue(tx, 'send-ppid-receipt', { instansiId: actor.instansiId, caseId: created.id })
      await recordChange(
        tx,
        actor,
        meta,
        {
          action: 'ppid.register',
          objectType: 'ppid_case',
          objectId: created.id,
          after: {
            registrationNumber: created.registrationNumber,
            receivedOn,
            dueOn: created.dueOn,
            inboxItemId: created.inboxItemId,
          },
        },
        now,
      )
      return created
    })
    return toCaseView(row, today, calendar)
  } catch (error) {
    // Two PPIDs turning the same item into a case at once: the second finds the first's.
    if (fromItem && isUniqueViolation(error)) {
      const existing = await getPpidCaseByItem(deps.db, actor.instansiId, fromItem.id)
      throw new AppError('conflict', 'ppid.already_case', { number: existing?.registrationNumber ?? '' })
    }
    throw error
  }
}

async function loadForChange(tx: Db, actor: Actor, id: string): Promise<PpidCaseRow> {
  const row = await getPpidCase(tx, actor.instansiId, id, { forUpdate: true })
  if (!row) throw new AppError('not_found', 'common.not_found')
  authorize(actor, 'ppid.manage', { instansiId: actor.instansiId, unitPath: row.unitPath })
  return row
}

async function change(
  deps: PpidDeps,
  actor: Actor,
  id: string,
  meta: ChangeMeta,
  apply: (
    row: PpidCaseRow,
    context: { today: string; calendar: WorkingCalendar; now: Date },
  ) => { changes: Partial<PpidCaseRow>; action: string; after: Record<string, unknown> },
): Promise<PpidCaseView> {
  const now = deps.clock.now()
  const { today, calendar } = await viewContext(deps, actor.instansiId)
  const row = await deps.db.transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id)
    const { changes, action, after } = apply(before, { today, calendar, now })
    const updated = await updatePpidCase(tx, actor.instansiId, id, { ...changes, updatedAt: now })
    await recordChange(
      tx,
      actor,
      meta,
      { action, objectType: 'ppid_case', objectId: id, before: { status: before.status }, after },
      now,
    )
    return updated
  })
  return toCaseView(row, today, calendar)
}

export interface ExtendInput {
  days?: number | undefined
  reason: string
}

/** Pasal 22(8): once, ≤ 7 WD, with a written reason, recorded on or before the original deadline. */
export async function extendCase(
  deps: PpidDeps,
  actor: Actor,
  id: string,
  input: ExtendInput,
  meta: ChangeMeta,
): Promise<PpidCaseView> {
  const days = input.days ?? KIP_EXTENSION_MAX_WD
  return change(deps, actor, id, meta, (row, { today, calendar }) => {
    if (row.status === 'extended' || row.extendedDueOn)
      throw new AppError('conflict', 'ppid.already_extended', { date: row.extendedDueOn ?? '' })
    if (row.status !== 'registered') throw new AppError('conflict', 'ppid.already_decided')
    const details: Record<string, Problem> = {}
    if (!filled(input.reason)) details.reason = problem('ppid.extension_reason_required')
    if (!Number.isInteger(days) || days < 1 || days > KIP_EXTENSION_MAX_WD)
      details.days = problem('ppid.extension_days', { max: KIP_EXTENSION_MAX_WD })
    if (Object.keys(details).length > 0) throw invalid('ppid.case_invalid', details)
    if (today > row.dueOn) throw new AppError('conflict', 'ppid.extension_too_late', { date: row.dueOn })
    const extended = extendedDeadline(row.receivedOn, days, calendar)
    return {
      action: 'ppid.extend',
      changes: {
        status: 'extended',
        extensionReason: input.reason.trim(),
        extendedOn: today,
        extendedDueOn: extended.date,
        dueProvisional: row.dueProvisional || extended.provisional,
      },
      after: { days, reason: input.reason.trim(), extendedDueOn: extended.date },
    }
  })
}

function checkOpenForNotice(row: PpidCaseRow): void {
  if (row.status !== 'registered' && row.status !== 'extended')
    throw new AppError('conflict', 'ppid.already_decided')
}

/** Keeps a draft of the notice (any state of completeness) while the case is open. */
export async function saveNoticeDraft(
  deps: PpidDeps,
  actor: Actor,
  id: string,
  notice: KipNotice,
  meta: ChangeMeta,
): Promise<PpidCaseView> {
  return change(deps, actor, id, meta, (row) => {
    checkOpenForNotice(row)
    return { action: 'ppid.notice_draft', changes: { notice }, after: { notice } }
  })
}

/**
 * Sends the Pasal 22(7) notice, which carries the decision: refused while any applicable point a–g is missing,
 * the error naming each missing field (rule A3); a refusal or redaction must cite Pasal 17 (rule A4).
 */
export async function sendNotice(
  deps: PpidDeps,
  actor: Actor,
  id: string,
  notice: KipNotice,
  meta: ChangeMeta,
): Promise<PpidCaseView> {
  return change(deps, actor, id, meta, (row, { today }) => {
    checkOpenForNotice(row)
    const problems = noticeProblems(notice)
    if (problems.length > 0) {
      const details: Record<string, Problem> = {}
      for (const found of problems)
        details[`notice.${found.field}`] = problem(
          found.problem === 'pasal_17_code'
            ? 'ppid.notice_pasal_17'
            : found.problem === 'inconsistent'
              ? 'ppid.notice_inconsistent'
              : (`ppid.notice_missing_${found.point}` as const),
          { point: found.point, field: found.field },
        )
      throw new AppError(
        'invalid_input',
        'ppid.notice_incomplete',
        {
          points: [...new Set(problems.map((found) => found.point))].join(', '),
          fields: problems.map((found) => found.field).join(', '),
        },
        details,
      )
    }
    return {
      action: 'ppid.decide',
      changes: { notice, decision: notice.decision!, noticeSentOn: today, status: 'decided' },
      after: { decision: notice.decision, noticeSentOn: today, notice },
    }
  })
}

export interface ObjectionInput {
  receivedOn?: string | undefined
  grounds: readonly ObjectionGround[]
}

/** Records an objection (keberatan) to the atasan PPID: its answer is due within 30 WD (Pasal 36(2)). */
export async function fileObjection(
  deps: PpidDeps,
  actor: Actor,
  id: string,
  input: ObjectionInput,
  meta: ChangeMeta,
): Promise<PpidCaseView> {
  return change(deps, actor, id, meta, (row, { today, calendar }) => {
    const receivedOn = input.receivedOn ?? today
    const details: Record<string, Problem> = {}
    if (input.grounds.length === 0 || input.grounds.some((ground) => !OBJECTION_GROUNDS.includes(ground)))
      details.grounds = problem('ppid.objection_grounds')
    if (!isIsoDate(receivedOn)) details.receivedOn = problem('validation.date')
    else if (receivedOn > today) details.receivedOn = problem('ppid.received_in_future')
    else if (receivedOn < row.receivedOn) details.receivedOn = problem('ppid.objection_before_request')
    if (Object.keys(details).length > 0) throw invalid('ppid.case_invalid', details)
    // Not answered in time (ground c or g) is a ground too, so an open case past its deadline may take one.
    const deadline = row.extendedDueOn ?? row.dueOn
    const open = row.status === 'registered' || row.status === 'extended'
    if (!(row.status === 'decided' || (open && today > deadline)))
      throw new AppError('conflict', 'ppid.objection_not_open')
    // Pasal 36(1): filed within 30 WD of its ground. Judged on the day the atasan PPID received it, so an objection
    // that came in time by post may still be recorded later; one received after the last day is refused.
    const window = objectionWindowOf(row, today, calendar)!
    if (receivedOn < window.groundOn || (row.noticeSentOn === null && receivedOn === window.groundOn))
      throw invalid('ppid.case_invalid', {
        receivedOn: problem('ppid.objection_before_ground', { date: window.groundOn }),
      })
    if (receivedOn > window.endsOn)
      throw new AppError(
        'conflict',
        'ppid.objection_too_late',
        { date: window.endsOn, ground: window.groundOn },
        { receivedOn: problem('ppid.objection_too_late_field', { date: window.endsOn }) },
      )
    const answerDue = objectionAnswerDue(receivedOn, calendar)
    return {
      action: 'ppid.objection',
      changes: {
        status: 'objection',
        objectionGrounds: [...input.grounds],
        objectionReceivedOn: receivedOn,
        objectionAnswerDueOn: answerDue.date,
      },
      after: { grounds: input.grounds, receivedOn, answerDueOn: answerDue.date },
    }
  })
}

export interface ObjectionAnswerInput {
  answeredOn?: string | undefined
  upholdsRefusal: boolean
  reason?: string | null | undefined
}

/** The atasan PPID's written answer; upholding a refusal needs written reasons (Pasal 36(3)). */
export async function answerObjection(
  deps: PpidDeps,
  actor: Actor,
  id: string,
  input: ObjectionAnswerInput,
  meta: ChangeMeta,
): Promise<PpidCaseView> {
  return change(deps, actor, id, meta, (row, { today, calendar }) => {
    if (row.status !== 'objection') throw new AppError('conflict', 'ppid.no_objection')
    const answeredOn = input.answeredOn ?? today
    const details: Record<string, Problem> = {}
    if (input.upholdsRefusal && !filled(input.reason)) details.reason = problem('ppid.uphold_needs_reason')
    if (!isIsoDate(answeredOn)) details.answeredOn = problem('validation.date')
    else if (answeredOn > today || answeredOn < row.objectionReceivedOn!)
      details.answeredOn = problem('ppid.answer_date_range')
    if (Object.keys(details).length > 0) throw invalid('ppid.case_invalid', details)
    const dispute = disputeWindowEnds(answeredOn, calendar)
    return {
      action: 'ppid.objection_answer',
      changes: {
        status: 'objection_answered',
        objectionAnsweredOn: answeredOn,
        objectionUpholdsRefusal: input.upholdsRefusal,
        objectionAnswerReason: input.reason?.trim() || null,
        disputeDueOn: dispute.date,
      },
      after: { answeredOn, upholdsRefusal: input.upholdsRefusal, disputeDueOn: dispute.date },
    }
  })
}

export async function readCase(deps: PpidDeps, actor: Actor, id: string): Promise<PpidCaseView> {
  const row = await getPpidCase(deps.db, actor.instansiId, id)
  if (!row) throw new AppError('not_found', 'common.not_found')
  authorize(actor, 'ppid.manage', { instansiId: actor.instansiId, unitPath: row.unitPath })
  const { today, calendar } = await viewContext(deps, actor.instansiId)
  return toCaseView(row, today, calendar)
}

export interface CaseListView {
  today: string
  cases: PpidCaseView[]
  /** How many of the listed cases are in each clock state. */
  counts: Record<ClockState, number>
}

export async function listCases(
  deps: PpidDeps,
  actor: Actor,
  filter: { status?: PpidStatus | undefined; limit?: number | undefined },
): Promise<CaseListView> {
  const scope = unitScope(actor, 'ppid.manage')
  if (scope.pathPrefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action: 'ppid.manage' })
  const rows = await listPpidCases(deps.db, actor.instansiId, {
    unitPrefixes: scope.pathPrefixes,
    status: filter.status,
    limit: filter.limit ?? 200,
  })
  const { today, calendar } = await viewContext(deps, actor.instansiId)
  const cases = rows.map((row) => toCaseView(row, today, calendar))
  const counts: Record<ClockState, number> = { on_time: 0, due_soon: 0, due_today: 0, overdue: 0, done: 0 }
  for (const view of cases) counts[view.clock.state] += 1
  return { today, cases, counts }
}

/** Information requests in the inbox (within the PPID's units) that are not a case yet. */
export async function listRequestCandidates(deps: PpidDeps, actor: Actor): Promise<RequestCandidate[]> {
  const scope = unitScope(actor, 'ppid.manage')
  if (scope.pathPrefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action: 'ppid.manage' })
  return listRequestsWithoutCase(deps.db, actor.instansiId, scope.pathPrefixes, 50)
}
