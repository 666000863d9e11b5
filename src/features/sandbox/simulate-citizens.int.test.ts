import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { createTestInstansi, uniqueSuffix } from '../../../tests/support/fixtures.ts'
import { systemClock } from '../../clock.ts'
import { rowsOf } from '../../db/sql-helpers.ts'
import { createSandboxConnector } from '../../connectors/sandbox/sandbox-connector.ts'
import { createSandboxNetwork, provisionSandboxAccount } from './sandbox-network-store.ts'
import { citizenComments, CITIZEN_ROUNDS, simulateCitizenRound } from './simulate-citizens.ts'

async function publishedPost() {
  const ctx = await getTestContext()
  const owner = await createTestInstansi(ctx.db)
  const handle = `humas.${uniqueSuffix()}`
  const { token } = await provisionSandboxAccount(ctx.db, owner.id, { handle, displayName: null })
  const connector = createSandboxConnector(
    createSandboxNetwork({ db: ctx.db, clock: systemClock }, { faults: 'off' }),
    {
      account: { handle, platformAccountId: null },
      credentials: { token },
      saveCredentials: () => Promise.resolve(),
      now: () => new Date(),
    },
  )
  const post = await connector.publish({
    idempotencyKey: `citizens-${uniqueSuffix()}`,
    text: 'Info vaksinasi.',
    media: [],
  })
  return { ctx, owner, connector, post }
}

describe('simulated citizens of the sandbox network', () => {
  it('asks for their first round when a post is published, once per post', async () => {
    const { ctx, post } = await publishedPost()
    const jobs = rowsOf<{ payload: { postId: string; round: number } }>(
      await ctx.db.execute(
        sql`select payload from job_outbox where name = 'sandbox-citizens' and payload->>'postId' = ${post.platformPostId}`,
      ),
    )
    expect(jobs).toEqual([{ payload: expect.objectContaining({ postId: post.platformPostId, round: 1 }) }])
  })

  it('adds likes, shares and Indonesian comments from the corpus, and a repeated round does nothing', async () => {
    const { ctx, owner, connector, post } = await publishedPost()
    for (let round = 1; round <= CITIZEN_ROUNDS; round++) {
      expect(await simulateCitizenRound(ctx, owner.id, post.platformPostId, round)).toBeDefined()
      expect(await simulateCitizenRound(ctx, owner.id, post.platformPostId, round)).toBeUndefined()
    }
    const metrics = (await connector.fetchMetrics([post.platformPostId])).get(post.platformPostId)!
    expect(metrics.likes).toBeGreaterThan(0)
    expect(metrics.views).toBeGreaterThan(metrics.likes!)
    const page = await connector.fetchInteractions(null)
    expect(page.items.length).toBeGreaterThan(0)
    const corpus = new Set(citizenComments().map((comment) => comment.text))
    for (const item of page.items) expect(corpus.has(item.text.replace(/^@\S+ /, ''))).toBe(true)
  })
})
