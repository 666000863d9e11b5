// npm run bench:publish — the publishing engine under a crowd: 10,000 posts due in the same minute across 1,000
// sandbox accounts, with the sandbox's latency (100–400 ms a call), its rate limit (300 calls / 5 min per
// account) and 1 % injected faults (½ % 503 before acceptance, ½ % accepted-then-504, reconciled). Per engine it
// prints the time from the due minute until nothing is left to do, and checks the sandbox: one post per variant
// (idempotency key), none lost, none twice. The last line per engine is machine-read:
//   engine=<pg|pglite> published=<n> duplicates=<n> lost=<n> unconfirmed_open=<n> seconds=<n>
//
// PostgreSQL: real `warta worker` processes (--workers N, default 1) on a fresh database of TEST_DATABASE_URL's
// server (default postgres://postgres@127.0.0.1:5432/test). PGlite holds its folder for one process, so there
// the job runner runs inside this process (what `warta start` runs), and the bench reads the same database.
// Options: --engines pg,pglite (default both; pg is skipped without a server), --workers 2, --posts 10000,
// --accounts 1000, --timeout 300 (seconds after the due minute).
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { pino } from 'pino'
import { createContext, type AppContext } from '../src/context.ts'
import type { Db } from '../src/db/client.ts'
import { openDatabase } from '../src/db/open-database.ts'
import { postVariants, posts, sandboxPosts } from '../src/db/schema/index.ts'
import { writeSetting } from '../src/db/settings-repository.ts'
import { DEFAULT_SANDBOX_FAULTS } from '../src/features/sandbox/sandbox-faults.ts'
import { SANDBOX_FAULTS_SETTING } from '../src/features/sandbox/sandbox-settings.ts'
import { startJobRunner, type JobRunner } from '../src/jobs/job-runner.ts'
import { createTestInstansi } from '../tests/support/fixtures.ts'
import { createConnectedSandboxAccount, createPenanggungJawab } from '../tests/support/publishing-fixtures.ts'
import { testConfig } from '../tests/support/test-context.ts'
import { createFreshPostgres } from '../tests/int/fresh-database.ts'
import { freePort, spawnWarta, waitForOk, type WartaProcess } from '../tests/int/warta-process.ts'

const { values: options } = parseArgs({
  options: {
    engines: { type: 'string', default: 'pg,pglite' },
    workers: { type: 'string', default: '1' },
    posts: { type: 'string', default: '10000' },
    accounts: { type: 'string', default: '1000' },
    timeout: { type: 'string', default: '300' },
  },
})
const POSTS = Number(options.posts)
const ACCOUNTS = Number(options.accounts)
const WORKERS = Number(options.workers)
const TIMEOUT_S = Number(options.timeout)
const SECRET = 'b'.repeat(40)
const OPEN = ['scheduled', 'publishing', 'unconfirmed']

function log(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Seeded {
  instansiId: string
  variantIds: string[]
}

/** The instansi, its accounts (connected sandbox accounts), the sandbox's faults; the posts come later. */
interface SeededAccounts {
  instansiId: string
  accountIds: string[]
  /** The posts' author and unit: the penanggung jawab, at the instansi's root unit. */
  authorId: string
  unitId: string
}

async function seedAccounts(context: AppContext): Promise<SeededAccounts> {
  const db = context.db
  const owner = await createTestInstansi(db, 'Instansi Bench')
  const pj = await createPenanggungJawab(db, owner)
  const accountIds: string[] = []
  for (let i = 0; i < ACCOUNTS; i++)
    accountIds.push((await createConnectedSandboxAccount(db, owner, pj, context)).id)
  await writeSetting(
    db,
    owner.id,
    SANDBOX_FAULTS_SETTING,
    { ...DEFAULT_SANDBOX_FAULTS, seed: 2026, unavailableRate: 0.005, unknownOutcomeRate: 0.005 },
    new Date(),
  )
  return { instansiId: owner.id, accountIds, authorId: pj.id, unitId: owner.rootUnit.id }
}

/** POSTS approved posts, one variant each, round-robin over the accounts, all due at `dueAt`. */
async function seedPosts(db: Db, seeded: SeededAccounts, dueAt: Date): Promise<Seeded> {
  const { instansiId, accountIds, authorId, unitId } = seeded
  const variantIds: string[] = []
  for (let start = 0; start < POSTS; start += 500) {
    const chunk = Array.from({ length: Math.min(500, POSTS - start) }, (_, k) => {
      const i = start + k
      return { postId: randomUUID(), variantId: randomUUID(), i }
    })
    await db.insert(posts).values(
      chunk.map(({ postId, i }) => ({
        id: postId,
        instansiId,
        unitId,
        authorId,
        title: `Pengumuman ${i}`,
        kind: 'informasi',
        baseText: `Pengumuman layanan publik nomor ${i}.`,
        scheduledAt: dueAt,
        status: 'scheduled',
      })),
    )
    await db.insert(postVariants).values(
      chunk.map(({ postId, variantId, i }) => ({
        id: variantId,
        instansiId,
        postId,
        accountId: accountIds[i % accountIds.length]!,
        text: `Pengumuman layanan publik nomor ${i}.`,
        status: 'scheduled',
        nextAttemptAt: dueAt,
      })),
    )
    variantIds.push(...chunk.map((c) => c.variantId))
  }
  return { instansiId, variantIds }
}

async function statusCounts(db: Db, instansiId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: postVariants.status, count: sql<number>`count(*)::int` })
    .from(postVariants)
    .where(eq(postVariants.instansiId, instansiId))
    .groupBy(postVariants.status)
  return Object.fromEntries(rows.map((row) => [row.status, row.count]))
}

/** Waits until nothing is open or the timeout; logs the progress every 5 s. */
async function watch(db: Db, seeded: Seeded, dueAt: Date): Promise<number> {
  const deadline = dueAt.getTime() + TIMEOUT_S * 1000
  let lastLog = 0
  for (;;) {
    const counts = await statusCounts(db, seeded.instansiId)
    const open = OPEN.reduce((sum, status) => sum + (counts[status] ?? 0), 0)
    const now = Date.now()
    if (now - lastLog >= 5_000) {
      lastLog = now
      log(`  t=${Math.round((now - dueAt.getTime()) / 1000)} s ${JSON.stringify(counts)} load ${load()}`)
    }
    if (open === 0 && now >= dueAt.getTime()) return (now - dueAt.getTime()) / 1000
    if (now > deadline) return (now - dueAt.getTime()) / 1000
    await sleep(500)
  }
}

async function verdict(db: Db, seeded: Seeded, engine: string, seconds: number): Promise<string> {
  const counts = await statusCounts(db, seeded.instansiId)
  const perKey = await db
    .select({ key: sandboxPosts.idempotencyKey, count: sql<number>`count(*)::int` })
    .from(sandboxPosts)
    .where(eq(sandboxPosts.instansiId, seeded.instansiId))
    .groupBy(sandboxPosts.idempotencyKey)
  const onSandbox = new Map(perKey.map((row) => [row.key, row.count]))
  const duplicates = perKey.filter((row) => row.count > 1).length
  const published = counts.published ?? 0
  // Lost: a variant neither on the sandbox nor anywhere on its way (failed for good counts as lost too).
  const lost = seeded.variantIds.filter((id) => !onSandbox.has(id)).length - (counts.scheduled ?? 0)
  const [unconfirmed] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(postVariants)
    .where(and(eq(postVariants.instansiId, seeded.instansiId), inArray(postVariants.status, ['unconfirmed'])))
  log(`  final ${JSON.stringify(counts)}; sandbox posts ${perKey.length}`)
  return `engine=${engine} published=${published} duplicates=${duplicates} lost=${Math.max(0, lost)} unconfirmed_open=${unconfirmed!.count} seconds=${seconds.toFixed(1)}`
}

/** The next whole minute at least `leadMs` away: the posts' due minute (the sweeper's cron runs on the minute). */
function nextMinute(leadMs: number): Date {
  const at = Date.now() + leadMs
  return new Date(Math.ceil(at / 60_000) * 60_000)
}

async function benchPostgres(): Promise<string> {
  const fresh = await createFreshPostgres('warta_bench_publish')
  const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 4 })
  const context = await createContext(testConfig({ DATABASE_URL: fresh.url, WARTA_SECRET: SECRET }), {
    database,
    logger: pino({ level: 'silent' }),
  })
  const workers: WartaProcess[] = []
  try {
    log(`pg: seeding ${ACCOUNTS} accounts`)
    const accounts = await seedAccounts(context)
    log(`pg: starting ${WORKERS} worker(s)`)
    for (let i = 0; i < WORKERS; i++) {
      const port = await freePort()
      const worker = spawnWarta(['worker', '--health-port', String(port)], {
        DATABASE_URL: fresh.url,
        WARTA_SECRET: SECRET,
        WARTA_SANDBOX_FAULTS: 'true',
      })
      workers.push(worker)
      await waitForOk(`http://127.0.0.1:${port}/readyz`, worker, 120_000)
    }
    // Seeded before the sweep of the minute ahead (it looks 75 s ahead), as approved posts are in real life.
    const dueAt = nextMinute(80_000)
    const seeded = await seedPosts(context.db, accounts, dueAt)
    log(`pg: ${POSTS} posts due at ${dueAt.toISOString()}; load ${load()}`)
    const seconds = await watch(context.db, seeded, dueAt)
    const line = await verdict(context.db, seeded, 'pg', seconds)
    log(`pg: workers=${WORKERS} load ${load()}`)
    return line
  } finally {
    // SIGTERM first (a worker started with NODE_OPTIONS=--cpu-prof writes its profile then), SIGKILL after 10 s.
    for (const worker of workers) worker.child.kill('SIGTERM')
    const killer = setTimeout(() => {
      for (const worker of workers) worker.child.kill('SIGKILL')
    }, 10_000)
    await Promise.all(workers.map((worker) => worker.exited))
    clearTimeout(killer)
    await database.close()
    await fresh.drop()
  }
}

async function benchPglite(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'warta-bench-publish-'))
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') })
  const context = await createContext(
    testConfig({ WARTA_DATA_DIR: dir, WARTA_SECRET: SECRET, WARTA_SANDBOX_FAULTS: 'true' }),
    { database, logger: pino({ level: 'warn' }) },
  )
  let runner: JobRunner | undefined
  try {
    log(`pglite: seeding ${ACCOUNTS} accounts`)
    const accounts = await seedAccounts(context)
    log('pglite: starting the job runner in this process')
    runner = await startJobRunner(context)
    // Seeded before the sweep of the minute ahead (it looks 75 s ahead), as approved posts are in real life.
    const dueAt = nextMinute(80_000)
    const seeded = await seedPosts(context.db, accounts, dueAt)
    log(`pglite: ${POSTS} posts due at ${dueAt.toISOString()}; load ${load()}`)
    const seconds = await watch(context.db, seeded, dueAt)
    return await verdict(context.db, seeded, 'pglite', seconds)
  } finally {
    await runner?.close()
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const engines = options.engines.split(',').filter(Boolean)
const lines: string[] = []
for (const engine of engines) {
  if (engine === 'pg') lines.push(await benchPostgres())
  else if (engine === 'pglite') lines.push(await benchPglite())
  log(lines.at(-1) ?? '')
}
log(`posts=${POSTS} accounts=${ACCOUNTS} workers=${WORKERS} load ${load()}`)
for (const line of lines) process.stdout.write(`${line}\n`)
process.exit(0)
