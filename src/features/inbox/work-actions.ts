// Working an inbox item: reply through the account's connector (a trainee's reply to a real account waits for the
// penanggung jawab), hide or delete on the platform where it allows it, internal notes, assignment and hand-over,
// close and reopen, and the same in bulk. Every change is authorized on the item's unit and audited.
import type { ConnectionDeps } from '../connections/account-connector.ts'
import { runForAccount } from '../connections/account-connector.ts'
import { capabilitiesOf } from '../../connectors/registry.ts'
import { isConnectorError, type ConnectorCapabilities } from '../../connectors/connector.ts'
import type { Db } from '../../db/client.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import {
  insertNote,
  insertReply,
  latestReplyByOthers,
  lockInboxItem,
  lockReply,
  markReplySending,
  updateInboxItem,
  updateReply,
  type InboxItemChange,
  type InboxReplyRow,
} from '../../db/inbox-work-repository.ts'
import { grantsOfUsers } from '../../db/role-grants-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import { findUserById } from '../../db/users-repository.ts'
import { countText } from '../../shared/count-text.ts'
import { PERMISSIONS } from '../../shared/permissions.ts'
import type { Role } from '../../shared/roles.ts'
import { authorize, can, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { isInTrainingMode } from '../sandbox/training-mode.ts'
import { noticeReplyAwaitingApproval, noticeReplyDecision } from './reply-notices.ts'
import { deliverReply } from './send-reply.ts'
import type { InboxDeps } from './work-queue.ts'

export type InboxWorkDeps = InboxDeps & ConnectionDeps

const MAX_NOTE = 4000

/** The item locked for a change by someone who may work it (inbox.reply on its unit); not found otherwise. */
export async function workableItem(db: Db, actor: Actor, id: string): Promise<InboxItemRow> {
  const item = await lockInboxItem(db, actor.instansiId, id)
  if (!item || !can(actor, 'inbox.read', { instansiId: item.instansiId, unitPath: item.unitPath }))
    throw new AppError('not_found', 'inbox.item_not_found')
  authorize(actor, 'inbox.reply', { instansiId: item.instansiId, unitPath: item.unitPath })
  return item
}

function capabilitiesFor(deps: InboxDeps, item: InboxItemRow): ConnectorCapabilities | undefined {
  return capabilitiesOf(item.platform, deps.connectors)
}

/**
 * A junior's reply goes through approval: a user in Mode Latihan (a trainee: every reply, on the sandbox too, is
 * reviewed by the penanggung jawab before it goes, which is the point of practising; on a real account it is the
 * safeguard). Everyone else with inbox.reply answers directly.
 */
export async function replyNeedsApproval(db: Db, actor: Actor): Promise<boolean> {
  return isInTrainingMode(db, actor.instansiId, actor.userId)
}

export interface ReplyRequest {
  text: string
  /** When the operator opened the thread (the thread view's openedAt): a reply by someone else since asks first. */
  openedAt?: Date | undefined
  /** The operator saw the other reply and answers anyway. */
  confirm?: boolean | undefined
}

export async function replyToItem(
  deps: InboxWorkDeps,
  actor: Actor,
  id: string,
  request: ReplyRequest,
  meta: ChangeMeta,
): Promise<InboxReplyRow> {
  const text = request.text.trim()
  const prepared = await deps.db.transaction(async (tx) => {
    const item = await workableItem(tx, actor, id)
    if (item.deletedAt) throw new AppError('conflict', 'inbox.item_deleted')
    const capabilities = capabilitiesFor(deps, item)
    if (!capabilities?.reply)
      throw new AppError('conflict', 'inbox.action_not_supported', {
        action: 'reply',
        platform: item.platform,
      })
    if (text.length === 0) throw new AppError('invalid_input', 'inbox.reply_empty')
    const length = countText(text, capabilities.textCounting)
    if (length > capabilities.maxTextLength)
      throw new AppError('invalid_input', 'inbox.reply_too_long', {
        length,
        maximum: capabilities.maxTextLength,
      })
    if (!request.confirm && request.openedAt) {
      const other = await latestReplyByOthers(
        tx,
        actor.instansiId,
        item.threadId,
        actor.userId,
        request.openedAt,
      )
      if (other)
        throw new AppError('conflict', 'inbox.replied_since_opened', {
          name: other.authorName ?? '—',
          at: other.createdAt.toISOString(),
        })
    }
    const now = deps.clock.now()
    if (await replyNeedsApproval(tx, actor)) {
      const reply = await insertReply(
        tx,
        {
          instansiId: item.instansiId,
          itemId: item.id,
          threadId: item.threadId,
          authorUserId: actor.userId,
          body: text,
          status: 'pending',
        },
        now,
      )
      if (item.status === 'new') await updateInboxItem(tx, item.instansiId, item.id, { status: 'open' }, now)
      await recordChange(
        tx,
        actor,
        meta,
        { action: 'inbox.reply_submitted', objectType: 'inbox_item', objectId: item.id, after: { text } },
        now,
      )
      await noticeReplyAwaitingApproval(tx, item, reply, await nameOf(tx, actor), {
        mailEnabled: mailEnabledOf(deps),
        now,
      })
      return { item, reply, pending: true }
    }
    // Stored and committed before the platform is called: whatever happens next, the reply is not lost.
    const inserted = await insertReply(
      tx,
      {
        instansiId: item.instansiId,
        itemId: item.id,
        threadId: item.threadId,
        authorUserId: actor.userId,
        body: text,
        status: 'sending',
      },
      now,
    )
    const reply = await markReplySending(tx, item.instansiId, inserted.id, now)
    return { item, reply: reply!, pending: false }
  })
  if (prepared.pending) return prepared.reply
  return deliverReply(deps, actor, prepared.item, prepared.reply, meta)
}

function mailEnabledOf(deps: InboxWorkDeps): boolean {
  return deps.mailEnabled ?? deps.config.mail !== undefined
}

async function nameOf(tx: Db, actor: Actor): Promise<string> {
  return (await findUserById(tx, actor.instansiId, actor.userId))?.name ?? actor.label
}

/** The penanggung jawab approves a junior's reply: it is sent now (stored `sending` first), and its author told. */
export async function approveReply(
  deps: InboxWorkDeps,
  actor: Actor,
  replyId: string,
  meta: ChangeMeta,
): Promise<InboxReplyRow> {
  const { item, reply } = await deps.db.transaction(async (tx) => {
    const reply = await lockReply(tx, actor.instansiId, replyId)
    if (!reply) throw new AppError('not_found', 'inbox.reply_not_found')
    const item = await lockInboxItem(tx, actor.instansiId, reply.itemId)
    if (!item || !can(actor, 'inbox.read', { instansiId: item.instansiId, unitPath: item.unitPath }))
      throw new AppError('not_found', 'inbox.reply_not_found')
    authorize(actor, 'post.approve', { instansiId: item.instansiId, unitPath: item.unitPath })
    if (reply.status !== 'pending') throw new AppError('conflict', 'inbox.reply_not_pending')
    if (reply.authorUserId === actor.userId) throw new AppError('forbidden', 'inbox.reply_own_approval')
    const now = deps.clock.now()
    await updateReply(tx, actor.instansiId, reply.id, { decidedByUserId: actor.userId, decidedAt: now }, now)
    const sending = await markReplySending(tx, actor.instansiId, reply.id, now)
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'inbox.reply_approved', objectType: 'inbox_item', objectId: item.id, after: { replyId } },
      now,
    )
    await noticeReplyDecision(tx, item, reply, 'approved', await nameOf(tx, actor), {
      mailEnabled: mailEnabledOf(deps),
      now,
    })
    return { item, reply: sending! }
  })
  return deliverReply(deps, actor, item, reply, meta)
}

export async function rejectReply(
  deps: InboxWorkDeps,
  actor: Actor,
  replyId: string,
  meta: ChangeMeta,
): Promise<InboxReplyRow> {
  return deps.db.transaction(async (tx) => {
    const reply = await lockReply(tx, actor.instansiId, replyId)
    if (!reply) throw new AppError('not_found', 'inbox.reply_not_found')
    const item = await lockInboxItem(tx, actor.instansiId, reply.itemId)
    if (!item || !can(actor, 'inbox.read', { instansiId: item.instansiId, unitPath: item.unitPath }))
      throw new AppError('not_found', 'inbox.reply_not_found')
    authorize(actor, 'post.approve', { instansiId: item.instansiId, unitPath: item.unitPath })
    if (reply.status !== 'pending') throw new AppError('conflict', 'inbox.reply_not_pending')
    const now = deps.clock.now()
    const row = await updateReply(
      tx,
      actor.instansiId,
      reply.id,
      { status: 'rejected', decidedByUserId: actor.userId, decidedAt: now },
      now,
    )
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'inbox.reply_rejected', objectType: 'inbox_item', objectId: item.id, after: { replyId } },
      now,
    )
    await noticeReplyDecision(tx, item, reply, 'rejected', await nameOf(tx, actor), {
      mailEnabled: mailEnabledOf(deps),
      now,
    })
    return row!
  })
}

/** Hide or delete the item on its platform, only where the platform allows it. */
export async function moderateItem(
  deps: InboxWorkDeps,
  actor: Actor,
  id: string,
  action: 'hide' | 'delete',
  meta: ChangeMeta,
): Promise<InboxItemRow> {
  const item = await deps.db.transaction((tx) => workableItem(tx, actor, id))
  const capabilities = capabilitiesFor(deps, item)
  const allowed = action === 'hide' ? capabilities?.hideReply : capabilities?.deleteReply
  if (!allowed)
    throw new AppError('conflict', 'inbox.action_not_supported', { action, platform: item.platform })
  if (item.deletedAt) throw new AppError('conflict', 'inbox.item_deleted')
  try {
    await runForAccount(deps, item.instansiId, item.accountId, (connector) =>
      action === 'hide' ? connector.hideReply(item.externalId) : connector.deleteReply(item.externalId),
    )
  } catch (error) {
    if (!isConnectorError(error)) throw error
    throw new AppError(
      error.kind === 'rejected' ? 'conflict' : 'unavailable',
      `inbox.moderation_failed_${error.kind}`,
    )
  }
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now()
    const change: InboxItemChange =
      action === 'hide' ? { hiddenAt: now } : { deletedAt: now, status: 'closed', closedAt: now }
    const row = await updateInboxItem(tx, item.instansiId, item.id, change, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: action === 'hide' ? 'inbox.hidden' : 'inbox.deleted',
        objectType: 'inbox_item',
        objectId: item.id,
        before: { body: item.body, author: item.authorHandle },
      },
      now,
    )
    return row!
  })
}

export async function addNote(
  deps: InboxDeps,
  actor: Actor,
  id: string,
  body: string,
  meta: ChangeMeta,
): Promise<void> {
  const text = body.trim()
  if (text.length === 0 || text.length > MAX_NOTE)
    throw new AppError('invalid_input', 'inbox.note_length', { maximum: MAX_NOTE })
  await deps.db.transaction(async (tx) => {
    const item = await workableItem(tx, actor, id)
    const now = deps.clock.now()
    await insertNote(
      tx,
      {
        instansiId: item.instansiId,
        itemId: item.id,
        threadId: item.threadId,
        authorUserId: actor.userId,
        kind: 'note',
        body: text,
      },
      now,
    )
    // Touched, so the live lists of others refresh the thread.
    await updateInboxItem(tx, item.instansiId, item.id, item.status === 'new' ? { status: 'open' } : {}, now)
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'inbox.note_added', objectType: 'inbox_item', objectId: item.id, after: { text } },
      now,
    )
  })
}

export interface AssignRequest {
  /** A person (null: nobody). Omitted: the person stays. */
  userId?: string | null | undefined
  /** Hand the item to another unit (within the actor's inbox.reply units). */
  unitId?: string | undefined
  /** The hand-over note. */
  note?: string | undefined
}

function holdsInboxRead(grants: { unitPath: string; role: string }[], unitPath: string): boolean {
  return grants.some(
    (grant) =>
      PERMISSIONS[grant.role as Role]?.has('inbox.read') === true && unitPath.startsWith(grant.unitPath),
  )
}

async function assignWithin(
  deps: InboxDeps,
  tx: Db,
  actor: Actor,
  item: InboxItemRow,
  request: AssignRequest,
  meta: ChangeMeta,
): Promise<InboxItemRow> {
  const now = deps.clock.now()
  const change: InboxItemChange = {}
  let unitPath = item.unitPath
  if (request.unitId && request.unitId !== item.unitId) {
    const unit = await getUnit(tx, actor.instansiId, request.unitId)
    if (!unit || unit.archivedAt) throw new AppError('not_found', 'inbox.unit_not_found')
    authorize(actor, 'inbox.reply', { instansiId: actor.instansiId, unitPath: unit.path })
    change.unitId = unit.id
    change.unitPath = unit.path
    unitPath = unit.path
  }
  if (request.userId !== undefined) {
    if (request.userId !== null) {
      const user = await findUserById(tx, actor.instansiId, request.userId)
      if (!user || user.disabledAt) throw new AppError('not_found', 'inbox.assignee_not_found')
      const grants = await grantsOfUsers(tx, actor.instansiId, [user.id])
      if (!holdsInboxRead(grants, unitPath))
        throw new AppError('conflict', 'inbox.assignee_out_of_scope', { name: user.name })
    }
    change.assignedUserId = request.userId
  } else if (change.unitPath && item.assignedUserId) {
    // Handed to another unit: the person keeps it only if they may see it there.
    const grants = await grantsOfUsers(tx, actor.instansiId, [item.assignedUserId])
    if (!holdsInboxRead(grants, unitPath)) change.assignedUserId = null
  }
  if (item.status === 'new') change.status = 'open'
  const row = await updateInboxItem(tx, item.instansiId, item.id, change, now)
  const note = request.note?.trim()
  if (note) {
    if (note.length > MAX_NOTE)
      throw new AppError('invalid_input', 'inbox.note_length', { maximum: MAX_NOTE })
    await insertNote(
      tx,
      {
        instansiId: item.instansiId,
        itemId: item.id,
        threadId: item.threadId,
        authorUserId: actor.userId,
        kind: 'handover',
        body: note,
      },
      now,
    )
  }
  await recordChange(
    tx,
    actor,
    meta,
    {
      action: 'inbox.assigned',
      objectType: 'inbox_item',
      objectId: item.id,
      before: { assignedUserId: item.assignedUserId, unitId: item.unitId },
      after: {
        assignedUserId: row!.assignedUserId,
        unitId: row!.unitId,
        ...(note ? { note } : {}),
      },
    },
    now,
  )
  return row!
}

export async function assignItem(
  deps: InboxDeps,
  actor: Actor,
  id: string,
  request: AssignRequest,
  meta: ChangeMeta,
): Promise<InboxItemRow> {
  return deps.db.transaction(async (tx) =>
    assignWithin(deps, tx, actor, await workableItem(tx, actor, id), request, meta),
  )
}

async function setClosedWithin(
  deps: InboxDeps,
  tx: Db,
  actor: Actor,
  item: InboxItemRow,
  closed: boolean,
  meta: ChangeMeta,
): Promise<InboxItemRow> {
  const now = deps.clock.now()
  if (closed === (item.status === 'closed')) return item
  const change: InboxItemChange = closed
    ? { status: 'closed', closedAt: now }
    : { status: item.firstResponseAt ? 'answered' : 'open', closedAt: null }
  const row = await updateInboxItem(tx, item.instansiId, item.id, change, now)
  await recordChange(
    tx,
    actor,
    meta,
    {
      action: closed ? 'inbox.closed' : 'inbox.reopened',
      objectType: 'inbox_item',
      objectId: item.id,
      before: { status: item.status },
      after: { status: row!.status },
    },
    now,
  )
  return row!
}

export async function setClosed(
  deps: InboxDeps,
  actor: Actor,
  id: string,
  closed: boolean,
  meta: ChangeMeta,
): Promise<InboxItemRow> {
  return deps.db.transaction(async (tx) =>
    setClosedWithin(deps, tx, actor, await workableItem(tx, actor, id), closed, meta),
  )
}

export type BulkRequest =
  | { action: 'assign'; ids: string[]; userId?: string | null | undefined; unitId?: string | undefined }
  | { action: 'close'; ids: string[] }
  | { action: 'label'; ids: string[]; add?: string[] | undefined; remove?: string[] | undefined }

/** One action on many items, all or nothing (an item the actor may not work refuses the whole batch). */
export async function bulkAction(
  deps: InboxDeps,
  actor: Actor,
  request: BulkRequest,
  meta: ChangeMeta,
): Promise<number> {
  const ids = [...new Set(request.ids)].sort()
  return deps.db.transaction(async (tx) => {
    for (const id of ids) {
      const item = await workableItem(tx, actor, id)
      if (request.action === 'assign')
        await assignWithin(deps, tx, actor, item, { userId: request.userId, unitId: request.unitId }, meta)
      else if (request.action === 'close') await setClosedWithin(deps, tx, actor, item, true, meta)
      else {
        const remove = new Set((request.remove ?? []).map((label) => label.trim()))
        const labels = [
          ...new Set([...item.labels, ...(request.add ?? []).map((label) => label.trim())]),
        ].filter((label) => label.length > 0 && !remove.has(label))
        const now = deps.clock.now()
        await updateInboxItem(tx, item.instansiId, item.id, { labels }, now)
        await recordChange(
          tx,
          actor,
          meta,
          {
            action: 'inbox.labelled',
            objectType: 'inbox_item',
            objectId: item.id,
            before: { labels: item.labels },
            after: { labels },
          },
          now,
        )
      }
    }
    return ids.length
  })
}
