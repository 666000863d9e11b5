// `warta audit verify`: walks every chain (or one instansi's) and reports the first broken link of each. Besides
// the links themselves it holds each chain against the checkpoints stored for it: a checkpoint that saw more
// entries than the chain has now means entries were removed from the end, and a head hash that differs means the
// chain was recomputed. (A database superuser can delete those stored checkpoints too; the copies an auditor
// downloaded are what they cannot reach — see verify-checkpoint-file.ts and docs/audit.md.)
import type { Db } from '../../db/client.ts'
import { chainOf, listAuditChains, readAuditChain } from '../../db/audit-repository.ts'
import {
  listCheckpointChains,
  readAllAuditCheckpoints,
  type AuditCheckpointRow,
} from '../../db/audit-checkpoint-repository.ts'
import { findChainBreak, type ChainBreak, type ChainPosition, type StoredAuditEntry } from './audit-hash.ts'
import { checkStoredCheckpoint } from './checkpoint-row.ts'

export interface AuditVerification {
  chains: number
  entries: number
  /** Stored checkpoints held against the chains. */
  checkpoints: number
  breaks: ChainBreak[]
}

export async function verifyAuditLog(
  db: Db,
  options: { instansiId?: string } = {},
): Promise<AuditVerification> {
  const chains = options.instansiId
    ? [chainOf(options.instansiId)]
    : [...new Set([...(await listAuditChains(db)), ...(await listCheckpointChains(db))])].sort()
  let entries = 0
  let checkpoints = 0
  const breaks: ChainBreak[] = []
  for (const chain of chains) {
    const result = await verifyChain(db, chain)
    entries += result.walk.entries
    checkpoints += result.checkpoints
    if (result.broken) breaks.push(result.broken)
  }
  return { chains: chains.length, entries, checkpoints, breaks }
}

/**
 * One chain: its links, then its stored checkpoints. `watch` names further positions whose hashes the caller
 * wants (a downloaded checkpoint's head).
 */
export async function verifyChain(
  db: Db,
  chain: string,
  watch: Iterable<number> = [],
): Promise<{ walk: ChainWalk; broken: ChainBreak | null; checkpoints: number }> {
  const stored = await readAllAuditCheckpoints(db, chain)
  const walk = await walkChain(db, chain, new Set([...stored.map((cp) => cp.seq), ...watch]))
  return {
    walk,
    broken: walk.broken ?? checkStoredCheckpoints(chain, stored, walk),
    checkpoints: stored.length,
  }
}

export interface ChainWalk {
  entries: number
  broken: ChainBreak | null
  /** The last entry read (the head when the walk reached the end unbroken). */
  last: ChainPosition | null
  /** Hash and row id of the entries at the watched positions. */
  seen: Map<number, { hash: string; id: number }>
}

/**
 * Walks a chain page by page with the pure checker, carrying the last good link across pages; stops at the first
 * break. `from` resumes after a trusted position (a checkpoint's head), `throughSeq` stops early.
 */
export async function walkChain(
  db: Db,
  chain: string,
  watch: ReadonlySet<number> = new Set(),
  from?: ChainPosition,
  throughSeq?: number,
): Promise<ChainWalk> {
  let count = 0
  let start: ChainPosition | undefined = from
  const seen = new Map<number, { hash: string; id: number }>()
  let buffer: StoredAuditEntry[] = []
  const flush = (): ChainBreak | null => {
    const broken = findChainBreak(buffer, start)
    if (broken) return broken
    const last = buffer[buffer.length - 1]
    if (last) start = { seq: last.seq, hash: last.hash, hashVersion: last.hashVersion, id: last.id }
    buffer = []
    return null
  }
  for await (const entry of readAuditChain(db, chain, { afterSeq: from?.seq ?? 0, throughSeq })) {
    count += 1
    if (watch.has(entry.seq)) seen.set(entry.seq, { hash: entry.hash, id: entry.id })
    buffer.push(entry)
    if (buffer.length === 1000) {
      const broken = flush()
      if (broken) return { entries: count, broken, last: start ?? null, seen }
    }
  }
  const broken = flush()
  return { entries: count, broken, last: start ?? null, seen }
}

function checkStoredCheckpoints(
  chain: string,
  stored: AuditCheckpointRow[],
  walk: ChainWalk,
): ChainBreak | null {
  const headSeq = walk.last?.seq ?? 0
  for (const checkpoint of stored) {
    const made = checkpoint.createdAt.toISOString()
    const signature = checkStoredCheckpoint(checkpoint)
    if (!signature.valid)
      return {
        chain,
        seq: checkpoint.seq,
        id: null,
        reason: `stored checkpoint ${checkpoint.id} (${made}) does not verify: ${signature.reason}`,
      }
    if (checkpoint.seq > headSeq)
      return {
        chain,
        seq: checkpoint.seq,
        id: null,
        reason: `the chain ends at entry #${headSeq}, but checkpoint ${checkpoint.id} of ${made} saw ${checkpoint.seq} entries (entries were removed from the end)`,
      }
    const entry = walk.seen.get(checkpoint.seq)
    if (entry?.hash !== checkpoint.headHash)
      return {
        chain,
        seq: checkpoint.seq,
        id: entry?.id ?? null,
        reason: `entry #${checkpoint.seq} differs from checkpoint ${checkpoint.id} of ${made} (the chain was rewritten after the checkpoint)`,
      }
  }
  return null
}
