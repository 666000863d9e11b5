// Appends to and reads the hash-chained audit log. Appending takes a transaction-scoped advisory lock on the
// chain, so concurrent writers (several API processes) never fork it; call it inside the transaction that makes
// the change, so the change and its audit entry commit or roll back together.
import { and, asc, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { auditLog } from './schema/index.ts'
import {
  GENESIS_HASH,
  hashAuditEntry,
  type AuditContent,
  type StoredAuditEntry,
} from '../features/audit/audit-hash.ts'

export interface AuditEvent {
  instansiId: string | null
  actorUserId: string | null
  /** Human-readable actor: the user's e-mail, 'system', 'cli', … */
  actorLabel: string
  action: string
  objectType: string
  objectId?: string | null
  before?: unknown
  after?: unknown
  ip?: string | null
  userAgent?: string | null
}

export function chainOf(instansiId: string | null): string {
  return instansiId ?? 'system'
}

export async function appendAudit(
  db: Db,
  event: AuditEvent,
  now: Date = new Date(),
): Promise<StoredAuditEntry> {
  const chain = chainOf(event.instansiId)
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`)
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.chain, chain))
    .orderBy(desc(auditLog.seq))
    .limit(1)
  const content: AuditContent = {
    chain,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(Math.floor(now.getTime())),
    actorUserId: event.actorUserId,
    actorLabel: event.actorLabel,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId ?? null,
    before: normaliseJson(event.before),
    after: normaliseJson(event.after),
    ip: event.ip ?? null,
    userAgent: event.userAgent ?? null,
  }
  const prevHash = last?.hash ?? GENESIS_HASH
  const hash = hashAuditEntry(content, prevHash)
  const [row] = await db
    .insert(auditLog)
    .values({ ...content, instansiId: event.instansiId, prevHash, hash })
    .returning({ id: auditLog.id })
  return { ...content, id: row!.id, prevHash, hash }
}

/** What jsonb will give back: Dates as ISO strings, undefined dropped. Hashing the stored form keeps verify exact. */
function normaliseJson(value: unknown): unknown {
  if (value === undefined || value === null) return null
  return JSON.parse(JSON.stringify(value)) as unknown
}

export async function listAuditChains(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ chain: auditLog.chain }).from(auditLog).orderBy(asc(auditLog.chain))
  return rows.map((row) => row.chain)
}

/** Streams one chain in seq order, in pages, so verification never loads the whole log into memory. */
export async function* readAuditChain(
  db: Db,
  chain: string,
  pageSize = 2000,
): AsyncGenerator<StoredAuditEntry> {
  let afterSeq = 0
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, chain), gt(auditLog.seq, afterSeq)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize)
    for (const row of rows) yield toStored(row)
    if (rows.length < pageSize) return
    afterSeq = rows[rows.length - 1]!.seq
  }
}

function toStored(row: typeof auditLog.$inferSelect): StoredAuditEntry {
  return {
    id: row.id,
    chain: row.chain,
    seq: row.seq,
    occurredAt: row.occurredAt,
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
    userAgent: row.userAgent,
    prevHash: row.prevHash,
    hash: row.hash,
  }
}

export interface AuditFilter {
  instansiId: string
  from?: Date | undefined
  to?: Date | undefined
  action?: string | undefined
  objectType?: string | undefined
  actorUserId?: string | undefined
  limit?: number | undefined
  beforeId?: number | undefined
}

export async function searchAudit(db: Db, filter: AuditFilter): Promise<StoredAuditEntry[]> {
  const conditions: SQL[] = [eq(auditLog.instansiId, filter.instansiId)]
  if (filter.from) conditions.push(gte(auditLog.occurredAt, filter.from))
  if (filter.to) conditions.push(lte(auditLog.occurredAt, filter.to))
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType))
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId))
  if (filter.beforeId) conditions.push(sql`${auditLog.id} < ${filter.beforeId}`)
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 100, 10_000))
  return rows.map(toStored)
}
