// The data-folder lock as processes see it: a crash leaves warta.lock behind with a dead pid, and after it any
// number of processes may start at once; exactly one of them may get the folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { testEngine } from '../../tests/support/test-context.ts'
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from './data-dir-lock.ts'

const holderScript = fileURLToPath(new URL('../../tests/support/hold-data-dir-lock.ts', import.meta.url))
const children = new Set<ChildProcess>()
const dirs: string[] = []

afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'warta-lock-'))
  dirs.push(dir)
  return dir
}

/** The pid of a process that has already exited: what a crash leaves in the lock file. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0'])
  return child.pid
}

interface Contender {
  child: ChildProcess
  output(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function startContender(dataDir: string): Contender {
  // Node 24 runs the TypeScript directly (type stripping), which starts far faster than tsx: the 30 contenders
  // are all waiting long before the signal to go.
  const child = spawn(process.execPath, [holderScript, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] })
  children.add(child)
  let text = ''
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child)
      resolve({ code, signal })
    }),
  )
  return { child, output: () => text, exited }
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the data-folder lock', () => {
  if (testEngine() === 'pglite') {
    it('lets exactly one of 30 processes started at once over a stale lock hold the folder', async () => {
      const dataDir = tempDir()
      const lockFile = path.join(dataDir, LOCK_FILE_NAME)
      writeFileSync(lockFile, `${deadPid()}\n`)

      const contenders = Array.from({ length: 30 }, () => startContender(dataDir))
      await waitFor(() => contenders.every((c) => c.output().includes('ready')), 'all contenders to start')
      for (const contender of contenders) contender.child.stdin!.write('go\n')
      await waitFor(
        () => contenders.every((c) => /^(held|refused) /m.test(c.output())),
        'every contender to answer',
      )

      const holders = contenders.filter((c) => /^held /m.test(c.output()))
      expect(holders).toHaveLength(1)
      const holderPid = holders[0]!.child.pid!
      expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(holderPid))
      for (const refusal of contenders.filter((c) => c !== holders[0]).map((c) => c.output()))
        expect(refusal).toContain(`sedang dipakai proses Warta lain (pid ${holderPid})`)

      const others = contenders.filter((c) => c !== holders[0])
      expect(await Promise.all(others.map((c) => c.exited))).toEqual(
        others.map(() => ({ code: 0, signal: null })),
      )
      // Released on SIGTERM, and no takeover leftovers next to it.
      holders[0]!.child.kill('SIGTERM')
      expect(await holders[0]!.exited).toEqual({ code: null, signal: 'SIGTERM' })
      expect(existsSync(lockFile)).toBe(false)
      expect(readdirNames(dataDir)).toEqual([])
    }, 120_000)
  }

  it('refuses a second holder while a live process has the folder', async () => {
    const dataDir = tempDir()
    const first = startContender(dataDir)
    await waitFor(() => first.output().includes('ready'), 'the first holder to start')
    first.child.stdin!.write('go\n')
    await waitFor(() => first.output().includes('held'), 'the first holder to take the lock')

    const refused = catchLockError(() => acquireDataDirLock(dataDir))
    expect(refused.key).toBe('cli.data_dir_locked')
    expect(refused.params).toEqual({ dir: dataDir, pid: first.child.pid })

    first.child.kill('SIGTERM')
    await first.exited
    const lock = acquireDataDirLock(dataDir)
    lock.release()
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false)
  }, 60_000)

  it('takes over a stale lock whose previous taker also died mid-way', () => {
    const dataDir = tempDir()
    const lockFile = path.join(dataDir, LOCK_FILE_NAME)
    const crashed = deadPid()
    writeFileSync(lockFile, `${crashed}\n`)
    // A process that began taking over the stale lock and died while holding the takeover marker.
    writeFileSync(`${lockFile}.stale-${crashed}`, `${deadPid()}\n`)

    const lock = acquireDataDirLock(dataDir)
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid))
    expect(readdirNames(dataDir)).toEqual([LOCK_FILE_NAME])
    expect(catchLockError(() => acquireDataDirLock(dataDir)).key).toBe('cli.data_dir_open_here')
    lock.release()
    expect(readdirNames(dataDir)).toEqual([])
  })
})

function catchLockError(action: () => unknown): DataDirLockedError {
  try {
    action()
  } catch (error) {
    if (error instanceof DataDirLockedError) return error
    throw error
  }
  throw new Error('expected the lock to be refused')
}

function readdirNames(dir: string): string[] {
  return readdirSync(dir).sort()
}
