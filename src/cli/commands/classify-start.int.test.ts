// `warta classify` as a real process: it must start on the classifier alone. A hook preloaded into the process
// records every module it loads, so a new import that drags in the web server, the database, the rest of the
// language engine or zod (on clean input) fails here rather than as a slower start nobody notices.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))
const workDir = mkdtempSync(path.join(tmpdir(), 'warta-classify-start-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

const hook = path.join(workDir, 'record-modules.mjs')
const loaded = path.join(workDir, 'loaded.txt')
writeFileSync(
  hook,
  `import { registerHooks } from 'node:module'
import { appendFileSync } from 'node:fs'
registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(loaded)}, url + '\\n'); return next(url, context) } })
`,
)

function classify(input: string): Promise<{ stdout: string; status: number | null }> {
  rmSync(loaded, { force: true })
  const child = spawn(
    process.execPath,
    ['--import', hook, path.join(projectRoot, 'bin', 'warta.js'), 'classify'],
    {
      cwd: workDir,
      env: { ...process.env, WARTA_LOCALE: 'id' },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stdin.end(input)
  return new Promise((resolve) => child.on('close', (status) => resolve({ stdout, status })))
}

const modules = (): string[] => readFileSync(loaded, 'utf8').trim().split('\n')

describe('warta classify start-up', () => {
  it('classifies clean input without loading the server, the database, the rest of the engine or zod', async () => {
    const { stdout, status } = await classify(`${JSON.stringify({ id: 1, text: 'pelayanan gak bgt 😡' })}\n`)
    expect(status).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ id: 1, sentiment: { label: 'negatif' } })
    const all = modules()
    expect(all.some((url) => url.endsWith('/src/nlp/classify.ts'))).toBe(true)
    const unwanted = all.filter((url) =>
      /\/node_modules\/(?:fastify|@fastify|drizzle-orm|pg|pg-boss|@electric-sql|zod|libphonenumber-js|csv-parse)\/|\/src\/(?:api|db|features|jobs)\/|\/src\/nlp\/(?:index|check)\.ts|\/src\/nlp\/(?:hoax|detectors|train|eval)\//.test(
        url,
      ),
    )
    expect(unwanted).toEqual([])
  })

  it('loads zod to word the complaint about a bad line', async () => {
    const { stdout, status } = await classify(
      `{"id":1}\n${JSON.stringify({ id: 2, text: 'terima kasih' })}\n`,
    )
    expect(status).toBe(1)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    expect(modules().some((url) => url.includes('/node_modules/zod/'))).toBe(true)
  })
})
