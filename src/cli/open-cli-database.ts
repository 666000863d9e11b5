// Opens the configured database for one-shot commands (migrate, backup, restore), turning the two expected
// failures (bad configuration, data folder held by a running server) into a message instead of a stack trace.
import { ConfigError, loadConfig } from '../config.ts'
import { pgliteDirOf } from '../context.ts'
import { DataDirLockedError } from '../db/data-dir-lock.ts'
import { openDatabase, type Database } from '../db/open-database.ts'
import { cliLocale, cliText } from './cli-text.ts'

export async function openCliDatabase(command: string): Promise<Database | undefined> {
  try {
    const config = loadConfig()
    return await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: pgliteDirOf(config),
      poolSize: 2,
    })
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`warta ${command}: ${cliText(error.key, error.params)}\n`)
      return undefined
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`warta ${command}: ${error.render(cliLocale())}\n`)
      return undefined
    }
    throw error
  }
}
