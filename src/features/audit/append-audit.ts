// Appends one entry to an audit chain: under the chain's lock (db/audit-repository.ts) it reads the head, reserves
// the row id, computes seq, prev_hash and the hash by the current recipe, and stores the finished row. Call it
// inside the transaction that makes the change, so the change and its entry commit or roll back together; called
// on a plain handle it opens its own transaction, so the lock is never released before the insert.
import type { Db } from '../../db/client.ts'
import {
  chainOf,
  insertAuditRow,
  insertAuditRows,
  lockAuditChain,
  reserveAuditId,
  reserveAuditIds,
  type AuditRow,
} from '../../db/audit-repository.ts'
import { CURRENT_HASH_VERSION, GENESIS_HASH, hashAuditEntry, type AuditContent } from './audit-hash.ts'

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

export async function appendAudit(db: Db, event: AuditEvent, now: Date = new Date()): Promise<AuditRow> {
  return db.transaction(async (tx) => {
    const chain = chainOf(event.instansiId)
    const head = await lockAuditChain(tx, chain)
    const content: AuditContent = {
      id: await reserveAuditId(tx),
      chain,
      instansiId: event.instansiId,
      seq: (head?.seq ?? 0) + 1,
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
      hashVersion: CURRENT_HASH_VERSION,
    }
    const prevHash = head?.hash ?? GENESIS_HASH
    const row: AuditRow = { ...content, prevHash, hash: hashAuditEntry(content, prevHash)! }
    await insertAuditRow(tx, row)
    return row
  })
}

/**
 * Appends several entries of one chain in order, under one lock: one head read, one id reservation and one
 * multi-row insert for the lot, where appendAudit per entry costs five statements each (a batch of a CSV import
 * records one entry per changed account). Every event must name the same instansi.
 */
export async function appendAuditBatch(
  db: Db,
  events: readonly AuditEvent[],
  now: Date = new Date(),
): Promise<AuditRow[]> {
  if (events.length === 0) return []
  const instansiId = events[0]!.instansiId
  if (events.some((event) => event.instansiId !== instansiId))
    throw new Error('appendAuditBatch: every event must belong to the same chain')
  return db.transaction(async (tx) => {
    const chain = chainOf(instansiId)
    const head = await lockAuditChain(tx, chain)
    const ids = await reserveAuditIds(tx, events.length)
    let prevHash = head?.hash ?? GENESIS_HASH
    let seq = head?.seq ?? 0
    const occurredAt = new Date(Math.floor(now.getTime()))
    const rows = events.map((event, index): AuditRow => {
      seq += 1
      const content: AuditContent = {
        id: ids[index]!,
        chain,
        instansiId,
        seq,
        occurredAt,
        actorUserId: event.actorUserId,
        actorLabel: event.actorLabel,
        action: event.action,
        objectType: event.objectType,
        objectId: event.objectId ?? null,
        before: normaliseJson(event.before),
        after: normaliseJson(event.after),
        ip: event.ip ?? null,
        userAgent: event.userAgent ?? null,
        hashVersion: CURRENT_HASH_VERSION,
      }
      const row: AuditRow = { ...content, prevHash, hash: hashAuditEntry(content, prevHash)! }
      prevHash = row.hash
      return row
    })
    await insertAuditRows(tx, rows)
    return rows
  })
}

/** What jsonb will give back: Dates as ISO strings, undefined dropped. Hashing the stored form keeps verify exact. */
function normaliseJson(value: unknown): unknown {
  if (value === undefined || value === null) return null
  return JSON.parse(JSON.stringify(value)) as unknown
}
