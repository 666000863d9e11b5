// The signed checkpoints of the audit chains (table audit_checkpoints, append-only like audit_log).
import { and, asc, desc, eq, lt, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { auditCheckpoints } from './schema/index.ts'

export type AuditCheckpointRow = typeof auditCheckpoints.$inferSelect
export type NewAuditCheckpoint = Omit<AuditCheckpointRow, 'id'>

export async function insertAuditCheckpoint(db: Db, row: NewAuditCheckpoint): Promise<AuditCheckpointRow> {
  const [inserted] = await db.insert(auditCheckpoints).values(row).returning()
  return inserted!
}

/** The newest checkpoint of a chain. */
export async function latestAuditCheckpoint(db: Db, chain: string): Promise<AuditCheckpointRow | null> {
  const [row] = await db
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.chain, chain))
    .orderBy(desc(auditCheckpoints.id))
    .limit(1)
  return row ?? null
}

/** A chain's checkpoints, newest first, paged by id. */
export async function listAuditCheckpoints(
  db: Db,
  chain: string,
  page: { limit: number; beforeId?: number | undefined },
): Promise<AuditCheckpointRow[]> {
  const conditions: SQL[] = [eq(auditCheckpoints.chain, chain)]
  if (page.beforeId) conditions.push(lt(auditCheckpoints.id, page.beforeId))
  return db
    .select()
    .from(auditCheckpoints)
    .where(and(...conditions))
    .orderBy(desc(auditCheckpoints.id))
    .limit(page.limit)
}

/** Every checkpoint of a chain in seq order (one a day: a few thousand after years), for verification. */
export async function readAllAuditCheckpoints(db: Db, chain: string): Promise<AuditCheckpointRow[]> {
  return db
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.chain, chain))
    .orderBy(asc(auditCheckpoints.seq), asc(auditCheckpoints.id))
}

export async function getAuditCheckpoint(
  db: Db,
  chain: string,
  id: number,
): Promise<AuditCheckpointRow | null> {
  const [row] = await db
    .select()
    .from(auditCheckpoints)
    .where(and(eq(auditCheckpoints.chain, chain), eq(auditCheckpoints.id, id)))
  return row ?? null
}

/** Chains that have checkpoints: a chain emptied by force still has them, and verification must look at it. */
export async function listCheckpointChains(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ chain: auditCheckpoints.chain })
    .from(auditCheckpoints)
    .orderBy(asc(auditCheckpoints.chain))
  return rows.map((row) => row.chain)
}
