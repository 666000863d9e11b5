// First start and idle memory of `npm start`, measured on a fresh clone of this repository (committed files
// only; node_modules linked from this checkout, so `npm install` time is not part of it):
//   fresh_clone  — no web/dist and no data folder: builds the web app, runs initdb, migrates, serves the wizard
//   fresh_data   — web app already built, new data folder: initdb + migrations only
//   restart      — same data folder again
// Each is process spawn → HTTP 200 on / (the first-run wizard page). After the restart, the server idles 10 s
// and its resident memory (VmRSS of the server process) is read from /proc. The last lines are machine-read:
//   case=<name> first_start_s=<n>   and   idle_rss_mb=<n>
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, spawnCommand, waitForOk } from '../tests/int/warta-process.ts'

const checkout = fileURLToPath(new URL('../', import.meta.url))
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 10)

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

/** Timings on a shared machine mean little without its load; both benches print it before and after. */
function logLoad(when: string): void {
  log(
    `load average ${when}: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  )
}

/** The server itself: the node process running bin/warta.js somewhere below `npm start`. */
function serverPid(rootPid: number): number | undefined {
  const queue = [rootPid]
  while (queue.length > 0) {
    const pid = queue.shift()!
    try {
      // `sh -c "node bin/warta.js start"` mentions the script too; the server is the node process.
      const [program, script] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
      if (path.basename(program ?? '') === 'node' && script?.endsWith('bin/warta.js')) return pid
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
      if (children) queue.push(...children.split(/\s+/).map(Number))
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN)
  return Math.round(kb / 1024)
}

logLoad('before')
const workDir = mkdtempSync(path.join(tmpdir(), 'warta-first-start-'))
const clone = path.join(workDir, 'warta')
execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${checkout}`, clone])
symlinkSync(path.join(checkout, 'node_modules'), path.join(clone, 'node_modules'))
log(`cloned ${execFileSync('git', ['-C', clone, 'log', '--oneline', '-1']).toString().trim()} into ${clone}`)
if (existsSync(path.join(clone, 'web', 'dist'))) throw new Error('a fresh clone should have no web/dist')

const lines: string[] = []
try {
  const dataDirs = [path.join(workDir, 'data-1'), path.join(workDir, 'data-2')]
  const cases: [string, string][] = [
    ['fresh_clone', dataDirs[0]!],
    ['fresh_data', dataDirs[1]!],
    ['restart', dataDirs[1]!],
  ]
  for (const [name, dataDir] of cases) {
    const port = await freePort()
    const started = performance.now()
    // Exactly what the README says to run, so npm's own start-up is part of the figure.
    const server = spawnCommand(
      'npm',
      ['start', '--silent'],
      { WARTA_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' },
      clone,
    )
    try {
      const page = await waitForOk(`http://127.0.0.1:${port}/`, server, 180_000)
      const seconds = (performance.now() - started) / 1000
      const html = await page.text()
      if (!html.includes('<div id="root"'))
        log(`warning: / did not look like the web app: ${html.slice(0, 120)}`)
      log(`${name}: HTTP 200 on / after ${seconds.toFixed(2)} s`)
      lines.push(`case=${name} first_start_s=${seconds.toFixed(2)}`)
      if (name === 'restart') {
        await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000))
        const rss = residentMb(serverPid(server.child.pid!)!)
        log(`idle ${idleSeconds} s after start: VmRSS ${rss} MB`)
        lines.push(`idle_rss_mb=${rss}`)
      }
    } finally {
      // Stop the server process itself (as Ctrl+C would); npm exits with it.
      const pid = serverPid(server.child.pid!)
      if (pid) process.kill(pid, 'SIGTERM')
      else server.child.kill('SIGTERM')
      await server.exited
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
logLoad('after')
for (const line of lines) process.stdout.write(`${line}\n`)
