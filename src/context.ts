// The composition root: builds the dependencies every process needs (database, logger, clock, secret) once.
// Features receive only what they use; tests build a context from a config object (or hand in an already-open
// database) and never touch process.env. It starts nothing: the process entries (cli/run-service.ts) add what
// their role runs on top, e.g. the job workers of `warta start` and `warta worker`. Every process can enqueue
// jobs without more: features write them to the outbox table inside their own transaction (features/jobs/).
import path from 'node:path'
import { pino, type Logger } from 'pino'
import { systemClock, type Clock } from './clock.ts'
import type { Config } from './config.ts'
import type { Db } from './db/client.ts'
import { openDatabase, type Database } from './db/open-database.ts'
import { migrate } from './db/migrate.ts'
import { loadOrCreateSecret, readDeploymentValue } from './db/deployment-settings-repository.ts'
import type { Locale } from './shared/dates.ts'
import { formatTerminalMessage } from './shared/messages/terminal-catalogue.ts'

export interface AppContext {
  readonly config: Config
  readonly database: Database
  readonly db: Db
  readonly logger: Logger
  readonly clock: Clock
  readonly secret: string
  /** Secrets used before `secret` (they open credentials sealed under them; see features/connections). */
  readonly previousSecrets: readonly string[]
  /** Closes the database when the context opened it. Stop whatever runs on top of the context first. */
  close(): Promise<void>
}

export interface CreateContextOptions {
  /** An already-open database (tests); otherwise opened from config. */
  database?: Database
  logger?: Logger
  clock?: Clock
  /** The language of the log lines written here: the process's (the CLI's locale), Indonesian by default. */
  locale?: Locale
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
    if (applied.length > 0) {
      const message = formatTerminalMessage(options.locale ?? 'id', 'cli.log_database_migrated', {
        count: applied.length,
      })
      logger.info({ migrations: applied }, message)
    }
    const secret = await loadOrCreateSecret(database.db, config.secret)
    // A configured secret may replace the one generated on first start: that one still opens what it sealed.
    const generated = config.secret ? await readDeploymentValue(database.db, 'secret') : null
    const previousSecrets = [...new Set([config.previousSecret, generated])].filter(
      (value): value is string => typeof value === 'string' && value !== secret,
    )
    return {
      config,
      database,
      db: database.db,
      logger,
      clock: options.clock ?? systemClock,
      secret,
      previousSecrets,
      async close() {
        if (ownsDatabase) await database.close()
      },
    }
  } catch (error) {
    if (ownsDatabase) await database.close()
    throw error
  }
}
