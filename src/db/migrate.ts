// Applies the SQL files in src/db/migrations/ in name order, each once, the same way on both engines.
// Statements are separated by drizzle-kit's `--> statement-breakpoint` marker. Concurrent starters
// (several `warta api` processes) serialise on an advisory lock, so each file runs exactly once.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Database } from './open-database.ts'
import { rowsOf } from './sql-helpers.ts'

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url))
const MIGRATION_LOCK_KEY = 727_001

export interface MigrationFile {
  name: string
  statements: string[]
}

export function readMigrationFiles(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.sql$/, ''),
      statements: readFileSync(path.join(dir, file), 'utf8')
        .split(/^-->\s*statement-breakpoint\s*$/m)
        .map((statement) => statement.trim())
        .filter((statement) => statement.replace(/^--.*$/gm, '').trim() !== ''),
    }))
}

/** Returns the names of the migrations applied by this call. */
export async function migrate(database: Database): Promise<string[]> {
  const files = readMigrationFiles()
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`)
    await tx.execute(
      sql`create table if not exists warta_migrations (name text primary key, applied_at timestamptz not null default now())`,
    )
    const applied = rowsOf<{ name: string }>(await tx.execute(sql`select name from warta_migrations`))
    const done = new Set(applied.map((row) => row.name))
    const appliedNow: string[] = []
    for (const file of files) {
      if (done.has(file.name)) continue
      for (const statement of file.statements) await tx.execute(sql.raw(statement))
      await tx.execute(sql`insert into warta_migrations (name) values (${file.name})`)
      appliedNow.push(file.name)
    }
    return appliedNow
  })
}
