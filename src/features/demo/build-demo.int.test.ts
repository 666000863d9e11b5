import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestInstansi, uniqueSuffix } from '../../../tests/support/fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import {
  accountConnections,
  inboxItems,
  inboxNotes,
  inboxReplies,
  instansi,
  laporReferrals,
  postMetrics,
  postVariants,
  posts,
  ppidCases,
  sandboxInteractions,
  sandboxPosts,
  savedReplies,
  users,
} from '../../db/schema/index.ts'
import { isAppError } from '../app-error.ts'
import { verifyAuditLog } from '../audit/verify-audit-log.ts'
import { login } from '../identity/login.ts'
import { buildDemoInstansi, loadDemo, type DemoDeps } from './build-demo.ts'

const META = { ip: '127.0.0.1', userAgent: 'vitest' }
const HOUR = 3_600_000
const DAY = 24 * HOUR

async function build(seed: number, historyDays: number) {
  const context = await getTestContext()
  const slug = `demo-${uniqueSuffix()}`
  const built = await buildDemoInstansi(context, { seed, slug, historyDays }, META)
  return { context, built, db: context.db }
}

// Each test builds a demo of a few days (the real one has 90): a build takes seconds, more on a busy machine.
describe('the demo instansi', { timeout: 180_000 }, () => {
  it('has units, a person for every role, connected sandbox accounts and posts in every state', async () => {
    const { db, built } = await build(11, 12)
    const people = await db.select().from(users).where(eq(users.instansiId, built.instansiId))
    expect(built.logins.map((l) => l.role).sort()).toEqual(
      [
        'admin',
        'analis',
        'auditor',
        'penanggung_jawab',
        'penanggung_jawab',
        'pengelola',
        'pengelola',
        'pengelola',
        'pengelola',
        'pimpinan',
        'ppid',
      ].sort(),
    )
    expect(people).toHaveLength(built.logins.length)
    expect(people.filter((p) => p.trainingMode).map((p) => p.email)).toEqual([
      built.logins.find((l) => l.trainingMode)!.email,
    ])
    expect(people.every((p) => !p.mustChangePassword)).toBe(true)

    const connected = await db
      .select()
      .from(accountConnections)
      .where(
        and(eq(accountConnections.instansiId, built.instansiId), eq(accountConnections.state, 'connected')),
      )
    expect(connected.map((c) => c.platform)).toEqual(['sandbox', 'sandbox', 'sandbox', 'sandbox'])

    const statuses = await db
      .select({ status: posts.status, count: sql<number>`count(*)::int` })
      .from(posts)
      .where(eq(posts.instansiId, built.instansiId))
      .groupBy(posts.status)
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.count]))
    expect(byStatus).toMatchObject({ draft: 3, in_review: 3, scheduled: 5, changes_requested: 1 })
    expect(byStatus.published).toBeGreaterThan(2)

    // Scheduled in the coming days.
    const scheduled = await db
      .select({ at: posts.scheduledAt })
      .from(posts)
      .where(and(eq(posts.instansiId, built.instansiId), eq(posts.status, 'scheduled')))
    for (const { at } of scheduled) expect(at!.getTime()).toBeGreaterThan(Date.now())
  })

  it('has days of sandbox activity behind the published posts: citizens, and metrics readings over time', async () => {
    const { db, built } = await build(12, 12)
    const published = await db
      .select()
      .from(postVariants)
      .where(and(eq(postVariants.instansiId, built.instansiId), eq(postVariants.status, 'published')))
      .orderBy(asc(postVariants.publishedAt))
    expect(published.length).toBeGreaterThan(2)
    const oldest = published[0]!
    expect(Date.now() - oldest.publishedAt!.getTime()).toBeGreaterThan(8 * 24 * 3_600_000)
    expect(oldest.metrics).toMatchObject({ likes: expect.any(Number), views: expect.any(Number) })
    expect(oldest.metrics!.likes).toBeGreaterThan(0)

    const readings = await db
      .select()
      .from(postMetrics)
      .where(eq(postMetrics.variantId, oldest.id))
      .orderBy(asc(postMetrics.dueAt))
    expect(readings.map((r) => r.checkpoint)).toEqual(['1h', '24h', '7d'])
    expect(readings.every((r) => r.fetchedAt !== null)).toBe(true)
    expect(readings[1]!.metrics!.likes!).toBeGreaterThanOrEqual(readings[0]!.metrics!.likes!)

    // A post of the last days still has its +7 d reading ahead, for the collector.
    const due = await db
      .select()
      .from(postMetrics)
      .where(and(eq(postMetrics.instansiId, built.instansiId), sql`${postMetrics.fetchedAt} is null`))
    expect(due.every((r) => r.dueAt.getTime() > Date.now())).toBe(true)

    const onNetwork = await db
      .select()
      .from(sandboxPosts)
      .where(eq(sandboxPosts.instansiId, built.instansiId))
    expect(onNetwork).toHaveLength(published.length)
    const comments = await db
      .select()
      .from(sandboxInteractions)
      .where(
        and(
          eq(sandboxInteractions.instansiId, built.instansiId),
          isNotNull(sandboxInteractions.postId),
          eq(sandboxInteractions.own, false),
        ),
      )
    expect(comments.length).toBeGreaterThan(0)
    expect(comments.every((c) => c.authorName?.includes('warga simulasi'))).toBe(true)

    // Everything went through the features: the instansi's audit chain holds and verifies.
    const report = await verifyAuditLog(db, { instansiId: built.instansiId })
    expect(report.breaks).toEqual([])
    expect(report.entries).toBeGreaterThan(published.length * 3)
  })

  it('has an inbox worked over the history: answered, late, closed, hidden, a backlog, PPID cases, a referral', async () => {
    const { db, built } = await build(21, 16)
    const now = Date.now()
    const items = await db.select().from(inboxItems).where(eq(inboxItems.instansiId, built.instansiId))
    expect(items.length).toBeGreaterThan(20)
    // Ingested through the real pipeline: classified and given reply targets, received minutes after written.
    expect(items.every((item) => item.intent !== null && item.sentiment !== null)).toBe(true)
    expect(items.filter((item) => item.slaDueAt !== null).length).toBeGreaterThan(5)
    for (const item of items) {
      const lag = item.receivedAt.getTime() - item.createdAt.getTime()
      expect(lag).toBeGreaterThanOrEqual(0)
      expect(lag).toBeLessThan(3 * HOUR)
    }
    const oldest = Math.min(...items.map((item) => item.createdAt.getTime()))
    expect(now - oldest).toBeGreaterThan(12 * DAY)

    const older = items.filter((item) => now - item.createdAt.getTime() > 3 * DAY && !item.duplicateOf)
    const answered = older.filter((item) => item.firstResponseAt !== null)
    expect(answered.length).toBeGreaterThan(older.length / 2)
    for (const item of answered)
      expect(item.firstResponseAt!.getTime()).toBeGreaterThan(item.createdAt.getTime())
    const late = items.filter(
      (item) => item.firstResponseAt && item.slaDueAt && item.firstResponseAt > item.slaDueAt,
    )
    expect(late.length).toBeGreaterThan(0)
    expect(items.filter((item) => item.status === 'closed').length).toBeGreaterThan(0)
    expect(items.filter((item) => item.hiddenAt !== null).length).toBeGreaterThan(0)
    const backlog = items.filter(
      (item) => (item.status === 'new' || item.status === 'open') && now - item.createdAt.getTime() < 3 * DAY,
    )
    expect(backlog.length).toBeGreaterThan(0)

    // Replies went out through the sandbox connector, some from the saved replies, a trainee's after approval.
    const replies = await db.select().from(inboxReplies).where(eq(inboxReplies.instansiId, built.instansiId))
    expect(replies.every((reply) => reply.status === 'sent' && reply.platformReplyId !== null)).toBe(true)
    expect(replies.some((reply) => reply.body.includes('Nomor tiket') || reply.body.includes('tiket'))).toBe(
      true,
    )
    expect(replies.some((reply) => reply.body.includes('(warga simulasi)'))).toBe(false)
    const saved = await db.select().from(savedReplies).where(eq(savedReplies.instansiId, built.instansiId))
    expect(saved.length).toBe(4)
    const notes = await db.select().from(inboxNotes).where(eq(inboxNotes.instansiId, built.instansiId))
    expect(notes.length).toBeGreaterThan(0)

    const cases = await db.select().from(ppidCases).where(eq(ppidCases.instansiId, built.instansiId))
    expect(cases.map((c) => c.status).sort()).toEqual(['decided', 'extended', 'registered'])
    expect(cases.every((c) => c.inboxItemId !== null)).toBe(true)
    const referrals = await db
      .select()
      .from(laporReferrals)
      .where(eq(laporReferrals.instansiId, built.instansiId))
    expect(referrals.map((r) => r.status)).toEqual(['verified'])

    // The printed summary counts this inbox: duplicates folded into another are not counted again.
    const counted = items.filter((item) => !item.duplicateOf)
    const waiting = counted.filter((item) => item.status === 'new' || item.status === 'open')
    expect(built.counts.inbox).toEqual({
      items: counted.length,
      waiting: waiting.length,
      pastTarget: waiting.filter((item) => item.slaDueAt !== null && item.slaDueAt.getTime() < Date.now())
        .length,
      ppidCases: 3,
      laporReferrals: 1,
    })
    expect(built.counts.inbox.waiting).toBeGreaterThan(0)

    const report = await verifyAuditLog(db, { instansiId: built.instansiId })
    expect(report.breaks).toEqual([])
  })

  it('is the same from the same seed', async () => {
    const first = await build(5, 6)
    const second = await build(5, 6)
    const titles = async (db: DemoDeps['db'], instansiId: string) =>
      (
        await db
          .select({ title: posts.title, status: posts.status })
          .from(posts)
          .where(eq(posts.instansiId, instansiId))
      )
        .map((p) => `${p.title} ${p.status}`)
        // The same posts with the same statuses; the order they were written in can tie on createdAt.
        .sort()
    expect(await titles(first.db, first.built.instansiId)).toEqual(
      await titles(second.db, second.built.instansiId),
    )
  })

  it('signs in with the printed demo password', async () => {
    const { context, built } = await build(13, 3)
    const analis = built.logins.find((l) => l.role === 'analis')!
    const result = await login(context, { email: analis.email, password: analis.password }, META)
    expect(result.user.email).toBe(analis.email)
  })

  it('is refused, changing nothing, when the deployment already has an instansi', async () => {
    const context = await getTestContext()
    await createTestInstansi(context.db)
    const before = await context.db.select({ count: sql<number>`count(*)::int` }).from(instansi)
    expect(before[0]!.count).toBeGreaterThan(0)
    const refused = await loadDemo(context, { seed: 1 }, META).catch((error: unknown) => error)
    expect(isAppError(refused) && refused.key).toBe('demo.deployment_not_empty')
    const demo = await context.db
      .select()
      .from(instansi)
      .where(inArray(instansi.slug, ['kab-sukamaju']))
    expect(demo).toHaveLength(0)
  })
})
