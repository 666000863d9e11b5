import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
  type TestInstansi,
  type TestUser,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { createPenanggungJawab } from '../../../../tests/support/publishing-fixtures.ts'
import type { Db } from '../../../db/client.ts'
import { insertAccount } from '../../../db/accounts-repository.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { postVariants, posts, type StoredMetrics } from '../../../db/schema/index.ts'

interface Item {
  variantId: string
  postId: string
  title: string
  status: string
  at: string
  url: string | null
  unit: { id: string; name: string }
  account: { id: string; platform: string; handle: string }
  author: { id: string; name: string }
  metrics: StoredMetrics | null
  metricsAt: string | null
}
interface Page {
  items: Item[]
  total: number
  totals: { posts: number; likes: number; shares: number; replies: number; views: number }
}

async function createAccount(
  db: Db,
  owner: TestInstansi,
  unitId: string,
  platform: 'sandbox' | 'bluesky',
  pj: TestUser,
): Promise<string> {
  const handle = `humas.${uniqueSuffix()}`
  return insertAccount(
    db,
    owner.id,
    {
      unitId,
      platform,
      handle,
      handleDisplay: null,
      displayName: null,
      url: `https://${platform}.example/@${handle}`,
      penanggungJawabUserId: pj.id,
      verificationStatus: 'unverified',
      platformTwoFactor: false,
      credentialRotatedOn: null,
      status: 'active',
      notes: '',
    },
    new Date(),
  )
}

interface VariantSpec {
  accountId: string
  status: 'published' | 'unconfirmed' | 'failed' | 'scheduled'
  at: Date
  metrics?: StoredMetrics
  text?: string
}

/** A post with one variant per spec, as the engine leaves them (published ones with their address). */
async function createPost(
  db: Db,
  owner: TestInstansi,
  unitId: string,
  author: TestUser,
  post: { title: string; tags?: string[]; campaign?: string | null },
  variants: VariantSpec[],
): Promise<{ postId: string; variantIds: string[] }> {
  const postId = randomUUID()
  await db.insert(posts).values({
    id: postId,
    instansiId: owner.id,
    unitId,
    authorId: author.id,
    title: post.title,
    kind: 'informasi',
    baseText: 'Teks dasar',
    tags: post.tags ?? [],
    campaign: post.campaign ?? null,
    scheduledAt: variants[0]?.at ?? new Date(),
    status: 'published',
  })
  const variantIds = variants.map(() => randomUUID())
  await db.insert(postVariants).values(
    variants.map((variant, index) => ({
      id: variantIds[index]!,
      instansiId: owner.id,
      postId,
      accountId: variant.accountId,
      text: variant.text ?? `${post.title} — teks varian`,
      status: variant.status,
      publishedAt: variant.status === 'published' ? variant.at : null,
      updatedAt: variant.at,
      platformPostUrl:
        variant.status === 'published' ? `https://sandbox.example/p/${variantIds[index]}` : null,
      lastErrorKind: variant.status === 'failed' ? 'rejected' : null,
      metrics: variant.metrics ?? null,
      metricsAt: variant.metrics ? new Date(variant.at.getTime() + 3_600_000) : null,
    })),
  )
  return { postId, variantIds }
}

const metrics = (likes: number, shares = 0, replies = 0, views: number | null = null): StoredMetrics => ({
  likes,
  shares,
  replies,
  quotes: 0,
  views,
})

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const child = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const pj = await createPenanggungJawab(ctx.db, owner)
  const author = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
  const rootSandbox = await createAccount(ctx.db, owner, owner.rootUnit.id, 'sandbox', pj)
  const childBluesky = await createAccount(ctx.db, owner, child.id, 'bluesky', pj)
  // 1 March 2026 10:00 WIB, 2 March 00:30 WIB (still 1 March in UTC), 5 March 09:00 WIB.
  const first = new Date('2026-03-01T03:00:00Z')
  const afterMidnight = new Date('2026-03-01T17:30:00Z')
  const later = new Date('2026-03-05T02:00:00Z')
  const vaksin = await createPost(
    ctx.db,
    owner,
    owner.rootUnit.id,
    author,
    { title: 'Vaksinasi gratis', tags: ['kesehatan', 'vaksin'], campaign: 'Sehat 2026' },
    [
      { accountId: rootSandbox, status: 'published', at: first, metrics: metrics(10, 2, 3, 400) },
      { accountId: childBluesky, status: 'unconfirmed', at: first },
    ],
  )
  const banjir = await createPost(
    ctx.db,
    owner,
    child.id,
    author,
    { title: 'Siaga banjir', tags: ['bencana'], campaign: null },
    [{ accountId: childBluesky, status: 'published', at: afterMidnight, metrics: metrics(50, 7, 1, null) }],
  )
  const jalan = await createPost(
    ctx.db,
    owner,
    owner.rootUnit.id,
    author,
    // A title a spreadsheet would run as a formula.
    { title: '=HYPERLINK("http://jahat.example","klik")', tags: ['infrastruktur'] },
    [{ accountId: rootSandbox, status: 'failed', at: later }],
  )
  const waiting = await createPost(ctx.db, owner, owner.rootUnit.id, author, { title: 'Masih terjadwal' }, [
    { accountId: rootSandbox, status: 'scheduled', at: later },
  ])
  // The author (a pengelola of the top unit) reads every unit's posts.
  const session = await loginAs(app, author)
  return {
    ctx,
    app,
    owner,
    child,
    pj,
    author,
    rootSandbox,
    childBluesky,
    vaksin,
    banjir,
    jalan,
    waiting,
    headers: session.headers,
  }
}

type Setup = Awaited<ReturnType<typeof setup>>

async function list(s: Setup, query = '', headers = s.headers): Promise<Page> {
  const response = await s.app.inject({ method: 'GET', url: `/api/published${query}`, headers })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<Page>()
}

const titles = (page: Page) => page.items.map((item) => `${item.title}|${item.status}`)

describe('published registry routes', () => {
  it('lists published, unconfirmed and failed variants newest first with metrics and totals, never waiting ones', async () => {
    const s = await setup()
    const page = await list(s)
    expect(titles(page)).toEqual([
      '=HYPERLINK("http://jahat.example","klik")|failed',
      'Siaga banjir|published',
      // Same time: the variant id breaks the tie, so only the set is fixed here.
      ...titles(page).slice(2),
    ])
    expect(titles(page).slice(2).sort()).toEqual([
      'Vaksinasi gratis|published',
      'Vaksinasi gratis|unconfirmed',
    ])
    expect(page.total).toBe(4)
    expect(page.totals).toEqual({ posts: 3, likes: 60, shares: 9, replies: 4, views: 400 })
    const published = page.items.find(
      (item) => item.title === 'Vaksinasi gratis' && item.status === 'published',
    )!
    expect(published).toMatchObject({
      postId: s.vaksin.postId,
      url: `https://sandbox.example/p/${s.vaksin.variantIds[0]}`,
      account: { id: s.rootSandbox, platform: 'sandbox' },
      author: { id: s.author.id },
      metrics: { likes: 10, shares: 2, replies: 3, views: 400 },
      at: '2026-03-01T03:00:00.000Z',
    })
    expect(published.metricsAt).not.toBeNull()
    expect(page.items.some((item) => item.postId === s.waiting.postId)).toBe(false)
  })

  it('filters by text, tag, campaign, platform, account, status, unit and WIB days', async () => {
    const s = await setup()
    expect(titles(await list(s, '?q=banjir'))).toEqual(['Siaga banjir|published'])
    // The search also reads tags and the campaign.
    expect((await list(s, '?q=vaksin')).total).toBe(2)
    expect((await list(s, '?q=sehat%202026')).total).toBe(2)
    expect(titles(await list(s, '?tag=bencana'))).toEqual(['Siaga banjir|published'])
    expect((await list(s, `?campaign=${encodeURIComponent('Sehat 2026')}`)).totals.posts).toBe(1)
    expect((await list(s, '?platform=bluesky')).total).toBe(2)
    expect((await list(s, `?accountId=${s.rootSandbox}`)).total).toBe(2)
    expect(titles(await list(s, '?status=unconfirmed'))).toEqual(['Vaksinasi gratis|unconfirmed'])
    expect(titles(await list(s, `?unitId=${s.child.id}`))).toEqual(['Siaga banjir|published'])
    // 00:30 WIB on 2 March is 2 March, although it is still 1 March in UTC.
    expect(titles(await list(s, '?from=2026-03-02&to=2026-03-02'))).toEqual(['Siaga banjir|published'])
    const firstDay = await list(s, '?from=2026-03-01&to=2026-03-01')
    expect(firstDay.total).toBe(2)
    expect(firstDay.totals).toEqual({ posts: 1, likes: 10, shares: 2, replies: 3, views: 400 })
    expect((await list(s, '?from=2026-03-03')).total).toBe(1)
  })

  it('sorts by a metric and pages without repeating a row', async () => {
    const s = await setup()
    const byLikes = await list(s, '?sort=likes&direction=desc')
    expect(byLikes.items.slice(0, 2).map((item) => item.metrics?.likes)).toEqual([50, 10])
    // Variants with no reading yet come last.
    expect(byLikes.items.slice(2).every((item) => item.metrics === null)).toBe(true)
    const seen: string[] = []
    for (let offset = 0; offset < 4; offset += 1) {
      const page = await list(s, `?limit=1&offset=${offset}`)
      expect(page.total).toBe(4)
      seen.push(page.items[0]!.variantId)
    }
    expect(new Set(seen).size).toBe(4)
  })

  it("shows a unit's people only their units' posts, refuses another unit and those who may not read posts", async () => {
    const s = await setup()
    const childWriter = await createTestUser(s.ctx.db, s.owner, [{ unitId: s.child.id, role: 'pengelola' }])
    const childHeaders = (await loginAs(s.app, childWriter)).headers
    expect(titles(await list(s, '', childHeaders))).toEqual(['Siaga banjir|published'])
    expect((await list(s, '', childHeaders)).totals.likes).toBe(50)
    const outside = await s.app.inject({
      method: 'GET',
      url: `/api/published?unitId=${s.owner.rootUnit.id}`,
      headers: childHeaders,
    })
    expect(outside.statusCode).toBe(403)
    // The PPID officer answers information requests and reads no posts.
    const ppid = await createTestUser(s.ctx.db, s.owner, [{ unitId: s.owner.rootUnit.id, role: 'ppid' }])
    const ppidHeaders = (await loginAs(s.app, ppid)).headers
    for (const url of ['/api/published', '/api/published.csv']) {
      const refused = await s.app.inject({ method: 'GET', url, headers: ppidHeaders })
      expect(refused.statusCode, url).toBe(403)
    }
  })

  it("never shows another instansi's variants, and answers its unit as not found", async () => {
    const s = await setup()
    const other = await setup()
    const page = await list(s)
    const otherPosts = [other.vaksin.postId, other.banjir.postId, other.jalan.postId]
    expect(page.items.some((item) => otherPosts.includes(item.postId))).toBe(false)
    expect((await list(s, `?accountId=${other.rootSandbox}`)).total).toBe(0)
    const foreignUnit = await s.app.inject({
      method: 'GET',
      url: `/api/published?unitId=${other.child.id}`,
      headers: s.headers,
    })
    expect(foreignUnit.statusCode).toBe(404)
  })

  it('refuses an impossible day as bad input, not an error', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'GET',
      url: '/api/published?from=2026-13-40',
      headers: s.headers,
    })
    expect(response.statusCode).toBe(400)
  })

  it('exports the filtered set as Excel-safe CSV in WIB, and audits the export', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'GET',
      url: '/api/published.csv?status=published&sort=likes',
      headers: s.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toContain('text/csv')
    expect(response.headers['content-disposition']).toContain('arsip-terbit.csv')
    const rows = parse<Record<string, string>>(response.body, { bom: true, columns: true })
    expect(rows.map((row) => row.judul)).toEqual(['Siaga banjir', 'Vaksinasi gratis'])
    expect(rows[0]).toMatchObject({
      waktu: '2026-03-02T00:30:00+07:00',
      status: 'terbit',
      platform: 'Bluesky',
      suka: '50',
      bagikan: '7',
      tayangan: '',
      tag: 'bencana',
      unit_kerja: `Unit ${s.child.code}`,
    })
    expect(rows[1]).toMatchObject({
      suka: '10',
      tayangan: '400',
      kampanye: 'Sehat 2026',
      tag: 'kesehatan, vaksin',
    })

    const all = await s.app.inject({ method: 'GET', url: '/api/published.csv', headers: s.headers })
    const allRows = parse<Record<string, string>>(all.body, { bom: true, columns: true })
    expect(allRows).toHaveLength(4)
    const formula = allRows.find((row) => row.judul?.includes('HYPERLINK'))!
    expect(formula.judul?.startsWith("'=")).toBe(true)
    expect(formula.status).toBe('gagal')

    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'post.export_published' })
    expect(audit).toHaveLength(2)
  })
})
