import { afterEach, describe, expect, it, vi } from 'vitest'
import { committedModelsDir } from '../../nlp/index.ts'
import { run } from './nlp.ts'

describe('warta nlp train --include-noncommercial', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
  })

  const stderrOf = async (args: string[]): Promise<{ status: number; stderr: string }> => {
    let stderr = ''
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk)
      return true
    })
    const status = await run(args)
    return { status, stderr }
  }

  it('refuses to train on non-commercial data without a folder of its own', async () => {
    vi.stubEnv('WARTA_LOCALE', 'en')
    const { status, stderr } = await stderrOf(['train', '--include-noncommercial'])
    expect(status).toBe(2)
    expect(stderr).toContain('--include-noncommercial needs --out <folder> outside src/nlp/models')
  })

  it('refuses the committed models folder as that folder', async () => {
    vi.stubEnv('WARTA_LOCALE', 'en')
    const { status } = await stderrOf(['train', '--include-noncommercial', '--out', committedModelsDir])
    expect(status).toBe(2)
  })
})
