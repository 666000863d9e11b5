// What became of a post on each account (its variants' publishing state, in words), and cancelling a scheduled
// post: the variants not yet on their way become cancelled, audited.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { cancelVariantsOfPost, setPostStatus } from '../../db/post-variants-repository.ts'
import { getPost, lockPost, variantsOf, type PostRecord } from '../../db/posts-repository.ts'
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import type { VariantStatus } from '../../shared/statuses.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { CANCELLABLE_VARIANT_STATUSES, postStatusFromVariants } from './variant-transitions.ts'

export interface PublicationsDeps {
  db: Db
  clock: Clock
}

export interface PublicationView {
  variantId: string
  accountId: string
  platform: string
  handle: string
  status: VariantStatus
  attempts: number
  nextAttemptAt: Date | null
  /** The last error in the catalogue's words (null when none). */
  lastError: { kind: string; key: MessageKey; platformMessage: string | null } | null
  platformPostId: string | null
  url: string | null
  publishedAt: Date | null
}

const ERROR_KEYS: Record<string, MessageKey> = {
  rate_limited: 'publishing.error.rate_limited',
  unavailable: 'publishing.error.unavailable',
  auth_expired: 'publishing.error.auth_expired',
  rejected: 'publishing.error.rejected',
  unknown_outcome: 'publishing.error.unknown_outcome',
  lease_expired: 'publishing.error.lease_expired',
  training_mode: 'publishing.training_mode_refused',
}

async function readablePost(deps: PublicationsDeps, actor: Actor, postId: string): Promise<PostRecord> {
  const post = await getPost(deps.db, actor.instansiId, postId)
  if (!post) throw new AppError('not_found', 'posts.not_found')
  if (post.authorId !== actor.userId)
    authorize(actor, 'post.read', { instansiId: post.instansiId, unitPath: post.unitPath })
  return post
}

export async function listPublications(
  deps: PublicationsDeps,
  actor: Actor,
  postId: string,
): Promise<{ postStatus: string; items: PublicationView[] }> {
  const post = await readablePost(deps, actor, postId)
  const variants = await variantsOf(deps.db, actor.instansiId, [postId])
  return {
    postStatus: post.status,
    items: variants.map((variant) => ({
      variantId: variant.id,
      accountId: variant.accountId,
      platform: variant.platform,
      handle: variant.handle,
      status: variant.status as VariantStatus,
      attempts: variant.attempts,
      nextAttemptAt: variant.nextAttemptAt,
      lastError: variant.lastErrorKind
        ? {
            kind: variant.lastErrorKind,
            key: ERROR_KEYS[variant.lastErrorKind] ?? 'publishing.error.internal',
            platformMessage: variant.lastErrorMessage,
          }
        : null,
      platformPostId: variant.platformPostId,
      url: variant.platformPostUrl,
      publishedAt: variant.publishedAt,
    })),
  }
}

/** The author, or whoever may approve posts of its unit, cancels a scheduled post. */
export async function cancelPost(
  deps: PublicationsDeps,
  actor: Actor,
  postId: string,
  meta: ChangeMeta,
): Promise<{ cancelled: string[] }> {
  const post = await readablePost(deps, actor, postId)
  if (post.authorId !== actor.userId)
    authorize(actor, 'post.approve', { instansiId: post.instansiId, unitPath: post.unitPath })
  return deps.db.transaction(async (tx) => {
    const locked = await lockPost(tx, actor.instansiId, postId)
    if (!locked || !['approved', 'scheduled'].includes(locked.status))
      throw new AppError('conflict', 'publishing.cancel.not_cancellable')
    const now = deps.clock.now()
    // Variants already publishing, unconfirmed or published are left to finish: they may be on the platform.
    const cancelled = await cancelVariantsOfPost(
      tx,
      actor.instansiId,
      postId,
      CANCELLABLE_VARIANT_STATUSES,
      now,
    )
    if (cancelled.length === 0) throw new AppError('conflict', 'publishing.cancel.not_cancellable')
    const statuses = (await variantsOf(tx, actor.instansiId, [postId])).map((v) => v.status as VariantStatus)
    const status = postStatusFromVariants(statuses)
    await setPostStatus(tx, actor.instansiId, postId, status === 'scheduled' ? locked.status : status, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'post.cancel',
        objectType: 'post',
        objectId: postId,
        before: { status: locked.status },
        after: { status: status === 'scheduled' ? locked.status : status, cancelledVariants: cancelled },
      },
      now,
    )
    return { cancelled }
  })
}
