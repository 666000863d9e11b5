// The content calendar's read (GET /api/posts/calendar): posts scheduled or published within a bounded range, in
// the units the caller may read, with their accounts, filtered by unit, account, platform and status, and marked
// movable only where a reschedule would be accepted.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
  type TestInstansi,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import type { Db } from '../../../db/client.ts'
import { accounts, postVariants, posts } from '../../../db/schema/index.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'

interface CalendarAnswer {
  from: string
  to: string
  truncated: boolean
  items: Array<{
    id: string
    title: string
    status: string
    at: string
    scheduledAt: string | null
    publishedAt: string | null
    movable: boolean
    unit: { id: string; name: string }
    variants: Array<{ accountId: string; platform: string; handle: string; status: string }>
  }>
}

async function createAccount(db: Db, owner: TestInstansi, unitId: string, pjId: string, platform: string) {
  const id = randomUUID()
  const handle = `humas${uniqueSuffix()}`
  await db.insert(accounts).values({
    id,
    instansiId: owner.id,
    unitId,
    platform,
    handle,
    url: `https://example.org/${handle}`,
    penanggungJawabUserId: pjId,
  })
  return id
}

async function createPost(
  db: Db,
  owner: TestInstansi,
  input: {
    unitId: string
    authorId: string
    title: string
    status: string
    scheduledAt: Date | null
    variants: Array<{ accountId: string; status: string; publishedAt?: Date }>
  },
) {
  const id = randomUUID()
  await db.insert(posts).values({
    id,
    instansiId: owner.id,
    unitId: input.unitId,
    authorId: input.authorId,
    title: input.title,
    kind: 'informasi',
    baseText: 'Vaksinasi gratis di puskesmas.',
    scheduledAt: input.scheduledAt,
    status: input.status,
  })
  await db.insert(postVariants).values(
    input.variants.map((variant) => ({
      id: randomUUID(),
      instansiId: owner.id,
      postId: id,
      accountId: variant.accountId,
      text: 'Vaksinasi gratis di puskesmas.',
      status: variant.status,
      publishedAt: variant.publishedAt ?? null,
    })),
  )
  return id
}

const DAY = 24 * 60 * 60 * 1000

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const dinkes = await createTestUnit(ctx.db, owner, owner.rootUnit, `DINKES${uniqueSuffix()}`)
  const dishub = await createTestUnit(ctx.db, owner, owner.rootUnit, `DISHUB${uniqueSuffix()}`)
  // A penanggung jawab must sign in with two-factor authentication.
  const secret = generateTotpSecret()
  const pj = {
    ...(await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }], {
      totpSecret: secret,
    })),
    totpSecret: secret,
  }
  const author = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  const otherAuthor = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  const dishubPengelola = await createTestUser(ctx.db, owner, [{ unitId: dishub.id, role: 'pengelola' }])
  const x = await createAccount(ctx.db, owner, dinkes.id, pj.id, 'x')
  const bluesky = await createAccount(ctx.db, owner, dinkes.id, pj.id, 'bluesky')
  const dishubX = await createAccount(ctx.db, owner, dishub.id, pj.id, 'x')

  // The range: a week starting tomorrow (at midnight UTC, so the edges are easy to place posts against).
  const from = new Date(Math.ceil(Date.now() / DAY) * DAY + DAY)
  const to = new Date(from.getTime() + 7 * DAY)
  const at = (days: number, hours = 3) => new Date(from.getTime() + days * DAY + hours * 3_600_000)

  const scheduled = await createPost(ctx.db, owner, {
    unitId: dinkes.id,
    authorId: author.id,
    title: 'Vaksinasi terjadwal',
    status: 'scheduled',
    scheduledAt: at(1),
    variants: [
      { accountId: x, status: 'scheduled' },
      { accountId: bluesky, status: 'scheduled' },
    ],
  })
  const inReview = await createPost(ctx.db, owner, {
    unitId: dinkes.id,
    authorId: author.id,
    title: 'Menunggu persetujuan',
    status: 'in_review',
    scheduledAt: at(2),
    variants: [{ accountId: bluesky, status: 'pending' }],
  })
  // Scheduled for before the range, published inside it: shown at its publication.
  const published = await createPost(ctx.db, owner, {
    unitId: dinkes.id,
    authorId: author.id,
    title: 'Sudah tayang',
    status: 'published',
    scheduledAt: new Date(from.getTime() - 2 * 3_600_000),
    variants: [{ accountId: x, status: 'published', publishedAt: at(0, 1) }],
  })
  const dishubPost = await createPost(ctx.db, owner, {
    unitId: dishub.id,
    authorId: dishubPengelola.id,
    title: 'Jadwal bus sekolah',
    status: 'scheduled',
    scheduledAt: at(3),
    variants: [{ accountId: dishubX, status: 'scheduled' }],
  })
  const afterRange = await createPost(ctx.db, owner, {
    unitId: dinkes.id,
    authorId: author.id,
    title: 'Minggu depan',
    status: 'scheduled',
    scheduledAt: at(7),
    variants: [{ accountId: x, status: 'scheduled' }],
  })
  const draftWithoutTime = await createPost(ctx.db, owner, {
    unitId: dinkes.id,
    authorId: author.id,
    title: 'Draf tanpa waktu',
    status: 'draft',
    scheduledAt: null,
    variants: [{ accountId: x, status: 'pending' }],
  })

  const headersOf = async (user: Parameters<typeof loginAs>[1]) => (await loginAs(app, user)).headers
  const read = async (headers: Record<string, string>, query: Record<string, string> = {}) => {
    const search = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), ...query })
    const response = await app.inject({
      method: 'GET',
      url: `/api/posts/calendar?${search.toString()}`,
      headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<CalendarAnswer>()
  }
  return {
    app,
    owner,
    dinkes,
    dishub,
    x,
    bluesky,
    from,
    to,
    ids: { scheduled, inReview, published, dishubPost, afterRange, draftWithoutTime },
    pjHeaders: await headersOf(pj),
    authorHeaders: await headersOf(author),
    otherAuthorHeaders: await headersOf(otherAuthor),
    read,
  }
}

describe('GET /api/posts/calendar', () => {
  it('lists the posts scheduled or published within the range, in time order, with their accounts', async () => {
    const s = await setup()
    const answer = await s.read(s.pjHeaders)
    expect(answer.items.map((item) => item.id)).toEqual([
      s.ids.published,
      s.ids.scheduled,
      s.ids.inReview,
      s.ids.dishubPost,
    ])
    const [published, scheduled] = answer.items
    expect(published!.at).toBe(published!.publishedAt)
    expect(published!.at).not.toBe(published!.scheduledAt)
    expect(scheduled!.at).toBe(scheduled!.scheduledAt)
    expect(scheduled!.variants.map((variant) => variant.platform).sort()).toEqual(['bluesky', 'x'])
    expect(scheduled!.unit).toEqual({ id: s.dinkes.id, name: `Unit ${s.dinkes.code}` })
    expect(answer.truncated).toBe(false)
  })

  it('filters by unit, account, platform and status', async () => {
    const s = await setup()
    const ids = async (query: Record<string, string>) =>
      (await s.read(s.pjHeaders, query)).items.map((item) => item.id)
    expect(await ids({ unitId: s.dishub.id })).toEqual([s.ids.dishubPost])
    expect(await ids({ accountId: s.bluesky })).toEqual([s.ids.scheduled, s.ids.inReview])
    expect(await ids({ platform: 'bluesky' })).toEqual([s.ids.scheduled, s.ids.inReview])
    expect(await ids({ status: 'in_review' })).toEqual([s.ids.inReview])
    expect(await ids({ platform: 'x', status: 'scheduled' })).toEqual([s.ids.scheduled, s.ids.dishubPost])
  })

  it("shows only the units the caller may read: a unit's pengelola does not see another unit's posts", async () => {
    const s = await setup()
    const answer = await s.read(s.authorHeaders)
    expect(answer.items.map((item) => item.id)).not.toContain(s.ids.dishubPost)
    expect(answer.items.map((item) => item.id)).toContain(s.ids.scheduled)
    expect(await s.read(s.authorHeaders, { unitId: s.dishub.id })).toMatchObject({ items: [] })
  })

  it('marks movable only an approved or scheduled post its caller may reschedule', async () => {
    const s = await setup()
    const movable = (answer: CalendarAnswer) =>
      Object.fromEntries(answer.items.map((item) => [item.id, item.movable]))
    // The penanggung jawab approves over every unit: any scheduled post, never one in review or published.
    expect(movable(await s.read(s.pjHeaders))).toEqual({
      [s.ids.published]: false,
      [s.ids.scheduled]: true,
      [s.ids.inReview]: false,
      [s.ids.dishubPost]: true,
    })
    // Its author may move their own post; another pengelola of the unit may read it but not move it.
    expect(movable(await s.read(s.authorHeaders))[s.ids.scheduled]).toBe(true)
    expect(movable(await s.read(s.otherAuthorHeaders))[s.ids.scheduled]).toBe(false)
  })

  it('refuses a range longer than 62 days or one that ends before it starts, saying why', async () => {
    const s = await setup()
    for (const [from, to] of [
      [s.from, new Date(s.from.getTime() + 63 * DAY)],
      [s.to, s.from],
    ] as const) {
      const response = await s.app.inject({
        method: 'GET',
        url: `/api/posts/calendar?from=${from.toISOString()}&to=${to.toISOString()}`,
        headers: { ...s.pjHeaders, 'accept-language': 'en' },
      })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({
        error: { key: 'posts.calendar_range', params: { max: 62 } },
      })
    }
  })
})
