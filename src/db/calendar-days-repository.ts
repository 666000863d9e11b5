// The calendar_days table: one instansi's edits to the national working-day calendar.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { calendarDays } from './schema/index.ts'

export interface CalendarDayRow {
  date: string
  kind: string
  name: string
  updatedAt: Date
}

export async function listCalendarEdits(
  db: Db,
  instansiId: string,
  range?: { from: string; to: string },
): Promise<CalendarDayRow[]> {
  const conditions = [eq(calendarDays.instansiId, instansiId)]
  if (range) conditions.push(gte(calendarDays.day, range.from), lte(calendarDays.day, range.to))
  const rows = await db
    .select({
      date: calendarDays.day,
      kind: calendarDays.kind,
      name: calendarDays.name,
      updatedAt: calendarDays.updatedAt,
    })
    .from(calendarDays)
    .where(and(...conditions))
    .orderBy(asc(calendarDays.day))
  return rows
}

export async function getCalendarEdit(
  db: Db,
  instansiId: string,
  date: string,
): Promise<CalendarDayRow | undefined> {
  const [row] = await db
    .select({
      date: calendarDays.day,
      kind: calendarDays.kind,
      name: calendarDays.name,
      updatedAt: calendarDays.updatedAt,
    })
    .from(calendarDays)
    .where(and(eq(calendarDays.instansiId, instansiId), eq(calendarDays.day, date)))
  return row
}

export async function upsertCalendarEdit(
  db: Db,
  instansiId: string,
  edit: { date: string; kind: string; name: string },
  now: Date,
): Promise<void> {
  await db
    .insert(calendarDays)
    .values({ instansiId, day: edit.date, kind: edit.kind, name: edit.name, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [calendarDays.instansiId, calendarDays.day],
      set: { kind: edit.kind, name: edit.name, updatedAt: now },
    })
}

export async function deleteCalendarEdit(db: Db, instansiId: string, date: string): Promise<void> {
  await db
    .delete(calendarDays)
    .where(and(eq(calendarDays.instansiId, instansiId), eq(calendarDays.day, date)))
}

/** Writes many edits in one statement (a year's table is a few dozen rows; the import allows at most 400). */
export async function upsertCalendarEdits(
  db: Db,
  instansiId: string,
  edits: ReadonlyArray<{ date: string; kind: string; name: string }>,
  now: Date,
): Promise<void> {
  if (edits.length === 0) return
  await db
    .insert(calendarDays)
    .values(
      edits.map((edit) => ({
        instansiId,
        day: edit.date,
        kind: edit.kind,
        name: edit.name,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [calendarDays.instansiId, calendarDays.day],
      set: { kind: sql`excluded.kind`, name: sql`excluded.name`, updatedAt: now },
    })
}
