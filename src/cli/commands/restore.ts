// `warta restore FILE`: loads a backup into an EMPTY database (it is migrated first), on either engine, so a
// backup of the embedded database can move to PostgreSQL and back. Refuses a database that already has data.
// `warta restore -` reads the backup from stdin.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { BackupError } from '../../db/backup-format.ts'
import { migrate } from '../../db/migrate.ts'
import { restoreBackupFile } from '../../features/backup/backup-file.ts'
import { openCliDatabase } from '../open-cli-database.ts'

export async function run(args: string[]): Promise<number> {
  const [file] = args
  if (!file || (file.startsWith('-') && file !== '-')) {
    process.stderr.write(
      'Pemakaian: warta restore FILE|-   (ke basis data kosong; atur DATABASE_URL atau WARTA_DATA_DIR dulu)\n',
    )
    return 2
  }
  if (file !== '-' && !existsSync(file)) {
    process.stderr.write(`warta restore: berkas ${file} tidak ditemukan.\n`)
    return 1
  }
  const database = await openCliDatabase('restore')
  if (!database) return 1
  try {
    await migrate(database)
    const result = await restoreBackupFile(database, file === '-' ? '-' : path.resolve(file))
    process.stdout.write(
      `Dipulihkan ke ${database.engine}: ${result.rows} baris dari ${result.tables} tabel ` +
        `(cadangan ${result.header.engine}, ${result.header.createdAt}).\n`,
    )
    if (result.newerInTarget.length > 0) {
      process.stdout.write(
        `Catatan: cadangan lebih tua dari migrasi ${result.newerInTarget.join(', ')}; kolom barunya berisi nilai bawaan.\n`,
      )
    }
    process.stdout.write("Periksa rantai log audit dengan 'warta audit verify'.\n")
    return 0
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`warta restore: ${error.message}\n`)
      return 1
    }
    throw error
  } finally {
    await database.close()
  }
}
