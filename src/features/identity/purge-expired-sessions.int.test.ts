import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUser } from '../../../tests/support/fixtures.ts'
import { sessions } from '../../db/schema/index.ts'
import { createSession } from './sessions.ts'
import { purgeExpiredSessions } from './purge-expired-sessions.ts'
import { purgeExpiredSessionsJob } from '../../jobs/purge-expired-sessions.ts'

describe('purge of expired sessions', () => {
  it('delete sessions that ended more than a day ago and keep live and recently ended ones', async () => {
    const ctx = await getTestContext()
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [])
    const meta = { ip: '10.0.0.1', userAgent: 'uji' }
    const make = async () =>
      (await createSession(ctx, ctx.db, user, { twoFactorPassed: false, method: 'password' }, meta)).session
        .id
    const live = await make()
    const longExpired = await make()
    const justExpired = await make()
    const longRevoked = await make()
    const day = 86_400_000
    await ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 2 * day) })
      .where(eq(sessions.id, longExpired))
    await ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, justExpired))
    await ctx.db
      .update(sessions)
      .set({ revokedAt: new Date(Date.now() - 3 * day) })
      .where(eq(sessions.id, longRevoked))

    const first = await purgeExpiredSessions(ctx)
    expect(first.sessions).toBeGreaterThanOrEqual(2)
    const left = (await ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id)))
      .map((r) => r.id)
      .sort()
    expect(left).toEqual([live, justExpired].sort())

    // The job is idempotent: running it again removes nothing of this user.
    await purgeExpiredSessionsJob.handle({ ...ctx, logger: ctx.logger }, {})
    expect(
      await ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id)),
    ).toHaveLength(2)
  })
})
