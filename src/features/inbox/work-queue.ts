// Reading the inbox: the working list (keyset paged, SLA due first, then priority), the tabs' counts, one thread
// with everything an operator needs beside it, presence (who else has it open) and saved views. Every read is
// narrowed to the units where the caller holds inbox.read: a pengelola of one unit never sees another unit's items.
import type { Clock } from '../../clock.ts'
import type { DefinitionOverrides } from '../../connectors/registry.ts'
import { capabilitiesOf } from '../../connectors/registry.ts'
import type { ConnectorCapabilities } from '../../connectors/connector.ts'
import type { Db } from '../../db/client.ts'
import { getAccount } from '../../db/accounts-repository.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import {
  countInboxItems,
  deleteSavedView,
  getAuthorHistory,
  getHoaxClaimSummary,
  getInboxItem,
  getThreadItems,
  getThreadNotes,
  getThreadReplies,
  leavePresence,
  listInboxItems,
  listSavedViews,
  saveView,
  threadPresence,
  touchPresence,
  type InboxKeyset,
  type InboxListFilter,
  type InboxListRow,
  type PresenceRow,
} from '../../db/inbox-work-repository.ts'
import { getLaporReferralByItem } from '../../db/lapor-referrals-repository.ts'
import { getPpidCaseByItem } from '../../db/ppid-cases-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import { findUserById } from '../../db/users-repository.ts'
import type { InboxStatus } from '../../shared/statuses.ts'
import { authorize, can, unitScope, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { loadWorkingCalendar } from '../calendar/manage-calendar.ts'
import { toReferralView, type LaporStatus } from '../lapor/manage-referrals.ts'
import { toCaseView, todayOf, type ClockState, type PpidStatus } from '../ppid/manage-cases.ts'

export interface InboxDeps {
  db: Db
  clock: Clock
  connectors?: DefinitionOverrides | undefined
}

/** A heartbeat older than this means the operator left (the screen beats every 10 s). */
export const PRESENCE_TTL_MS = 30_000

export interface InboxQuery {
  status?: readonly InboxStatus[] | undefined
  unitId?: string | undefined
  accountId?: string | undefined
  platform?: string | undefined
  intent?: string | undefined
  sentiment?: string | undefined
  assigned?: 'me' | 'unassigned' | undefined
  hoax?: boolean | undefined
  label?: string | undefined
  q?: string | undefined
  pendingReply?: boolean | undefined
}

export interface InboxPage {
  items: InboxListRow[]
  /** Pass back as `after` for the next page; null at the end. */
  next: string | null
}

/** The statuses still waiting for the office, the list's default. */
export const ACTIVE_STATUSES: readonly InboxStatus[] = ['new', 'open']

export function readScope(actor: Actor): string[] {
  const scope = unitScope(actor, 'inbox.read')
  if (scope.pathPrefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action: 'inbox.read' })
  return scope.pathPrefixes
}

async function filterOf(deps: InboxDeps, actor: Actor, query: InboxQuery): Promise<InboxListFilter> {
  const pathPrefixes = readScope(actor)
  let unitPath: string | undefined
  if (query.unitId) {
    const unit = await getUnit(deps.db, actor.instansiId, query.unitId)
    if (!unit) throw new AppError('not_found', 'common.not_found')
    authorize(actor, 'inbox.read', { instansiId: actor.instansiId, unitPath: unit.path })
    unitPath = unit.path
  }
  return {
    instansiId: actor.instansiId,
    pathPrefixes,
    statuses: query.status && query.status.length > 0 ? query.status : ACTIVE_STATUSES,
    unitPath,
    accountId: query.accountId,
    platform: query.platform,
    intent: query.intent,
    sentiment: query.sentiment,
    assignedUserId: query.assigned === 'me' ? actor.userId : undefined,
    unassigned: query.assigned === 'unassigned',
    hoax: query.hoax,
    label: query.label?.trim() || undefined,
    query: query.q?.trim() || undefined,
    pendingReply: query.pendingReply,
  }
}

/** The keyset as an opaque token: `<sla ms or ->.<priority>.<id>`. */
export function encodeKeyset(row: Pick<InboxListRow, 'slaDueAt' | 'priority' | 'id'>): string {
  return Buffer.from(`${row.slaDueAt?.getTime() ?? '-'}.${row.priority}.${row.id}`).toString('base64url')
}

export function decodeKeyset(token: string): InboxKeyset {
  const match = /^(-|\d+)\.(-?\d+)\.([0-9a-f-]{36})$/.exec(Buffer.from(token, 'base64url').toString())
  if (!match) throw new AppError('invalid_input', 'inbox.bad_cursor')
  return {
    slaDueAt: match[1] === '-' ? null : new Date(Number(match[1])),
    priority: Number(match[2]),
    id: match[3]!,
  }
}

export async function listInbox(
  deps: InboxDeps,
  actor: Actor,
  query: InboxQuery,
  page: { limit: number; after?: string | undefined },
): Promise<InboxPage> {
  const filter = await filterOf(deps, actor, query)
  const after = page.after ? decodeKeyset(page.after) : null
  // One more than asked tells whether there is a next page without counting.
  const rows = await listInboxItems(deps.db, filter, after, page.limit + 1)
  const items = rows.slice(0, page.limit)
  const last = items.at(-1)
  return { items, next: rows.length > page.limit && last ? encodeKeyset(last) : null }
}

export async function countInbox(deps: InboxDeps, actor: Actor, query: InboxQuery) {
  return countInboxItems(deps.db, await filterOf(deps, actor, query), actor.userId)
}

/** An item the actor may read, or not found (an item of another unit is not told apart from none). */
export async function readableItem(deps: InboxDeps, actor: Actor, id: string): Promise<InboxItemRow> {
  const item = await getInboxItem(deps.db, actor.instansiId, id)
  if (!item || !can(actor, 'inbox.read', { instansiId: item.instansiId, unitPath: item.unitPath }))
    throw new AppError('not_found', 'inbox.item_not_found')
  return item
}

export interface InboxActions {
  reply: boolean
  hide: boolean
  delete: boolean
  work: boolean
  approve: boolean
}

/** What the actor may do to the item here, and what its platform allows (the screen offers nothing else). */
export function actionsOn(
  actor: Actor,
  item: InboxItemRow,
  capabilities: ConnectorCapabilities | undefined,
): InboxActions {
  const target = { instansiId: item.instansiId, unitPath: item.unitPath }
  const work = can(actor, 'inbox.reply', target)
  const gone = item.deletedAt !== null
  return {
    work,
    reply: work && !gone && capabilities?.reply === true,
    hide: work && !gone && item.hiddenAt === null && capabilities?.hideReply === true,
    delete: work && !gone && capabilities?.deleteReply === true,
    approve: can(actor, 'post.approve', target),
  }
}

/** Where the item already went: its PPID case and its SP4N-LAPOR! referral, with where their clocks stand. */
export interface ItemHandoff {
  ppidCase: {
    id: string
    registrationNumber: string
    status: PpidStatus
    clockState: ClockState
    deadline: string | null
  } | null
  laporReferral: {
    id: string
    laporTrackingId: string | null
    status: LaporStatus
    outOfScope: string | null
    clockState: ClockState
    deadline: string | null
  } | null
}

async function handoffOf(deps: InboxDeps, item: InboxItemRow): Promise<ItemHandoff> {
  const [ppidCase, referral] = await Promise.all([
    getPpidCaseByItem(deps.db, item.instansiId, item.id),
    getLaporReferralByItem(deps.db, item.instansiId, item.id),
  ])
  if (!ppidCase && !referral) return { ppidCase: null, laporReferral: null }
  const [today, calendar] = await Promise.all([
    todayOf(deps.db, item.instansiId, deps.clock.now()),
    loadWorkingCalendar(deps.db, item.instansiId),
  ])
  const caseView = ppidCase ? toCaseView(ppidCase, today, calendar) : null
  const referralView = referral ? toReferralView(referral, today, calendar) : null
  return {
    ppidCase: caseView && {
      id: caseView.id,
      registrationNumber: caseView.registrationNumber,
      status: caseView.status,
      clockState: caseView.clock.state,
      deadline: caseView.clock.deadline,
    },
    laporReferral: referralView && {
      id: referralView.id,
      laporTrackingId: referralView.laporTrackingId,
      status: referralView.status,
      outOfScope: referralView.outOfScope,
      clockState: referralView.clock.state,
      deadline: referralView.clock.deadline,
    },
  }
}

export async function openThread(deps: InboxDeps, actor: Actor, id: string) {
  const item = await readableItem(deps, actor, id)
  const now = deps.clock.now()
  const staleBefore = new Date(now.getTime() - PRESENCE_TTL_MS)
  const openedAt = await touchPresence(
    deps.db,
    {
      threadId: item.threadId,
      userId: actor.userId,
      instansiId: item.instansiId,
      unitPath: item.unitPath,
      itemId: item.id,
      typing: false,
    },
    now,
    staleBefore,
  )
  const pathPrefixes = readScope(actor)
  const [thread, replies, notes, history, presence, account, unit, assignee, claim, handoff] =
    await Promise.all([
      getThreadItems(deps.db, actor.instansiId, item.threadId),
      getThreadReplies(deps.db, actor.instansiId, item.threadId),
      getThreadNotes(deps.db, actor.instansiId, item.threadId),
      getAuthorHistory(deps.db, item, pathPrefixes),
      threadPresence(deps.db, actor.instansiId, item.threadId, staleBefore),
      getAccount(deps.db, actor.instansiId, item.accountId),
      getUnit(deps.db, actor.instansiId, item.unitId),
      item.assignedUserId ? findUserById(deps.db, actor.instansiId, item.assignedUserId) : undefined,
      item.hoaxClaimId ? getHoaxClaimSummary(deps.db, actor.instansiId, item.hoaxClaimId) : undefined,
      handoffOf(deps, item),
    ])
  const capabilities = capabilitiesOf(item.platform, deps.connectors)
  return {
    item,
    // Other items of the thread the caller may not read stay out (a thread belongs to one account, so one unit;
    // a routing rule may still have moved one item elsewhere).
    thread: thread.filter((row) =>
      can(actor, 'inbox.read', { instansiId: row.instansiId, unitPath: row.unitPath }),
    ),
    replies,
    notes,
    history,
    others: presence.filter((row) => row.userId !== actor.userId),
    openedAt,
    account: account
      ? { id: account.id, platform: account.platform, handle: account.handle, url: account.url }
      : null,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
    claim: claim ?? null,
    handoff,
    capabilities: capabilities
      ? {
          reply: capabilities.reply,
          hideReply: capabilities.hideReply,
          deleteReply: capabilities.deleteReply,
          maxTextLength: capabilities.maxTextLength,
          textCounting: capabilities.textCounting,
        }
      : null,
    actions: actionsOn(actor, item, capabilities),
  }
}

/** The screen's heartbeat while a thread is open (typing or not): answers who else is there. */
export async function heartbeat(
  deps: InboxDeps,
  actor: Actor,
  id: string,
  state: { typing: boolean; leaving?: boolean | undefined },
): Promise<PresenceRow[]> {
  const item = await readableItem(deps, actor, id)
  const now = deps.clock.now()
  const staleBefore = new Date(now.getTime() - PRESENCE_TTL_MS)
  if (state.leaving) await leavePresence(deps.db, actor.instansiId, item.threadId, actor.userId)
  else
    await touchPresence(
      deps.db,
      {
        threadId: item.threadId,
        userId: actor.userId,
        instansiId: item.instansiId,
        unitPath: item.unitPath,
        itemId: item.id,
        typing: state.typing,
      },
      now,
      staleBefore,
    )
  const rows = await threadPresence(deps.db, actor.instansiId, item.threadId, staleBefore)
  return rows.filter((row) => row.userId !== actor.userId)
}

export async function savedViewsOf(deps: InboxDeps, actor: Actor) {
  readScope(actor)
  return listSavedViews(deps.db, actor.instansiId, actor.userId)
}

export async function saveViewFor(deps: InboxDeps, actor: Actor, view: { name: string; query: string }) {
  readScope(actor)
  return saveView(
    deps.db,
    { instansiId: actor.instansiId, userId: actor.userId, name: view.name.trim(), query: view.query },
    deps.clock.now(),
  )
}

export async function deleteViewOf(deps: InboxDeps, actor: Actor, id: string): Promise<void> {
  if (!(await deleteSavedView(deps.db, actor.instansiId, actor.userId, id)))
    throw new AppError('not_found', 'common.not_found')
}
