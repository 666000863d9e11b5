// `warta classify | head -1` as real processes: the reader leaves after one line, the command must stop quietly.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
const workDir = mkdtempSync(path.join(tmpdir(), 'warta-pipe-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

// Enough output (several MB) that the pipe to `head` is full long before the command is done.
const drafts = path.join(workDir, 'drafts.jsonl')
writeFileSync(
  drafts,
  Array.from(
    { length: 5000 },
    (_, id) =>
      `${JSON.stringify({ id, platform: 'x', text: `Pelayanan di kantor ini lambat sekali, mohon diperbaiki pak (${id}).` })}\n`,
  ).join(''),
)
const claims = path.join(workDir, 'claims.jsonl')
writeFileSync(
  claims,
  `${JSON.stringify({ id: 'k1', claim: 'Vaksin mengandung chip pelacak', fact: 'Vaksin tidak mengandung chip.' })}\n`,
)

/** Runs `warta ARGS < drafts | head -1` in bash; returns head's output, warta's stderr and warta's exit status. */
async function pipeToHead(args: string[]): Promise<{ firstLine: string; stderr: string; status: number }> {
  const warta = [process.execPath, path.join(projectRoot, 'bin', 'warta.js'), ...args]
    .map((part) => `'${part}'`)
    .join(' ')
  const script = `${warta} < '${drafts}' 2> '${workDir}/stderr' | head -1; status=\${PIPESTATUS[0]}; cat '${workDir}/stderr' >&2; echo "status=$status" >&2`
  const child = spawn('bash', ['-c', script], {
    cwd: projectRoot,
    env: { ...process.env, WARTA_LOCALE: 'id' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  await new Promise((resolve) => child.once('exit', resolve))
  const status = /status=(\d+)\n$/.exec(stderr)
  return { firstLine: stdout, stderr: stderr.replace(/status=\d+\n$/, ''), status: Number(status?.[1] ?? -1) }
}

describe('a streaming command whose reader leaves early', () => {
  it.each([
    ['classify', ['classify']],
    ['check', ['check', '--claims', claims]],
    ['hoax match', ['hoax', 'match', '--claims', claims]],
  ])(
    'stops quietly with status 0: warta %s | head -1',
    async (_name, args) => {
      const { firstLine, stderr, status } = await pipeToHead(args)
      expect(JSON.parse(firstLine)).toMatchObject({ id: 0 })
      expect(stderr).toBe('')
      expect(status).toBe(0)
    },
    60_000,
  )
})
