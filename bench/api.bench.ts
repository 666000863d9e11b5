// npm run bench:api — the authenticated account list under load, on PostgreSQL and on the embedded PGlite.
// Per engine: a fresh database, 2,000 accounts and 50 users (bench/load-bench-data.ts), the real server in its
// own process (`warta api` on PostgreSQL, `warta start` on PGlite), then autocannon in another process:
// 100 connections for 20 s on GET /api/accounts with a personal API token. The last lines are machine-read:
//   engine=<pg|pglite> rps=<n> p99_ms=<n> cpu_ms_per_request=<n>
// rps and p99 depend on what else the machine runs; cpu_ms_per_request (the server's CPU per answer) much less.
// Settings: BENCH_ENGINES=pg,pglite  BENCH_DURATION=20  BENCH_CONNECTIONS=100  BENCH_PATH=/api/accounts
//           BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres (a server where it may create a database)
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openDatabase } from '../src/db/open-database.ts'
import { migrate } from '../src/db/migrate.ts'
import type { Engine } from '../src/db/client.ts'
import { freePort, spawnWarta, stopWarta, waitForOk, type WartaProcess } from '../tests/int/warta-process.ts'
import { loadBenchData } from './load-bench-data.ts'

const engines = (process.env.BENCH_ENGINES ?? 'pg,pglite').split(',').filter(Boolean) as Engine[]
const duration = Number(process.env.BENCH_DURATION ?? 20)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 100)
const benchPath = process.env.BENCH_PATH ?? '/api/accounts'
const pgServerUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

interface LoadResult {
  engine: Engine
  rps: number
  p99: number
  p50: number
  errors: number
  non2xx: number
  requests: number
  /** CPU time the Warta server processes spent per answered request (the database server's not included). */
  cpuMsPerRequest: number
}

const CLOCK_TICKS_PER_SECOND = 100

/**
 * CPU seconds (user + system) used so far by a process and every live descendant, from /proc. A shared machine
 * changes requests per second and latency; the CPU a request costs changes much less, so comparisons between
 * two versions of the code hold even when other work runs beside the bench.
 */
function cpuSecondsOfTree(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // The process ended while we read the table.
    }
  }
  let ticks = 0
  const queue = [rootPid]
  while (queue.length > 0) {
    const pid = queue.pop()!
    ticks += stats.get(pid)?.ticks ?? 0
    for (const [child, stat] of stats) if (stat.ppid === pid) queue.push(child)
  }
  return ticks / CLOCK_TICKS_PER_SECOND
}

interface Target {
  env: Record<string, string>
  command: string
  dispose(): Promise<void>
}

async function prepare(engine: Engine): Promise<{ target: Target; token: string }> {
  let databaseUrl: string | undefined
  let pgliteRoot: string | undefined
  let dropDatabase = async (): Promise<void> => undefined
  if (engine === 'pg') {
    const name = `warta_bench_${Date.now()}`
    const admin = new pg.Client({ connectionString: pgServerUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(pgServerUrl)
    url.pathname = `/${name}`
    databaseUrl = url.toString()
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: pgServerUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    }
  } else {
    pgliteRoot = mkdtempSync(path.join(tmpdir(), 'warta-bench-'))
  }
  const started = performance.now()
  const database = await openDatabase({
    databaseUrl,
    pgliteDir: pgliteRoot && path.join(pgliteRoot, 'pglite'),
  })
  let token: string
  try {
    await migrate(database)
    const data = await loadBenchData(database.db)
    token = data.token
    log(
      `${engine}: loaded ${data.accounts} accounts and ${data.users} users in ${Math.round(performance.now() - started)} ms`,
    )
  } finally {
    await database.close()
  }
  return {
    token,
    target: {
      env: engine === 'pg' ? { DATABASE_URL: databaseUrl! } : { WARTA_DATA_DIR: pgliteRoot! },
      command: engine === 'pg' ? 'api' : 'start',
      async dispose() {
        await dropDatabase()
        if (pgliteRoot) rmSync(pgliteRoot, { recursive: true, force: true })
      },
    },
  }
}

async function runAutocannon(
  url: string,
  token: string,
): Promise<Omit<LoadResult, 'engine' | 'cpuMsPerRequest'>> {
  const bin = path.join(
    path.dirname(createRequire(import.meta.url).resolve('autocannon/package.json')),
    'autocannon.js',
  )
  // A 30 s timeout so slow answers count in the latency figures instead of vanishing as errors.
  const args = [
    bin,
    '-c',
    String(connections),
    '-d',
    String(duration),
    '-t',
    '30',
    '-j',
    '-H',
    `authorization=Bearer ${token}`,
    url,
  ]
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`autocannon exited with ${code}`)),
    )
  })
  const result = JSON.parse(output) as {
    requests: { average: number; total: number }
    latency: { p99: number; p50: number }
    errors: number
    non2xx: number
  }
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  }
}

async function benchEngine(engine: Engine): Promise<LoadResult> {
  const { target, token } = await prepare(engine)
  const port = await freePort()
  let server: WartaProcess | undefined
  try {
    server = spawnWarta([target.command], {
      ...target.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      WARTA_SECRET: 'b'.repeat(48),
    })
    await waitForOk(`http://127.0.0.1:${port}/readyz`, server, 90_000)
    const url = `http://127.0.0.1:${port}${benchPath}`
    const probe = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
    const body = await probe.text()
    if (probe.status !== 200)
      throw new Error(`${engine}: GET ${benchPath} answered ${probe.status}: ${body.slice(0, 300)}`)
    const items = (JSON.parse(body) as { items?: unknown[] }).items
    log(`${engine}: GET ${benchPath} → 200, ${items?.length ?? '?'} items, ${body.length} bytes per response`)
    // A short warm-up so JIT and the database caches are not part of the measurement.
    await fetch(url, { headers: { authorization: `Bearer ${token}` } })
    const serverPid = server.child.pid!
    const cpuBefore = cpuSecondsOfTree(serverPid)
    const measured = await runAutocannon(url, token)
    const cpuSeconds = cpuSecondsOfTree(serverPid) - cpuBefore
    return { engine, ...measured, cpuMsPerRequest: (cpuSeconds * 1000) / Math.max(1, measured.requests) }
  } finally {
    if (server) await stopWarta(server)
    await target.dispose()
  }
}

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

logLoad('before')
const results: LoadResult[] = []
for (const engine of engines) {
  log(`${engine}: ${connections} connections for ${duration} s on ${benchPath}`)
  const result = await benchEngine(engine)
  log(`${engine}: p50=${result.p50} ms, errors=${result.errors}, non-2xx=${result.non2xx}`)
  results.push(result)
}
logLoad('after')
for (const result of results) {
  process.stdout.write(
    `engine=${result.engine} rps=${Math.round(result.rps)} p99_ms=${result.p99} cpu_ms_per_request=${result.cpuMsPerRequest.toFixed(2)}\n`,
  )
}
