import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  findChainBreak,
  GENESIS_HASH,
  hashAuditEntry,
  type AuditContent,
  type StoredAuditEntry,
} from './audit-hash.ts'

const INSTANSI = '11111111-1111-4111-8111-111111111111'

/** A chain whose first `v1Count` entries use the original recipe and the rest the current one. */
function chainOf(count: number, v1Count = 0): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = []
  let prevHash = GENESIS_HASH
  for (let seq = 1; seq <= count; seq += 1) {
    const content: AuditContent = {
      id: seq * 10,
      chain: INSTANSI,
      instansiId: INSTANSI,
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorUserId: null,
      actorLabel: 'admin@uji.go.id',
      action: 'unit.update',
      objectType: 'unit',
      objectId: `u${seq}`,
      before: { name: 'Lama' },
      after: { name: `Baru ${seq}` },
      ip: '127.0.0.1',
      userAgent: 'test',
      hashVersion: seq <= v1Count ? 1 : 2,
    }
    const hash = hashAuditEntry(content, prevHash)!
    entries.push({ ...content, prevHash, hash })
    prevHash = hash
  }
  return entries
}

/** An entry edited and its hash recomputed (its own link looks fine; the next one's prev_hash does not). */
function rehashed(entry: StoredAuditEntry, change: Partial<StoredAuditEntry>): StoredAuditEntry {
  const edited = { ...entry, ...change }
  return { ...edited, hash: hashAuditEntry(edited, edited.prevHash)! }
}

describe('audit hash chain', () => {
  it('hashes JSON independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    )
  })

  it('accepts an intact chain, also one that moves from the original recipe to the current one', () => {
    expect(findChainBreak(chainOf(5))).toBeNull()
    expect(findChainBreak(chainOf(5, 2))).toBeNull()
    expect(findChainBreak(chainOf(3, 3))).toBeNull()
  })

  it('keeps verifying entries hashed with the original recipe exactly as before', () => {
    // The hash the first release computed for this entry: recipe 1 must never change.
    const [first] = chainOf(1, 1)
    expect(first!.hash).toBe('2f638b8842089ff9de6ee66999c24be7bad07012520c98a1803474647463dcd2')
    // Recipe 1 does not cover the row id and instansi_id (the chain checks guard those).
    expect(hashAuditEntry({ ...first!, id: 999, instansiId: null }, GENESIS_HASH)).toBe(first!.hash)
  })

  it('covers the row id, instansi_id and the version in the current recipe', () => {
    const [entry] = chainOf(1)
    expect(hashAuditEntry({ ...entry!, id: 11 }, GENESIS_HASH)).not.toBe(entry!.hash)
    expect(hashAuditEntry({ ...entry!, instansiId: null }, GENESIS_HASH)).not.toBe(entry!.hash)
    expect(hashAuditEntry({ ...entry!, hashVersion: 1 }, GENESIS_HASH)).not.toBe(entry!.hash)
  })

  it('names the first entry whose content changed', () => {
    const entries = chainOf(5)
    entries[2] = { ...entries[2]!, after: { name: 'diubah' } }
    expect(findChainBreak(entries)).toMatchObject({ seq: 3, reason: expect.stringContaining('changed') })
  })

  it('notices a deleted entry', () => {
    const entries = chainOf(5)
    entries.splice(1, 1)
    expect(findChainBreak(entries)).toMatchObject({ seq: 3, reason: expect.stringContaining('missing') })
  })

  it('notices an entry whose hash was recomputed to hide an edit', () => {
    const entries = chainOf(4)
    entries[1] = rehashed(entries[1]!, { after: { name: 'diubah' } })
    expect(findChainBreak(entries)).toMatchObject({ seq: 3, reason: expect.stringContaining('prev_hash') })
  })

  it('notices an entry moved to another instansi, whichever recipe hashed it', () => {
    for (const v1Count of [0, 5]) {
      const entries = chainOf(5, v1Count)
      entries[3] = { ...entries[3]!, instansiId: '22222222-2222-4222-8222-222222222222' }
      expect(findChainBreak(entries), `v1Count ${v1Count}`).toMatchObject({
        seq: 4,
        reason: expect.stringContaining('instansi_id'),
      })
    }
  })

  it('refuses a current entry passed off as one of the original recipe', () => {
    const entries = chainOf(4, 1)
    // Downgraded and re-hashed so that its own hash matches the original recipe: the version went down.
    entries[2] = rehashed(entries[2]!, { hashVersion: 1 })
    expect(findChainBreak(entries)).toMatchObject({ seq: 3, reason: expect.stringContaining('older') })
  })

  it('refuses an unknown recipe and row ids out of order', () => {
    const unknown = chainOf(3)
    unknown[1] = { ...unknown[1]!, hashVersion: 7 }
    expect(findChainBreak(unknown)).toMatchObject({
      seq: 2,
      reason: expect.stringContaining('hash_version 7'),
    })
    const swapped = chainOf(3, 3)
    swapped[1] = { ...swapped[1]!, id: 5 }
    expect(findChainBreak(swapped)).toMatchObject({ seq: 2, reason: expect.stringContaining('row id') })
  })
})
