// What `warta start` and `warta worker` run on top of the context: pg-boss over whichever engine the database
// uses, and a worker per job definition. `warta api` runs none of it.
import { PgBoss, fromPglite } from 'pg-boss'
import type { AppContext } from '../context.ts'
import type { Database } from '../db/open-database.ts'
import { startWorkers } from './job-definitions.ts'

export interface JobRunner {
  /** Stops taking jobs, lets running ones finish (up to a few seconds) and disconnects from the queue. */
  close(): Promise<void>
}

export function createJobQueue(database: Database, databaseUrl: string | undefined): PgBoss {
  if (database.engine === 'pg') return new PgBoss({ connectionString: databaseUrl!, max: 4 })
  return new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite' })
}

export async function startJobRunner(context: AppContext): Promise<JobRunner> {
  const boss = createJobQueue(context.database, context.config.databaseUrl)
  boss.on('error', (error: Error) => context.logger.error({ err: error }, 'job queue error'))
  await boss.start()
  try {
    await startWorkers(boss, context)
  } catch (error) {
    await boss.stop({ graceful: false })
    throw error
  }
  return {
    async close() {
      await boss.stop({ graceful: true, timeout: 5000 })
    },
  }
}
