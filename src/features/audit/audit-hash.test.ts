import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  findChainBreak,
  GENESIS_HASH,
  hashAuditEntry,
  type AuditContent,
  type StoredAuditEntry,
} from './audit-hash.ts'

function chainOf(count: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = []
  let prevHash = GENESIS_HASH
  for (let seq = 1; seq <= count; seq += 1) {
    const content: AuditContent = {
      chain: 'c1',
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorUserId: null,
      actorLabel: 'admin@uji.go.id',
      action: 'unit.rename',
      objectType: 'unit',
      objectId: `u${seq}`,
      before: { name: 'Lama' },
      after: { name: `Baru ${seq}` },
      ip: '127.0.0.1',
      userAgent: 'test',
    }
    const hash = hashAuditEntry(content, prevHash)
    entries.push({ ...content, id: seq, prevHash, hash })
    prevHash = hash
  }
  return entries
}

describe('audit hash chain', () => {
  it('hashes JSON independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    )
  })

  it('accepts an intact chain', () => {
    expect(findChainBreak(chainOf(5))).toBeNull()
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
    const edited = { ...entries[1]!, after: { name: 'diubah' } }
    edited.hash = hashAuditEntry(edited, edited.prevHash)
    entries[1] = edited
    expect(findChainBreak(entries)).toMatchObject({ seq: 3, reason: expect.stringContaining('prev_hash') })
  })
})
