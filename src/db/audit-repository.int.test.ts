import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import {
  getAuditEntry,
  insertAuditRow,
  listAuditFacets,
  resolveAuditNames,
  searchAudit,
  searchAuditPage,
  type AuditRow,
} from './audit-repository.ts'
import type { Db } from './client.ts'
import { rowsOf } from './sql-helpers.ts'
import { appendAudit } from '../features/audit/append-audit.ts'
import { GENESIS_HASH, hashAuditEntry } from '../features/audit/audit-hash.ts'
import { verifyAuditLog } from '../features/audit/verify-audit-log.ts'
import { getTestContext } from '../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../tests/support/fixtures.ts'

async function appendMany(db: Db, instansiId: string, count: number): Promise<AuditRow[]> {
  const rows: AuditRow[] = []
  for (let i = 0; i < count; i += 1) {
    rows.push(
      await appendAudit(db, {
        instansiId,
        actorUserId: null,
        actorLabel: 'uji',
        action: 'user.update',
        objectType: 'user',
        after: { i },
      }),
    )
  }
  return rows
}

/** Runs SQL with the append-only row trigger off, as a database superuser could. */
async function asSuperuser(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`)
    await tx.execute(statement)
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`)
  })
}

describe('audit log on the database', () => {
  it('chains entries per instansi with the current recipe and verifies them', async () => {
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
    expect(result).toEqual({ chains: 1, entries: 5, checkpoints: 0, breaks: [] })
    const listed = await searchAudit(db, { instansiId: owner.id })
    expect(listed.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1])
    expect(listed.every((e) => e.hashVersion === 2)).toBe(true)
    // The id the hash covers is the id the row got.
    const stored = await getAuditEntry(db, owner.id, listed[0]!.id)
    expect(hashAuditEntry(stored!, stored!.prevHash)).toBe(stored!.hash)
  })

  it('refuses updates, deletes and TRUNCATE of audit rows', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    const [entry] = await appendMany(db, owner.id, 1)
    await expect(db.execute(sql`update audit_log set action = 'z' where id = ${entry!.id}`)).rejects.toThrow()
    await expect(db.execute(sql`delete from audit_log where id = ${entry!.id}`)).rejects.toThrow()
    // Rolled back whatever happens, so a missing trigger cannot empty the shared test database.
    const attempt = (statement: ReturnType<typeof sql>) =>
      db
        .transaction(async (tx) => {
          await tx.execute(statement)
          throw new Error('the statement was allowed')
        })
        .catch((error: unknown) => {
          // Drizzle wraps the database's error; its message is in the cause.
          const cause = (error as { cause?: unknown }).cause
          throw cause instanceof Error ? cause : error
        })
    await expect(attempt(sql`truncate audit_log`)).rejects.toThrow(/audit_log is append-only/)
    await expect(attempt(sql`truncate instansi cascade`)).rejects.toThrow(/audit_log is append-only/)
    expect(await getAuditEntry(db, owner.id, entry!.id)).not.toBeNull()
  })

  it('reports the first broken link when a row is edited directly in SQL', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    const entries = await appendMany(db, owner.id, 4)
    await asSuperuser(db, sql`update audit_log set after = '{"i": 99}'::jsonb where id = ${entries[1]!.id}`)
    const result = await verifyAuditLog(db, { instansiId: owner.id })
    expect(result.breaks).toHaveLength(1)
    expect(result.breaks[0]).toMatchObject({ seq: 2, reason: expect.stringContaining('changed') })
  })

  it("reports an entry whose instansi_id was changed to another instansi's", async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    const other = await createTestInstansi(db)
    const entries = await appendMany(db, owner.id, 3)
    await asSuperuser(db, sql`update audit_log set instansi_id = ${other.id} where id = ${entries[2]!.id}`)
    // Moved, the entry would show in the other instansi's viewer; the owner's chain now misses its tail.
    expect((await searchAudit(db, { instansiId: other.id })).map((e) => e.id)).toEqual([entries[2]!.id])
    const result = await verifyAuditLog(db, { instansiId: owner.id })
    expect(result.breaks).toEqual([
      expect.objectContaining({ seq: 3, id: entries[2]!.id, reason: expect.stringContaining('instansi_id') }),
    ])
  })

  it('keeps verifying entries written with the original recipe before migration 0004, followed by new ones', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    let prevHash = GENESIS_HASH
    for (let seq = 1; seq <= 3; seq += 1) {
      const [{ id }] = rowsOf<{ id: number | string }>(
        await db.execute(sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id`),
      ) as [{ id: number | string }]
      const content = {
        id: Number(id),
        chain: owner.id,
        instansiId: owner.id,
        seq,
        occurredAt: new Date(Date.UTC(2025, 5, seq)),
        actorUserId: null,
        actorLabel: 'lama',
        action: 'unit.update',
        objectType: 'unit',
        objectId: null,
        before: null,
        after: { seq },
        ip: null,
        userAgent: null,
        hashVersion: 1,
      }
      const hash = hashAuditEntry(content, prevHash)!
      await insertAuditRow(db, { ...content, prevHash, hash })
      prevHash = hash
    }
    await appendMany(db, owner.id, 2)
    const result = await verifyAuditLog(db, { instansiId: owner.id })
    expect(result).toMatchObject({ entries: 5, breaks: [] })
    const versions = (await searchAudit(db, { instansiId: owner.id })).map((e) => e.hashVersion)
    expect(versions).toEqual([2, 2, 1, 1, 1])
  })

  it('hands the viewer only the small fields of a huge entry and names the ones left out', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    const changes = Array.from({ length: 20_000 }, (_, row) => ({
      row,
      handle: `akun_${row}`,
      action: 'create',
    }))
    await appendAudit(db, {
      instansiId: owner.id,
      actorUserId: null,
      actorLabel: 'uji',
      action: 'account.import',
      objectType: 'account',
      after: { rows: 20_000, created: 20_000, changes },
    })
    const [row] = await searchAuditPage(
      db,
      { instansiId: owner.id, limit: 1 },
      { maxJsonBytes: 64 * 1024, maxFieldBytes: 1024 },
    )
    expect(row).toMatchObject({
      afterCut: true,
      beforeCut: false,
      after: { rows: 20_000, created: 20_000 },
      omittedAfter: ['changes'],
      omittedBefore: [],
    })
    expect(JSON.stringify(row!.after).length).toBeLessThan(1000)
  })

  it('lists the actions, object types and actors present in one instansi only', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    const other = await createTestInstansi(db)
    const user = await createTestUser(db, owner, [])
    const event = { actorLabel: 'x', objectType: 'unit', objectId: null }
    await appendAudit(db, { ...event, instansiId: owner.id, actorUserId: user.id, action: 'unit.create' })
    await appendAudit(db, { ...event, instansiId: owner.id, actorUserId: user.id, action: 'unit.create' })
    await appendAudit(db, {
      ...event,
      instansiId: owner.id,
      actorUserId: null,
      actorLabel: 'cli',
      action: 'unit.move',
      objectType: 'unit',
    })
    await appendAudit(db, {
      ...event,
      instansiId: owner.id,
      actorUserId: null,
      actorLabel: 'cli',
      action: 'calendar.add',
      objectType: 'calendar_day',
    })
    await appendAudit(db, {
      ...event,
      instansiId: other.id,
      actorUserId: null,
      action: 'role.grant',
      objectType: 'role_grant',
    })
    expect(await listAuditFacets(db, owner.id)).toEqual({
      actions: ['calendar.add', 'unit.create', 'unit.move'],
      objectTypes: ['calendar_day', 'unit'],
      actorUsers: [{ userId: user.id, label: 'x' }],
      actorLabels: ['cli'],
    })
  })

  it("resolves the current names of a page's objects in one query, never another instansi's", async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db)
    const other = await createTestInstansi(db)
    const unit = await createTestUnit(db, owner, owner.rootUnit, 'BH')
    const foreign = await createTestUnit(db, other, other.rootUnit, 'LN')
    const user = await createTestUser(db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const names = await resolveAuditNames(db, owner.id, {
      units: [unit.id, foreign.id, 'bukan-uuid'],
      users: [user.id],
      accounts: [],
      roleGrants: [],
      sessions: [],
      apiTokens: [],
      instansi: [owner.id, other.id],
    })
    expect(names).toEqual(
      expect.arrayContaining([
        { kind: 'unit', id: unit.id, name: `Unit BH`, detail: 'BH', extra: null },
        { kind: 'user', id: user.id, name: `Pengguna ${user.email}`, detail: user.email, extra: null },
        expect.objectContaining({ kind: 'instansi', id: owner.id, detail: owner.slug }),
      ]),
    )
    expect(names).toHaveLength(3)
    // Without units the union starts at another kind; its columns must still be named.
    const usersOnly = await resolveAuditNames(db, owner.id, {
      units: [],
      users: [user.id],
      accounts: [],
      roleGrants: [],
      sessions: [],
      apiTokens: [],
      instansi: [],
    })
    expect(usersOnly).toEqual([
      { kind: 'user', id: user.id, name: `Pengguna ${user.email}`, detail: user.email, extra: null },
    ])
  })
})
