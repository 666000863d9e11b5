// `warta backup FILE`: an engine-neutral, gzip'd logical backup of the whole database (see src/db/backup-format.ts);
// `warta backup -` writes it to stdout for piping to off-site storage.
// Safe while `warta api`/`worker` run on PostgreSQL (one consistent snapshot); on the embedded database stop
// `warta start` first, because the data folder can be open in one process only.
import path from 'node:path'
import { BackupError } from '../../db/backup-format.ts'
import { writeBackupFile, writeBackupStream } from '../../features/backup/backup-file.ts'
import { openCliDatabase } from '../open-cli-database.ts'

export async function run(args: string[]): Promise<number> {
  const [file] = args
  if (!file || (file.startsWith('-') && file !== '-')) {
    process.stderr.write(
      'Pemakaian: warta backup FILE|-   (contoh: warta backup cadangan-2026-11-22.jsonl.gz)\n',
    )
    return 2
  }
  const database = await openCliDatabase('backup')
  if (!database) return 1
  try {
    const toStdout = file === '-'
    const trailer = toStdout
      ? await writeBackupStream(database, process.stdout)
      : await writeBackupFile(database, path.resolve(file))
    // With `-` stdout is the backup itself, so the summary goes to stderr.
    const summary = toStdout ? process.stderr : process.stdout
    summary.write(
      `Cadangan ditulis ke ${toStdout ? 'stdout' : file}: ${trailer.rows} baris dari ${trailer.tables} tabel (${database.engine}).\n`,
    )
    return 0
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`warta backup: ${error.message}\n`)
      return 1
    }
    throw error
  } finally {
    await database.close()
  }
}
