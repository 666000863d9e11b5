// The database handle every repository receives: the same Drizzle API over PGlite or node-postgres.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema/index.ts'

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
export type Engine = 'pglite' | 'pg'
