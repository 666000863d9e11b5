// Expiry (issue #7 item 4): a post still in review when its scheduled time comes is never published late nor
// unapproved — the sweep (job expire-posts, each minute) moves it and its variants to `expired`, audits it as the
// system and tells the author.
import type { Db } from '../../db/client.ts'
import {
  claimOverdueInReview,
  setPostStatus,
  setUnpublishedVariants,
  type OverduePost,
} from '../../db/post-approval-decisions-repository.ts'
import { recordChangeAs } from '../audit/record-change.ts'
import { claimAndRecheck } from '../jobs/claim-and-recheck.ts'
import { notifyUsers } from '../notifications/notify-users.ts'

/** What the audit log shows as the actor of the sweep. */
export const EXPIRY_LABEL = 'system'
const BATCH = 100

export async function expireOverduePosts(
  deps: { db: Db; mailEnabled: boolean },
  now: Date,
): Promise<{ expired: number }> {
  const result = await claimAndRecheck<OverduePost, number>(deps.db, {
    claim: (tx) => claimOverdueInReview(tx, now, BATCH),
    isStillDue: (post) =>
      post.status === 'in_review' && post.scheduledAt !== null && post.scheduledAt.getTime() <= now.getTime(),
    async act(tx, due) {
      for (const post of due) {
        await setPostStatus(tx, post.instansiId, post.id, { status: 'expired' }, now)
        await setUnpublishedVariants(
          tx,
          post.instansiId,
          post.id,
          { status: 'expired', nextAttemptAt: null },
          now,
        )
        await recordChangeAs(
          tx,
          { instansiId: post.instansiId, userId: null, label: EXPIRY_LABEL },
          {},
          {
            action: 'post.expire',
            objectType: 'post',
            objectId: post.id,
            before: { status: 'in_review' },
            after: { status: 'expired', scheduledAt: post.scheduledAt?.toISOString() ?? null },
          },
          now,
        )
        await notifyUsers(
          tx,
          post.instansiId,
          [post.authorId],
          {
            kind: 'approval.expired',
            titleKey: 'notifications.approval_expired.title',
            bodyKey: 'notifications.approval_expired.body',
            params: { title: post.title },
            link: `/posts/${post.id}`,
          },
          { mailEnabled: deps.mailEnabled, now },
        )
      }
      return due.length
    },
  })
  return { expired: result.outcome ?? 0 }
}
