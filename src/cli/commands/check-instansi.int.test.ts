// `warta check --instansi SLUG` as a real process: it reads that instansi's hoax knowledge base from the database
// the server uses (the embedded data folder, or PostgreSQL through DATABASE_URL on the pg engine), `--claims`
// still wins, and without a database it says what to do. Without --instansi it uses the only instansi's
// knowledge base, names the instansi when there are several, and leaves a folder held by a server alone.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it, inject } from 'vitest'
import { insertHoaxClaims } from '../../db/hoax-claims-repository.ts'
import { migrate } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'
import type { Db } from '../../db/client.ts'
import { createTestInstansi } from '../../../tests/support/fixtures.ts'
import { testEngine } from '../../../tests/support/test-context.ts'

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))
const workDir = mkdtempSync(path.join(tmpdir(), 'warta-check-instansi-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

const drafts = [
  { id: 1, platform: 'x', text: 'Jadwal imunisasi campak di puskesmas dimulai Senin pukul 08.00 WIB.' },
  { id: 2, platform: 'x', text: 'Imunisasi campak ditanami microchip 5G buat melacak warga, hati-hati!' },
]
  .map((draft) => `${JSON.stringify(draft)}\n`)
  .join('')

async function runCheck(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const { DATABASE_URL: _ignored, ...base } = process.env
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'warta.js'), 'check', ...args], {
    cwd: workDir,
    env: { ...base, WARTA_LOCALE: 'id', LOG_LEVEL: 'silent', ...env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  child.stdin.end(drafts)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { stdout, stderr, code }
}

const codesOf = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { findings: { code: string }[] }).findings.map((f) => f.code))

/** An instansi whose knowledge base holds one active claim with a variant, and one archived claim. */
async function seed(db: Db): Promise<string> {
  const owner = await createTestInstansi(db)
  const base = {
    facts: 'Vaksin campak tidak mengandung chip.',
    sources: [],
    firstSeenOn: null,
    clarifiedOn: null,
    unitIds: [],
    keywords: [],
    instansiId: owner.id,
    userId: null,
    now: new Date(),
  }
  await insertHoaxClaims(db, [
    {
      ...base,
      id: randomUUID(),
      label: 'hoaks',
      claim: 'Vaksin campak di puskesmas mengandung chip pelacak 5G',
      variants: ['Imunisasi campak ditanami microchip 5G untuk melacak warga'],
    },
  ])
  return owner.slug
}

/** Migrates the database at `target` and seeds `instansiCount` instansi (see seed); returns their slugs. */
async function seedDatabase(
  target: { pgliteDir: string } | { databaseUrl: string; poolSize: number },
  instansiCount = 1,
): Promise<string[]> {
  const database = await openDatabase(target)
  try {
    await migrate(database)
    const slugs: string[] = []
    for (let i = 0; i < instansiCount; i += 1) slugs.push(await seed(database.db))
    return slugs
  } finally {
    await database.close()
  }
}

// These run `warta check` on an embedded data folder whatever the project's engine: once (in the PGlite project) is
// enough; the PostgreSQL project runs the DATABASE_URL case below.
const inEmbeddedFolder = it.runIf(testEngine() === 'pglite')

describe('warta check --instansi', () => {
  inEmbeddedFolder(
    "checks drafts against the instansi's knowledge base in the embedded data folder",
    async () => {
      const dataDir = path.join(workDir, 'data')
      const [slug] = (await seedDatabase({ pgliteDir: path.join(dataDir, 'pglite') })) as [string]
      const { stdout, stderr, code } = await runCheck(['--instansi', slug], { WARTA_DATA_DIR: dataDir })
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expect(codesOf(stdout)[0]).not.toContain('hoax_claim')
      expect(codesOf(stdout)[1]).toContain('hoax_claim')

      // --claims wins over the knowledge base, and says so.
      const claims = path.join(workDir, 'other.jsonl')
      writeFileSync(claims, `${JSON.stringify({ id: 'k1', claim: 'Jembatan Suramadu ditutup permanen' })}\n`)
      const overridden = await runCheck(['--instansi', slug, '--claims', claims], { WARTA_DATA_DIR: dataDir })
      expect(overridden.code).toBe(0)
      expect(overridden.stderr).toContain('memakai berkas --claims')
      expect(codesOf(overridden.stdout)[1]).not.toContain('hoax_claim')

      const unknown = await runCheck(['--instansi', 'tidak-ada'], { WARTA_DATA_DIR: dataDir })
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toContain('tidak ada instansi dengan kode singkat "tidak-ada"')
    },
    120_000,
  )

  inEmbeddedFolder(
    "uses the only instansi's knowledge base without --instansi, and says which on stderr",
    async () => {
      const dataDir = path.join(workDir, 'one')
      const [slug] = (await seedDatabase({ pgliteDir: path.join(dataDir, 'pglite') })) as [string]
      const { stdout, stderr, code } = await runCheck([], { WARTA_DATA_DIR: dataDir })
      expect(stderr).toBe(
        `warta check: pemeriksaan hoaks memakai basis pengetahuan instansi ${slug} (klaim aktif: 1).\n`,
      )
      expect(code).toBe(0)
      expect(codesOf(stdout)[1]).toContain('hoax_claim')

      const english = await runCheck([], { WARTA_DATA_DIR: dataDir, WARTA_LOCALE: 'en' })
      expect(english.stderr).toBe(
        `warta check: the hoax check uses the knowledge base of instansi ${slug} (active claims: 1).\n`,
      )
    },
    120_000,
  )

  inEmbeddedFolder(
    'turns the hoax check off with several instansi and lists the slugs to pass with --instansi',
    async () => {
      const dataDir = path.join(workDir, 'several')
      const slugs = await seedDatabase({ pgliteDir: path.join(dataDir, 'pglite') }, 2)
      const { stdout, stderr, code } = await runCheck([], { WARTA_DATA_DIR: dataDir })
      expect(code).toBe(0)
      expect(stderr).toBe(
        'warta check: pemeriksaan hoaks TIDAK aktif: basis data berisi beberapa instansi. Pilih satu dengan ' +
          `--instansi KODE: ${slugs.sort().join(', ')}.\n`,
      )
      expect(codesOf(stdout)[1]).not.toContain('hoax_claim')
    },
    120_000,
  )

  inEmbeddedFolder(
    'leaves a data folder held by a running server alone and checks without hoaxes',
    async () => {
      const dataDir = path.join(workDir, 'held')
      await seedDatabase({ pgliteDir: path.join(dataDir, 'pglite') })
      // A live process (this test runner) holds the lock, as a running `warta start` would.
      const lock = path.join(dataDir, 'warta.lock')
      writeFileSync(lock, String(process.pid))
      const { stdout, stderr, code } = await runCheck([], { WARTA_DATA_DIR: dataDir })
      expect(code).toBe(0)
      expect(stderr).toContain(`sedang dipakai proses Warta lain (pid ${process.pid})`)
      expect(stderr).toContain('warta check: pemeriksaan hoaks TIDAK aktif')
      expect(codesOf(stdout)).toHaveLength(2)
      expect(existsSync(lock)).toBe(true)
      rmSync(lock)
    },
    120_000,
  )

  inEmbeddedFolder(
    'says the hoax check is off, and how to turn it on, when there is no database',
    async () => {
      const empty = path.join(workDir, 'nothing')
      const { stdout, stderr, code } = await runCheck([], { WARTA_DATA_DIR: empty })
      expect(code).toBe(0)
      expect(stderr).toMatch(
        /^warta check: pemeriksaan hoaks TIDAK aktif .*--claims KLAIM\.jsonl.*--instansi KODE/,
      )
      expect(codesOf(stdout)).toHaveLength(2)
      expect(existsSync(empty)).toBe(false)
    },
    60_000,
  )

  inEmbeddedFolder(
    'refuses --instansi without a database rather than creating one',
    async () => {
      const empty = path.join(workDir, 'empty')
      const { stdout, stderr, code } = await runCheck(['--instansi', 'uji'], { WARTA_DATA_DIR: empty })
      expect(code).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toContain('--instansi perlu basis data: setel DATABASE_URL')
    },
    60_000,
  )

  it.runIf(testEngine() === 'pg')(
    'reads the knowledge base from PostgreSQL when DATABASE_URL is set',
    async () => {
      const url = inject('testDatabaseUrl')
      const [slug] = (await seedDatabase({ databaseUrl: url, poolSize: 1 })) as [string]
      const { stdout, stderr, code } = await runCheck(['--instansi', slug], {
        DATABASE_URL: url,
        WARTA_DATA_DIR: path.join(workDir, 'unused'),
      })
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expect(codesOf(stdout)[1]).toContain('hoax_claim')
    },
    60_000,
  )
})
