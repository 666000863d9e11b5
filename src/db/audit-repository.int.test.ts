import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { appendAudit, searchAudit } from './audit-repository.ts'
import type { StoredAuditEntry } from '../features/audit/audit-hash.ts'
import { verifyAuditLog } from '../features/audit/verify-audit-log.ts'
import { getTestContext } from '../../tests/support/test-context.ts'
import { createTestInstansi } from '../../tests/support/fixtures.ts'

describe('audit log on the database', () => {
  it('chains entries per instansi and verifies them', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    for (let i = 0; i < 5; i += 1) {
      await appendAudit(db, {
        instansiId: owner.id,
        actorUserId: null,
        actorLabel: 'uji',
        action: 'unit.create',
        objectType: 'unit',
        objectId: `u${i}`,
        after: { name: `Unit ${i}`, nested: { b: 1, a: [1, 2] }, when: new Date('2026-01-01T00:00:00Z') },
      })
    }
    const result = await verifyAuditLog(db, { instansiId: owner.id })
    expect(result).toEqual({ chains: 1, entries: 5, breaks: [] })
    const listed = await searchAudit(db, { instansiId: owner.id })
    expect(listed.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1])
  })

  it('refuses updates and deletes of audit rows', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    const entry = await appendAudit(db, {
      instansiId: owner.id,
      actorUserId: null,
      actorLabel: 'uji',
      action: 'x',
      objectType: 'y',
    })
    await expect(db.execute(sql`update audit_log set action = 'z' where id = ${entry.id}`)).rejects.toThrow()
    await expect(db.execute(sql`delete from audit_log where id = ${entry.id}`)).rejects.toThrow()
  })

  it('reports the first broken link when a row is edited directly in SQL', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    const entries: StoredAuditEntry[] = []
    for (let i = 0; i < 4; i += 1) {
      entries.push(
        await appendAudit(db, {
          instansiId: owner.id,
          actorUserId: null,
          actorLabel: 'uji',
          action: 'user.update',
          objectType: 'user',
          after: { i },
        }),
      )
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`)
      await tx.execute(sql`update audit_log set after = '{"i": 99}'::jsonb where id = ${entries[1]!.id}`)
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`)
    })
    const result = await verifyAuditLog(db, { instansiId: owner.id })
    expect(result.breaks).toHaveLength(1)
    expect(result.breaks[0]).toMatchObject({ seq: 2, reason: expect.stringContaining('changed') })
  })
})
