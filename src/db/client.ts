// The database handle every repository receives: the same Drizzle API over PGlite or node-postgres.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema/index.ts'

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
export type Engine = 'pglite' | 'pg'

/** Rows of a raw `db.execute(sql…)` result: both drivers return `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}
