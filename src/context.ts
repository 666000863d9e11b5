// Builds the real dependencies once. Features receive only what they use; tests build a context from a
// config object (or hand in an already-open database) and never touch process.env.
import path from 'node:path'
import { pino, type Logger } from 'pino'
import type { PgBoss } from 'pg-boss'
import type { Config } from './config.ts'
import type { Db } from './db/client.ts'
import { openDatabase, type Database } from './db/open-database.ts'
import { migrate } from './db/migrate.ts'
import { loadOrCreateSecret } from './db/deployment-settings-repository.ts'
import { createJobQueue } from './jobs/job-runner.ts'
import { startWorkers } from './jobs/job-definitions.ts'

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export interface AppContext {
  readonly config: Config
  readonly database: Database
  readonly db: Db
  readonly logger: Logger
  readonly clock: Clock
  readonly secret: string
  /** Present in processes that run background jobs (start, worker). */
  readonly jobs: PgBoss | undefined
  close(): Promise<void>
}

export interface CreateContextOptions {
  /** An already-open database (tests); otherwise opened from config. */
  database?: Database
  runJobs?: boolean
  logger?: Logger
  clock?: Clock
}

export function pgliteDirOf(config: Config): string {
  return path.join(config.dataDir, 'pglite')
}

export async function createContext(config: Config, options: CreateContextOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { app: 'warta' } })
  const ownsDatabase = !options.database
  const database =
    options.database ??
    (await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: pgliteDirOf(config) }))
  try {
    const applied = await migrate(database)
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated')
    const secret = await loadOrCreateSecret(database.db, config.secret)
    let jobs: PgBoss | undefined
    const context: AppContext = {
      config,
      database,
      db: database.db,
      logger,
      clock: options.clock ?? systemClock,
      secret,
      get jobs() {
        return jobs
      },
      async close() {
        if (jobs) await jobs.stop({ graceful: true, timeout: 5000 })
        if (ownsDatabase) await database.close()
      },
    }
    if (options.runJobs) {
      const boss = createJobQueue(database, config.databaseUrl)
      boss.on('error', (error: Error) => logger.error({ err: error }, 'job queue error'))
      await boss.start()
      await startWorkers(boss, context)
      jobs = boss
    }
    return context
  } catch (error) {
    if (ownsDatabase) await database.close()
    throw error
  }
}
