import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
  createScheduledPost,
} from '../../../../tests/support/publishing-fixtures.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { recordConnectionError } from '../../../db/account-connections-repository.ts'
import { metricReadingsOf, recordMetricReading } from '../../../db/post-metrics-repository.ts'
import { getVariant, setVariantMetrics, updateVariant } from '../../../db/post-variants-repository.ts'
import { jobOutbox, posts } from '../../../db/schema/index.ts'
import { planMetricReadings } from '../../../features/metrics/plan-metric-readings.ts'
import { and, eq, sql } from 'drizzle-orm'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const pj = await createPenanggungJawab(ctx.db, owner)
  const author = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
  const first = await createConnectedSandboxAccount(ctx.db, owner, pj, ctx)
  const second = await createConnectedSandboxAccount(ctx.db, owner, pj, ctx)
  const post = await createScheduledPost(
    ctx.db,
    owner,
    author,
    [first.id, second.id],
    new Date(Date.now() + 3_600_000),
  )
  const { headers } = await loginAs(app, author)
  return { ctx, app, owner, author, first, second, post, headers }
}

describe('publications routes', () => {
  it("shows each account's state with its last error in words", async () => {
    const s = await setup()
    await updateVariant(
      s.ctx.db,
      s.owner.id,
      s.post.variantIds[0]!,
      { lastErrorKind: 'unavailable', lastErrorMessage: '503: service unavailable', attempts: 1 },
      new Date(),
    )
    const response = await s.app.inject({
      method: 'GET',
      url: `/api/posts/${s.post.postId}/publications`,
      headers: { ...s.headers, 'accept-language': 'id' },
    })
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json<{
      postStatus: string
      items: { variantId: string; status: string; lastError: { kind: string; message: string } | null }[]
    }>()
    expect(body.postStatus).toBe('scheduled')
    expect(body.items).toHaveLength(2)
    const failed = body.items.find((item) => item.variantId === s.post.variantIds[0])!
    expect(failed.status).toBe('scheduled')
    expect(failed.lastError).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('Platform'),
    })
  })

  it('cancels a scheduled post, leaves a published variant alone, and audits it', async () => {
    const s = await setup()
    await updateVariant(
      s.ctx.db,
      s.owner.id,
      s.post.variantIds[1]!,
      {
        status: 'published',
        platformPostId: 'p1',
        platformPostUrl: 'https://sandbox/p1',
        publishedAt: new Date(),
      },
      new Date(),
    )
    const response = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${s.post.postId}/cancel`,
      headers: s.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ cancelledVariantIds: [s.post.variantIds[0]] })
    const view = await s.app.inject({
      method: 'GET',
      url: `/api/posts/${s.post.postId}/publications`,
      headers: s.headers,
    })
    const statuses = view.json<{ items: { variantId: string; status: string }[] }>().items
    expect(statuses.find((item) => item.variantId === s.post.variantIds[1])!.status).toBe('published')
    const again = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${s.post.postId}/cancel`,
      headers: s.headers,
    })
    expect(again.statusCode).toBe(409)
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'post.cancel' })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.objectId).toBe(s.post.postId)
  })

  it("shows each account's latest metrics and its three readings after publishing", async () => {
    const s = await setup()
    const variantId = s.post.variantIds[0]!
    const publishedAt = new Date('2026-12-01T03:00:00.000Z')
    await updateVariant(
      s.ctx.db,
      s.owner.id,
      variantId,
      { status: 'published', platformPostId: 'p1', platformPostUrl: 'https://sandbox/p1', publishedAt },
      publishedAt,
    )
    await planMetricReadings(s.ctx.db, { id: variantId, instansiId: s.owner.id }, publishedAt)
    const hour = (await metricReadingsOf(s.ctx.db, s.owner.id, [variantId])).find(
      (r) => r.checkpoint === '1h',
    )!
    const reading = { likes: 4, shares: 1, replies: 2, quotes: null, views: 90 }
    const readAt = new Date('2026-12-01T04:00:30.000Z')
    await recordMetricReading(s.ctx.db, s.owner.id, hour.id, reading, readAt)
    await setVariantMetrics(s.ctx.db, s.owner.id, variantId, reading, readAt)
    const response = await s.app.inject({
      method: 'GET',
      url: `/api/posts/${s.post.postId}/publications`,
      headers: s.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    const item = response
      .json<{ items: { variantId: string; metrics: unknown; metricsAt: string; readings: unknown[] }[] }>()
      .items.find((i) => i.variantId === variantId)!
    expect(item.metrics).toEqual(reading)
    expect(item.metricsAt).toBe(readAt.toISOString())
    expect(item.readings).toEqual([
      {
        checkpoint: '1h',
        plannedAt: '2026-12-01T04:00:00.000Z',
        state: 'read',
        metrics: reading,
        fetchedAt: readAt.toISOString(),
      },
      {
        checkpoint: '24h',
        plannedAt: '2026-12-02T03:00:00.000Z',
        state: 'waiting',
        metrics: null,
        fetchedAt: null,
      },
      {
        checkpoint: '7d',
        plannedAt: '2026-12-08T03:00:00.000Z',
        state: 'waiting',
        metrics: null,
        fetchedAt: null,
      },
    ])
  })

  it('sends a failed publication again now, audited, and puts the post back on its way', async () => {
    const s = await setup()
    const variantId = s.post.variantIds[0]!
    await updateVariant(
      s.ctx.db,
      s.owner.id,
      variantId,
      {
        status: 'failed',
        attempts: 5,
        lastErrorKind: 'unavailable',
        lastErrorMessage: '503',
        nextAttemptAt: null,
      },
      new Date(),
    )
    await s.ctx.db.update(posts).set({ status: 'failed' }).where(eq(posts.id, s.post.postId))
    const response = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${s.post.postId}/publications/${variantId}/retry`,
      headers: s.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(await getVariant(s.ctx.db, s.owner.id, variantId)).toMatchObject({
      status: 'scheduled',
      attempts: 0,
      lastErrorKind: null,
    })
    const [post] = await s.ctx.db.select().from(posts).where(eq(posts.id, s.post.postId))
    expect(post!.status).toBe('scheduled')
    const jobs = await s.ctx.db
      .select()
      .from(jobOutbox)
      .where(
        and(eq(jobOutbox.name, 'publish-variant'), sql`${jobOutbox.payload}->>'variantId' = ${variantId}`),
      )
    expect(jobs).toHaveLength(1)
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'post.retry_publication' })
    expect(audit).toHaveLength(1)
    // Only a failed one: sending it again while it is scheduled is refused.
    const again = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${s.post.postId}/publications/${variantId}/retry`,
      headers: s.headers,
    })
    expect(again.statusCode).toBe(409)
    expect(again.json<{ error: { key: string } }>().error.key).toBe('publishing.retry.not_retryable')
  })

  it('refuses to send again while the account needs a reconnect, and says so', async () => {
    const s = await setup()
    const variantId = s.post.variantIds[0]!
    await updateVariant(
      s.ctx.db,
      s.owner.id,
      variantId,
      { status: 'failed', lastErrorKind: 'auth_expired', lastErrorMessage: '401' },
      new Date(),
    )
    await recordConnectionError(
      s.ctx.db,
      s.owner.id,
      s.first.id,
      { kind: 'auth_expired', message: '401', needsReconnect: true },
      new Date(),
    )
    const view = await s.app.inject({
      method: 'GET',
      url: `/api/posts/${s.post.postId}/publications`,
      headers: s.headers,
    })
    const item = view
      .json<{ items: { variantId: string; needsReconnect: boolean }[] }>()
      .items.find((i) => i.variantId === variantId)!
    expect(item.needsReconnect).toBe(true)
    const response = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${s.post.postId}/publications/${variantId}/retry`,
      headers: s.headers,
    })
    expect(response.statusCode).toBe(409)
    expect(response.json<{ error: { key: string } }>().error.key).toBe('publishing.retry.needs_reconnect')
    expect((await getVariant(s.ctx.db, s.owner.id, variantId))!.status).toBe('failed')
  })

  it('does not let a pengelola who is not the author send it again', async () => {
    const s = await setup()
    const variantId = s.post.variantIds[0]!
    await updateVariant(s.ctx.db, s.owner.id, variantId, { status: 'failed' }, new Date())
    const other = await createTestUser(s.ctx.db, s.owner, [
      { unitId: s.owner.rootUnit.id, role: 'pengelola' },
    ])
    const { headers } = await loginAs(s.app, other)
    const response = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${s.post.postId}/publications/${variantId}/retry`,
      headers,
    })
    expect(response.statusCode).toBe(403)
  })

  it('answers 404 for a post of another instansi', async () => {
    const s = await setup()
    const other = await createTestInstansi(s.ctx.db)
    const stranger = await createTestUser(s.ctx.db, other, [{ unitId: other.rootUnit.id, role: 'pengelola' }])
    const { headers } = await loginAs(s.app, stranger)
    const response = await s.app.inject({
      method: 'GET',
      url: `/api/posts/${s.post.postId}/publications`,
      headers,
    })
    expect(response.statusCode).toBe(404)
  })
})
