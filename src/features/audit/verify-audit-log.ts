// `warta audit verify`: walks every chain (or one instansi's) and reports the first broken link of each.
import type { Db } from '../../db/client.ts'
import { chainOf, listAuditChains, readAuditChain } from '../../db/audit-repository.ts'
import { findChainBreak, type ChainBreak, type StoredAuditEntry } from './audit-hash.ts'

export interface AuditVerification {
  chains: number
  entries: number
  breaks: ChainBreak[]
}

export async function verifyAuditLog(
  db: Db,
  options: { instansiId?: string } = {},
): Promise<AuditVerification> {
  const chains = options.instansiId ? [chainOf(options.instansiId)] : await listAuditChains(db)
  let entries = 0
  const breaks: ChainBreak[] = []
  for (const chain of chains) {
    const counted = (async function* () {
      for await (const entry of readAuditChain(db, chain)) {
        entries += 1
        yield entry
      }
    })()
    const broken = await findChainBreakAsync(counted)
    if (broken) breaks.push(broken)
  }
  return { chains: chains.length, entries, breaks }
}

async function findChainBreakAsync(entries: AsyncIterable<StoredAuditEntry>): Promise<ChainBreak | null> {
  // Check page by page with the pure checker, carrying the last good link across pages.
  let buffer: StoredAuditEntry[] = []
  let start: { seq: number; hash: string } | undefined
  for await (const entry of entries) {
    buffer.push(entry)
    if (buffer.length === 1000) {
      const broken = findChainBreak(buffer, start)
      if (broken) return broken
      const last = buffer[buffer.length - 1]!
      start = { seq: last.seq, hash: last.hash }
      buffer = []
    }
  }
  return findChainBreak(buffer, start)
}
