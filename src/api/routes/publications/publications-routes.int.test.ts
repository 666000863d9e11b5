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
import { updateVariant } from '../../../db/post-variants-repository.ts'

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
