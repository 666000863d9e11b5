// PGlite has no lock of its own: two processes on one data directory silently lose writes (stack-notes §5.3).
// We hold an exclusive lock file, warta.lock (it holds our pid), for the life of the process and refuse to start
// when a live process holds it. Taking the lock is atomic even when many processes start at once over the stale
// lock of a crashed one:
// - The lock appears in one step with its content: our pid is written to a private file that is then hard-linked
//   to warta.lock, and link() fails when the name exists. Nobody ever sees an empty or half-written lock.
// - A stale lock (its pid is dead) may be removed only by whoever first creates the marker
//   `warta.lock.stale-<pid>` exclusively, and only if warta.lock, read again under that marker, still names the
//   dead pid. The marker goes right after. A slower process that read the same dead pid therefore finds, when it
//   gets its turn, either the new holder's live pid or no lock at all, and never removes a live lock.
// - A marker left by a process that died while taking over is stale in its turn and removed the same way, one
//   level deeper.
// No native addon; works on any local file system with hard links (others fall back to an exclusive create).
import { randomBytes } from 'node:crypto'
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import path from 'node:path'
import type { TerminalMessageKey } from '../shared/messages/terminal-catalogue.ts'
import type { MessageParams } from '../shared/messages/format-message.ts'
import { formatTerminalMessage } from '../shared/messages/terminal-catalogue.ts'

export const LOCK_FILE_NAME = 'warta.lock'

/** The folder is held by another process (or cannot be locked); `key`/`params` name the message to show. */
export class DataDirLockedError extends Error {
  readonly key: TerminalMessageKey
  readonly params: MessageParams

  constructor(key: TerminalMessageKey, params: MessageParams) {
    super(formatTerminalMessage('id', key, params))
    this.name = 'DataDirLockedError'
    this.key = key
    this.params = params
  }
}

export interface DataDirLock {
  release(): void
}

/** How long to wait for another process that is in the middle of taking over a stale lock. */
const TAKEOVER_WAIT_MS = 10_000
const RETRY_MS = 15
/** An empty lock is one being written on a file system without hard links; after this long it is stale. */
const EMPTY_LOCK_GRACE_MS = 5_000
/** Markers on markers: a third crash in a row during a takeover is not worth automating. */
const MAX_MARKER_DEPTH = 3

const heldInThisProcess = new Set<string>()

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, LOCK_FILE_NAME)
  if (heldInThisProcess.has(lockPath)) {
    throw new DataDirLockedError('cli.data_dir_open_here', { dir: dataDir })
  }
  const deadline = Date.now() + TAKEOVER_WAIT_MS
  for (;;) {
    if (createExclusively(lockPath)) return holdLock(lockPath)
    const holder = readHolder(lockPath)
    if (holder.state === 'alive') {
      throw new DataDirLockedError('cli.data_dir_locked', { dir: dataDir, pid: holder.pid })
    }
    // 'gone' (released meanwhile): try again at once. 'stale': remove it under its marker, then try again.
    const progressed =
      holder.state === 'gone' || (holder.state === 'stale' && removeStale(lockPath, holder.token, 0))
    if (progressed) continue
    if (Date.now() > deadline) {
      throw new DataDirLockedError('cli.data_dir_lock_stuck', { dir: dataDir, lockFile: lockPath })
    }
    sleep(RETRY_MS)
  }
}

function holdLock(lockPath: string): DataDirLock {
  heldInThisProcess.add(lockPath)
  let released = false
  const release = (): void => {
    if (released) return
    released = true
    heldInThisProcess.delete(lockPath)
    process.off('exit', release)
    for (const signal of STOP_SIGNALS) process.off(signal, onStopSignal)
    rmSync(lockPath, { force: true })
  }
  // A signal's default action ends the process without running 'exit' handlers. When nobody else handles the
  // signal (one-shot commands such as `warta backup`), release the lock, then let the signal do what it would
  // have done. When someone else does (`warta start` closes the database first), leave it to them.
  const onStopSignal = (signal: NodeJS.Signals): void => {
    if (process.listenerCount(signal) > 1) return
    release()
    process.kill(process.pid, signal)
  }
  process.once('exit', release)
  for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal)
  return { release }
}

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP']

/** Creates `file` holding our pid, in one step; false when it already exists. */
function createExclusively(file: string): boolean {
  const content = `${process.pid}\n`
  const privateFile = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const fd = openSync(privateFile, 'wx')
  try {
    writeSync(fd, content)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(privateFile, file)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
      return createWithoutLink(file, content)
    }
    throw error
  } finally {
    rmSync(privateFile, { force: true })
  }
}

/** File systems without hard links (FAT, some network shares): exclusive create, then write. */
function createWithoutLink(file: string, content: string): boolean {
  let fd: number
  try {
    fd = openSync(file, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, content)
  } finally {
    closeSync(fd)
  }
  return true
}

type Holder =
  | { state: 'gone' }
  | { state: 'alive'; pid: number }
  /** Being written (only without hard links); wait. */
  | { state: 'busy' }
  /** `token` names this exact stale content, for its takeover marker. */
  | { state: 'stale'; token: string }

function readHolder(file: string): Holder {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone' }
    throw error
  }
  const trimmed = text.trim()
  if (trimmed === '') {
    let ageMs: number
    try {
      ageMs = Date.now() - statSync(file).mtimeMs
    } catch {
      return { state: 'gone' }
    }
    return ageMs < EMPTY_LOCK_GRACE_MS ? { state: 'busy' } : { state: 'stale', token: 'empty' }
  }
  const pid = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
  if (!Number.isSafeInteger(pid) || pid <= 0) return { state: 'stale', token: 'invalid' }
  // Our own pid in a lock we do not hold: a container restarted under the same pid after a crash.
  if (pid !== process.pid && isProcessAlive(pid)) return { state: 'alive', pid }
  return { state: 'stale', token: String(pid) }
}

/**
 * Removes `file` if it still holds the stale content named by `token`, while holding that content's takeover
 * marker. True when this call made progress (removed it, or found it already gone or changed).
 */
function removeStale(file: string, token: string, depth: number): boolean {
  const marker = `${file}.stale-${token}`
  if (!createExclusively(marker)) {
    // Someone else is taking over. If they died doing it, clear their marker the same way and retry later.
    const taker = readHolder(marker)
    if (taker.state === 'stale' && depth < MAX_MARKER_DEPTH) removeStale(marker, taker.token, depth + 1)
    return false
  }
  try {
    const again = readHolder(file)
    if (again.state === 'stale' && again.token === token) rmSync(file, { force: true })
    return true
  } finally {
    rmSync(marker, { force: true })
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4))
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms)
}
