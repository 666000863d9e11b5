// The settings table: one JSON value per instansi and key (naming patterns, calendar settings, …).
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { settings } from './schema/index.ts'

export const NAMING_SETTINGS_KEY = 'naming.patterns'
export const CALENDAR_SETTINGS_KEY = 'calendar.settings'

export async function readSetting<T>(db: Db, instansiId: string, key: string): Promise<T | undefined> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.instansiId, instansiId), eq(settings.key, key)))
  return row?.value as T | undefined
}

export async function writeSetting(
  db: Db,
  instansiId: string,
  key: string,
  value: unknown,
  now: Date,
): Promise<void> {
  await db
    .insert(settings)
    .values({ instansiId, key, value, updatedAt: now })
    .onConflictDoUpdate({ target: [settings.instansiId, settings.key], set: { value, updatedAt: now } })
}

/** Read on every account list and view, so the statement is prepared once per database handle. */
export async function getNamingPatterns(db: Db, instansiId: string): Promise<Record<string, string>> {
  let statement = namingStatements.get(db)
  if (!statement) namingStatements.set(db, (statement = prepareNamingPatterns(db)))
  const [row] = await statement.execute({ instansiId })
  return (row?.value as Record<string, string> | undefined) ?? {}
}

const namingStatements = new WeakMap<Db, ReturnType<typeof prepareNamingPatterns>>()

function prepareNamingPatterns(db: Db) {
  return db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.instansiId, sql.placeholder('instansiId')), eq(settings.key, NAMING_SETTINGS_KEY)))
    .prepare('naming_patterns')
}

export async function setNamingPatterns(
  db: Db,
  instansiId: string,
  patterns: Record<string, string>,
  now: Date,
): Promise<void> {
  await writeSetting(db, instansiId, NAMING_SETTINGS_KEY, patterns, now)
}

export async function readCalendarSettings<T>(db: Db, instansiId: string): Promise<T | undefined> {
  return readSetting<T>(db, instansiId, CALENDAR_SETTINGS_KEY)
}

export async function writeCalendarSettings(
  db: Db,
  instansiId: string,
  value: unknown,
  now: Date,
): Promise<void> {
  await writeSetting(db, instansiId, CALENDAR_SETTINGS_KEY, value, now)
}
