// Drafts: create, change, read, list and delete a post with one variant per target account. The author writes for
// a unit in their post.create scope and may target that scope's active accounts on posting platforms; every
// save checks the fields and bumps the version (optimistic concurrency: a stale version is a conflict).
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { listAccounts, type AccountRecord } from '../../db/accounts-repository.ts'
import { getMediaByIds, type MediaRow } from '../../db/media-repository.ts'
import {
  deletePostRow,
  getPost,
  insertPost,
  listPosts,
  replaceVariants,
  updatePostFields,
  variantsOf,
  type PostFields,
  type PostRecord,
  type VariantRecord,
} from '../../db/posts-repository.ts'
import type { StoredFinding } from '../../db/schema/index.ts'
import { getUnit } from '../../db/units-repository.ts'
import { POSTING_PLATFORMS, type PostingPlatform } from '../../shared/platforms.ts'
import {
  EDITABLE_POST_STATUSES,
  FIVE_W_ONE_H,
  type PostKind,
  type PostStatus,
  type VariantStatus,
} from '../../shared/statuses.ts'
import { validateVariant, type VariantProblem } from '../../shared/validate-variant.ts'
import { authorize, can, unitScope, type Actor } from '../access/policy.ts'
import { isInTrainingMode, isTrainingTarget } from '../sandbox/training-mode.ts'
import { AppError, problem, type FieldProblems, type Problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { noClaims, type ClaimsProvider } from './check-post.ts'

export interface PostDeps {
  db: Db
  clock: Clock
  /** The hoax knowledge base for the compliance check; none by default (see check-post.ts). */
  claims?: ClaimsProvider | undefined
  /** Whether this deployment can send mail (SMTP configured): approval notices then go out by e-mail too. */
  mailEnabled?: boolean | undefined
}

export function claimsOf(deps: PostDeps): ClaimsProvider {
  return deps.claims ?? noClaims
}

export interface VariantInput {
  accountId: string
  /** Null or absent: the base text. */
  text?: string | null | undefined
  media?: ReadonlyArray<{ mediaId: string; altText: string }> | undefined
}

export interface DraftInput {
  unitId?: string | undefined
  title: string
  kind: PostKind
  baseText: string
  source: string
  verificationNote: string
  fiveWOneH: Partial<Record<string, string>>
  tags: string[]
  campaign: string | null
  scheduledAt: string | null
  crisis: boolean
  targets: string[]
  variants: VariantInput[]
}

export interface MediaView {
  mediaId: string
  altText: string
  kind: 'image' | 'video'
  mimeType: string
  url: string
  thumbnailUrl: string | null
}

export interface VariantView {
  id: string
  accountId: string
  platform: PostingPlatform
  handle: string
  text: string
  media: MediaView[]
  status: VariantStatus
  validation: { length: number; limit: number; problems: VariantProblem[] }
  platformPostUrl: string | null
  publishedAt: string | null
}

export interface PostView {
  id: string
  /** The unit's tree path, so a reader can tell whose grants reach it (e.g. who may override). */
  unit: { id: string; name: string; path: string }
  authorId: string
  title: string
  kind: PostKind
  baseText: string
  source: string
  verificationNote: string
  fiveWOneH: Record<string, string>
  tags: string[]
  campaign: string | null
  scheduledAt: string | null
  crisis: boolean
  status: PostStatus
  version: number
  submittedAt: string | null
  submittedFindings: StoredFinding[] | null
  override: { reason: string; by: string; at: string } | null
  variants: VariantView[]
  /** The caller may change, submit or delete it (its author, while it is a draft or returned for changes). */
  editable: boolean
  createdAt: string
  updatedAt: string
}

export function mediaUrl(mediaId: string): string {
  return `/api/media/${mediaId}`
}

function mediaViews(refs: VariantRecord['media'], media: Map<string, MediaRow>): MediaView[] {
  return refs.flatMap((ref) => {
    const row = media.get(ref.mediaId)
    if (!row) return []
    return [
      {
        mediaId: ref.mediaId,
        altText: ref.altText,
        kind: row.kind as 'image' | 'video',
        mimeType: row.mimeType,
        url: mediaUrl(row.id),
        thumbnailUrl: row.thumbnailKey ? `${mediaUrl(row.id)}/thumbnail` : null,
      },
    ]
  })
}

function isEditable(actor: Actor, post: PostRecord): boolean {
  return post.authorId === actor.userId && EDITABLE_POST_STATUSES.includes(post.status as PostStatus)
}

async function toViews(db: Db, actor: Actor, list: PostRecord[]): Promise<PostView[]> {
  const variants = await variantsOf(
    db,
    actor.instansiId,
    list.map((post) => post.id),
  )
  const mediaIds = [...new Set(variants.flatMap((variant) => variant.media.map((ref) => ref.mediaId)))]
  const media = new Map((await getMediaByIds(db, actor.instansiId, mediaIds)).map((row) => [row.id, row]))
  return list.map((post) => ({
    id: post.id,
    unit: { id: post.unitId, name: post.unitName, path: post.unitPath },
    authorId: post.authorId,
    title: post.title,
    kind: post.kind as PostKind,
    baseText: post.baseText,
    source: post.source,
    verificationNote: post.verificationNote,
    fiveWOneH: post.fiveWOneH,
    tags: post.tags,
    campaign: post.campaign,
    scheduledAt: post.scheduledAt?.toISOString() ?? null,
    crisis: post.crisis,
    status: post.status as PostStatus,
    version: post.version,
    submittedAt: post.submittedAt?.toISOString() ?? null,
    submittedFindings: post.submittedFindings,
    override:
      post.overrideReason && post.overrideBy && post.overrideAt
        ? { reason: post.overrideReason, by: post.overrideBy, at: post.overrideAt.toISOString() }
        : null,
    variants: variants
      .filter((variant) => variant.postId === post.id)
      .map((variant) => {
        const views = mediaViews(variant.media, media)
        return {
          id: variant.id,
          accountId: variant.accountId,
          platform: variant.platform as PostingPlatform,
          handle: variant.handle,
          text: variant.text,
          media: views,
          status: variant.status as VariantStatus,
          validation: validateVariant({
            platform: variant.platform as PostingPlatform,
            text: variant.text,
            media: views,
          }),
          platformPostUrl: variant.platformPostUrl,
          publishedAt: variant.publishedAt?.toISOString() ?? null,
        }
      }),
    editable: isEditable(actor, post),
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
  }))
}

/** The accounts the actor may post to: active accounts on posting platforms in their post.create scope. */
export async function postTargets(deps: PostDeps, actor: Actor): Promise<AccountRecord[]> {
  const all = await postTargetsInScope(deps, actor)
  // Mode Latihan: a trainee is only offered the sandbox network.
  return (await isInTrainingMode(deps.db, actor.instansiId, actor.userId))
    ? all.filter((account) => isTrainingTarget(account.platform))
    : all
}

async function postTargetsInScope(deps: PostDeps, actor: Actor): Promise<AccountRecord[]> {
  const scope = unitScope(actor, 'post.create')
  const { items } = await listAccounts(
    deps.db,
    { instansiId: actor.instansiId, pathPrefixes: scope.pathPrefixes, status: 'active' },
    undefined,
  )
  return items.filter((account) => (POSTING_PLATFORMS as readonly string[]).includes(account.platform))
}

/** Where a missing unit defaults to: the unit of the actor's first grant that allows post.create. */
function defaultUnitId(actor: Actor): string | undefined {
  return actor.grants.find((grant) =>
    can(actor, 'post.create', { instansiId: actor.instansiId, unitPath: grant.unitPath }),
  )?.unitId
}

interface CheckedDraft {
  fields: PostFields
  variants: Array<{ accountId: string; text: string; media: Array<{ mediaId: string; altText: string }> }>
}

/** Checks what a save needs (the submission checks completeness: 5W+1H, targets, platform rules). */
async function checkDraftInput(deps: PostDeps, actor: Actor, input: DraftInput): Promise<CheckedDraft> {
  const problems: Record<string, Problem> = {}
  const unitId = input.unitId ?? defaultUnitId(actor)
  const unit = unitId ? await getUnit(deps.db, actor.instansiId, unitId) : undefined
  // A unit id that is not this instansi's is not found, as everywhere (ids cannot be probed across instansi).
  if (input.unitId && !unit) throw new AppError('not_found', 'common.not_found')
  if (!unitId || !unit) problems.unitId = problem('posts.unit_required')
  else if (!can(actor, 'post.create', { instansiId: actor.instansiId, unitPath: unit.path }))
    problems.unitId = problem('posts.unit_not_allowed')
  if (!input.title.trim()) problems.title = problem('posts.title_required')
  let scheduledAt: Date | null = null
  if (input.scheduledAt) {
    scheduledAt = new Date(input.scheduledAt)
    if (scheduledAt.getTime() <= deps.clock.now().getTime())
      problems.scheduledAt = problem('posts.scheduled_in_past')
  }

  const allowed = new Map((await postTargetsInScope(deps, actor)).map((account) => [account.id, account]))
  const training = await isInTrainingMode(deps.db, actor.instansiId, actor.userId)
  const targets = [...new Set(input.targets)]
  targets.forEach((accountId, index) => {
    const account = allowed.get(accountId)
    if (!account) problems[`targets.${index}`] = problem('posts.target_not_allowed')
    else if (training && !isTrainingTarget(account.platform))
      problems[`targets.${index}`] = problem('posts.training_sandbox_only_field', {
        handle: account.handleDisplay ?? account.handle,
      })
  })
  const byAccount = new Map(input.variants.map((variant) => [variant.accountId, variant]))
  input.variants.forEach((variant, index) => {
    if (!targets.includes(variant.accountId))
      problems[`variants.${index}.accountId`] = problem('posts.variant_not_target')
  })
  const mediaIds = [
    ...new Set(input.variants.flatMap((variant) => (variant.media ?? []).map((m) => m.mediaId))),
  ]
  const found = new Set((await getMediaByIds(deps.db, actor.instansiId, mediaIds)).map((row) => row.id))
  input.variants.forEach((variant, index) =>
    (variant.media ?? []).forEach((ref, mediaIndex) => {
      if (!found.has(ref.mediaId))
        problems[`variants.${index}.media.${mediaIndex}`] = problem('posts.media_not_found')
    }),
  )
  if (Object.values(problems).some((found) => found.key === 'posts.training_sandbox_only_field'))
    throw new AppError('invalid_input', 'posts.training_sandbox_only', undefined, problems)
  if (Object.keys(problems).length > 0) {
    throw new AppError('invalid_input', 'posts.invalid', { count: Object.keys(problems).length }, problems)
  }
  const fiveWOneH: Record<string, string> = {}
  for (const key of FIVE_W_ONE_H) fiveWOneH[key] = (input.fiveWOneH[key] ?? '').trim()
  return {
    fields: {
      unitId: unitId!,
      title: input.title.trim(),
      kind: input.kind,
      baseText: input.baseText,
      source: input.source.trim(),
      verificationNote: input.verificationNote.trim(),
      fiveWOneH,
      tags: [...new Set(input.tags.map((tag) => tag.trim().replace(/^#/, '')).filter(Boolean))],
      campaign: input.campaign?.trim() || null,
      scheduledAt,
      crisis: input.crisis,
    },
    variants: targets.map((accountId) => {
      const variant = byAccount.get(accountId)
      return {
        accountId,
        text: variant?.text ?? input.baseText,
        media: (variant?.media ?? []).map((ref) => ({ mediaId: ref.mediaId, altText: ref.altText.trim() })),
      }
    }),
  }
}

export function postSnapshot(
  fields: PostFields,
  variants: CheckedDraft['variants'],
): Record<string, unknown> {
  return { ...fields, scheduledAt: fields.scheduledAt?.toISOString() ?? null, variants }
}

export async function createDraft(
  deps: PostDeps,
  actor: Actor,
  input: DraftInput,
  meta: ChangeMeta,
): Promise<PostView> {
  const checked = await checkDraftInput(deps, actor, input)
  const id = randomUUID()
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await insertPost(tx, actor.instansiId, { ...checked.fields, id, authorId: actor.userId, now })
    await replaceVariants(
      tx,
      actor.instansiId,
      id,
      checked.variants.map((variant) => ({ ...variant, id: randomUUID() })),
      now,
    )
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'post.create',
        objectType: 'post',
        objectId: id,
        after: postSnapshot(checked.fields, checked.variants),
      },
      now,
    )
  })
  return getPostView(deps, actor, id)
}

export async function updateDraft(
  deps: PostDeps,
  actor: Actor,
  id: string,
  version: number,
  input: DraftInput,
  meta: ChangeMeta,
): Promise<PostView> {
  const post = await requireEditable(deps, actor, id)
  const checked = await checkDraftInput(deps, actor, input)
  const before = await variantsOf(deps.db, actor.instansiId, [id])
  const keys = new Map(before.map((variant) => [variant.accountId, variant.id]))
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    // A changed text no longer carries a penanggung jawab's override: it was given for the text they read.
    const changed = await updatePostFields(
      tx,
      actor.instansiId,
      id,
      version,
      { ...checked.fields, overrideReason: null, overrideBy: null, overrideAt: null },
      now,
    )
    if (!changed) throw new AppError('conflict', 'posts.version_conflict')
    await replaceVariants(
      tx,
      actor.instansiId,
      id,
      checked.variants.map((variant) => ({ ...variant, id: keys.get(variant.accountId) ?? randomUUID() })),
      now,
    )
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'post.update',
        objectType: 'post',
        objectId: id,
        before: {
          title: post.title,
          baseText: post.baseText,
          variants: before.map((v) => ({ accountId: v.accountId, text: v.text })),
        },
        after: postSnapshot(checked.fields, checked.variants),
      },
      now,
    )
  })
  return getPostView(deps, actor, id)
}

export async function requireEditable(deps: PostDeps, actor: Actor, id: string): Promise<PostRecord> {
  const post = await getPost(deps.db, actor.instansiId, id)
  if (!post) throw new AppError('not_found', 'posts.not_found')
  if (post.authorId !== actor.userId) {
    authorize(actor, 'post.read', { instansiId: post.instansiId, unitPath: post.unitPath })
    throw new AppError('forbidden', 'posts.not_author')
  }
  if (!EDITABLE_POST_STATUSES.includes(post.status as PostStatus))
    throw new AppError('conflict', 'posts.not_editable', { status: post.status })
  return post
}

export async function deleteDraft(deps: PostDeps, actor: Actor, id: string, meta: ChangeMeta): Promise<void> {
  const post = await requireEditable(deps, actor, id)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await deletePostRow(tx, actor.instansiId, id)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'post.delete',
        objectType: 'post',
        objectId: id,
        before: { title: post.title, baseText: post.baseText },
      },
      now,
    )
  })
}

export async function getPostView(deps: PostDeps, actor: Actor, id: string): Promise<PostView> {
  const post = await getPost(deps.db, actor.instansiId, id)
  if (!post) throw new AppError('not_found', 'posts.not_found')
  if (post.authorId !== actor.userId)
    authorize(actor, 'post.read', { instansiId: post.instansiId, unitPath: post.unitPath })
  const [view] = await toViews(deps.db, actor, [post])
  return view!
}

/**
 * The view of a post the caller was already allowed to see by another rule (an approver named in its chain may
 * not hold post.read over its unit): no permission check here.
 */
export async function viewOfPost(db: Db, actor: Actor, post: PostRecord): Promise<PostView> {
  const [view] = await toViews(db, actor, [post])
  return view!
}

export async function listPostViews(
  deps: PostDeps,
  actor: Actor,
  filter: { mine: boolean; statuses?: readonly string[] | undefined; unitId?: string | undefined },
): Promise<PostView[]> {
  let unitPath: string | undefined
  if (filter.unitId) {
    const unit = await getUnit(deps.db, actor.instansiId, filter.unitId)
    if (!unit) return []
    unitPath = unit.path
  }
  const scope = filter.mine ? { pathPrefixes: ['/'] } : unitScope(actor, 'post.read')
  const list = await listPosts(
    deps.db,
    {
      instansiId: actor.instansiId,
      pathPrefixes: scope.pathPrefixes,
      authorId: filter.mine ? actor.userId : undefined,
      statuses: filter.statuses,
      unitPath,
    },
    200,
  )
  return toViews(deps.db, actor, list)
}

export type { FieldProblems }
