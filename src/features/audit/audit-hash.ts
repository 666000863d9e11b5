// The audit log's hash chain: each entry's hash covers its own content and the previous entry's hash, so an
// edited, deleted or re-ordered row breaks every link after it. Pure functions, no I/O.
//
// Two recipes exist; an entry names its own in `hash_version`:
//  1. the original recipe: every column except id, instansi_id and hash_version (entries written before
//     migration 0004 keep it, since an append-only log cannot be re-hashed);
//  2. every stored column except the hash itself, the version included.
// The columns recipe 1 leaves out are still checked: instansi_id must name the chain's own instansi, a chain's
// versions may only go up (so a v2 entry cannot be passed off as v1), and ids follow the chain's order.
import { createHash } from 'node:crypto'
import type { AuditRow } from '../../db/audit-repository.ts'

export const GENESIS_HASH = '0'.repeat(64)
export const CURRENT_HASH_VERSION = 2
export const HASH_VERSIONS: readonly number[] = [1, 2]

/** A stored entry, every column (the repository's row). */
export type StoredAuditEntry = AuditRow

/** What a hash covers besides the previous hash: the row without prev_hash and hash. */
export type AuditContent = Omit<AuditRow, 'prevHash' | 'hash'>

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

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Recipe 1, unchanged since the first release: entries written with it must keep verifying. */
function hashV1(content: AuditContent, prevHash: string): string {
  return sha256(
    canonicalJson({
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
    }),
  )
}

/** Recipe 2: every stored column but the hash. Fields are picked by name, so a new column is a new version. */
function hashV2(content: AuditContent, prevHash: string): string {
  return sha256(
    canonicalJson({
      hashVersion: 2,
      id: content.id,
      chain: content.chain,
      instansiId: content.instansiId,
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
    }),
  )
}

/** The hash of an entry by the recipe it names; null for a version this code does not know. */
export function hashAuditEntry(content: AuditContent, prevHash: string): string | null {
  switch (content.hashVersion) {
    case 1:
      return hashV1(content, prevHash)
    case 2:
      return hashV2(content, prevHash)
    default:
      return null
  }
}

export interface ChainBreak {
  chain: string
  seq: number
  /** The row id, or null when the entry is missing altogether (a deleted tail). */
  id: number | null
  reason: string
}

/** Where a walk resumes: the last good entry before the ones being checked. */
export interface ChainPosition {
  seq: number
  hash: string
  hashVersion: number
  id?: number | undefined
}

/** The instansi a chain belongs to: its name, or null for the deployment's 'system' chain. */
export function instansiOfChain(chain: string): string | null {
  return chain === 'system' ? null : chain
}

/** Walks one chain in seq order and returns the first broken link, or null when the chain is intact. */
export function findChainBreak(
  entries: Iterable<StoredAuditEntry>,
  start?: ChainPosition,
): ChainBreak | null {
  let expectedSeq = start ? start.seq + 1 : 1
  let prevHash = start ? start.hash : GENESIS_HASH
  let prevVersion = start ? start.hashVersion : 1
  let prevId = start?.id ?? 0
  for (const entry of entries) {
    const at = { chain: entry.chain, seq: entry.seq, id: entry.id }
    if (entry.seq !== expectedSeq)
      return { ...at, reason: `expected entry #${expectedSeq}, found #${entry.seq} (an entry is missing)` }
    if (entry.instansiId !== instansiOfChain(entry.chain))
      return { ...at, reason: "instansi_id does not match the chain's instansi (the entry was moved)" }
    if (!HASH_VERSIONS.includes(entry.hashVersion))
      return { ...at, reason: `hash_version ${entry.hashVersion} is not a known recipe` }
    if (entry.hashVersion < prevVersion)
      return { ...at, reason: 'hash_version is older than the entry before it (a downgraded entry)' }
    if (entry.id <= prevId)
      return { ...at, reason: 'row id is not above the id of the entry before it (ids were changed)' }
    if (entry.prevHash !== prevHash)
      return { ...at, reason: 'prev_hash does not match the hash of the entry before it' }
    if (hashAuditEntry(entry, entry.prevHash) !== entry.hash)
      return { ...at, reason: 'the content of this entry was changed after it was written' }
    prevHash = entry.hash
    prevVersion = entry.hashVersion
    prevId = entry.id
    expectedSeq += 1
  }
  return null
}
