// The posts table with its child table post_variants (one row per post and target account; a variant exists only
// with its post). Every query filters on instansi_id; lists are narrowed to the unit subtrees the caller may read.
import { and, asc, desc, eq, exists, gte, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import {
  accounts,
  postVariants,
  posts,
  units,
  type StoredFinding,
  type VariantMediaRef,
} from './schema/index.ts'
import { pathWithin } from './sql-helpers.ts'

export type PostRow = typeof posts.$inferSelect
export type VariantRow = typeof postVariants.$inferSelect

export interface PostRecord extends PostRow {
  unitPath: string
  unitName: string
}

export interface VariantRecord extends VariantRow {
  platform: string
  handle: string
  accountUnitPath: string
}

export interface PostFields {
  unitId: string
  title: string
  kind: string
  baseText: string
  source: string
  verificationNote: string
  fiveWOneH: Record<string, string>
  tags: string[]
  campaign: string | null
  scheduledAt: Date | null
  crisis: boolean
}

export interface VariantFields {
  accountId: string
  text: string
  media: VariantMediaRef[]
}

const postColumns = { post: posts, unitPath: units.path, unitName: units.name }

export async function getPost(db: Db, instansiId: string, id: string): Promise<PostRecord | undefined> {
  const [row] = await db
    .select(postColumns)
    .from(posts)
    .innerJoin(units, eq(units.id, posts.unitId))
    .where(and(eq(posts.instansiId, instansiId), eq(posts.id, id)))
  return row && { ...row.post, unitPath: row.unitPath, unitName: row.unitName }
}

/** The post row locked for a change (submit, override), so two requests cannot both move it on. */
export async function lockPost(db: Db, instansiId: string, id: string): Promise<PostRow | undefined> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.instansiId, instansiId), eq(posts.id, id)))
    .for('update')
  return row
}

export interface PostFilter {
  instansiId: string
  pathPrefixes: readonly string[]
  authorId?: string | undefined
  statuses?: readonly string[] | undefined
  unitPath?: string | undefined
}

export async function listPosts(db: Db, filter: PostFilter, limit: number): Promise<PostRecord[]> {
  const conditions: SQL[] = [
    eq(posts.instansiId, filter.instansiId),
    pathWithin(units.path, filter.pathPrefixes),
  ]
  if (filter.authorId) conditions.push(eq(posts.authorId, filter.authorId))
  if (filter.statuses) conditions.push(inArray(posts.status, [...filter.statuses]))
  if (filter.unitPath) conditions.push(pathWithin(units.path, [filter.unitPath]))
  const rows = await db
    .select(postColumns)
    .from(posts)
    .innerJoin(units, eq(units.id, posts.unitId))
    .where(and(...conditions))
    .orderBy(desc(posts.updatedAt))
    .limit(limit)
  return rows.map((row) => ({ ...row.post, unitPath: row.unitPath, unitName: row.unitName }))
}

export async function insertPost(
  db: Db,
  instansiId: string,
  row: PostFields & { id: string; authorId: string; now: Date },
): Promise<void> {
  const { now, ...fields } = row
  await db.insert(posts).values({ ...fields, instansiId, createdAt: now, updatedAt: now })
}

/** Updates when the stored version is `version`; false when someone else changed the post first. */
export async function updatePostFields(
  db: Db,
  instansiId: string,
  id: string,
  version: number,
  fields: Partial<PostFields> &
    Partial<
      Pick<
        PostRow,
        'status' | 'submittedFindings' | 'submittedAt' | 'overrideReason' | 'overrideBy' | 'overrideAt'
      >
    >,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(posts)
    .set({ ...fields, version: sql`${posts.version} + 1`, updatedAt: now })
    .where(and(eq(posts.instansiId, instansiId), eq(posts.id, id), eq(posts.version, version)))
    .returning({ id: posts.id })
  return updated.length === 1
}

export async function setPostOverride(
  db: Db,
  instansiId: string,
  id: string,
  override: { reason: string; by: string; at: Date },
): Promise<void> {
  await db
    .update(posts)
    .set({
      overrideReason: override.reason,
      overrideBy: override.by,
      overrideAt: override.at,
      version: sql`${posts.version} + 1`,
      updatedAt: override.at,
    })
    .where(and(eq(posts.instansiId, instansiId), eq(posts.id, id)))
}

export async function setSubmitted(
  db: Db,
  instansiId: string,
  id: string,
  findings: StoredFinding[],
  now: Date,
): Promise<void> {
  await db
    .update(posts)
    .set({
      status: 'in_review',
      submittedFindings: findings,
      submittedAt: now,
      // Each submission opens a new approval round: decisions of an earlier round no longer count.
      approvalRound: sql`${posts.approvalRound} + 1`,
      version: sql`${posts.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(posts.instansiId, instansiId), eq(posts.id, id)))
}

export async function deletePostRow(db: Db, instansiId: string, id: string): Promise<void> {
  await db.delete(posts).where(and(eq(posts.instansiId, instansiId), eq(posts.id, id)))
}

export async function variantsOf(
  db: Db,
  instansiId: string,
  postIds: readonly string[],
): Promise<VariantRecord[]> {
  if (postIds.length === 0) return []
  const rows = await db
    .select({
      variant: postVariants,
      platform: accounts.platform,
      handle: accounts.handle,
      handleDisplay: accounts.handleDisplay,
      path: units.path,
    })
    .from(postVariants)
    .innerJoin(accounts, eq(accounts.id, postVariants.accountId))
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(and(eq(postVariants.instansiId, instansiId), inArray(postVariants.postId, [...postIds])))
    .orderBy(accounts.platform, accounts.handle)
  return rows.map((row) => ({
    ...row.variant,
    platform: row.platform,
    handle: row.handleDisplay ?? row.handle,
    accountUnitPath: row.path,
  }))
}

/**
 * Makes the post's variants exactly `wanted`: a kept account keeps its row (and so its idempotency key), a new
 * one gets a new row, an account no longer targeted loses its row.
 */
export async function replaceVariants(
  db: Db,
  instansiId: string,
  postId: string,
  wanted: ReadonlyArray<VariantFields & { id: string }>,
  now: Date,
): Promise<void> {
  const keep = wanted.map((variant) => variant.accountId)
  await db
    .delete(postVariants)
    .where(
      and(
        eq(postVariants.instansiId, instansiId),
        eq(postVariants.postId, postId),
        keep.length === 0 ? sql`true` : notInArray(postVariants.accountId, keep),
      ),
    )
  for (const variant of wanted) {
    await db
      .insert(postVariants)
      .values({ ...variant, instansiId, postId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [postVariants.postId, postVariants.accountId],
        set: { text: variant.text, media: variant.media, updatedAt: now },
      })
  }
}

export interface PostTimeFilter {
  instansiId: string
  pathPrefixes: readonly string[]
  /** The range [from, to): a post is in it by its scheduled time or by a variant's publication time. */
  from: Date
  to: Date
  statuses?: readonly string[] | undefined
  unitPath?: string | undefined
  accountId?: string | undefined
  platform?: string | undefined
}

/** The content calendar's posts: those scheduled or published within a range, in the caller's units. */
export async function listPostsInRange(db: Db, filter: PostTimeFilter, limit: number): Promise<PostRecord[]> {
  const variantIn = (condition: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(postVariants)
        .innerJoin(accounts, eq(accounts.id, postVariants.accountId))
        .where(
          and(eq(postVariants.postId, posts.id), eq(postVariants.instansiId, filter.instansiId), condition),
        ),
    )
  const conditions: SQL[] = [
    eq(posts.instansiId, filter.instansiId),
    pathWithin(units.path, filter.pathPrefixes),
    or(
      and(gte(posts.scheduledAt, filter.from), lt(posts.scheduledAt, filter.to)),
      variantIn(and(gte(postVariants.publishedAt, filter.from), lt(postVariants.publishedAt, filter.to))!),
    )!,
  ]
  if (filter.statuses) conditions.push(inArray(posts.status, [...filter.statuses]))
  if (filter.unitPath) conditions.push(pathWithin(units.path, [filter.unitPath]))
  if (filter.accountId) conditions.push(variantIn(eq(postVariants.accountId, filter.accountId)))
  if (filter.platform) conditions.push(variantIn(eq(accounts.platform, filter.platform)))
  const rows = await db
    .select(postColumns)
    .from(posts)
    .innerJoin(units, eq(units.id, posts.unitId))
    .where(and(...conditions))
    .orderBy(asc(posts.scheduledAt), asc(posts.id))
    .limit(limit)
  return rows.map((row) => ({ ...row.post, unitPath: row.unitPath, unitName: row.unitName }))
}
