// What became of a post on each account (its variants' publishing state, in words, and the metrics read after
// publishing), cancelling a scheduled post (the variants not yet on their way become cancelled) and sending a
// failed variant again (back to scheduled now, once the account works), both audited.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { listAccountConnections } from '../../db/account-connections-repository.ts'
import { metricReadingsOf, type MetricCheckpoint } from '../../db/post-metrics-repository.ts'
import {
  cancelVariantsOfPost,
  lockVariant,
  setPostStatus,
  updateVariant,
} from '../../db/post-variants-repository.ts'
import { getPost, lockPost, variantsOf, type PostRecord } from '../../db/posts-repository.ts'
import type { StoredMetrics } from '../../db/schema/index.ts'
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import type { VariantStatus } from '../../shared/statuses.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { enqueue } from '../jobs/enqueue.ts'
import { POST_DELETED } from '../metrics/collect-post-metrics.ts'
import { METRIC_CHECKPOINTS } from '../metrics/plan-metric-readings.ts'
import {
  assertTransition,
  CANCELLABLE_VARIANT_STATUSES,
  postStatusFromVariants,
} from './variant-transitions.ts'

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
  /** The account must be reconnected before this variant can go out (or be sent again). */
  needsReconnect: boolean
  /** The latest metrics reading and when it was taken (null before the first). */
  metrics: StoredMetrics | null
  metricsAt: Date | null
  /** The post is gone from the platform (a metrics reading found no such post). */
  deletedOnPlatform: boolean
  /** The three planned readings, in order. */
  readings: MetricReadingView[]
}

export interface MetricReadingView {
  checkpoint: MetricCheckpoint
  /** When it is read: the publication time plus the checkpoint. */
  plannedAt: Date
  state: 'waiting' | 'read' | 'deleted' | 'given_up'
  metrics: StoredMetrics | null
  fetchedAt: Date | null
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
  const readings = await metricReadingsOf(
    deps.db,
    actor.instansiId,
    variants.map((variant) => variant.id),
  )
  const connections = await listAccountConnections(
    deps.db,
    actor.instansiId,
    variants.map((variant) => variant.accountId),
  )
  const needsReconnect = new Set(
    connections.filter((c) => c.state === 'needs_reconnect').map((c) => c.accountId),
  )
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
      needsReconnect: needsReconnect.has(variant.accountId),
      metrics: variant.metrics,
      metricsAt: variant.metricsAt,
      deletedOnPlatform: readings.some((r) => r.variantId === variant.id && r.lastError === POST_DELETED),
      readings: readingViews(
        variant.publishedAt,
        readings.filter((r) => r.variantId === variant.id),
      ),
    })),
  }
}

function readingViews(
  publishedAt: Date | null,
  rows: Awaited<ReturnType<typeof metricReadingsOf>>,
): MetricReadingView[] {
  if (!publishedAt) return []
  return METRIC_CHECKPOINTS.flatMap(({ checkpoint, afterMs }) => {
    const row = rows.find((r) => r.checkpoint === checkpoint)
    if (!row) return []
    const state: MetricReadingView['state'] = row.metrics
      ? 'read'
      : row.fetchedAt === null
        ? 'waiting'
        : row.lastError === POST_DELETED
          ? 'deleted'
          : 'given_up'
    return [
      {
        checkpoint,
        plannedAt: new Date(publishedAt.getTime() + afterMs),
        state,
        metrics: row.metrics,
        fetchedAt: row.metrics ? row.fetchedAt : null,
      },
    ]
  })
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

/**
 * The author, or whoever may approve posts of its unit, sends a failed variant again: it goes back to scheduled
 * now with a fresh count of attempts and the same idempotency key, and the post is on its way again. Refused
 * while the account needs a reconnect (it would only fail again).
 */
export async function retryPublication(
  deps: PublicationsDeps,
  actor: Actor,
  postId: string,
  variantId: string,
  meta: ChangeMeta,
): Promise<{ variantId: string; nextAttemptAt: Date }> {
  const post = await readablePost(deps, actor, postId)
  if (post.authorId !== actor.userId)
    authorize(actor, 'post.approve', { instansiId: post.instansiId, unitPath: post.unitPath })
  return deps.db.transaction(async (tx) => {
    const locked = await lockPost(tx, actor.instansiId, postId)
    const variant = await lockVariant(tx, actor.instansiId, variantId)
    if (!locked || !variant || variant.postId !== postId) throw new AppError('not_found', 'common.not_found')
    if (variant.status !== 'failed' || locked.status === 'cancelled')
      throw new AppError('conflict', 'publishing.retry.not_retryable')
    const [connection] = await listAccountConnections(tx, actor.instansiId, [variant.accountId])
    if (!connection?.credentials || connection.state !== 'connected')
      throw new AppError('conflict', 'publishing.retry.needs_reconnect')
    const now = deps.clock.now()
    assertTransition('failed', 'scheduled', 'retry_requested')
    await updateVariant(
      tx,
      actor.instansiId,
      variantId,
      {
        status: 'scheduled',
        attempts: 0,
        nextAttemptAt: now,
        enqueuedAt: now,
        lastErrorKind: null,
        lastErrorMessage: null,
      },
      now,
    )
    await enqueue(tx, 'publish-variant', { instansiId: actor.instansiId, variantId })
    if (locked.status !== 'scheduled') await setPostStatus(tx, actor.instansiId, postId, 'scheduled', now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'post.retry_publication',
        objectType: 'post',
        objectId: postId,
        before: {
          status: locked.status,
          variantId,
          variantStatus: variant.status,
          attempts: variant.attempts,
          lastErrorKind: variant.lastErrorKind,
        },
        after: { status: 'scheduled', variantId, variantStatus: 'scheduled' },
      },
      now,
    )
    return { variantId, nextAttemptAt: now }
  })
}
