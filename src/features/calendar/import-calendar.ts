// Importing a year's holiday table from a CSV file: next year's SKB typed into a spreadsheet before a Warta
// release ships it. A dry run shows what each row would do (new, changed, unchanged) and every row's error;
// saving refuses a file with errors, because a half-imported table would silently give wrong legal deadlines.
// The rows become this instansi's calendar edits, and the year can be declared complete in the same step, so
// deadlines running into it stop being provisional. One audit entry records the whole import.
import { listCalendarEdits, upsertCalendarEdits } from '../../db/calendar-days-repository.ts'
import { writeCalendarSettings } from '../../db/settings-repository.ts'
import type { CalendarDayKind } from '../../shared/statuses.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { effectiveDays } from './build-working-calendar.ts'
import { parseCalendarCsv, type CalendarCsvError } from './calendar-csv.ts'
import { loadCalendarSettings, loadWorkingCalendar, toEdits } from './load-working-calendar.ts'
import type { CalendarDeps } from './manage-calendar.ts'
import { NATIONAL_CALENDAR, nationalYear } from './national-calendar.ts'
import { recomputeDeadlines } from './recompute-deadlines.ts'

export interface CalendarImportInput {
  year: number
  csv: string
  /** Only say what would happen; save nothing. */
  dryRun: boolean
  /** Also declare the year's table complete (deadlines into it are no longer provisional). */
  declareComplete: boolean
}

export type CalendarImportAction = 'create' | 'update' | 'unchanged'

export interface CalendarImportRow {
  row: number
  date: string
  kind: CalendarDayKind
  name: string
  action: CalendarImportAction
  /** What the calendar holds on that date now, for an update. */
  before: { kind: CalendarDayKind; name: string } | null
}

export interface CalendarImportResult {
  year: number
  dryRun: boolean
  saved: boolean
  /** Data lines read, the header not counted. */
  dataRows: number
  rows: CalendarImportRow[]
  errors: CalendarCsvError[]
  created: number
  updated: number
  unchanged: number
  /** Whether the year had a table (national, or declared complete) before this import. */
  hadTable: boolean
  /** Whether the year is (or, on a dry run, would be) declared complete by this import. */
  declaresComplete: boolean
}

export async function importCalendarYear(
  deps: CalendarDeps,
  actor: Actor,
  input: CalendarImportInput,
  meta: ChangeMeta,
): Promise<CalendarImportResult> {
  authorize(actor, 'calendar.manage', { instansiId: actor.instansiId })
  const { year } = input
  const parsed = parseCalendarCsv(input.csv, year)
  const plan = async (db: CalendarDeps['db']) => {
    const [edits, settings] = await Promise.all([
      listCalendarEdits(db, actor.instansiId, { from: `${year}-01-01`, to: `${year}-12-31` }),
      loadCalendarSettings(db, actor.instansiId),
    ])
    const current = new Map(
      effectiveDays(
        toEdits(edits),
        NATIONAL_CALENDAR.filter((entry) => entry.year === year),
      ).map((day) => [day.date, day]),
    )
    const rows = parsed.rows.map((row): CalendarImportRow => {
      const day = current.get(row.date)
      // A removed national day shows as an ordinary date: importing a day there creates it again.
      const before = day && !day.removed ? { kind: day.kind, name: day.name } : null
      const action: CalendarImportAction =
        before === null
          ? 'create'
          : before.kind === row.kind && before.name === row.name
            ? 'unchanged'
            : 'update'
      return { ...row, action, before }
    })
    const hadTable = nationalYear(year) !== undefined || settings.extraYearsWithTable.includes(year)
    return { rows, settings, hadTable }
  }
  const count = (rows: CalendarImportRow[], action: CalendarImportAction) =>
    rows.filter((row) => row.action === action).length
  const result = (rows: CalendarImportRow[], hadTable: boolean, saved: boolean): CalendarImportResult => ({
    year,
    dryRun: input.dryRun,
    saved,
    dataRows: parsed.dataRows,
    rows,
    errors: parsed.errors,
    created: count(rows, 'create'),
    updated: count(rows, 'update'),
    unchanged: count(rows, 'unchanged'),
    hadTable,
    declaresComplete: !hadTable && input.declareComplete,
  })

  if (input.dryRun) {
    const { rows, hadTable } = await plan(deps.db)
    return result(rows, hadTable, false)
  }
  if (parsed.errors.length > 0) {
    const details: Record<string, ReturnType<typeof problem>> = {}
    for (const error of parsed.errors.slice(0, 40))
      details[`rows.${error.row}${error.column ? `.${error.column}` : ''}`] = problem(error.key, error.params)
    throw new AppError(
      'invalid_input',
      'calendar.import.has_errors',
      { count: new Set(parsed.errors.map((error) => error.row)).size },
      details,
    )
  }
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const before = await loadWorkingCalendar(tx, actor.instansiId)
    const { rows, settings, hadTable } = await plan(tx)
    const changed = rows.filter((row) => row.action !== 'unchanged')
    await upsertCalendarEdits(tx, actor.instansiId, changed, now)
    const declaresComplete = !hadTable && input.declareComplete
    if (declaresComplete)
      await writeCalendarSettings(
        tx,
        actor.instansiId,
        {
          ...settings,
          extraYearsWithTable: [...new Set([...settings.extraYearsWithTable, year])].sort((a, b) => a - b),
        },
        now,
      )
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'calendar.import',
        objectType: 'calendar_year',
        objectId: String(year),
        before: {
          hasTable: hadTable,
          days: changed.filter((row) => row.before).map((row) => ({ date: row.date, ...row.before })),
        },
        after: {
          hasTable: hadTable || declaresComplete,
          created: count(rows, 'create'),
          updated: count(rows, 'update'),
          unchanged: count(rows, 'unchanged'),
          days: changed.map((row) => ({ date: row.date, kind: row.kind, name: row.name })),
        },
      },
      now,
    )
    await recomputeDeadlines(
      tx,
      actor,
      meta,
      before,
      { action: 'calendar.import', objectId: String(year) },
      now,
    )
    return result(rows, hadTable, true)
  })
}
