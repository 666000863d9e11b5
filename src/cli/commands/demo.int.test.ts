import { describe, expect, it } from 'vitest'
import { createTestInstansi } from '../../../tests/support/fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { demoSummary, runDemoCommand } from './demo.ts'

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

  it('prints what it built, its inbox counted: messages, waiting, past target, PPID cases and LAPOR! referrals', () => {
    const built = {
      slug: 'pemkot-sukamaju',
      counts: {
        units: 6,
        users: 9,
        accounts: 4,
        posts: 120,
        published: 110,
        scheduled: 5,
        inReview: 3,
        drafts: 3,
        inbox: { items: 842, waiting: 37, pastTarget: 12, ppidCases: 3, laporReferrals: 1 },
      },
    }
    expect(demoSummary(built, '41.2', 'id').split('\n')[1]).toBe(
      'Kotak masuk: 842 pesan warga, 37 menunggu jawaban (12 lewat target), 3 kasus PPID, 1 rujukan SP4N-LAPOR!.',
    )
    expect(demoSummary(built, '41.2', 'en')).toContain(
      'Inbox: 842 citizen messages, 37 waiting for an answer (12 past target), 3 PPID cases, 1 SP4N-LAPOR! referrals.',
    )
  })
})
