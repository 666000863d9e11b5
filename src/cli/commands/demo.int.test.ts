import { describe, expect, it } from 'vitest'
import { createTestInstansi } from '../../../tests/support/fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { runDemoCommand } from './demo.ts'

function io() {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), locale: 'id' as const },
  }
}

describe('warta demo', () => {
  it('refuses a deployment that already has an instansi, in words, with exit 1', async () => {
    const context = await getTestContext()
    await createTestInstansi(context.db)
    const captured = io()
    expect(await runDemoCommand(context, [], captured.io)).toBe(1)
    expect(captured.err.join('')).toContain('instalasi ini sudah memiliki instansi')
    expect(captured.out).toEqual([])
  })

  it('explains its usage for a seed that is not a number', async () => {
    const context = await getTestContext()
    const captured = io()
    expect(await runDemoCommand(context, ['--seed', 'abc'], captured.io)).toBe(2)
    expect(captured.err.join('')).toContain('warta demo [--seed ANGKA]')
  })
})
