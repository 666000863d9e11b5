// `warta check` as a real process: what it says on stderr about the hoax check, and that stdout stays the
// JSON Lines contract either way.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))
const workDir = mkdtempSync(path.join(tmpdir(), 'warta-check-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

const claims = path.join(workDir, 'claims.jsonl')
writeFileSync(
  claims,
  `${JSON.stringify({ id: 'k1', claim: 'Vaksin mengandung chip pelacak 5G', fact: 'Vaksin tidak mengandung chip.' })}\n`,
)
const drafts = [
  { id: 1, platform: 'x', text: 'Jadwal vaksinasi di puskesmas dimulai Senin pukul 08.00 WIB.' },
  { id: 2, platform: 'instagram', text: 'Vaksin mengandung chip pelacak 5G, hati-hati!' },
  { id: 3, platform: 'x', text: 'Terima kasih atas partisipasi warga.' },
]
  .map((draft) => `${JSON.stringify(draft)}\n`)
  .join('')

async function runCheck(
  args: string[],
  locale = 'id',
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'warta.js'), 'check', ...args], {
    cwd: projectRoot,
    // No database anywhere (a data folder that does not exist), so the knowledge base cannot be the default.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATABASE_URL')),
      WARTA_DATA_DIR: path.join(workDir, 'no-data'),
      WARTA_LOCALE: locale,
    },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  child.stdin.end(drafts)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { stdout, stderr, code }
}

const ids = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { id: number }).id)

describe('warta check', () => {
  it('says once, on stderr, that the hoax check is off without --claims or a database and how to turn it on', async () => {
    const { stdout, stderr, code } = await runCheck([])
    expect(code).toBe(0)
    expect(stderr).toBe(
      'warta check: pemeriksaan hoaks TIDAK aktif (tanpa --claims atau --instansi, dan tidak ada basis data ' +
        'Warta yang dapat dibaca). Aktifkan dengan --claims KLAIM.jsonl (satu objek {"id", "claim", "fact"} ' +
        'per baris) atau --instansi KODE (basis pengetahuan hoaks instansi itu; DATABASE_URL, atau folder data ' +
        'Warta).\n',
    )
    expect(ids(stdout)).toEqual([1, 2, 3])
    expect(stdout).not.toContain('hoax_claim')

    const english = await runCheck([], 'en')
    expect(english.stderr).toMatch(
      /^warta check: the hoax check is OFF \(no --claims or --instansi, .*\)\. Turn it on with --claims .* or --instansi SLUG/,
    )
    expect(english.stdout).toBe(stdout)
  }, 60_000)

  it('checks hoaxes quietly when --claims is given', async () => {
    const { stdout, stderr, code } = await runCheck(['--claims', claims])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(ids(stdout)).toEqual([1, 2, 3])
    const second = JSON.parse(stdout.split('\n')[1]!) as { findings: { code: string }[] }
    expect(second.findings.map((finding) => finding.code)).toContain('hoax_claim')
  }, 60_000)
})
