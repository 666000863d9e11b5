// The publishing engine (issue #7 item 6): publish one variant, reconcile one that may have been published, and
// the sweeper that finds what is due. The variant id is the idempotency key. Each step locks the row, re-checks
// its state, and records the move the state machine allows (variant-transitions.ts):
//
//   1. claim: scheduled and due, post not cancelled → publishing, committed before the platform is called, so a
//      worker that dies mid-call leaves a `publishing` row the sweeper turns into `unconfirmed` after the lease;
//   2. call the connector through runForAccount (which records the account's health);
//   3. record the outcome by ConnectorError.kind, and the post's own status once all its variants are done.
//
// An `unconfirmed` variant is never published again blindly: reconcileVariant reads the account (findPublished).
import type { Clock } from '../../clock.ts'
import { isConnectorError, type ConnectorError, type PublishRequest } from '../../connectors/connector.ts'
import { reportedQuotasOf } from '../../db/account-connections-repository.ts'
import type { Db } from '../../db/client.ts'
import {
  claimVariant,
  getVariant,
  takeDueVariants,
  listStalePublishing,
  listStaleUnconfirmed,
  lockVariant,
  penanggungJawabOf,
  platformsOfAccounts,
  scheduleVariantsOfPost,
  setPostStatus,
  updateVariant,
  variantStatusesOf,
  type ClaimedVariant,
  type PublishingVariantRow,
  type VariantChange,
} from '../../db/post-variants-repository.ts'
import type { VariantStatus } from '../../shared/statuses.ts'
import { errorMessageOf, runForAccount, type ConnectionDeps } from '../connections/account-connector.ts'
import { keepReportedQuota, quotaReadDue, readPublishingQuota } from '../connections/reported-quota.ts'
import { recordChangeAs } from '../audit/record-change.ts'
import { enqueue } from '../jobs/enqueue.ts'
import { watchForReplies } from '../inbox/ingest-poll.ts'
import { trainingModeRefusal } from '../sandbox/training-mode.ts'
import { notifyUsers } from '../notifications/notify-users.ts'
import { planMetricReadings } from '../metrics/plan-metric-readings.ts'
import type { MediaStorage } from '../media/media-storage.ts'
import { publishRequestOf } from './publish-request.ts'
import {
  pauseForRateLimit,
  planPublishSlots,
  takePublishSlot,
  type LimitsOf,
  type PublishTarget,
} from './publish-slots.ts'
import {
  assertTransition,
  backoffMs,
  MAX_PUBLISH_ATTEMPTS,
  postStatusFromVariants,
  PUBLISH_LEASE_MS,
  type TransitionReason,
} from './variant-transitions.ts'

export interface PublishDeps extends ConnectionDeps {
  clock: Clock
  /** Whether notifications may be mailed (SMTP configured). */
  mailEnabled?: boolean | undefined
  /** The first backoff and the claim lease (config.publishing); defaults 30 s and PUBLISH_LEASE_MS. */
  timing?: { backoffMs: number; leaseMs: number } | undefined
  /** Where the variants' media are read from (config.mediaStorage). */
  mediaStorage?: MediaStorage | undefined
  /** Jitter source; tests pass a fixed one. */
  random?: (() => number) | undefined
  /** The rate budgets per platform (default: src/shared/platform-rules.ts publishLimits); tests pass their own. */
  limitsOf?: LimitsOf | undefined
}

export type PublishOutcome =
  'not_due' | 'deferred' | 'published' | 'retry_later' | 'rate_limited' | 'failed' | 'unconfirmed'

// The publish and reconcile queues keep one waiting job per variant (policy `short`, the variant id as
// singletonKey): the sweeper may ask again for a variant whose job is still waiting — after a worker restart, or
// when the job looks lost — without adding a copy that the queue would run before the variants behind it.
async function enqueuePublish(tx: Db, instansiId: string, variantId: string, startAfter?: Date) {
  await enqueue(tx, 'publish-variant', { instansiId, variantId }, { startAfter, singletonKey: variantId })
}

async function enqueueReconcile(tx: Db, instansiId: string, variantId: string, startAfter?: Date) {
  await enqueue(tx, 'reconcile-variant', { instansiId, variantId }, { startAfter, singletonKey: variantId })
}

/** For findPublished, which recognises the post by its idempotency key: the media need not be read. */
function requestOf(variant: PublishingVariantRow): PublishRequest {
  return { idempotencyKey: variant.id, text: variant.text, media: [] }
}

async function move(
  tx: Db,
  variant: PublishingVariantRow,
  to: VariantStatus,
  reason: TransitionReason,
  change: VariantChange,
  now: Date,
): Promise<void> {
  assertTransition(variant.status as VariantStatus, to, reason)
  await updateVariant(tx, variant.instansiId, variant.id, { ...change, status: to }, now)
  if (to === 'published') await planMetricReadings(tx, variant, change.publishedAt ?? now)
  if (to === 'published' || to === 'failed') await settlePost(tx, variant.instansiId, variant.postId, now)
}

/** The post follows its variants once none is on its way any more. */
async function settlePost(tx: Db, instansiId: string, postId: string, now: Date): Promise<void> {
  const statuses = (await variantStatusesOf(tx, instansiId, postId)) as VariantStatus[]
  const status = postStatusFromVariants(statuses)
  if (status !== 'scheduled') await setPostStatus(tx, instansiId, postId, status, now)
}

/**
 * For callers that want no sweeper delay: the post's pending variants become scheduled now and a publish job is
 * enqueued for each, in the caller's transaction.
 */
export async function scheduleVariantsNow(
  tx: Db,
  instansiId: string,
  postId: string,
  now: Date,
): Promise<string[]> {
  const ids = await scheduleVariantsOfPost(tx, instansiId, postId, ['pending', 'scheduled'], now, now)
  for (const variantId of ids) await enqueuePublish(tx, instansiId, variantId)
  return ids
}

export async function publishVariant(
  deps: PublishDeps,
  instansiId: string,
  variantId: string,
): Promise<PublishOutcome> {
  // 1. Claim, committed before the call, with a token from the account's and the platform's budgets.
  const claim = await deps.db.transaction(async (tx): Promise<ClaimedVariant | 'not_due' | 'deferred'> => {
    const [row] = await claimVariant(tx, instansiId, variantId)
    const now = deps.clock.now()
    if (!row || row.status !== 'scheduled' || row.postStatus === 'cancelled') return 'not_due'
    if (row.nextAttemptAt && row.nextAttemptAt.getTime() > now.getTime()) {
      // Delivered early (the queue's clock and ours differ): let the next sweep hand it out again rather than
      // wait for the lost-job window.
      await updateVariant(tx, instansiId, variantId, { enqueuedAt: null }, now)
      return 'not_due'
    }
    const slot = await takePublishSlot(tx, targetOf(row), now, deps.limitsOf)
    if (!slot.granted) {
      // Beyond the budget, or the account is paused: the next slot, without calling the platform.
      await deferVariant(tx, row, slot.retryAt, now)
      return 'deferred'
    }
    assertTransition('scheduled', 'publishing', 'claimed')
    await updateVariant(tx, instansiId, variantId, { status: 'publishing' }, now)
    return row
  })
  if (typeof claim === 'string') return claim
  const claimed = claim

  // Mode Latihan, checked again right before anything leaves Warta: a trainee's post goes only to the sandbox.
  const refusal = await trainingModeRefusal(deps.db, instansiId, claimed)
  if (refusal) return refuseTrainingVariant(deps, instansiId, variantId, refusal)

  // 2. The call.
  let result:
    | { ok: true; post: { platformPostId: string; url: string; publishedAt: Date } }
    | { ok: false; error: unknown }
  let quota: Awaited<ReturnType<typeof readPublishingQuota>>
  try {
    const request = await publishRequestOf(deps, claimed)
    const done = await runForAccount(deps, instansiId, claimed.accountId, async (connector) => {
      const post = await connector.publish(request)
      // The platform's own count after this post, at most once per QUOTA_REREAD_MS; a failed read is no failure.
      const due = quotaReadDue(claimed.reportedQuota?.checkedAt ?? null, deps.clock.now())
      return { post, quota: due ? await readPublishingQuota(connector) : undefined }
    })
    result = { ok: true, post: done.post }
    quota = done.quota
  } catch (error) {
    result = { ok: false, error }
  }
  await keepReportedQuota(deps, { instansiId, id: claimed.accountId }, quota)

  // 3. The outcome.
  return deps.db.transaction(async (tx) => {
    const variant = await lockVariant(tx, instansiId, variantId)
    const now = deps.clock.now()
    // Taken over meanwhile (the lease ran out and the sweeper made it unconfirmed): reconcile decides.
    if (!variant || (variant.status !== 'publishing' && variant.status !== 'unconfirmed')) return 'not_due'
    if (result.ok) {
      const reason = variant.status === 'publishing' ? 'accepted' : 'reconciled_found'
      await move(tx, variant, 'published', reason, publishedChange(result.post), now)
      await watchForReplies(tx, { instansiId, accountId: claimed.accountId, platform: claimed.platform })
      return 'published'
    }
    if (variant.status !== 'publishing') return 'unconfirmed'
    return recordFailure(deps, tx, variant, targetOf(claimed), result.error, now)
  })
}

/** The claimed variant of a trainee's post to a non-sandbox account fails without any call, audited. */
async function refuseTrainingVariant(
  deps: PublishDeps,
  instansiId: string,
  variantId: string,
  refusal: { authorId: string; platform: string },
): Promise<PublishOutcome> {
  return deps.db.transaction(async (tx) => {
    const variant = await lockVariant(tx, instansiId, variantId)
    const now = deps.clock.now()
    if (!variant || variant.status !== 'publishing') return 'not_due'
    await move(
      tx,
      variant,
      'failed',
      'rejected',
      {
        lastErrorKind: 'training_mode',
        lastErrorMessage: null,
        attempts: variant.attempts + 1,
        nextAttemptAt: null,
      },
      now,
    )
    await recordChangeAs(
      tx,
      { instansiId, userId: null, label: 'job' },
      {},
      {
        action: 'publishing.training_refused',
        objectType: 'post',
        objectId: variant.postId,
        after: {
          variantId,
          accountId: variant.accountId,
          platform: refusal.platform,
          authorId: refusal.authorId,
        },
      },
      now,
    )
    return 'failed'
  })
}

function targetOf(variant: ClaimedVariant): PublishTarget {
  return {
    instansiId: variant.instansiId,
    accountId: variant.accountId,
    platform: variant.platform,
    reportedQuota: variant.reportedQuota,
  }
}

/** A scheduled variant that may not go yet (budget or pause): due again at `at`, its job asked for then. */
async function deferVariant(
  tx: Db,
  variant: { instansiId: string; id: string },
  at: Date,
  now: Date,
): Promise<void> {
  await updateVariant(tx, variant.instansiId, variant.id, { nextAttemptAt: at, enqueuedAt: at }, now)
  await enqueuePublish(tx, variant.instansiId, variant.id, at)
}

function publishedChange(post: { platformPostId: string; url: string; publishedAt: Date }): VariantChange {
  return {
    platformPostId: post.platformPostId,
    platformPostUrl: post.url,
    publishedAt: post.publishedAt,
    nextAttemptAt: null,
    lastErrorKind: null,
    lastErrorMessage: null,
  }
}

async function recordFailure(
  deps: PublishDeps,
  tx: Db,
  variant: PublishingVariantRow,
  target: PublishTarget,
  error: unknown,
  now: Date,
): Promise<PublishOutcome> {
  if (!isConnectorError(error)) {
    // Not the platform's answer (credentials unreadable, account disconnected, a bug): the call may not have
    // happened, but it cannot be proven, so it is treated like an unknown outcome and reconciled.
    const message = error instanceof Error ? error.message : String(error)
    return markUnconfirmed(tx, variant, 'unknown_outcome', { kind: 'internal', message }, now)
  }
  const lastError = { lastErrorKind: error.kind, lastErrorMessage: errorMessageOf(error) }
  switch (error.kind) {
    case 'rate_limited': {
      // The window is the platform's: no attempt counted, and the account (or the platform, when it says so)
      // waits until then, so its other variants are not sent only to be refused.
      const at = error.retryAt ?? new Date(now.getTime() + 60_000)
      await pauseForRateLimit(tx, target, error.rateLimitScope, at, now)
      await move(
        tx,
        variant,
        'scheduled',
        'rate_limited',
        { ...lastError, nextAttemptAt: at, enqueuedAt: at },
        now,
      )
      await enqueuePublish(tx, variant.instansiId, variant.id, at)
      return 'rate_limited'
    }
    case 'unavailable': {
      const attempts = variant.attempts + 1
      if (attempts >= MAX_PUBLISH_ATTEMPTS) {
        await move(
          tx,
          variant,
          'failed',
          'attempts_exhausted',
          { ...lastError, attempts, nextAttemptAt: null },
          now,
        )
        return 'failed'
      }
      const wait = backoffMs(attempts, deps.random, deps.timing?.backoffMs)
      const at = new Date(Math.max(now.getTime() + wait, error.retryAt?.getTime() ?? 0))
      await move(
        tx,
        variant,
        'scheduled',
        'retry_later',
        { ...lastError, attempts, nextAttemptAt: at, enqueuedAt: at },
        now,
      )
      await enqueuePublish(tx, variant.instansiId, variant.id, at)
      return 'retry_later'
    }
    case 'auth_expired': {
      await move(
        tx,
        variant,
        'failed',
        'auth_expired',
        { ...lastError, attempts: variant.attempts + 1, nextAttemptAt: null },
        now,
      )
      await askForReconnect(deps, tx, variant, now)
      return 'failed'
    }
    case 'rejected': {
      const message = error.reason ? `${error.reason.key}: ${errorMessageOf(error)}` : errorMessageOf(error)
      await move(
        tx,
        variant,
        'failed',
        'rejected',
        {
          ...lastError,
          lastErrorMessage: message.slice(0, 500),
          attempts: variant.attempts + 1,
          nextAttemptAt: null,
        },
        now,
      )
      return 'failed'
    }
    case 'unknown_outcome':
      return markUnconfirmed(tx, variant, 'unknown_outcome', connectorErrorText(error), now)
  }
}

function connectorErrorText(error: ConnectorError): { kind: string; message: string } {
  return { kind: error.kind, message: errorMessageOf(error) }
}

async function markUnconfirmed(
  tx: Db,
  variant: PublishingVariantRow,
  reason: 'unknown_outcome' | 'lease_expired',
  lastError: { kind: string; message: string },
  now: Date,
): Promise<PublishOutcome> {
  await move(
    tx,
    variant,
    'unconfirmed',
    reason,
    {
      lastErrorKind: lastError.kind,
      lastErrorMessage: lastError.message.slice(0, 500),
      attempts: variant.attempts + 1,
      nextAttemptAt: null,
    },
    now,
  )
  // A short wait: a platform that timed out often shows the post a moment later.
  await enqueueReconcile(tx, variant.instansiId, variant.id, new Date(now.getTime() + 5_000))
  return 'unconfirmed'
}

/** auth_expired: the account's penanggung jawab is told to reconnect it (the account is needs_reconnect already). */
async function askForReconnect(
  deps: PublishDeps,
  tx: Db,
  variant: PublishingVariantRow,
  now: Date,
): Promise<void> {
  const userId = await penanggungJawabOf(tx, variant.instansiId, variant.accountId)
  if (!userId) return
  await notifyUsers(
    tx,
    variant.instansiId,
    [userId],
    {
      kind: 'publishing.reconnect_needed',
      titleKey: 'publishing.notice.reconnect_title',
      bodyKey: 'publishing.notice.reconnect_body',
      link: `/posts/${variant.postId}`,
    },
    { mailEnabled: deps.mailEnabled ?? false, now },
  )
}

/** The database's clock (created_at) and the platform's may disagree by this much. */
const RECONCILE_CLOCK_MARGIN_MS = 10 * 60_000

export type ReconcileOutcome = 'not_unconfirmed' | 'published' | 'rescheduled' | 'still_unknown'

/** Reads the account for the variant's post: found → published once; surely absent → one more attempt. */
export async function reconcileVariant(
  deps: PublishDeps,
  instansiId: string,
  variantId: string,
): Promise<ReconcileOutcome> {
  const variant = await getVariant(deps.db, instansiId, variantId)
  if (!variant || variant.status !== 'unconfirmed') return 'not_unconfirmed'
  let found: { platformPostId: string; url: string; publishedAt: Date } | null
  try {
    // Since the variant was made (the post cannot be older), less a margin for clocks that disagree.
    const since = new Date(variant.createdAt.getTime() - RECONCILE_CLOCK_MARGIN_MS)
    found = await runForAccount(deps, instansiId, variant.accountId, (connector) =>
      connector.findPublished(requestOf(variant), since),
    )
  } catch (error) {
    // Still unknown (the platform is down, rate limited, the account needs a reconnect): ask again later.
    await deps.db.transaction(async (tx) => {
      const retryAt =
        isConnectorError(error) && error.retryAt
          ? error.retryAt
          : new Date(deps.clock.now().getTime() + 2 * (deps.timing?.backoffMs ?? 30_000))
      await enqueueReconcile(tx, instansiId, variantId, retryAt)
    })
    return 'still_unknown'
  }
  return deps.db.transaction(async (tx) => {
    const locked = await lockVariant(tx, instansiId, variantId)
    const now = deps.clock.now()
    if (!locked || locked.status !== 'unconfirmed') return 'not_unconfirmed'
    if (found) {
      await move(tx, locked, 'published', 'reconciled_found', publishedChange(found), now)
      return 'published'
    }
    await move(tx, locked, 'scheduled', 'reconciled_absent', { nextAttemptAt: now, enqueuedAt: now }, now)
    await enqueuePublish(tx, instansiId, variantId)
    return 'rescheduled'
  })
}

/** The sweeper runs each minute: it hands out what falls due before the next run, and a little more. */
export const SWEEP_LOOK_AHEAD_MS = 75_000

export interface SweepResult {
  enqueued: number
  leaseExpired: number
  reconcileAgain: number
}

/**
 * Every minute and at worker start: a publish job for every due scheduled variant (what fell due while no worker
 * ran included), `unconfirmed` for every `publishing` row whose lease ran out, and a new reconcile job for an
 * unconfirmed variant nobody touched for a while.
 */
export async function sweepVariants(
  deps: PublishDeps,
  options: {
    limit?: number | undefined
    jobLostAfterMs?: number | undefined
    /** Variants due within this much from now are handed out too, their jobs to start when due. */
    lookAheadMs?: number | undefined
  } = {},
): Promise<SweepResult> {
  const now = deps.clock.now()
  const limit = options.limit ?? 5_000
  const leaseMs = deps.timing?.leaseMs ?? PUBLISH_LEASE_MS
  // A job asked for this long ago whose variant is still due was lost (a worker died holding it): ask again.
  const jobLostAfterMs = options.jobLostAfterMs ?? 10 * leaseMs
  const due = await deps.db.transaction(async (tx) => {
    // Looking a sweep ahead, a variant's job waits in the queue for its due time instead of for the next sweep.
    const horizon = new Date(now.getTime() + (options.lookAheadMs ?? SWEEP_LOOK_AHEAD_MS))
    const taken = await takeDueVariants(tx, horizon, new Date(now.getTime() - jobLostAfterMs), limit, now)
    taken.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
    // Spread over the budgets: what fits goes now, the rest is due at its slot (staggered, never all at once).
    const platforms = await platformsOfAccounts(
      tx,
      taken.map((variant) => variant.accountId),
    )
    const quotas = await reportedQuotasOf(
      tx,
      taken.map((variant) => variant.accountId),
    )
    const slots = await planPublishSlots(
      tx,
      taken.map((variant) => ({
        instansiId: variant.instansiId,
        accountId: variant.accountId,
        platform: platforms.get(variant.accountId) ?? '',
        dueAt: variant.nextAttemptAt,
        reportedQuota: quotas.get(variant.accountId) ?? null,
      })),
      now,
      deps.limitsOf,
    )
    for (const [index, variant] of taken.entries()) {
      const slot = slots[index]!
      if (slot.getTime() > now.getTime()) await deferVariant(tx, variant, slot, now)
      else await enqueuePublish(tx, variant.instansiId, variant.id)
    }
    return taken
  })
  const stale = await listStalePublishing(deps.db, new Date(now.getTime() - leaseMs), limit)
  let leaseExpired = 0
  for (const { id, instansiId } of stale) {
    await deps.db.transaction(async (tx) => {
      const variant = await lockVariant(tx, instansiId, id)
      if (!variant || variant.status !== 'publishing') return
      if (variant.updatedAt.getTime() > now.getTime() - leaseMs) return
      await markUnconfirmed(
        tx,
        variant,
        'lease_expired',
        { kind: 'lease_expired', message: 'worker stopped while publishing' },
        now,
      )
      leaseExpired++
    })
  }
  // A reconcile job is waiting for most unconfirmed variants; asking again after a lease adds none then (one
  // waiting job per variant), and brings back the ones whose job a stopped worker had taken.
  const forgotten = await listStaleUnconfirmed(deps.db, new Date(now.getTime() - leaseMs), limit)
  await deps.db.transaction(async (tx) => {
    for (const { id, instansiId } of forgotten) await enqueueReconcile(tx, instansiId, id)
  })
  return { enqueued: due.length, leaseExpired, reconcileAgain: forgotten.length }
}
