// Sending a reply so that it is never lost and never sent twice (issue #9 item 4). The reply is stored `sending`
// and committed before the platform is called, with its id as the idempotency key; afterwards it becomes `sent`
// (with the platform's id and address), `failed` (the error kind and the reason) or, when the platform may have
// taken it (`unknown_outcome`), `unconfirmed`. A process that dies in between leaves a `sending` row past its lease:
// reconcileStaleReplies (job reconcile-replies) reads the thread where the connector can (`sent` when the reply is
// there) and otherwise marks it `unconfirmed` for a person to check. Nothing here replies again on its own; a retry
// is a person's decision (retryReply), and even then an `unconfirmed` reply is looked for first.
import type { Db } from '../../db/client.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import {
  listStaleSendingReplies,
  lockInboxItem,
  lockReply,
  markReplySending,
  updateInboxItem,
  updateReply,
  type InboxReplyRow,
} from '../../db/inbox-work-repository.ts'
import { isConnectorError, type ConnectorError, type PublishedPost } from '../../connectors/connector.ts'
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import { authorize, can, type Actor } from '../access/policy.ts'
import { AppError, isAppError } from '../app-error.ts'
import { originOf, recordChangeAs, type ChangeMeta, type ChangeOrigin } from '../audit/record-change.ts'
import { runForAccount } from '../connections/account-connector.ts'
import type { InboxWorkDeps } from './work-actions.ts'

/** A `sending` row older than this belongs to a process that died mid-call (a connector call times out sooner). */
export const REPLY_SENDING_LEASE_MS = 2 * 60_000
/** While the platform cannot be read, a stale reply is asked about again; after this long it goes to a person. */
export const REPLY_LOOKUP_PATIENCE_MS = 15 * 60_000
/** The thread is searched from a little before the attempt began (clocks of the platform and ours differ). */
const LOOKUP_SLACK_MS = 5 * 60_000
const RECONCILE_BATCH = 50

const JOB_ORIGIN_LABEL = 'job'

interface ReplyTargetOfItem {
  instansiId: string
  id: string
  accountId: string
  externalId: string
  rootExternalId: string | null
}

function targetOf(item: ReplyTargetOfItem) {
  return { externalId: item.externalId, rootExternalId: item.rootExternalId }
}

/**
 * Records that the reply is on the platform: `sent` with its id and address, the item answered (its first response
 * if none), audited. Only a reply still `sending` or `unconfirmed` moves; one already `sent` (the reconcile job or
 * the original call got there first) is answered as it is.
 */
export async function recordReplySent(
  tx: Db,
  origin: ChangeOrigin,
  meta: ChangeMeta,
  ref: { instansiId: string; replyId: string; itemId: string },
  sent: PublishedPost,
  now: Date,
  how: 'sent' | 'found',
): Promise<InboxReplyRow> {
  const reply = await lockReply(tx, ref.instansiId, ref.replyId)
  if (!reply) throw new AppError('not_found', 'inbox.reply_not_found')
  if (reply.status !== 'sending' && reply.status !== 'unconfirmed') return reply
  const row = await updateReply(
    tx,
    ref.instansiId,
    reply.id,
    {
      status: 'sent',
      platformReplyId: sent.platformPostId,
      url: sent.url,
      sentAt: sent.publishedAt,
      error: null,
      errorKind: null,
      errorKey: null,
      errorParams: null,
    },
    now,
  )
  const item = await lockInboxItem(tx, ref.instansiId, ref.itemId)
  if (item)
    await updateInboxItem(
      tx,
      item.instansiId,
      item.id,
      {
        status: item.status === 'closed' ? 'closed' : 'answered',
        firstResponseAt: item.firstResponseAt ?? now,
      },
      now,
    )
  await recordChangeAs(
    tx,
    origin,
    meta,
    {
      action: how === 'found' ? 'inbox.reply_found' : 'inbox.replied',
      objectType: 'inbox_item',
      objectId: ref.itemId,
      after: { replyId: reply.id, text: reply.body, platformReplyId: sent.platformPostId, url: sent.url },
    },
    now,
  )
  return row!
}

/** The reason a person reads: the connector's own (catalogue words) or the kind's general one. */
function reasonOf(error: ConnectorError): { key: MessageKey; params: Record<string, string | number> } {
  if (error.reason) {
    const params: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(error.reason.params ?? {}))
      if (typeof value === 'string' || typeof value === 'number') params[name] = value
    return { key: error.reason.key, params }
  }
  return { key: `inbox.reply_failed_${error.kind}`, params: {} }
}

async function recordReplyRefusal(
  deps: InboxWorkDeps,
  origin: ChangeOrigin,
  meta: ChangeMeta,
  ref: { instansiId: string; replyId: string; itemId: string },
  error: AppError,
): Promise<void> {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(error.params))
    if (typeof value === 'string' || typeof value === 'number') params[name] = value
  await deps.db.transaction(async (tx) => {
    const reply = await lockReply(tx, ref.instansiId, ref.replyId)
    if (!reply || reply.status !== 'sending') return
    const now = deps.clock.now()
    await updateReply(
      tx,
      ref.instansiId,
      reply.id,
      { status: 'failed', errorKind: null, errorKey: error.key, errorParams: params, error: error.message },
      now,
    )
    await recordChangeAs(
      tx,
      origin,
      meta,
      {
        action: 'inbox.reply_failed',
        objectType: 'inbox_item',
        objectId: ref.itemId,
        after: { replyId: reply.id, reason: error.key },
      },
      now,
    )
  })
}

/** After a connector error: `unconfirmed` when the platform may have taken it, else `failed` with kind and reason. */
async function recordReplyError(
  deps: InboxWorkDeps,
  origin: ChangeOrigin,
  meta: ChangeMeta,
  ref: { instansiId: string; replyId: string; itemId: string },
  error: ConnectorError,
): Promise<InboxReplyRow | undefined> {
  return deps.db.transaction(async (tx) => {
    const reply = await lockReply(tx, ref.instansiId, ref.replyId)
    // Reconciled meanwhile (the call outlived its lease): what the job decided stands.
    if (!reply || reply.status !== 'sending') return reply
    const now = deps.clock.now()
    const status = error.kind === 'unknown_outcome' ? 'unconfirmed' : 'failed'
    const reason = reasonOf(error)
    const row = await updateReply(
      tx,
      ref.instansiId,
      reply.id,
      {
        status,
        errorKind: error.kind,
        errorKey: reason.key,
        errorParams: reason.params,
        error: error.platformMessage ?? error.message,
      },
      now,
    )
    // Touched, so the live lists of others refresh the thread and see the failure.
    await updateInboxItem(tx, ref.instansiId, ref.itemId, {}, now)
    await recordChangeAs(
      tx,
      origin,
      meta,
      {
        action: status === 'unconfirmed' ? 'inbox.reply_unconfirmed' : 'inbox.reply_failed',
        objectType: 'inbox_item',
        objectId: ref.itemId,
        after: { replyId: reply.id, kind: error.kind, reason: reason.key },
      },
      now,
    )
    return row
  })
}

/**
 * Calls the platform for a reply already committed as `sending`, then records the outcome. A connector error is
 * recorded (failed / unconfirmed) and answered as an AppError the reply box shows; anything else (the process
 * failing between the call and the write) leaves the row `sending` for the reconcile job.
 */
export async function deliverReply(
  deps: InboxWorkDeps,
  actor: Actor,
  item: ReplyTargetOfItem,
  reply: InboxReplyRow,
  meta: ChangeMeta,
): Promise<InboxReplyRow> {
  const origin = originOf(actor)
  const ref = { instansiId: item.instansiId, replyId: reply.id, itemId: item.id }
  let sent: PublishedPost
  try {
    sent = await runForAccount(deps, item.instansiId, item.accountId, (connector) =>
      connector.reply(targetOf(item), reply.body, { idempotencyKey: reply.id }),
    )
  } catch (error) {
    // Refused before the platform was called (the account not connected, its credentials unreadable): not sent.
    if (isAppError(error)) {
      await recordReplyRefusal(deps, origin, meta, ref, error)
      // The refusal as it was, plus the reply it was kept as: the screen empties its box rather than invite a copy.
      throw new AppError(error.code, error.key, { ...error.params, replyId: reply.id }, error.details)
    }
    if (!isConnectorError(error)) throw error
    await recordReplyError(deps, origin, meta, ref, error)
    throw new AppError(
      error.kind === 'rejected' ? 'conflict' : 'unavailable',
      `inbox.reply_failed_${error.kind}`,
      {},
    )
  }
  return deps.db.transaction((tx) => recordReplySent(tx, origin, meta, ref, sent, deps.clock.now(), 'sent'))
}

/** Looks for the reply in the thread: found, absent, or unknown (the connector cannot read it or failed to). */
async function lookForReply(
  deps: InboxWorkDeps,
  item: ReplyTargetOfItem,
  reply: InboxReplyRow,
): Promise<
  | { state: 'found'; sent: PublishedPost }
  | { state: 'absent' }
  | { state: 'unknown'; error: ConnectorError | null }
> {
  const since = new Date((reply.sendingAt ?? reply.createdAt).getTime() - LOOKUP_SLACK_MS)
  try {
    const found = await runForAccount(deps, item.instansiId, item.accountId, async (connector) =>
      connector.findReply
        ? connector.findReply(targetOf(item), { idempotencyKey: reply.id, text: reply.body }, since)
        : undefined,
    )
    if (found === undefined) return { state: 'unknown', error: null }
    return found ? { state: 'found', sent: found } : { state: 'absent' }
  } catch (error) {
    if (isConnectorError(error)) return { state: 'unknown', error }
    if (error instanceof AppError) return { state: 'unknown', error: null }
    throw error
  }
}

export type ReconcileReplyOutcome = 'sent' | 'unconfirmed' | 'later' | 'moved'

/** One stale `sending` reply: found → sent; not found or unreadable → unconfirmed; the platform down → later. */
async function reconcileOne(
  deps: InboxWorkDeps,
  stale: { reply: InboxReplyRow; accountId: string; externalId: string; rootExternalId: string | null },
): Promise<ReconcileReplyOutcome> {
  const { reply } = stale
  const item = {
    instansiId: reply.instansiId,
    id: reply.itemId,
    accountId: stale.accountId,
    externalId: stale.externalId,
    rootExternalId: stale.rootExternalId,
  }
  const origin: ChangeOrigin = { instansiId: reply.instansiId, userId: null, label: JOB_ORIGIN_LABEL }
  const ref = { instansiId: reply.instansiId, replyId: reply.id, itemId: reply.itemId }
  const looked = await lookForReply(deps, item, reply)
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now()
    const locked = await lockReply(tx, reply.instansiId, reply.id)
    // Finished by its own process meanwhile, or a new attempt began: nothing to reconcile.
    if (!locked || locked.status !== 'sending' || locked.sendingAt?.getTime() !== reply.sendingAt?.getTime())
      return 'moved'
    if (looked.state === 'found') {
      await recordReplySent(tx, origin, {}, ref, looked.sent, now, 'found')
      return 'sent'
    }
    const transient =
      looked.state === 'unknown' &&
      looked.error !== null &&
      (looked.error.kind === 'unavailable' || looked.error.kind === 'rate_limited')
    const startedAt = (reply.sendingAt ?? reply.createdAt).getTime()
    if (transient && now.getTime() - startedAt < REPLY_LOOKUP_PATIENCE_MS) return 'later'
    await updateReply(
      tx,
      reply.instansiId,
      reply.id,
      {
        status: 'unconfirmed',
        errorKind: 'unknown_outcome',
        errorKey:
          looked.state === 'absent' ? 'inbox.reply_not_found_on_platform' : 'inbox.reply_lost_outcome',
        errorParams: {},
        error: looked.state === 'unknown' && looked.error ? looked.error.message : null,
      },
      now,
    )
    await updateInboxItem(tx, reply.instansiId, reply.itemId, {}, now)
    await recordChangeAs(
      tx,
      origin,
      {},
      {
        action: 'inbox.reply_unconfirmed',
        objectType: 'inbox_item',
        objectId: reply.itemId,
        after: { replyId: reply.id, kind: 'unknown_outcome', looked: looked.state },
      },
      now,
    )
    return 'unconfirmed'
  })
}

export interface ReconcileRepliesResult {
  sent: number
  unconfirmed: number
  later: number
}

/** The reconcile-replies job: every reply left `sending` past its lease, in every instansi. Never replies. */
export async function reconcileStaleReplies(deps: InboxWorkDeps): Promise<ReconcileRepliesResult> {
  const before = new Date(deps.clock.now().getTime() - REPLY_SENDING_LEASE_MS)
  const stale = await listStaleSendingReplies(deps.db, before, RECONCILE_BATCH)
  const result: ReconcileRepliesResult = { sent: 0, unconfirmed: 0, later: 0 }
  for (const row of stale) {
    const outcome = await reconcileOne(deps, row)
    if (outcome === 'sent') result.sent += 1
    else if (outcome === 'unconfirmed') result.unconfirmed += 1
    else if (outcome === 'later') result.later += 1
  }
  return result
}

export interface RetryRequest {
  /** For an `unconfirmed` reply: the person looked at the thread on the platform and the reply is not there. */
  checked?: boolean | undefined
}

/**
 * A person sends a `failed` reply again, or an `unconfirmed` one they checked is not on the platform. Same
 * permission as replying; refused when the item is closed or was deleted on the platform. An `unconfirmed` reply
 * is looked for once more first (found: recorded as sent, nothing is sent), and the same idempotency key goes out.
 */
export async function retryReply(
  deps: InboxWorkDeps,
  actor: Actor,
  replyId: string,
  request: RetryRequest,
  meta: ChangeMeta,
): Promise<InboxReplyRow> {
  const checkOnly = await deps.db.transaction(async (tx) => {
    const reply = await lockReply(tx, actor.instansiId, replyId)
    if (!reply) throw new AppError('not_found', 'inbox.reply_not_found')
    const item = await lockInboxItem(tx, actor.instansiId, reply.itemId)
    if (!item || !can(actor, 'inbox.read', { instansiId: item.instansiId, unitPath: item.unitPath }))
      throw new AppError('not_found', 'inbox.reply_not_found')
    authorize(actor, 'inbox.reply', { instansiId: item.instansiId, unitPath: item.unitPath })
    refuseRetry(item, reply, request)
    return { item, reply }
  })
  if (checkOnly.reply.status === 'unconfirmed') {
    const looked = await lookForReply(deps, checkOnly.item, checkOnly.reply)
    if (looked.state === 'found')
      return deps.db.transaction((tx) =>
        recordReplySent(
          tx,
          originOf(actor),
          meta,
          { instansiId: actor.instansiId, replyId, itemId: checkOnly.item.id },
          looked.sent,
          deps.clock.now(),
          'found',
        ),
      )
  }
  const { item, reply } = await deps.db.transaction(async (tx) => {
    // Re-checked under the locks: someone else may have retried, or the item closed, since the first look.
    const reply = await lockReply(tx, actor.instansiId, replyId)
    const item = reply ? await lockInboxItem(tx, actor.instansiId, reply.itemId) : undefined
    if (!reply || !item) throw new AppError('not_found', 'inbox.reply_not_found')
    refuseRetry(item, reply, request)
    const now = deps.clock.now()
    const sending = await markReplySending(tx, actor.instansiId, reply.id, now)
    await recordChangeAs(
      tx,
      originOf(actor),
      meta,
      {
        action: 'inbox.reply_retried',
        objectType: 'inbox_item',
        objectId: item.id,
        before: { status: reply.status, kind: reply.errorKind },
        after: { replyId: reply.id, attempt: sending!.attempts },
      },
      now,
    )
    return { item, reply: sending! }
  })
  return deliverReply(deps, actor, item, reply, meta)
}

function refuseRetry(item: InboxItemRow, reply: InboxReplyRow, request: RetryRequest): void {
  if (reply.status !== 'failed' && reply.status !== 'unconfirmed')
    throw new AppError('conflict', 'inbox.reply_not_retriable')
  if (item.deletedAt) throw new AppError('conflict', 'inbox.retry_item_deleted')
  if (item.status === 'closed') throw new AppError('conflict', 'inbox.retry_item_closed')
  if (reply.status === 'unconfirmed' && !request.checked)
    throw new AppError('conflict', 'inbox.retry_unconfirmed_unchecked')
}
