// The attacks of finding 4.4, each against a chain of its own: a deleted tail, an emptied log, a chain recomputed
// after an edit, and forged checkpoints, caught by stored checkpoints where a superuser left them, and by a
// downloaded checkpoint file where they did not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { chainOf, readAuditChain, type AuditRow } from '../../db/audit-repository.ts'
import { openFreshDatabase, postgresAvailable } from '../../../tests/int/fresh-database.ts'
import { getTestContext, testEngine } from '../../../tests/support/test-context.ts'
import { createTestInstansi, type TestInstansi } from '../../../tests/support/fixtures.ts'
import { auditCommand } from '../../cli/commands/audit.ts'
import type { Engine } from '../../db/client.ts'
import { restoreBackupFile, writeBackupFile } from '../backup/backup-file.ts'
import { isAppError } from '../app-error.ts'
import { appendAudit } from './append-audit.ts'
import { hashAuditEntry } from './audit-hash.ts'
import {
  checkpointFile,
  generateSigningKeyPem,
  signingKeyFromPem,
  signStatement,
  type CheckpointFile,
} from './checkpoint-file.ts'
import { checkpointFileOf } from './checkpoint-row.ts'
import { loadSigningKey, makeCheckpoint, makeDailyCheckpoints } from './checkpoints.ts'
import { checkpointVerifyReport } from './verify-checkpoint-file.ts'
import { verifyAuditLog } from './verify-audit-log.ts'

const workDir = mkdtempSync(path.join(tmpdir(), 'warta-checkpoint-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

const clock = { now: () => new Date('2026-10-12T17:30:00.000Z') }

async function chainWith(db: Db, count: number): Promise<TestInstansi> {
  const owner = await createTestInstansi(db)
  await appendEntries(db, owner, count)
  return owner
}

async function appendEntries(db: Db, owner: TestInstansi, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await appendAudit(db, {
      instansiId: owner.id,
      actorUserId: null,
      actorLabel: 'uji',
      action: 'unit.update',
      objectType: 'unit',
      after: { name: `Unit ${i}` },
    })
  }
}

/** What a database superuser can do: switch the append-only triggers off for one statement. */
async function asSuperuser(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`)
    await tx.execute(sql`alter table audit_checkpoints disable trigger audit_checkpoints_no_update`)
    await tx.execute(statement)
    await tx.execute(sql`alter table audit_checkpoints enable trigger audit_checkpoints_no_update`)
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`)
  })
}

async function rowsOfChain(db: Db, owner: TestInstansi): Promise<AuditRow[]> {
  const rows: AuditRow[] = []
  for await (const row of readAuditChain(db, chainOf(owner.id))) rows.push(row)
  return rows
}

async function checkpointOf(db: Db, owner: TestInstansi): Promise<CheckpointFile> {
  const { checkpoint } = await makeCheckpoint({ db, clock }, chainOf(owner.id), {
    label: 'uji',
    userId: null,
  })
  return checkpointFileOf(checkpoint)
}

async function pinned(db: Db): Promise<string> {
  return (await loadSigningKey(db)).fingerprint
}

describe('audit checkpoints', () => {
  it('sign the head once and answer the same checkpoint until something new is logged', async () => {
    const { db } = await getTestContext()
    const owner = await chainWith(db, 3)
    const first = await makeCheckpoint({ db, clock }, chainOf(owner.id), { label: 'uji', userId: null })
    expect(first).toMatchObject({ created: true, checkpoint: { seq: 3, createdBy: 'uji' } })
    const again = await makeCheckpoint({ db, clock }, chainOf(owner.id), { label: 'lain', userId: null })
    expect(again).toMatchObject({ created: false, checkpoint: { id: first.checkpoint.id } })
    await appendEntries(db, owner, 2)
    const next = await makeCheckpoint({ db, clock }, chainOf(owner.id), { label: 'uji', userId: null })
    expect(next).toMatchObject({ created: true, checkpoint: { seq: 5 } })
    const file = checkpointFileOf(next.checkpoint)
    expect(file.statement).toMatchObject({
      instansi: { id: owner.id, slug: owner.slug },
      seq: 5,
      createdAt: '2026-10-12T17:30:00.000Z',
    })
    expect(await verifyAuditLog(db, { instansiId: owner.id })).toMatchObject({ checkpoints: 2, breaks: [] })
  })

  it('refuse to sign a chain that is broken since the last checkpoint, and the daily job reports it', async () => {
    const { db } = await getTestContext()
    const intact = await chainWith(db, 2)
    const broken = await chainWith(db, 3)
    const [, second] = await rowsOfChain(db, broken)
    await asSuperuser(db, sql`update audit_log set after = '{"name": "dipalsukan"}' where id = ${second!.id}`)
    const failure = await makeCheckpoint({ db, clock }, chainOf(broken.id), {
      label: 'uji',
      userId: null,
    }).catch((error: unknown) => error)
    expect(isAppError(failure) && failure.key).toBe('audit.checkpoint_chain_broken')
    const daily = await makeDailyCheckpoints({ db, clock })
    expect(daily.refused).toContainEqual({
      chain: chainOf(broken.id),
      key: 'audit.checkpoint_chain_broken',
      seq: 2,
    })
    expect(daily.refused.map((r) => r.chain)).not.toContain(chainOf(intact.id))
    expect(await verifyAuditLog(db, { instansiId: intact.id })).toMatchObject({ checkpoints: 1, breaks: [] })
  })

  it('refuse UPDATE, DELETE and TRUNCATE of stored checkpoints', async () => {
    const { db } = await getTestContext()
    const owner = await chainWith(db, 1)
    await checkpointOf(db, owner)
    const attempt = (statement: ReturnType<typeof sql>) =>
      db
        .transaction(async (tx) => {
          await tx.execute(statement)
          throw new Error('the statement was allowed')
        })
        .catch((error: unknown) => {
          const cause = (error as { cause?: unknown }).cause
          throw cause instanceof Error ? cause : error
        })
    const mine = sql`chain = ${chainOf(owner.id)}`
    await expect(attempt(sql`update audit_checkpoints set seq = 9 where ${mine}`)).rejects.toThrow(
      /append-only/,
    )
    await expect(attempt(sql`delete from audit_checkpoints where ${mine}`)).rejects.toThrow(/append-only/)
    await expect(attempt(sql`truncate audit_checkpoints`)).rejects.toThrow(/append-only/)
  })

  it('catch a deleted tail from the stored checkpoints', async () => {
    const { db } = await getTestContext()
    const owner = await chainWith(db, 5)
    await checkpointOf(db, owner)
    await asSuperuser(db, sql`delete from audit_log where chain = ${chainOf(owner.id)} and seq > 3`)
    const result = await verifyAuditLog(db, { instansiId: owner.id })
    expect(result.breaks).toEqual([
      expect.objectContaining({ seq: 5, id: null, reason: expect.stringContaining('removed from the end') }),
    ])
  })

  it('catch a deleted tail with a downloaded checkpoint when the stored ones were deleted too', async () => {
    const { db } = await getTestContext()
    const owner = await chainWith(db, 5)
    const file = await checkpointOf(db, owner)
    await asSuperuser(db, sql`delete from audit_log where chain = ${chainOf(owner.id)} and seq > 3`)
    await asSuperuser(db, sql`delete from audit_checkpoints where chain = ${chainOf(owner.id)}`)
    // Without the file the shortened chain looks intact: that is what the file is for.
    expect(await verifyAuditLog(db, { instansiId: owner.id })).toMatchObject({ entries: 3, breaks: [] })
    const report = await checkpointVerifyReport(db, JSON.stringify(file), {
      pinnedFingerprint: await pinned(db),
    })
    expect(report.exitCode).toBe(1)
    expect(report.lines.join('\n')).toMatch(/now has 3 entries, the checkpoint saw 5 .*removed from the end/)
  })

  it('catch a log emptied by a superuser (TRUNCATE itself is refused)', async () => {
    const { db } = await getTestContext()
    const owner = await chainWith(db, 2)
    const file = await checkpointOf(db, owner)
    await asSuperuser(db, sql`delete from audit_log where chain = ${chainOf(owner.id)}`)
    const report = await checkpointVerifyReport(db, JSON.stringify(file), {
      pinnedFingerprint: await pinned(db),
    })
    expect(report.exitCode).toBe(1)
    expect(report.lines.join('\n')).toMatch(/now has 0 entries, the checkpoint saw 2/)
    // The chain is gone from audit_log, yet the full verification still looks at it through its checkpoint.
    const all = await verifyAuditLog(db)
    expect(all.breaks).toContainEqual(
      expect.objectContaining({
        chain: chainOf(owner.id),
        reason: expect.stringContaining('removed from the end'),
      }),
    )
  })

  it('catch a chain recomputed after an edit, which every link check accepts', async () => {
    const { db } = await getTestContext()
    const owner = await chainWith(db, 4)
    const file = await checkpointOf(db, owner)
    // Rewrite entry 2 and recompute the hashes of it and every entry after it: each link is valid again.
    const rows = await rowsOfChain(db, owner)
    let prevHash = rows[0]!.hash
    for (const row of rows.slice(1)) {
      const after = row.seq === 2 ? { name: 'dipalsukan' } : row.after
      const hash = hashAuditEntry({ ...row, after }, prevHash)!
      await asSuperuser(
        db,
        sql`update audit_log set after = ${JSON.stringify(after)}::jsonb, prev_hash = ${prevHash}, hash = ${hash} where id = ${row.id}`,
      )
      prevHash = hash
    }
    const stored = await verifyAuditLog(db, { instansiId: owner.id })
    expect(stored.breaks).toEqual([
      expect.objectContaining({ seq: 4, reason: expect.stringContaining('rewritten after the checkpoint') }),
    ])
    await asSuperuser(db, sql`delete from audit_checkpoints where chain = ${chainOf(owner.id)}`)
    expect((await verifyAuditLog(db, { instansiId: owner.id })).breaks).toEqual([])
    const report = await checkpointVerifyReport(db, JSON.stringify(file), {
      pinnedFingerprint: await pinned(db),
    })
    expect(report.exitCode).toBe(1)
    expect(report.lines.join('\n')).toMatch(/entry #4 .* the checkpoint says .*rewritten or recomputed/)
  })

  it('refuse a forged checkpoint: an altered statement, or one signed with another key', async () => {
    const { db } = await getTestContext()
    const owner = await chainWith(db, 3)
    const file = await checkpointOf(db, owner)
    const fingerprint = await pinned(db)
    const altered = { ...file, statement: { ...file.statement, seq: 2 } }
    const alteredReport = await checkpointVerifyReport(db, JSON.stringify(altered), {
      pinnedFingerprint: fingerprint,
    })
    expect(alteredReport).toMatchObject({ exitCode: 1, lines: [expect.stringMatching(/altered or forged/)] })
    // Correctly signed, but by a key the attacker made: refused with the pin, and refused without it.
    const attacker = signingKeyFromPem(generateSigningKeyPem())
    const statement = { ...file.statement, seq: 2 }
    const own = checkpointFile(statement, signStatement(statement, attacker), attacker.publicKeyDer)
    const withPin = await checkpointVerifyReport(db, JSON.stringify(own), { pinnedFingerprint: fingerprint })
    expect(withPin).toMatchObject({ exitCode: 1, lines: [expect.stringMatching(/not by the pinned key/)] })
    const withoutPin = await checkpointVerifyReport(db, JSON.stringify(own))
    expect(withoutPin).toMatchObject({
      exitCode: 1,
      lines: [expect.stringMatching(/not this deployment's key/)],
    })
  })

  it('pass an intact chain through the command line with a pinned fingerprint, and refuse a wrong pin', async () => {
    const { db } = await getTestContext()
    const owner = await chainWith(db, 2)
    const out: string[] = []
    const err: string[] = []
    const output = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }
    const filePath = path.join(workDir, `${owner.slug}.json`)
    expect(await auditCommand(db, ['checkpoint', '--instansi', owner.slug, '--out', filePath], output)).toBe(
      0,
    )
    await appendEntries(db, owner, 1)
    const keyLines: string[] = []
    await auditCommand(db, ['key'], { out: (line) => keyLines.push(line), err: () => undefined })
    const fingerprint = /: ([0-9a-f]{64})/.exec(keyLines[0]!)![1]!
    out.length = 0
    const args = ['verify', '--checkpoint', filePath, '--instansi', owner.slug]
    expect(
      await auditCommand(db, [...args, '--fingerprint', `SHA256:${fingerprint.toUpperCase()}`], output),
    ).toBe(0)
    expect(out.join('')).toMatch(/OK checkpoint of .* entry #2 still has hash/)
    expect(out.join('')).toMatch(/3 entries checked, intact \(1 added since the checkpoint\)/)
    const pemPath = path.join(workDir, 'kunci.pem')
    writeFileSync(pemPath, keyLines.slice(1).join(''))
    expect(await auditCommand(db, [...args, '--public-key', pemPath], output)).toBe(0)
    expect(await auditCommand(db, [...args, '--fingerprint', 'ab'.repeat(32)], output)).toBe(1)
    expect(await auditCommand(db, ['verify', '--fingerprint', fingerprint], output)).toBe(2)
  })

  const otherEngine: Engine = testEngine() === 'pg' ? 'pglite' : 'pg'
  const engines: Engine[] = [testEngine()]
  if (otherEngine === 'pglite' || postgresAvailable()) engines.push(otherEngine)

  it.each(engines)(
    'survive backup and restore to %s: the key travels and a checkpoint file verifies against the copy',
    async (engine) => {
      const context = await getTestContext()
      const owner = await chainWith(context.db, 3)
      const file = await checkpointOf(context.db, owner)
      const fingerprint = await pinned(context.db)
      const backup = path.join(workDir, `cadangan-${engine}.jsonl.gz`)
      await writeBackupFile(context.database, backup)
      const target = await openFreshDatabase(engine)
      try {
        await restoreBackupFile(target.database, backup)
        expect((await loadSigningKey(target.database.db)).fingerprint).toBe(fingerprint)
        const report = await checkpointVerifyReport(target.database.db, JSON.stringify(file), {
          pinnedFingerprint: fingerprint,
        })
        expect(report).toMatchObject({ exitCode: 0 })
        expect(await verifyAuditLog(target.database.db, { instansiId: owner.id })).toMatchObject({
          entries: 3,
          checkpoints: 1,
          breaks: [],
        })
      } finally {
        await target.dispose()
      }
    },
    90_000,
  )
})
