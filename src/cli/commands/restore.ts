// `warta restore FILE`: loads a backup into an EMPTY database (it is migrated first), on either engine, so a
// backup of the embedded database can move to PostgreSQL and back. Refuses a database that already has data.
// `warta restore -` reads the backup from stdin.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { BackupError } from '../../db/backup-format.ts'
import { migrate } from '../../db/migrate.ts'
import { restoreBackupFile } from '../../features/backup/backup-file.ts'
import { cliText } from '../cli-text.ts'
import { openCliDatabase } from '../open-cli-database.ts'

export async function run(args: string[]): Promise<number> {
  const [file] = args
  if (!file || (file.startsWith('-') && file !== '-')) {
    process.stderr.write(`${cliText('cli.restore_usage')}\n`)
    return 2
  }
  if (file !== '-' && !existsSync(file)) {
    process.stderr.write(`${cliText('cli.restore_file_missing', { file })}\n`)
    return 1
  }
  const database = await openCliDatabase('restore')
  if (!database) return 1
  try {
    await migrate(database)
    const result = await restoreBackupFile(database, file === '-' ? '-' : path.resolve(file))
    const done = cliText('cli.restore_done', {
      engine: database.engine,
      rows: result.rows,
      tables: result.tables,
      sourceEngine: result.header.engine,
      createdAt: result.header.createdAt,
    })
    process.stdout.write(`${done}\n`)
    if (result.newerInTarget.length > 0) {
      process.stdout.write(`${cliText('cli.restore_older_backup', { migrations: result.newerInTarget })}\n`)
    }
    process.stdout.write(`${cliText('cli.restore_verify_hint')}\n`)
    return 0
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`warta restore: ${cliText(error.key, error.params)}\n`)
      return 1
    }
    throw error
  } finally {
    await database.close()
  }
}
