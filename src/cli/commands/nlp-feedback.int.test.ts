// `warta nlp feedback export` as a real process over the embedded data folder: the verdicts of one instansi as
// JSON lines of training pairs, to a file or to standard output, and a clear refusal for an unknown instansi.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { insertHoaxClaims } from '../../db/hoax-claims-repository.ts'
import { upsertHoaxFeedback } from '../../db/hoax-feedback-repository.ts'
import { migrate } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'
import { createTestInstansi, createTestUser } from '../../../tests/support/fixtures.ts'
import { createInboxAccount, seedInboxItems } from '../../../tests/support/inbox-fixtures.ts'

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))
const workDir = mkdtempSync(path.join(tmpdir(), 'warta-nlp-feedback-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

async function runWarta(args: string[], dataDir: string) {
  const { DATABASE_URL: _ignored, ...base } = process.env
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'warta.js'), ...args], {
    cwd: workDir,
    env: { ...base, WARTA_LOCALE: 'en', LOG_LEVEL: 'silent', WARTA_DATA_DIR: dataDir },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { stdout, stderr, code }
}

describe('warta nlp feedback export', () => {
  it("writes one instansi's verdicts as positive and negative pairs, and refuses an unknown instansi", async () => {
    const dataDir = path.join(workDir, 'data')
    const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') })
    let slug: string
    const [vaccineId, bansosId] = [randomUUID(), randomUUID()]
    try {
      await migrate(database)
      const owner = await createTestInstansi(database.db)
      slug = owner.slug
      const pj = await createTestUser(database.db, owner, [
        { unitId: owner.rootUnit.id, role: 'penanggung_jawab' },
      ])
      const base = {
        facts: 'Tidak benar.',
        sources: [],
        firstSeenOn: null,
        clarifiedOn: null,
        unitIds: [],
        variants: [],
        keywords: [],
        label: 'hoaks' as const,
        instansiId: owner.id,
        userId: null,
        now: new Date(),
      }
      await insertHoaxClaims(database.db, [
        { ...base, id: vaccineId, claim: 'Vaksin campak mengandung chip' },
        { ...base, id: bansosId, claim: 'Bansos dihentikan' },
      ])
      const account = await createInboxAccount(database.db, owner, owner.rootUnit, pj.id, {
        secret: 'a'.repeat(64),
        previousSecrets: [],
      })
      const [first, second] = await seedInboxItems(database.db, owner, account, [
        { text: 'katanya vaksin ada chipnya' },
        { text: 'kata grup, BLT distop bulan depan' },
      ])
      const verdict = (
        itemId: string,
        fields: { verdict: 'confirmed' | 'other_claim'; claimId: string; matchedClaimId: string | null },
        text: string,
        at: string,
      ) =>
        upsertHoaxFeedback(database.db, randomUUID(), {
          instansiId: owner.id,
          itemId,
          ...fields,
          matchedScore: 0.5,
          text,
          judgedBy: pj.id,
          judgedAt: new Date(at),
        })
      await verdict(
        first!.id,
        { verdict: 'confirmed', claimId: vaccineId, matchedClaimId: vaccineId },
        'katanya vaksin ada chipnya',
        '2026-12-01T01:00:00Z',
      )
      await verdict(
        second!.id,
        { verdict: 'other_claim', claimId: bansosId, matchedClaimId: vaccineId },
        'kata grup, BLT distop bulan depan',
        '2026-12-01T02:00:00Z',
      )
    } finally {
      await database.close()
    }

    const out = path.join(workDir, 'pairs.jsonl')
    const written = await runWarta(['nlp', 'feedback', 'export', '--instansi', slug, '--out', out], dataDir)
    expect(written.stderr).toContain('3 pairs (2 matching, 1 not matching) written to')
    expect(written.code).toBe(0)
    const lines = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown)
    expect(lines).toEqual([
      {
        text: 'katanya vaksin ada chipnya',
        claimId: vaccineId,
        claim: 'Vaksin campak mengandung chip',
        match: true,
        source: 'inbox-feedback',
        judgedAt: '2026-12-01T01:00:00.000Z',
      },
      expect.objectContaining({ text: 'kata grup, BLT distop bulan depan', claimId: bansosId, match: true }),
      expect.objectContaining({
        text: 'kata grup, BLT distop bulan depan',
        claimId: vaccineId,
        match: false,
      }),
    ])

    const unknown = await runWarta(['nlp', 'feedback', 'export', '--instansi', 'tidak-ada'], dataDir)
    expect([unknown.code, unknown.stdout]).toEqual([2, ''])
    expect(unknown.stderr).toContain('no agency with the short code "tidak-ada"')

    const help = await runWarta(['nlp', 'feedback', '--help'], dataDir)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('warta nlp feedback export [--instansi <code>] [--out file]')
  }, 120_000)
})
