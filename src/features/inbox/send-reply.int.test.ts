// Replies that never get lost, against the simulated network on both engines: the reply is stored `sending` before
// the platform call, a process dying after the platform accepted it is reconciled by reading the thread (never by
// replying again), unknown outcomes become `unconfirmed`, a person retries failed and checked replies, and a
// junior's reply tells the penanggung jawab, then its author.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Clock } from '../../clock.ts'
import { SandboxApiError, type SandboxNetwork } from '../../connectors/sandbox/sandbox-network.ts'
import { searchAudit } from '../../db/audit-repository.ts'
import { inboxItems, inboxReplies, notifications, sandboxInteractions, users } from '../../db/schema/index.ts'
import { createInboxAccount, seedInboxItems } from '../../../tests/support/inbox-fixtures.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  type TestInstansi,
} from '../../../tests/support/fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import type { Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { createSandboxNetwork } from '../sandbox/sandbox-network-store.ts'
import { REPLY_SENDING_LEASE_MS, reconcileStaleReplies, retryReply } from './send-reply.ts'
import { approveReply, rejectReply, replyToItem, type InboxWorkDeps } from './work-actions.ts'

/** What the network does with the next reply call: its normal self, or one of the failures a platform has. */
type ReplyFault =
  | 'none'
  /** The platform takes the reply, then the process dies before anything is written. */
  | 'crash_after_accept'
  /** The platform takes the reply but answers a gateway timeout. */
  | 'timeout_after_accept'
  | 'unavailable'
  | 'rejected'

function faultyNetwork(base: SandboxNetwork, fault: { next: ReplyFault; calls: number }): SandboxNetwork {
  return {
    ...base,
    async reply(token, parentId, text, idempotencyKey) {
      fault.calls += 1
      const planned = fault.next
      fault.next = 'none'
      if (planned === 'unavailable') throw new SandboxApiError(503, 'unavailable', 'service unavailable')
      if (planned === 'rejected') throw new SandboxApiError(422, 'text_too_long', 'text too long')
      const created = await base.reply(token, parentId, text, idempotencyKey)
      if (planned === 'crash_after_accept') throw new Error('worker killed before the reply was recorded')
      if (planned === 'timeout_after_accept') throw new SandboxApiError(504, 'timeout', 'gateway timeout')
      return created
    },
  }
}

function actorOf(
  user: { id: string; email: string },
  owner: TestInstansi,
  unit: { id: string; path: string },
  role: 'pengelola' | 'penanggung_jawab',
): Actor {
  return {
    userId: user.id,
    instansiId: owner.id,
    label: user.email,
    via: 'session',
    grants: [{ unitId: unit.id, unitPath: unit.path, role }],
  }
}

async function setup() {
  const ctx = await getTestContext()
  let now = new Date()
  const clock: Clock = { now: () => now }
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const pjUser = await createTestUser(ctx.db, owner, [
    { unitId: owner.rootUnit.id, role: 'penanggung_jawab' },
  ])
  // Another penanggung jawab over the unit: the account's own is the one asked, not every one.
  const otherPj = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }])
  const operatorUser = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
  const keyring = { secret: ctx.secret, previousSecrets: ctx.previousSecrets }
  const account = await createInboxAccount(ctx.db, owner, unit, pjUser.id, keyring)
  const [item] = await seedInboxItems(ctx.db, owner, account, [
    { text: 'Kapan jadwal vaksinasi di puskesmas?', author: 'budi', slaDueAt: null, priority: 10 },
  ])
  const fault = { next: 'none' as ReplyFault, calls: 0 }
  const network = faultyNetwork(
    createSandboxNetwork({ db: ctx.db, clock }, { faults: 'off', wait: () => Promise.resolve() }),
    fault,
  )
  const deps: InboxWorkDeps = {
    db: ctx.db,
    clock,
    secret: ctx.secret,
    previousSecrets: ctx.previousSecrets,
    config: { sandboxFaults: false },
    sandboxNetwork: network,
    mailEnabled: false,
  }
  const operator = actorOf(operatorUser, owner, unit, 'pengelola')
  const pj = actorOf(pjUser, owner, owner.rootUnit, 'penanggung_jawab')
  const onPlatform = () =>
    ctx.db
      .select()
      .from(sandboxInteractions)
      .where(and(eq(sandboxInteractions.parentId, item!.externalId), eq(sandboxInteractions.own, true)))
  const replyRow = async (id: string) =>
    (await ctx.db.select().from(inboxReplies).where(eq(inboxReplies.id, id)))[0]!
  const only = async () => {
    const rows = await ctx.db.select().from(inboxReplies).where(eq(inboxReplies.itemId, item!.id))
    expect(rows).toHaveLength(1)
    return rows[0]!
  }
  const noticesOf = (userId: string) =>
    ctx.db.select().from(notifications).where(eq(notifications.recipientId, userId))
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms)
  }
  return {
    ctx,
    deps,
    owner,
    item: item!,
    operator,
    operatorUser,
    pj,
    pjUser,
    otherPj,
    fault,
    onPlatform,
    replyRow,
    only,
    noticesOf,
    later,
  }
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('sending a reply', () => {
  it('stores the reply and marks it sent with the platform id, the reply id as the idempotency key', async () => {
    const s = await setup()
    const sent = await replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {})
    expect(sent.status).toBe('sent')
    expect(sent.attempts).toBe(1)
    const platform = await s.onPlatform()
    expect(platform.map((row) => row.id)).toEqual([sent.id])
    expect(sent.platformReplyId).toBe(sent.id)
    const [item] = await s.ctx.db.select().from(inboxItems).where(eq(inboxItems.id, s.item.id))
    expect(item!.status).toBe('answered')
  })

  it('reconciles a reply the platform accepted before the process died: found in the thread, sent once', async () => {
    const s = await setup()
    s.fault.next = 'crash_after_accept'
    await expect(
      replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {}),
    ).rejects.toThrow('worker killed')
    // What the dead process left: the row committed as sending, the reply on the platform.
    const left = await s.only()
    expect(left.status).toBe('sending')
    expect(await s.onPlatform()).toHaveLength(1)

    // Within the lease the job leaves it alone (the call may still be under way).
    await reconcileStaleReplies(s.deps)
    expect((await s.replyRow(left.id)).status).toBe('sending')
    s.later(REPLY_SENDING_LEASE_MS + 1000)
    const first = await reconcileStaleReplies(s.deps)
    expect(first.sent).toBeGreaterThanOrEqual(1)
    const reconciled = await s.replyRow(left.id)
    expect(reconciled.status).toBe('sent')
    expect(reconciled.platformReplyId).toBe(left.id)
    expect(reconciled.url).not.toBeNull()
    // A second run finds nothing to do; the platform still holds exactly one reply and was never asked again.
    await reconcileStaleReplies(s.deps)
    expect(await s.onPlatform()).toHaveLength(1)
    expect(s.fault.calls).toBe(1)
    const [item] = await s.ctx.db.select().from(inboxItems).where(eq(inboxItems.id, s.item.id))
    expect(item!.status).toBe('answered')
    expect(item!.firstResponseAt).not.toBeNull()
    const audit = await searchAudit(s.ctx.db, {
      instansiId: s.owner.id,
      action: 'inbox.reply_found',
      limit: 5,
    })
    expect(audit).toHaveLength(1)
  })

  it('marks a stale sending reply unconfirmed when it is not in the thread, and never sends it', async () => {
    const s = await setup()
    // The process died before the platform call reached it: the row is sending, the platform has nothing.
    const base = s.deps.sandboxNetwork!
    s.deps.sandboxNetwork = {
      ...base,
      reply: () => Promise.reject(new Error('worker killed before the platform was called')),
    }
    await expect(
      replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {}),
    ).rejects.toThrow('worker killed')
    s.deps.sandboxNetwork = base
    s.later(REPLY_SENDING_LEASE_MS + 1000)
    expect((await reconcileStaleReplies(s.deps)).unconfirmed).toBeGreaterThanOrEqual(1)
    const row = await s.only()
    expect(row.status).toBe('unconfirmed')
    expect(row.errorKind).toBe('unknown_outcome')
    expect(row.errorKey).toBe('inbox.reply_not_found_on_platform')
    expect(await s.onPlatform()).toHaveLength(0)
    expect(s.fault.calls).toBe(0)
  })

  it('marks a reply unconfirmed when the platform times out after accepting it', async () => {
    const s = await setup()
    s.fault.next = 'timeout_after_accept'
    const error = await refusal(
      replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {}),
    )
    expect(error.key).toBe('inbox.reply_failed_unknown_outcome')
    const row = await s.only()
    expect(row.status).toBe('unconfirmed')
    expect(row.errorKind).toBe('unknown_outcome')
  })

  it('records a refused reply as failed with the kind and the reason', async () => {
    const s = await setup()
    s.fault.next = 'rejected'
    const error = await refusal(
      replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {}),
    )
    expect(error.code).toBe('conflict')
    const row = await s.only()
    expect(row).toMatchObject({ status: 'failed', errorKind: 'rejected' })
    expect(row.errorKey).not.toBeNull()
  })
})

describe('retrying a reply', () => {
  it('sends a failed reply again under the same id, audited, and it becomes sent', async () => {
    const s = await setup()
    s.fault.next = 'unavailable'
    await refusal(replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {}))
    const failed = await s.only()
    expect(failed).toMatchObject({ status: 'failed', errorKind: 'unavailable' })
    const retried = await retryReply(s.deps, s.operator, failed.id, {}, {})
    expect(retried).toMatchObject({ id: failed.id, status: 'sent', attempts: 2, errorKind: null })
    expect((await s.onPlatform()).map((row) => row.id)).toEqual([failed.id])
    const audit = await searchAudit(s.ctx.db, {
      instansiId: s.owner.id,
      action: 'inbox.reply_retried',
      limit: 5,
    })
    expect(audit).toHaveLength(1)
    // Sent is final: a second retry is refused.
    expect((await refusal(retryReply(s.deps, s.operator, failed.id, {}, {}))).key).toBe(
      'inbox.reply_not_retriable',
    )
  })

  it('asks a person to check an unconfirmed reply first, then finds it rather than sending it twice', async () => {
    const s = await setup()
    s.fault.next = 'timeout_after_accept'
    await refusal(replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {}))
    const unconfirmed = await s.only()
    expect((await refusal(retryReply(s.deps, s.operator, unconfirmed.id, {}, {}))).key).toBe(
      'inbox.retry_unconfirmed_unchecked',
    )
    const retried = await retryReply(s.deps, s.operator, unconfirmed.id, { checked: true }, {})
    expect(retried.status).toBe('sent')
    expect(await s.onPlatform()).toHaveLength(1)
    expect(s.fault.calls).toBe(1)
  })

  it('refuses when the item was closed or deleted on the platform, and outside the operator’s units', async () => {
    const s = await setup()
    s.fault.next = 'unavailable'
    await refusal(replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {}))
    const failed = await s.only()
    await s.ctx.db.update(inboxItems).set({ status: 'closed' }).where(eq(inboxItems.id, s.item.id))
    expect((await refusal(retryReply(s.deps, s.operator, failed.id, {}, {}))).key).toBe(
      'inbox.retry_item_closed',
    )
    await s.ctx.db
      .update(inboxItems)
      .set({ status: 'open', deletedAt: new Date() })
      .where(eq(inboxItems.id, s.item.id))
    expect((await refusal(retryReply(s.deps, s.operator, failed.id, {}, {}))).key).toBe(
      'inbox.retry_item_deleted',
    )
    const elsewhere = await createTestUnit(s.ctx.db, s.owner, s.owner.rootUnit)
    const stranger = await createTestUser(s.ctx.db, s.owner, [{ unitId: elsewhere.id, role: 'pengelola' }])
    const strangerActor = actorOf(stranger, s.owner, elsewhere, 'pengelola')
    expect((await refusal(retryReply(s.deps, strangerActor, failed.id, {}, {}))).code).toBe('not_found')
    expect(s.fault.calls).toBe(1)
  })
})

describe('a reply waiting for approval', () => {
  it('tells the account’s penanggung jawab, links the item, and tells the author of the decision', async () => {
    const s = await setup()
    await s.ctx.db.update(users).set({ trainingMode: true }).where(eq(users.id, s.operatorUser.id))
    const pending = await replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {})
    expect(pending.status).toBe('pending')
    const waiting = await s.noticesOf(s.pjUser.id)
    expect(waiting).toHaveLength(1)
    expect(waiting[0]).toMatchObject({
      kind: 'inbox.reply_awaiting_approval',
      link: `/inbox?item=${s.item.id}`,
      titleKey: 'notifications.reply_awaiting_approval.title',
    })
    // The unit's other penanggung jawab is not asked while the account's own may approve; the author neither.
    expect(await s.noticesOf(s.otherPj.id)).toHaveLength(0)
    expect(await s.noticesOf(s.operatorUser.id)).toHaveLength(0)

    const sent = await approveReply(s.deps, s.pj, pending.id, {})
    expect(sent.status).toBe('sent')
    const told = await s.noticesOf(s.operatorUser.id)
    expect(told.map((row) => row.kind)).toEqual(['inbox.reply_approved'])
    expect(told[0]!.link).toBe(`/inbox?item=${s.item.id}`)
  })

  it('asks the unit’s penanggung jawab when the account’s own cannot approve there, and tells the author of a refusal', async () => {
    const s = await setup()
    await s.ctx.db.update(users).set({ trainingMode: true }).where(eq(users.id, s.operatorUser.id))
    // The account's penanggung jawab loses their role: the unit's one is asked.
    await s.ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, s.pjUser.id))
    const pending = await replyToItem(s.deps, s.operator, s.item.id, { text: 'Senin pukul 08.00.' }, {})
    expect(await s.noticesOf(s.pjUser.id)).toHaveLength(0)
    expect((await s.noticesOf(s.otherPj.id)).map((row) => row.kind)).toEqual([
      'inbox.reply_awaiting_approval',
    ])
    const otherPj = actorOf(s.otherPj, s.owner, { id: 'x', path: s.item.unitPath }, 'penanggung_jawab')
    await rejectReply(s.deps, otherPj, pending.id, {})
    expect((await s.noticesOf(s.operatorUser.id)).map((row) => row.kind)).toEqual(['inbox.reply_rejected'])
    expect(await s.onPlatform()).toHaveLength(0)
  })
})
