// A fresh, migrated database with a context on it, for tests that run pg-boss (it installs its own schema, so
// they keep it out of the shared test database): PGlite in memory, or a new database on the test PostgreSQL.
import { pino } from 'pino'
import { createContext, type AppContext } from '../../src/context.ts'
import { openDatabase } from '../../src/db/open-database.ts'
import { testConfig, testEngine } from '../support/test-context.ts'
import { createFreshPostgres } from './fresh-database.ts'

export interface JobDatabase {
  context: AppContext
  /** The PostgreSQL URL, for processes that share the database (undefined on PGlite). */
  url: string | undefined
  dispose(): Promise<void>
}

export async function openJobDatabase(prefix: string): Promise<JobDatabase> {
  const logger = pino({ level: 'silent' })
  if (testEngine() === 'pglite') {
    const database = await openDatabase({ pgliteDir: 'memory://' })
    const context = await createContext(testConfig(), { database, logger })
    return { context, url: undefined, dispose: () => database.close() }
  }
  const fresh = await createFreshPostgres(prefix)
  const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 4 })
  const context = await createContext(testConfig({ DATABASE_URL: fresh.url }), { database, logger })
  return {
    context,
    url: fresh.url,
    async dispose() {
      await database.close()
      await fresh.drop()
    },
  }
}
