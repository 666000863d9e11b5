import { randomUUID } from 'node:crypto'
import {
  chmodSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getTestContext, testEngine } from '../../../tests/support/test-context.ts'
import { insertHoaxClaims } from '../../db/hoax-claims-repository.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../tests/support/fixtures.ts'
import { openFreshDatabase, postgresAvailable } from '../../../tests/int/fresh-database.ts'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../db/open-database.ts'
import type { Engine } from '../../db/client.ts'
import { appendAudit } from '../audit/append-audit.ts'
import { calendarDays } from '../../db/schema/index.ts'
import { exportDatabase } from '../../db/backup-export.ts'
import { BackupError } from '../../db/backup-format.ts'
import { verifyAuditLog } from '../audit/verify-audit-log.ts'
import { readGzipLines, restoreBackupFile, writeBackupFile } from './backup-file.ts'

const otherEngine: Engine = testEngine() === 'pg' ? 'pglite' : 'pg'
const workDir = mkdtempSync(path.join(tmpdir(), 'warta-backup-'))
let context: AppContext
let backupFile: string

/** Everything but the header (its time and engine differ between a database and its restored copy). */
async function contentOf(database: Database, pageSize?: number): Promise<string[]> {
  const lines: string[] = []
  await exportDatabase(
    database,
    async (line) => {
      lines.push(line)
    },
    { pageSize },
  )
  return lines.slice(1)
}

let ownInstansiId: string

beforeAll(async () => {
  context = await getTestContext()
  const owner = await createTestInstansi(context.db, 'Instansi Cadangan')
  ownInstansiId = owner.id
  // Three generations of units, so restore must order a self-referencing table.
  const bidang = await createTestUnit(context.db, owner, owner.rootUnit)
  const seksi = await createTestUnit(context.db, owner, bidang)
  await createTestUnit(context.db, owner, seksi)
  const admin = await createTestUser(context.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }])
  // A table with a two-column primary key, so paging on a composite key is exercised.
  await context.db.insert(calendarDays).values([
    { instansiId: owner.id, day: '2026-03-20', kind: 'holiday', name: 'Idul Fitri' },
    { instansiId: owner.id, day: '2026-03-21', kind: 'holiday', name: 'Idul Fitri' },
    { instansiId: owner.id, day: '2026-12-24', kind: 'cuti_bersama', name: 'Cuti bersama Natal' },
  ])
  // Array columns (uuid[] and text[]), so a backup carries them as arrays and not as text.
  await insertHoaxClaims(context.db, [
    {
      id: randomUUID(),
      instansiId: owner.id,
      label: 'hoaks',
      claim: 'Klaim dengan "kutip", koma, dan {kurung}',
      facts: 'Fakta',
      sources: [{ url: 'https://contoh.go.id/a', title: 'Judul' }],
      firstSeenOn: '2026-11-02',
      clarifiedOn: null,
      unitIds: [bidang.id, seksi.id],
      variants: ['varian, dengan koma', 'varian "kutip" {kurung}'],
      keywords: [],
      userId: admin.id,
      now: new Date(),
    },
  ])
  for (let index = 0; index < 5; index += 1) {
    await context.db.transaction((tx) =>
      appendAudit(tx, {
        instansiId: owner.id,
        actorUserId: admin.id,
        actorLabel: admin.email,
        action: 'unit.rename',
        objectType: 'unit',
        objectId: seksi.id,
        before: { name: `Seksi ${index}`, tags: ['a', 'b'], nested: { z: 1, a: [1.5, null] } },
        after: { name: `Seksi ${index + 1} — "Humas" ✓`, at: new Date('2026-01-02T03:04:05.678Z') },
        ip: '10.0.0.1',
        userAgent: 'vitest',
      }),
    )
  }
  backupFile = path.join(workDir, 'cadangan.jsonl.gz')
  await writeBackupFile(context.database, backupFile)
}, 60_000)

afterAll(() => rmSync(workDir, { recursive: true, force: true }))

describe('backup and restore', () => {
  it('writes a gzip file that opens with the format header and ends with the trailer', async () => {
    const lines: string[] = []
    for await (const line of readGzipLines(createReadStream(backupFile))) lines.push(line)
    const header = JSON.parse(lines[0]!) as { format: string; engine: string; migrations: string[] }
    expect(header.format).toBe('warta-backup')
    expect(header.engine).toBe(testEngine())
    expect(header.migrations).toContain('0000_core')
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ end: true })
    expect(lines.indexOf('{"table":"instansi","columns":["id","slug","name","created_at"]}')).toBeGreaterThan(
      0,
    )
  })

  it('writes the backup readable by its owner only, also over an existing file and a leftover partial one', async () => {
    expect(statSync(backupFile).mode & 0o777).toBe(0o600)
    const again = path.join(workDir, 'cadangan-lama.jsonl.gz')
    writeFileSync(again, 'cadangan lama', { mode: 0o644 })
    writeFileSync(`${again}.partial`, 'sisa cadangan terputus', { mode: 0o644 })
    chmodSync(again, 0o644)
    chmodSync(`${again}.partial`, 0o644)
    await writeBackupFile(context.database, again)
    expect(statSync(again).mode & 0o777).toBe(0o600)
    expect(existsSync(`${again}.partial`)).toBe(false)
    expect(gunzipSync(readFileSync(again)).toString('utf8')).toContain('"format":"warta-backup"')
  })

  // The cross-engine case needs the other engine: PGlite always exists, PostgreSQL when this run has a server.
  const targets: [string, Engine][] = [['the same engine', testEngine()]]
  if (otherEngine === 'pglite' || postgresAvailable()) targets.push(['the other engine', otherEngine])

  it('reads the same rows whatever the page size, so keyset paging neither skips nor repeats rows', async () => {
    expect(await contentOf(context.database, 2)).toEqual(await contentOf(context.database))
  })

  it.each(targets)(
    'restores into an empty database on %s with equal data and an intact audit chain',
    async (_label, engine) => {
      const target = await openFreshDatabase(engine)
      try {
        const result = await restoreBackupFile(target.database, backupFile)
        expect(result.rows).toBeGreaterThan(0)
        expect(await contentOf(target.database)).toEqual(await contentOf(context.database))
        // The shared test database also holds chains that other tests break on purpose: the restored copy must
        // verify exactly as the source does, and this test's own chain must be intact.
        expect(await verifyAuditLog(target.database.db)).toEqual(await verifyAuditLog(context.db))
        const own = await verifyAuditLog(target.database.db, { instansiId: ownInstansiId })
        expect(own.breaks).toEqual([])
        expect(own.entries).toBe(5)
      } finally {
        await target.dispose()
      }
    },
    60_000,
  )

  it('refuses to restore into a database that already has data', async () => {
    await expect(restoreBackupFile(context.database, backupFile)).rejects.toThrow(/tidak kosong/)
  })

  it('refuses a truncated backup and leaves the target empty, so a full restore still works after it', async () => {
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').trimEnd().split('\n')
    const truncated = path.join(workDir, 'terpotong.jsonl.gz')
    writeFileSync(truncated, gzipSync(`${lines.slice(0, -3).join('\n')}\n`))
    const target = await openFreshDatabase(testEngine())
    try {
      const failure = await restoreBackupFile(target.database, truncated).catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(BackupError)
      expect((failure as Error).message).toMatch(/terpotong/)
      const result = await restoreBackupFile(target.database, backupFile)
      expect(result.rows).toBeGreaterThan(0)
    } finally {
      await target.dispose()
    }
  }, 60_000)

  it('refuses a file that is not a Warta backup', async () => {
    const bogus = path.join(workDir, 'bukan.jsonl.gz')
    writeFileSync(bogus, gzipSync('{"hello":"world"}\n'))
    await expect(restoreBackupFile(context.database, bogus)).rejects.toThrow(/bukan cadangan Warta/)
  })
})
