// Runs the real `warta` command as a child process for process-level tests: random ports on 127.0.0.1,
// bounded waits, and a kill of every child in afterAll so a failing test never leaves a server behind.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

export interface WartaProcess {
  child: ChildProcess
  output(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const running = new Set<ChildProcess>()

/** Runs `warta ARGS` from this checkout, or from another copy of the project (the first-start bench's clone). */
export function spawnWarta(args: string[], env: Record<string, string>, root = projectRoot): WartaProcess {
  return spawnCommand(process.execPath, [path.join(root, 'bin', 'warta.js'), ...args], env, root)
}

/** Any command (`npm start` in the first-start bench) with the same clean environment and bookkeeping. */
export function spawnCommand(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): WartaProcess {
  // Settings from the developer's shell must not leak in: every test states its own.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('WARTA_') && !['DATABASE_URL', 'PORT', 'HOST'].includes(key),
    ),
  )
  // Messages in Bahasa Indonesia whatever the machine's locale: tests read them.
  const child = spawn(command, args, {
    cwd,
    env: { ...base, HOST: '127.0.0.1', LOG_LEVEL: 'warn', WARTA_LOCALE: 'id', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let text = ''
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child)
      resolve({ code, signal })
    })
  })
  return { child, output: () => text, exited }
}

export function killAllWarta(): void {
  for (const child of running) child.kill('SIGKILL')
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Polls until the URL answers 200, the process exits, or the time runs out (then throws with its output). */
export async function waitForOk(url: string, process: WartaProcess, timeoutMs = 45_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  void process.exited.then(() => (exited = true))
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(url)
      if (response.status === 200) return response
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(
    `${url} did not answer 200 (${exited ? 'process exited' : 'timed out'}). Output:\n${process.output()}`,
  )
}

export async function stopWarta(
  process: WartaProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  process.child.kill('SIGTERM')
  return process.exited
}

const tempDirs: string[] = []

/** A new folder under the system temp dir, removed by removeTempDirs() (PGlite folders are tens of MB each). */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}
