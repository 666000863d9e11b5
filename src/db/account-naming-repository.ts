// Naming-convention patterns per platform, kept in the instansi's settings under one key.
import { and, eq } from 'drizzle-orm'
import type { Db } from './client.ts'
import { settings } from './schema/index.ts'

export const NAMING_SETTINGS_KEY = 'naming.patterns'

export async function readSetting<T>(db: Db, instansiId: string, key: string): Promise<T | undefined> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.instansiId, instansiId), eq(settings.key, key)))
  return row?.value as T | undefined
}

export async function writeSetting(db: Db, instansiId: string, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ instansiId, key, value, updatedAt: now })
    .onConflictDoUpdate({ target: [settings.instansiId, settings.key], set: { value, updatedAt: now } })
}

export async function getNamingPatterns(db: Db, instansiId: string): Promise<Record<string, string>> {
  return (await readSetting<Record<string, string>>(db, instansiId, NAMING_SETTINGS_KEY)) ?? {}
}

export async function setNamingPatterns(db: Db, instansiId: string, patterns: Record<string, string>, now: Date): Promise<void> {
  await writeSetting(db, instansiId, NAMING_SETTINGS_KEY, patterns, now)
}
