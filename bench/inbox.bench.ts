// npm run bench:inbox — the inbox under load, per engine:
// 1. ingestion: ITEMS citizens' comments waiting on ACCOUNTS sandbox accounts (Indonesian comments of the sandbox's
//    corpus, numbered so they differ, every 20th repeated by its author so folding has work), read by the real
//    ingestion job (poll-inbox's handler, one worker: this process) until every account caught up — pages stored
//    with their cursor, classified (sentiment, abusive, hate speech, intent), the hoax matcher over the 34 claims of
//    corpus/eval, priority and folding. Items per second from the first poll to the last classified item.
// 2. the list: LIST_ITEMS items in one instansi over a unit tree (1 + 10 + 50 units), a unit's subtree, one status,
//    SLA order, keyset pages of 50 (no count): p99 of 300 page reads (the first page and four more of 60 random
//    units × status sets: the default "waiting" = new + open, and single statuses), through the inbox's own list
//    query (listInboxItems, what GET /api/inbox runs).
// The last line per engine is machine-read:
//   engine=<pg|pglite> ingest_per_s=<n> list_p99_ms=<n> items=<n>
// PostgreSQL: a fresh database on TEST_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test),
// dropped afterwards. PGlite: a temporary folder.
// Options: --engines pg,pglite (default both), --items 50000, --accounts 20, --list-items 1000000, --claims 34 (how
// many of the evaluation claims the knowledge base holds; 0 measures ingestion without hoax matching). --items 0
// measures the list alone, --list-items 0 ingestion alone.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { pino } from 'pino'
import { createContext, type AppContext } from '../src/context.ts'
import { openDatabase, type Database } from '../src/db/open-database.ts'
import { getCursor } from '../src/db/inbox-repository.ts'
import { listInboxItems, type InboxKeyset } from '../src/db/inbox-work-repository.ts'
import type { InboxStatus } from '../src/shared/statuses.ts'
import { hoaxClaims, units } from '../src/db/schema/index.ts'
import { insertSandboxInteractions } from '../src/db/sandbox-interactions-repository.ts'
import { rowsOf } from '../src/db/sql-helpers.ts'
import { runForAccount } from '../src/features/connections/account-connector.ts'
import { citizenComments } from '../src/features/sandbox/simulate-citizens.ts'
import { pollInboxJob } from '../src/jobs/poll-inbox.ts'
import { createTestInstansi } from '../tests/support/fixtures.ts'
import { createConnectedSandboxAccount, createPenanggungJawab } from '../tests/support/publishing-fixtures.ts'
import { testConfig } from '../tests/support/test-context.ts'
import { createFreshPostgres } from '../tests/int/fresh-database.ts'

const { values: options } = parseArgs({
  options: {
    engines: { type: 'string', default: 'pg,pglite' },
    items: { type: 'string', default: '50000' },
    accounts: { type: 'string', default: '20' },
    'list-items': { type: 'string', default: '1000000' },
    claims: { type: 'string', default: '34' },
  },
})
const ITEMS = Number(options.items)
const ACCOUNTS = Number(options.accounts)
const LIST_ITEMS = Number(options['list-items'])
const CLAIMS = Number(options.claims)
const SECRET = 'c'.repeat(40)

function log(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')

const evalClaims = readFileSync(path.resolve(import.meta.dirname, '../corpus/eval/hoax-claims.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { claim: string; fact: string })

interface Seeded {
  instansiId: string
  accountIds: string[]
}

async function seedIngestion(context: AppContext): Promise<Seeded> {
  const db = context.db
  const owner = await createTestInstansi(db, 'Instansi Bench Inbox')
  const pj = await createPenanggungJawab(db, owner)
  if (CLAIMS > 0)
    await db.insert(hoaxClaims).values(
      evalClaims.slice(0, CLAIMS).map((claim) => ({
        id: randomUUID(),
        instansiId: owner.id,
        label: 'hoaks' as const,
        claim: claim.claim,
        facts: claim.fact,
      })),
    )
  const deps = { ...context, config: { sandboxFaults: false } }
  const accounts: { id: string; sandboxAccountId: string; postId: string }[] = []
  for (let i = 0; i < ACCOUNTS; i++) {
    const account = await createConnectedSandboxAccount(db, owner, pj, context)
    const post = await runForAccount(deps, owner.id, account.id, (connector) =>
      connector.publish({ idempotencyKey: `bench-inbox-${i}`, text: `Pengumuman layanan ${i}.`, media: [] }),
    )
    accounts.push({ id: account.id, sandboxAccountId: account.sandboxAccountId, postId: post.platformPostId })
  }
  const texts = citizenComments().map((comment) => comment.text)
  const start = Date.now() - 60 * 60_000
  for (let from = 0; from < ITEMS; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, ITEMS - from) }, (_, k) => {
      const i = from + k
      // Every 20th comment repeats the one before it, by the same author: a duplicate to fold.
      const n = i % 20 === 19 ? i - 1 : i
      const account = accounts[n % accounts.length]!
      return {
        id: randomUUID(),
        instansiId: owner.id,
        sandboxAccountId: account.sandboxAccountId,
        postId: account.postId,
        parentId: null,
        kind: 'comment' as const,
        own: false,
        authorHandle: `warga.${n % 5000}`,
        authorName: null,
        text: `${texts[n % texts.length]} (${n})`,
        createdAt: new Date(start + i * 10),
      }
    })
    await insertSandboxInteractions(db, rows)
  }
  return { instansiId: owner.id, accountIds: accounts.map((account) => account.id) }
}

async function count(context: AppContext, query: ReturnType<typeof sql>): Promise<number> {
  return rowsOf<{ n: number }>(await context.db.execute(query))[0]!.n
}

/** Polls every account through the job's handler, round after round, until each caught up; items per second. */
async function ingest(context: AppContext, seeded: Seeded): Promise<{ perSecond: number; items: number }> {
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const pending = new Set(seeded.accountIds)
  let lastLog = Date.now()
  while (pending.size > 0) {
    for (const accountId of [...pending]) {
      await pollInboxJob.handle(context, { instansiId: seeded.instansiId, accountId, backfill: true })
      if ((await getCursor(context.db, accountId))?.backfilledAt) pending.delete(accountId)
    }
    if (Date.now() - lastLog > 5_000) {
      lastLog = Date.now()
      const stored = await count(
        context,
        sql`select count(*)::int as n from inbox_items where instansi_id = ${seeded.instansiId}`,
      )
      log(`  ${stored} stored, ${pending.size} accounts reading; load ${load()}`)
    }
  }
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const items = await count(
    context,
    sql`select count(*)::int as n from inbox_items where instansi_id = ${seeded.instansiId}`,
  )
  const unclassified = await count(
    context,
    sql`select count(*)::int as n from inbox_items where instansi_id = ${seeded.instansiId} and classified_at is null`,
  )
  const folded = await count(
    context,
    sql`select count(*)::int as n from inbox_items where instansi_id = ${seeded.instansiId} and duplicate_of is not null`,
  )
  const hoax = await count(
    context,
    sql`select count(*)::int as n from inbox_items where instansi_id = ${seeded.instansiId} and hoax_claim_id is not null`,
  )
  log(
    `  ingested ${items} in ${seconds.toFixed(1)} s (this process used ${cpuSeconds.toFixed(1)} CPU s: ` +
      `${Math.round(items / cpuSeconds)} items per CPU second); unclassified ${unclassified}, folded ${folded}, hoax ${hoax}`,
  )
  if (items !== ITEMS || unclassified !== 0) log(`  WARNING: expected ${ITEMS} items, all classified`)
  return { perSecond: items / seconds, items }
}

/** LIST_ITEMS items over 61 units, by one INSERT … SELECT from generate_series (the list's data only). */
async function seedList(context: AppContext): Promise<{ instansiId: string; unitPaths: string[] }> {
  const db = context.db
  const owner = await createTestInstansi(db, 'Instansi Bench Daftar')
  const pj = await createPenanggungJawab(db, owner)
  const account = await createConnectedSandboxAccount(db, owner, pj, context)
  const paths: { id: string; path: string }[] = [{ id: owner.rootUnit.id, path: owner.rootUnit.path }]
  const now = new Date()
  for (let i = 0; i < 10; i++) {
    const id = randomUUID()
    const unitPath = `${owner.rootUnit.path}${id}/`
    await db.insert(units).values({
      id,
      instansiId: owner.id,
      parentId: owner.rootUnit.id,
      path: unitPath,
      name: `Bidang ${i}`,
      code: `B${i}`,
      createdAt: now,
      updatedAt: now,
    })
    paths.push({ id, path: unitPath })
    for (let j = 0; j < 5; j++) {
      const child = randomUUID()
      await db.insert(units).values({
        id: child,
        instansiId: owner.id,
        parentId: id,
        path: `${unitPath}${child}/`,
        name: `Seksi ${i}.${j}`,
        code: `S${i}${j}`,
        createdAt: now,
        updatedAt: now,
      })
      paths.push({ id: child, path: `${unitPath}${child}/` })
    }
  }
  const threadId = randomUUID()
  await db.execute(sql`
    INSERT INTO inbox_threads (id, instansi_id, account_id, platform, root_external_id, first_item_at, last_item_at)
    VALUES (${threadId}, ${owner.id}, ${account.id}, 'sandbox', 'bench-root', now(), now())`)
  const unitIds = `{${paths.map((unit) => unit.id).join(',')}}`
  const unitPaths = `{${paths.map((unit) => `"${unit.path}"`).join(',')}}`
  const chunk = 250_000
  for (let from = 0; from < LIST_ITEMS; from += chunk) {
    const to = Math.min(LIST_ITEMS, from + chunk) - 1
    await db.execute(sql`
      INSERT INTO inbox_items (id, instansi_id, account_id, thread_id, unit_id, unit_path, platform, external_id, kind,
        author_external_id, author_handle, body, created_at, received_at, status, classified_at, priority,
        sla_due_at, updated_at)
      SELECT gen_random_uuid(), ${owner.id}, ${account.id}, ${threadId},
        (${unitIds}::uuid[])[1 + (g % ${paths.length})], (${unitPaths}::text[])[1 + (g % ${paths.length})],
        'sandbox', 'bench-' || g, 'comment', 'warga.' || (g % 50000), 'warga', 'Komentar warga ' || g,
        now() - (g || ' seconds')::interval, now(),
        (ARRAY['new','open','answered','closed'])[1 + (g::bigint * 7 % 4)], now(), (g % 100),
        now() + ((g::bigint * 7919 % 1000000) || ' seconds')::interval, now()
      FROM generate_series(${from}::int, ${to}::int) AS g`)
    log(`  list: ${to + 1} items`)
  }
  await db.execute(sql`ANALYZE inbox_items`)
  return { instansiId: owner.id, unitPaths: paths.map((unit) => unit.path) }
}

/** One page of the inbox's own list (the query the API runs): a unit's subtree, statuses, SLA order, keyset. */
async function listPage(
  context: AppContext,
  instansiId: string,
  rootPath: string,
  unitPath: string,
  statuses: readonly InboxStatus[],
  after: InboxKeyset | null,
): Promise<InboxKeyset[]> {
  const rows = await listInboxItems(
    context.db,
    { instansiId, pathPrefixes: [rootPath], statuses, unitPath },
    after,
    51,
  )
  return rows.slice(0, 50).map((row) => ({ slaDueAt: row.slaDueAt, priority: row.priority, id: row.id }))
}

async function listP99(
  context: AppContext,
  seeded: { instansiId: string; unitPaths: string[] },
): Promise<number> {
  // The list's default (waiting: new and open) and single statuses, as the tabs ask.
  const statusSets: InboxStatus[][] = [['new', 'open'], ['new'], ['open'], ['answered'], ['new', 'open']]
  const root = seeded.unitPaths[0]!
  const times: number[] = []
  // Warm-up: the first read of each plan.
  for (const statuses of statusSets) await listPage(context, seeded.instansiId, root, root, statuses, null)
  for (let round = 0; round < 60; round++) {
    const unitPath = seeded.unitPaths[(round * 17) % seeded.unitPaths.length]!
    const statuses = statusSets[round % statusSets.length]!
    let after: InboxKeyset | null = null
    for (let page = 0; page < 5; page++) {
      const started = performance.now()
      const rows = await listPage(context, seeded.instansiId, root, unitPath, statuses, after)
      times.push(performance.now() - started)
      after = rows.at(-1) ?? null
      if (!after) break
    }
  }
  times.sort((a, b) => a - b)
  const p99 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)]!
  log(
    `  list: ${times.length} pages, median ${times[times.length >> 1]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
  )
  return p99
}

async function run(engine: string, database: Database, env: Record<string, string>): Promise<string> {
  const context = await createContext(testConfig({ WARTA_SECRET: SECRET, ...env }), {
    database,
    logger: pino({ level: 'silent' }),
  })
  let ingested = { perSecond: 0, items: 0 }
  if (ITEMS > 0) {
    log(`${engine}: seeding ${ITEMS} comments on ${ACCOUNTS} accounts`)
    const seeded = await seedIngestion(context)
    log(`${engine}: ingesting; load ${load()}`)
    ingested = await ingest(context, seeded)
  }
  let p99 = 0
  if (LIST_ITEMS > 0) {
    log(`${engine}: seeding the list, ${LIST_ITEMS} items`)
    p99 = await listP99(context, await seedList(context))
  }
  return `engine=${engine} ingest_per_s=${Math.round(ingested.perSecond)} list_p99_ms=${p99.toFixed(1)} items=${ingested.items}`
}

const lines: string[] = []
for (const engine of options.engines.split(',').filter(Boolean)) {
  if (engine === 'pg') {
    const fresh = await createFreshPostgres('warta_bench_inbox')
    const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 4 })
    try {
      lines.push(await run('pg', database, { DATABASE_URL: fresh.url }))
    } finally {
      await database.close()
      await fresh.drop()
    }
  } else if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'warta-bench-inbox-'))
    const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') })
    try {
      lines.push(await run('pglite', database, { WARTA_DATA_DIR: dir }))
    } finally {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  log(lines.at(-1) ?? '')
}
log(`items=${ITEMS} accounts=${ACCOUNTS} list_items=${LIST_ITEMS} claims=${CLAIMS} load ${load()}`)
for (const line of lines) process.stdout.write(`${line}\n`)
process.exit(0)
