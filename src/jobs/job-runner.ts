// pg-boss over whichever engine the database uses. Every job file in src/jobs/ registers through `jobDefinitions`.
import { PgBoss, fromPglite } from 'pg-boss'
import type { Database } from '../db/open-database.ts'

export function createJobQueue(database: Database, databaseUrl: string | undefined): PgBoss {
  if (database.engine === 'pg') return new PgBoss({ connectionString: databaseUrl!, max: 4 })
  return new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite' })
}
