// A child process for the data-folder lock race (src/db/data-dir-lock.int.test.ts): prints `ready`, waits for a
// line on stdin, then tries to take the lock on the folder given as argument. It prints `held <pid>` and keeps the
// lock until it is signalled, or `refused <message>` and exits.
import { acquireDataDirLock, DataDirLockedError } from '../../src/db/data-dir-lock.ts'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: hold-data-dir-lock.ts DATA_DIR')

process.stdin.once('data', () => {
  process.stdin.destroy()
  try {
    acquireDataDirLock(dataDir)
    process.stdout.write(`held ${process.pid}\n`)
    setInterval(() => undefined, 60_000)
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error
    process.stdout.write(`refused ${error.message}\n`)
  }
})
process.stdout.write('ready\n')
