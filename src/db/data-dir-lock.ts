// PGlite has no lock of its own: two processes on one data directory silently lose writes (stack-notes §5.3).
// We hold an exclusive lock file for the life of the process and refuse to start when another live process has it.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import path from 'node:path'

export class DataDirLockedError extends Error {}

export interface DataDirLock {
  release(): void
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const heldInThisProcess = new Set<string>()

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, 'warta.lock')
  if (heldInThisProcess.has(lockPath)) {
    throw new DataDirLockedError(`The data folder ${dataDir} is already open in this process.`)
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeSync(fd, `${process.pid}\n`)
      closeSync(fd)
      heldInThisProcess.add(lockPath)
      let released = false
      const release = (): void => {
        if (released) return
        released = true
        heldInThisProcess.delete(lockPath)
        rmSync(lockPath, { force: true })
      }
      process.once('exit', release)
      return { release }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10)
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by another Warta process (pid ${holder}). ` +
            'Stop that process first, or give this one its own folder with WARTA_DATA_DIR. ' +
            '(The embedded database cannot be shared between processes; use DATABASE_URL with PostgreSQL to run several.)',
        )
      }
      // A stale lock from a process that died: take it over.
      rmSync(lockPath, { force: true })
    }
  }
  throw new DataDirLockedError(
    `Could not lock the data folder ${dataDir}; remove ${lockPath} if no Warta process runs.`,
  )
}
