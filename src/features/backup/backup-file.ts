// `warta backup FILE` / `warta restore FILE`: the backup lines of src/db/backup-*.ts, gzip'd, streamed to and
// from disk with backpressure so memory stays flat whatever the database size.
import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import type { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip, createGzip } from 'node:zlib'
import type { Database } from '../../db/open-database.ts'
import { exportDatabase } from '../../db/backup-export.ts'
import { importDatabase, type ImportResult } from '../../db/backup-import.ts'
import type { BackupTrailer } from '../../db/backup-format.ts'

/**
 * Writes to FILE.partial and renames at the end, so an interrupted backup never looks like a complete one. The
 * file is readable by its owner only (0600): it holds the deployment secret, password and session hashes. The
 * partial file is always created anew, so neither a leftover partial nor an existing FILE lends it wider rights.
 */
export async function writeBackupFile(database: Database, file: string): Promise<BackupTrailer> {
  const partial = `${file}.partial`
  try {
    await rm(partial, { force: true })
    const handle = await open(partial, 'wx', 0o600)
    await handle.chmod(0o600)
    const trailer = await writeBackupStream(database, handle.createWriteStream())
    await rename(partial, file)
    return trailer
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}

/** The gzip'd backup into any stream (`warta backup -` pipes it to stdout, e.g. straight to off-site storage). */
export async function writeBackupStream(database: Database, out: Writable): Promise<BackupTrailer> {
  const gzip = createGzip({ level: 6 })
  const written = pipeline(gzip, out)
  try {
    const trailer = await exportDatabase(database, async (line) => {
      if (!gzip.write(`${line}\n`)) await once(gzip, 'drain')
    })
    gzip.end()
    await written
    return trailer
  } catch (error) {
    gzip.destroy()
    await written.catch(() => undefined)
    throw error
  }
}

/** FILE, or `-` for standard input. */
export async function restoreBackupFile(database: Database, file: string): Promise<ImportResult> {
  return importDatabase(database, readGzipLines(file === '-' ? process.stdin : createReadStream(file)))
}

export async function* readGzipLines(source: Readable): AsyncGenerator<string> {
  const gunzip = createGunzip()
  source.on('error', (error) => gunzip.destroy(error))
  source.pipe(gunzip)
  const decoder = new StringDecoder('utf8')
  let rest = ''
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const parts = (rest + decoder.write(chunk)).split('\n')
      rest = parts.pop()!
      yield* parts
    }
    rest += decoder.end()
    if (rest !== '') yield rest
  } finally {
    source.destroy()
    gunzip.destroy()
  }
}
