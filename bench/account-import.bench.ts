// npm run bench:import — finding 4.6: a 38,000-row CSV import of the account registry on the embedded PGlite.
// A fresh PGlite directory with the bench data set (bench/load-bench-data.ts: 26 units, 50 users, 2,000
// accounts), the real server in its own process (`warta start`: API, job runner and database in one), then:
// upload → preview job → apply job, polled as the web app does, while a prober sends GET /healthz and
// GET /api/accounts?limit=50 one after the other all along. Prints the wall time of each phase, the server's peak
// RSS (VmHWM) and the probes' latencies before and during the import, and the largest audit entry written.
// The last lines are machine-read:
//   rows=<n> preview_s=<n> apply_s=<n> peak_rss_mb=<n> healthz_p99_ms=<n> accounts_p99_ms=<n>
// Settings: BENCH_ROWS=38000
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../src/db/open-database.ts'
import { migrate } from '../src/db/migrate.ts'
import { rowsOf } from '../src/db/sql-helpers.ts'
import { roleGrants, units, users } from '../src/db/schema/index.ts'
import { freePort, spawnWarta, stopWarta, waitForOk, type WartaProcess } from '../tests/int/warta-process.ts'
import { loadBenchData } from './load-bench-data.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 38_000)

/** A handle each platform accepts, unique per row. */
const HANDLES: ReadonlyArray<readonly [string, (i: number) => string]> = [
  ['x', (i) => `imp_${i}`],
  ['instagram', (i) => `impor.humas.${i}`],
  ['facebook', (i) => `imporhumas${i}`],
  ['tiktok', (i) => `impor_humas_${i}`],
  ['youtube', (i) => `impor-humas-${i}`],
  ['bluesky', (i) => `impor${i}.bsky.social`],
  ['mastodon', (i) => `impor${i}@mastodon.social`],
  ['telegram', (i) => `impor_humas_${i}`],
  ['threads', (i) => `impor.humas.${i}`],
]

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10
}

function summary(values: readonly number[]): string {
  return `n=${values.length} p50=${percentile(values, 50)} p95=${percentile(values, 95)} p99=${percentile(values, 99)} max=${percentile(values, 100)} ms`
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

/** Sends the two probes one after the other until stopped, recording each answer's time. */
function startProber(base: string, token: string) {
  const healthz: number[] = []
  const accounts: number[] = []
  let stopped = false
  let failures = 0
  const timed = async (url: string, into: number[], headers: Record<string, string> = {}) => {
    const started = performance.now()
    const response = await fetch(url, { headers })
    await response.arrayBuffer()
    if (!response.ok) failures += 1
    into.push(performance.now() - started)
  }
  const loop = (async () => {
    while (!stopped) {
      await timed(`${base}/healthz`, healthz)
      await timed(`${base}/api/accounts?limit=50`, accounts, { authorization: `Bearer ${token}` })
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  return {
    async stop() {
      stopped = true
      await loop
      return { healthz, accounts, failures }
    },
  }
}

async function waitForImport(
  base: string,
  token: string,
  id: string,
  until: readonly string[],
): Promise<Record<string, unknown>> {
  let lastProgress = -1
  for (;;) {
    const response = await fetch(`${base}/api/accounts/imports/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const view = (await response.json()) as Record<string, unknown>
    if (until.includes(view.status as string)) return view
    if (view.status === 'failed') throw new Error(`import failed: ${JSON.stringify(view.failure)}`)
    const progress = Number(view.processedRows)
    if (progress !== lastProgress && progress % 5000 < 250) log(`  … ${progress} / ${String(view.totalRows)}`)
    lastProgress = progress
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'warta-bench-import-'))
const dataDir = root
let server: WartaProcess | undefined
log(
  `load average before: ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
)
try {
  // 1. The data set, then a penanggung jawab and a pengelola on the top unit whom every row can name.
  const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') })
  let token: string
  let unitCodes: string[]
  let instansiId: string
  try {
    await migrate(database)
    const data = await loadBenchData(database.db)
    token = data.token
    instansiId = data.instansiId
    const all = await database.db
      .select({ id: units.id, code: units.code, parentId: units.parentId })
      .from(units)
    unitCodes = all.map((unit) => unit.code)
    const top = all.find((unit) => unit.parentId === null)!
    const [anyUser] = await database.db.select({ passwordHash: users.passwordHash }).from(users).limit(1)
    for (const [email, role] of [
      ['pj.impor@bench.go.id', 'penanggung_jawab'],
      ['pengelola.impor@bench.go.id', 'pengelola'],
    ] as const) {
      const id = randomUUID()
      await database.db
        .insert(users)
        .values({ id, instansiId, email, name: email, passwordHash: anyUser!.passwordHash })
      await database.db.insert(roleGrants).values({ instansiId, userId: id, unitId: top.id, role })
    }
  } finally {
    await database.close()
  }

  // 2. The file: 38,000 rows as a spreadsheet in the Indonesian locale saves them.
  const lines = [
    'platform;nama_akun;kode_unit;penanggung_jawab_email;pengelola_1_email;pengelola_1_nomor_surat_tugas;pengelola_1_tanggal_surat_tugas;status',
  ]
  for (let i = 0; i < ROWS; i += 1) {
    const [platform, handle] = HANDLES[i % HANDLES.length]!
    lines.push(
      `${platform};${handle(i)};${unitCodes[i % unitCodes.length]};pj.impor@bench.go.id;pengelola.impor@bench.go.id;800/${i}/Humas;05/01/2026;aktif`,
    )
  }
  const csv = lines.join('\r\n')
  log(`csv: ${ROWS} rows, ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(2)} MB`)

  // 3. The server, and the probes at rest.
  const port = await freePort()
  server = spawnWarta(['start'], {
    WARTA_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    WARTA_SECRET: 'b'.repeat(48),
  })
  await waitForOk(`http://127.0.0.1:${port}/readyz`, server, 120_000)
  const base = `http://127.0.0.1:${port}`
  const idle = startProber(base, token)
  await new Promise((resolve) => setTimeout(resolve, 5000))
  const atRest = await idle.stop()
  const restRss = peakRssMb(server.child.pid!)
  log(`at rest: GET /healthz ${summary(atRest.healthz)}; GET /api/accounts ${summary(atRest.accounts)}`)
  log(`server peak RSS (VmHWM) before the import: ${restRss} MB`)

  // 4. Upload, preview, apply, with the probes running all along.
  const prober = startProber(base, token)
  const started = performance.now()
  const upload = await fetch(`${base}/api/accounts/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  })
  const uploadMs = performance.now() - started
  if (upload.status !== 200) throw new Error(`upload answered ${upload.status}: ${await upload.text()}`)
  const { id } = (await upload.json()) as { id: string }
  log(`upload answered in ${Math.round(uploadMs)} ms; checking…`)
  const previewed = await waitForImport(base, token, id, ['previewed'])
  const previewMs = performance.now() - started
  log(
    `preview: ${JSON.stringify({ created: previewed.created, rejected: previewed.rejected })} in ${(previewMs / 1000).toFixed(1)} s`,
  )
  const applyStarted = performance.now()
  const apply = await fetch(`${base}/api/accounts/imports/${id}/apply`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  })
  if (apply.status !== 200) throw new Error(`apply answered ${apply.status}: ${await apply.text()}`)
  const done = await waitForImport(base, token, id, ['done'])
  const applyMs = performance.now() - applyStarted
  log(
    `apply: ${JSON.stringify({ created: done.created, rejected: done.rejected })} in ${(applyMs / 1000).toFixed(1)} s`,
  )
  const during = await prober.stop()
  const rss = peakRssMb(server.child.pid!)
  log(
    `during the import: GET /healthz ${summary(during.healthz)}; GET /api/accounts ${summary(during.accounts)}; failed probes ${during.failures}`,
  )
  log(`server peak RSS (VmHWM) after the import: ${rss} MB (before: ${restRss} MB)`)
  await stopWarta(server)
  server = undefined

  // 5. The audit log: one small entry per account and one summary.
  const after = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') })
  try {
    const [audit] = rowsOf<{ entries: number; largest: number }>(
      await after.db.execute(
        sql`select count(*)::int as entries, max(octet_length(coalesce("before"::text, '') || coalesce("after"::text, '')))::int as largest from audit_log where action in ('account.create', 'account.update', 'account.import')`,
      ),
    )
    log(`audit: ${audit!.entries} entries for the import, the largest ${audit!.largest} bytes`)
  } finally {
    await after.close()
  }
  log(
    `load average after: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  )
  process.stdout.write(
    `rows=${ROWS} upload_ms=${Math.round(uploadMs)} preview_s=${(previewMs / 1000).toFixed(1)} apply_s=${(applyMs / 1000).toFixed(1)} peak_rss_mb=${rss} rest_rss_mb=${restRss} healthz_p99_ms=${percentile(during.healthz, 99)} accounts_p99_ms=${percentile(during.accounts, 99)}\n`,
  )
} finally {
  if (server) await stopWarta(server)
  rmSync(root, { recursive: true, force: true })
}
