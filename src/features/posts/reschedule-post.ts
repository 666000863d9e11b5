// Moving an approved (scheduled) post to another time. The chain's reschedule rule decides: when it requires
// approval the post goes back to `in_review` in a new round (variants back to `pending`, the engine no longer
// picks them up) and the first step's approvers are told; otherwise the variants keep their approval and move to
// the new time. A post with a variant already being published or published cannot be moved.
import type { Db } from '../../db/client.ts'
import { setPostStatus, setUnpublishedVariants } from '../../db/post-approval-decisions-repository.ts'
import { getPost, lockPost, variantsOf } from '../../db/posts-repository.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { rescheduleNeedsApproval } from '../approvals/approval-rules.ts'
import { resolveApprovalChain } from '../approvals/resolve-approval-chain.ts'
import { announceSubmission, postUnderApproval, publishAt } from './decide-post.ts'
import { getPostView, type PostDeps, type PostView } from './manage-posts.ts'

/** The post states and variant states a reschedule accepts (the content calendar drags only these). */
export const MOVABLE_POST_STATUSES: readonly string[] = ['approved', 'scheduled']
export const MOVABLE_VARIANT_STATUSES: readonly string[] = ['pending', 'scheduled']

export async function reschedulePost(
  deps: PostDeps,
  actor: Actor,
  id: string,
  input: { version: number; scheduledAt: string | null },
  meta: ChangeMeta,
): Promise<PostView> {
  const post = await getPost(deps.db, actor.instansiId, id)
  if (!post) throw new AppError('not_found', 'posts.not_found')
  if (post.authorId !== actor.userId)
    authorize(actor, 'post.approve', { instansiId: post.instansiId, unitPath: post.unitPath })
  if (!MOVABLE_POST_STATUSES.includes(post.status))
    throw new AppError('conflict', 'posts.not_reschedulable', { status: post.status })
  const now = deps.clock.now()
  const next = input.scheduledAt ? new Date(input.scheduledAt) : null
  if (next && next.getTime() <= now.getTime())
    throw new AppError(
      'invalid_input',
      'posts.invalid',
      { count: 1 },
      { scheduledAt: problem('posts.scheduled_in_past') },
    )
  const variants = await variantsOf(deps.db, actor.instansiId, [id])
  if (variants.some((variant) => !MOVABLE_VARIANT_STATUSES.includes(variant.status)))
    throw new AppError('conflict', 'posts.not_reschedulable', { status: post.status })
  const subject = await postUnderApproval(deps.db, post)
  const { chain } = await resolveApprovalChain(deps.db, post.instansiId, subject)
  const backToReview = rescheduleNeedsApproval(chain, post.scheduledAt, next)
  await deps.db.transaction(async (tx: Db) => {
    const locked = await lockPost(tx, actor.instansiId, id)
    if (!locked || locked.version !== input.version) throw new AppError('conflict', 'posts.version_conflict')
    if (backToReview) {
      await setPostStatus(
        tx,
        post.instansiId,
        id,
        { status: 'in_review', scheduledAt: next, approvalRound: locked.approvalRound + 1 },
        now,
      )
      await setUnpublishedVariants(tx, post.instansiId, id, { status: 'pending', nextAttemptAt: null }, now)
      await announceSubmission(deps, tx, { ...post, scheduledAt: next }, now)
    } else {
      await setPostStatus(tx, post.instansiId, id, { status: 'scheduled', scheduledAt: next }, now)
      await setUnpublishedVariants(
        tx,
        post.instansiId,
        id,
        { status: 'scheduled', nextAttemptAt: publishAt(next, now) },
        now,
      )
    }
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'post.reschedule',
        objectType: 'post',
        objectId: id,
        before: { status: post.status, scheduledAt: post.scheduledAt?.toISOString() ?? null },
        after: {
          status: backToReview ? 'in_review' : 'scheduled',
          scheduledAt: next?.toISOString() ?? null,
          backToReview,
        },
      },
      now,
    )
  })
  return getPostView(deps, actor, id)
}
