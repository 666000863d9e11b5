// `warta backup FILE`: an engine-neutral, gzip'd logical backup of the whole database (see src/db/backup-format.ts);
// `warta backup -` writes it to stdout for piping to off-site storage. The file is written 0600 (it holds the
// deployment secret and password hashes); with `-` the shell's umask decides, so redirect under `umask 077`.
// Safe while `warta api`/`worker` run on PostgreSQL (one consistent snapshot); on the embedded database stop
// `warta start` first, because the data folder can be open in one process only.
import path from 'node:path'
import { BackupError } from '../../db/backup-format.ts'
import { writeBackupFile, writeBackupStream } from '../../features/backup/backup-file.ts'
import { handleBrokenPipeInCommand, isBrokenPipe } from '../broken-pipe.ts'
import { cliText } from '../cli-text.ts'
import { openCliDatabase } from '../open-cli-database.ts'

export async function run(args: string[]): Promise<number> {
  const [file] = args
  if (!file || (file.startsWith('-') && file !== '-')) {
    process.stderr.write(`${cliText('cli.backup_usage')}\n`)
    return 2
  }
  const toStdout = file === '-'
  // A backup cut short by a reader that went away is a failure, not the quiet end of `… | head`.
  if (toStdout) handleBrokenPipeInCommand()
  const database = await openCliDatabase('backup')
  if (!database) return 1
  try {
    const trailer = toStdout
      ? await writeBackupStream(database, process.stdout)
      : await writeBackupFile(database, path.resolve(file))
    // With `-` stdout is the backup itself, so the summary goes to stderr.
    const summary = toStdout ? process.stderr : process.stdout
    summary.write(
      `${cliText('cli.backup_written', {
        target: toStdout ? 'stdout' : file,
        rows: trailer.rows,
        tables: trailer.tables,
        engine: database.engine,
      })}\n`,
    )
    return 0
  } catch (error) {
    if (toStdout && isBrokenPipe(error)) {
      process.stderr.write(`${cliText('cli.backup_reader_closed')}\n`)
      return 1
    }
    if (error instanceof BackupError) {
      process.stderr.write(`warta backup: ${cliText(error.key, error.params)}\n`)
      return 1
    }
    throw error
  } finally {
    await database.close()
  }
}
