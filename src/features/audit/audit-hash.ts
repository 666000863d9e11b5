// The audit log's hash chain: each entry's hash covers its own content and the previous entry's hash, so an
// edited, deleted or re-ordered row breaks every link after it. Pure functions, no I/O.
import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditContent {
  chain: string
  seq: number
  occurredAt: Date
  actorUserId: string | null
  actorLabel: string
  action: string
  objectType: string
  objectId: string | null
  before: unknown
  after: unknown
  ip: string | null
  userAgent: string | null
}

/** JSON with object keys sorted at every depth, so jsonb's own key order cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function hashAuditEntry(content: AuditContent, prevHash: string): string {
  // Pick the content fields by name: a stored row also carries id and hash, which must not feed the hash.
  const body = canonicalJson({
    chain: content.chain,
    seq: content.seq,
    occurredAt: content.occurredAt.toISOString(),
    actorUserId: content.actorUserId,
    actorLabel: content.actorLabel,
    action: content.action,
    objectType: content.objectType,
    objectId: content.objectId,
    before: content.before,
    after: content.after,
    ip: content.ip,
    userAgent: content.userAgent,
    prevHash,
  })
  return createHash('sha256').update(body).digest('hex')
}

export interface StoredAuditEntry extends AuditContent {
  id: number
  prevHash: string
  hash: string
}

export interface ChainBreak {
  chain: string
  seq: number
  id: number
  reason: string
}

/** Walks one chain in seq order and returns the first broken link, or null when the chain is intact. */
export function findChainBreak(
  entries: Iterable<StoredAuditEntry>,
  start?: { seq: number; hash: string },
): ChainBreak | null {
  let expectedSeq = start ? start.seq + 1 : 1
  let prevHash = start ? start.hash : GENESIS_HASH
  for (const entry of entries) {
    const at = { chain: entry.chain, seq: entry.seq, id: entry.id }
    if (entry.seq !== expectedSeq)
      return { ...at, reason: `expected entry #${expectedSeq}, found #${entry.seq} (an entry is missing)` }
    if (entry.prevHash !== prevHash)
      return { ...at, reason: 'prev_hash does not match the hash of the entry before it' }
    const recomputed = hashAuditEntry(entry, entry.prevHash)
    if (recomputed !== entry.hash)
      return { ...at, reason: 'the content of this entry was changed after it was written' }
    prevHash = entry.hash
    expectedSeq += 1
  }
  return null
}
