// The working-day calendar of an instansi: the national tables (national-calendar.ts) with the instansi's edits,
// its settings, and deadlines computed from them. Edits are audited; other features read the calendar through
// loadWorkingCalendar so every deadline uses the same days.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  deleteCalendarEdit,
  getCalendarEdit,
  listCalendarEdits,
  upsertCalendarEdit,
} from '../../db/calendar-days-repository.ts'
import { writeCalendarSettings } from '../../db/settings-repository.ts'
import { CALENDAR_DAY_KINDS } from '../../shared/statuses.ts'
import { authorize, unitScope, type Action, type Actor } from '../access/policy.ts'
import { AppError, problem, type Problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import {
  addWorkingDays,
  isIsoDate,
  jakartaDateOf,
  skippedDays,
  yearOf,
  type SkippedDay,
  type WorkingDayResult,
} from './add-working-days.ts'
import {
  effectiveDays,
  type CalendarDayKind,
  type CalendarSettings,
  type EffectiveDay,
} from './build-working-calendar.ts'
import { loadCalendarSettings, loadWorkingCalendar, toEdits } from './load-working-calendar.ts'
import { NATIONAL_CALENDAR, nationalYear } from './national-calendar.ts'
import { recomputeDeadlines } from './recompute-deadlines.ts'

export { loadCalendarSettings, loadWorkingCalendar, toEdits } from './load-working-calendar.ts'

export interface CalendarDeps {
  db: Db
  clock: Clock
}

export { CALENDAR_DAY_KINDS } from '../../shared/statuses.ts'

function requireSomewhere(actor: Actor, action: Action): void {
  if (unitScope(actor, action).pathPrefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action })
}

function checkDate(date: string): void {
  if (!isIsoDate(date))
    throw new AppError('invalid_input', 'validation.date', undefined, { date: problem('validation.date') })
}

/** This year and next (Asia/Jakarta) when they have no holiday table: deadlines into them are provisional. */
export function yearsWithoutTable(settings: CalendarSettings, now: Date): number[] {
  const thisYear = yearOf(jakartaDateOf(now))
  return [thisYear, thisYear + 1].filter((y) => !nationalYear(y) && !settings.extraYearsWithTable.includes(y))
}

export interface CalendarYearView {
  year: number
  /** Whether the year has a holiday table (national, or declared complete by the instansi). */
  hasTable: boolean
  /** The decree the national table comes from; null without a national table. */
  source: string | null
  /** The instansi declared the year's table complete itself (e.g. after importing it). */
  declaredComplete: boolean
  settings: CalendarSettings
  days: EffectiveDay[]
  /**
   * This year and next (Asia/Jakarta) when they have no table: deadlines running into them come out provisional,
   * so the page warns the admin to enter the new SKB (rules.md §12 G 39).
   */
  missingTables: number[]
}

export async function readCalendarYear(
  deps: CalendarDeps,
  actor: Actor,
  year: number,
): Promise<CalendarYearView> {
  requireSomewhere(actor, 'calendar.read')
  const settings = await loadCalendarSettings(deps.db, actor.instansiId)
  const edits = await listCalendarEdits(deps.db, actor.instansiId, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  })
  const national = nationalYear(year)
  const missingTables = yearsWithoutTable(settings, deps.clock.now())
  return {
    year,
    hasTable: national !== undefined || settings.extraYearsWithTable.includes(year),
    source: national?.source ?? null,
    declaredComplete: settings.extraYearsWithTable.includes(year),
    settings,
    days: effectiveDays(
      toEdits(edits),
      NATIONAL_CALENDAR.filter((entry) => entry.year === year),
    ),
    missingTables,
  }
}

export interface CalendarDayInput {
  date: string
  kind: CalendarDayKind
  name: string
}

/** Whether a name fits a calendar day: 1–200 characters once trimmed. */
export function isDayName(name: string): boolean {
  const trimmed = name.trim()
  return trimmed !== '' && trimmed.length <= 200
}

function checkDay(input: CalendarDayInput): CalendarDayInput {
  const details: Record<string, Problem> = {}
  if (!isIsoDate(input.date)) details.date = problem('validation.date')
  if (!CALENDAR_DAY_KINDS.includes(input.kind))
    details.kind = problem('validation.choose_one', { options: [...CALENDAR_DAY_KINDS] })
  if (!isDayName(input.name)) details.name = problem('calendar.name_required')
  if (Object.keys(details).length > 0)
    throw new AppError('invalid_input', 'calendar.day_invalid', undefined, details)
  return { date: input.date, kind: input.kind, name: input.name.trim() }
}

function notADay(date: string): AppError {
  return new AppError('not_found', 'calendar.not_a_day', { date })
}

function alreadyRemoved(day: EffectiveDay): AppError {
  return new AppError('conflict', 'calendar.already_removed', {
    date: day.date,
    name: day.replaces?.name ?? day.name,
  })
}

/** The day as the calendar shows it now (national or edited), or undefined for an ordinary day. */
export async function currentDay(
  db: Db,
  instansiId: string,
  date: string,
): Promise<EffectiveDay | undefined> {
  const edit = await getCalendarEdit(db, instansiId, date)
  const national = nationalYear(yearOf(date))?.days.filter((day) => day.date === date) ?? []
  return effectiveDays(edit ? toEdits([edit]) : [], [{ year: yearOf(date), source: '', days: national }])[0]
}

function nationalDayOn(date: string) {
  return nationalYear(yearOf(date))?.days.find((day) => day.date === date)
}

export async function addCalendarDay(
  deps: CalendarDeps,
  actor: Actor,
  input: CalendarDayInput,
  meta: ChangeMeta,
): Promise<EffectiveDay> {
  authorize(actor, 'calendar.manage', { instansiId: actor.instansiId })
  const day = checkDay(input)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const before = await loadWorkingCalendar(tx, actor.instansiId)
    const existing = await currentDay(tx, actor.instansiId, day.date)
    // A removed national day may take a new entry; any other recorded day is changed, not added twice.
    if (existing && !existing.removed) {
      throw new AppError(
        'conflict',
        'calendar.day_exists',
        { date: day.date, name: existing.name },
        { date: problem('calendar.day_exists_field') },
      )
    }
    await upsertCalendarEdit(tx, actor.instansiId, day, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'calendar.add',
        objectType: 'calendar_day',
        objectId: day.date,
        before: existing ?? null,
        after: day,
      },
      now,
    )
    await recomputeDeadlines(tx, actor, meta, before, { action: 'calendar.add', objectId: day.date }, now)
  })
  return (await currentDay(deps.db, actor.instansiId, day.date))!
}

/** Changes a day; a new date moves it (the Menteri Agama moving Idulfitri), leaving the old date a working day. */
export async function updateCalendarDay(
  deps: CalendarDeps,
  actor: Actor,
  date: string,
  patch: Partial<CalendarDayInput>,
  meta: ChangeMeta,
): Promise<EffectiveDay> {
  authorize(actor, 'calendar.manage', { instansiId: actor.instansiId })
  checkDate(date)
  const now = deps.clock.now()
  const target = await deps.db.transaction(async (tx) => {
    const before = await loadWorkingCalendar(tx, actor.instansiId)
    const existing = await currentDay(tx, actor.instansiId, date)
    if (!existing) throw notADay(date)
    if (existing.removed) throw alreadyRemoved(existing)
    const next = checkDay({
      date: patch.date ?? date,
      kind: patch.kind ?? existing.kind,
      name: patch.name ?? existing.name,
    })
    if (next.date !== date) {
      const clash = await currentDay(tx, actor.instansiId, next.date)
      if (clash && !clash.removed)
        throw new AppError(
          'conflict',
          'calendar.date_taken',
          { date: next.date, name: clash.name },
          { date: problem('calendar.day_exists_field') },
        )
      await vacate(tx, actor.instansiId, date, now)
    }
    await upsertCalendarEdit(tx, actor.instansiId, next, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'calendar.update',
        objectType: 'calendar_day',
        objectId: date,
        before: existing,
        after: next,
      },
      now,
    )
    await recomputeDeadlines(tx, actor, meta, before, { action: 'calendar.update', objectId: date }, now)
    return next.date
  })
  return (await currentDay(deps.db, actor.instansiId, target))!
}

/**
 * Makes a date an ordinary day: a national day is removed by a 'working_day' edit that keeps its name (so the
 * calendar can show "removed: Idulfitri" and offer to restore it), an instansi-only day is deleted.
 */
async function vacate(tx: Db, instansiId: string, date: string, now: Date): Promise<void> {
  const national = nationalDayOn(date)
  if (national)
    await upsertCalendarEdit(tx, instansiId, { date, kind: 'working_day', name: national.name }, now)
  else await deleteCalendarEdit(tx, instansiId, date)
}

export async function removeCalendarDay(
  deps: CalendarDeps,
  actor: Actor,
  date: string,
  meta: ChangeMeta,
): Promise<void> {
  authorize(actor, 'calendar.manage', { instansiId: actor.instansiId })
  checkDate(date)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const before = await loadWorkingCalendar(tx, actor.instansiId)
    const existing = await currentDay(tx, actor.instansiId, date)
    if (!existing) throw notADay(date)
    if (existing.removed) throw alreadyRemoved(existing)
    await vacate(tx, actor.instansiId, date, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'calendar.remove',
        objectType: 'calendar_day',
        objectId: date,
        before: existing,
        after: null,
      },
      now,
    )
    await recomputeDeadlines(tx, actor, meta, before, { action: 'calendar.remove', objectId: date }, now)
  })
}

/** Drops the instansi's edit of a date, so the national table applies again. */
export async function resetCalendarDay(
  deps: CalendarDeps,
  actor: Actor,
  date: string,
  meta: ChangeMeta,
): Promise<EffectiveDay | null> {
  authorize(actor, 'calendar.manage', { instansiId: actor.instansiId })
  checkDate(date)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const before = await loadWorkingCalendar(tx, actor.instansiId)
    const edit = await getCalendarEdit(tx, actor.instansiId, date)
    if (!edit) throw new AppError('not_found', 'calendar.not_edited', { date })
    await deleteCalendarEdit(tx, actor.instansiId, date)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'calendar.reset',
        objectType: 'calendar_day',
        objectId: date,
        before: toEdits([edit])[0],
        after: nationalDayOn(date) ?? null,
      },
      now,
    )
    await recomputeDeadlines(tx, actor, meta, before, { action: 'calendar.reset', objectId: date }, now)
  })
  return (await currentDay(deps.db, actor.instansiId, date)) ?? null
}

export async function updateCalendarSettings(
  deps: CalendarDeps,
  actor: Actor,
  input: Partial<CalendarSettings>,
  meta: ChangeMeta,
): Promise<CalendarSettings> {
  authorize(actor, 'calendar.manage', { instansiId: actor.instansiId })
  if (input.weekendDays && input.weekendDays.length > 5) {
    throw new AppError('invalid_input', 'calendar.too_many_days_off', undefined, {
      weekendDays: problem('calendar.too_many_days_off_field'),
    })
  }
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const calendarBefore = await loadWorkingCalendar(tx, actor.instansiId)
    const before = await loadCalendarSettings(tx, actor.instansiId)
    const after: CalendarSettings = {
      cutiBersamaIsWorkingDay: input.cutiBersamaIsWorkingDay ?? before.cutiBersamaIsWorkingDay,
      extraYearsWithTable: [...new Set(input.extraYearsWithTable ?? before.extraYearsWithTable)].sort(
        (a, b) => a - b,
      ),
      weekendDays: [...new Set(input.weekendDays ?? before.weekendDays)].sort((a, b) => a - b),
    }
    await writeCalendarSettings(tx, actor.instansiId, after, now)
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'calendar.settings', objectType: 'calendar_settings', objectId: null, before, after },
      now,
    )
    await recomputeDeadlines(
      tx,
      actor,
      meta,
      calendarBefore,
      { action: 'calendar.settings', objectId: null },
      now,
    )
    return after
  })
}

export interface DeadlineView extends WorkingDayResult {
  start: string
  workingDays: number
  cutiBersamaIsWorkingDay: boolean
  /** The days between start and the due date that did not count, with why (weekend, holiday, …). */
  skipped: SkippedDay[]
}

export async function computeDeadline(
  deps: CalendarDeps,
  actor: Actor,
  input: { start?: string | undefined; workingDays: number },
): Promise<DeadlineView> {
  requireSomewhere(actor, 'calendar.read')
  const start = input.start ?? jakartaDateOf(deps.clock.now())
  if (!isIsoDate(start))
    throw new AppError('invalid_input', 'validation.date', undefined, { start: problem('validation.date') })
  if (!Number.isInteger(input.workingDays) || input.workingDays < 0 || input.workingDays > 1000) {
    throw new AppError('invalid_input', 'calendar.working_days_range', undefined, {
      workingDays: problem('calendar.working_days_field'),
    })
  }
  const calendar = await loadWorkingCalendar(deps.db, actor.instansiId)
  const result = addWorkingDays(start, input.workingDays, calendar)
  return {
    start,
    workingDays: input.workingDays,
    cutiBersamaIsWorkingDay: calendar.cutiBersamaIsWorkingDay,
    ...result,
    skipped: skippedDays(start, result.date, calendar),
  }
}
