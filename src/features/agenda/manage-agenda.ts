// The digital agenda: an agenda item is one narrative (title, key messages, assets from the media library, source,
// deadline, optionally the central office's own post) issued by a unit and fanned out as amplification tasks to
// units or accounts (assign-agenda-tasks.ts). Who runs it: `agenda.manage` (penanggung jawab, admin) at the unit
// that owns it. Who sees it: whoever manages or reads posts at that unit, and the units that have a task (their
// rows of the board only). Every change is audited; an item is closed, never deleted.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import {
  getAgendaItem,
  insertAgendaItem,
  listAgendaItems,
  listAgendaTaskPosts,
  listAgendaTasks,
  lockAgendaItem,
  updateAgendaItem,
  type AgendaItemFields,
  type AgendaItemRecord,
  type AgendaItemRow,
  type AgendaTaskRecord,
} from '../../db/agenda-items-repository.ts'
import type { Db } from '../../db/client.ts'
import { getMediaByIds } from '../../db/media-repository.ts'
import { getPost, variantsOf } from '../../db/posts-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import type {
  AgendaBoardStatus,
  AgendaItemStatus,
  AgendaTaskMode,
  AgendaTaskState,
} from '../../shared/agenda.ts'
import { can, unitScope, type Action, type Actor } from '../access/policy.ts'
import { AppError, problem, type Problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { mediaUrl } from '../posts/manage-posts.ts'
import { boardStatusOf, boardTotalsOf, taskProgressOf, type BoardTotals } from './agenda-board.ts'
import { assignTasksInTransaction, type AgendaTargets, type AssignResult } from './assign-agenda-tasks.ts'

export interface AgendaDeps {
  db: Db
  clock: Clock
  /** Whether this deployment can send mail (SMTP configured): task notices then go out by e-mail too. */
  mailEnabled?: boolean | undefined
}

export const AGENDA_LIMITS = {
  title: 300,
  keyMessages: 10,
  keyMessage: 1000,
  source: 2000,
  media: 10,
} as const

export interface AgendaItemInput {
  unitId: string
  title: string
  keyMessages: string[]
  mediaIds: string[]
  source: string
  centralPostId: string | null
  deadline: string
}

export interface AgendaMediaView {
  mediaId: string
  kind: 'image' | 'video'
  url: string
  thumbnailUrl: string | null
}

export interface AgendaItemView {
  id: string
  unit: { id: string; code: string; name: string }
  title: string
  keyMessages: string[]
  media: AgendaMediaView[]
  source: string
  centralPost: { id: string; title: string; url: string | null } | null
  deadline: string
  status: AgendaItemStatus
  createdBy: string | null
  createdAt: string
  updatedAt: string
  closedAt: string | null
  /** The caller may change, close, reopen and hand out tasks. */
  canManage: boolean
  totals: BoardTotals
}

export interface AgendaBoardRow {
  taskId: string
  unit: { id: string; code: string; name: string }
  account: { id: string; platform: string; handle: string } | null
  state: AgendaTaskState
  boardStatus: AgendaBoardStatus
  completedAt: string | null
  reach: number
  posts: Array<{ id: string; title: string; status: string; mode: AgendaTaskMode }>
  /** The caller may start a post for it (post.create at its unit, the item open, no post under way). */
  canWork: boolean
}

export interface AgendaBoardView extends AgendaItemView {
  rows: AgendaBoardRow[]
}

/** Where the caller sees whole items (their owning unit) and where only the tasks of their units. */
function scopesOf(actor: Actor) {
  const union = (...lists: string[][]) => [...new Set(lists.flat())]
  return {
    owner: union(unitScope(actor, 'agenda.manage').pathPrefixes, unitScope(actor, 'post.read').pathPrefixes),
    task: union(unitScope(actor, 'post.create').pathPrefixes, unitScope(actor, 'post.read').pathPrefixes),
  }
}

const within = (path: string, prefixes: readonly string[]) =>
  prefixes.some((prefix) => path.startsWith(prefix))

export function mayManageAgenda(actor: Actor, unitPath: string): boolean {
  return can(actor, 'agenda.manage', { instansiId: actor.instansiId, unitPath })
}

/** Refused with the action named, as the policy does (a permission, not an audit action). */
export function forbidden(action: Action): AppError {
  return new AppError('forbidden', 'common.forbidden_action', { action })
}

const MANAGE: Action = 'agenda.manage'
const READ: Action = 'post.read'

export function requireAgendaManager(actor: Actor, item: { unitPath: string }): void {
  if (!mayManageAgenda(actor, item.unitPath)) throw forbidden(MANAGE)
}

/** Checks an item's fields; throws with every problem by field. */
async function checkItemInput(
  deps: AgendaDeps,
  actor: Actor,
  input: AgendaItemInput,
  options: { current?: AgendaItemRow },
): Promise<AgendaItemFields> {
  const problems: Record<string, Problem> = {}
  const unit = await getUnit(deps.db, actor.instansiId, input.unitId)
  // A unit id that is not this instansi's is not found, as everywhere (ids cannot be probed across instansi).
  if (!unit) throw new AppError('not_found', 'common.not_found')
  if (!mayManageAgenda(actor, unit.path) || (unit.archivedAt && unit.id !== options.current?.unitId))
    problems.unitId = problem('agenda.unit_not_allowed')
  const title = input.title.trim()
  if (!title || title.length > AGENDA_LIMITS.title) problems.title = problem('agenda.title_required')
  const keyMessages = input.keyMessages.map((message) => message.trim()).filter(Boolean)
  if (keyMessages.length === 0) problems.keyMessages = problem('agenda.key_messages_required')
  const deadline = new Date(input.deadline)
  const deadlineChanged = options.current?.deadline.getTime() !== deadline.getTime()
  if (deadlineChanged && deadline.getTime() <= deps.clock.now().getTime())
    problems.deadline = problem('agenda.deadline_past')
  const mediaIds = [...new Set(input.mediaIds)]
  const found = new Set((await getMediaByIds(deps.db, actor.instansiId, mediaIds)).map((row) => row.id))
  mediaIds.forEach((id, index) => {
    if (!found.has(id)) problems[`mediaIds.${index}`] = problem('agenda.media_not_found')
  })
  if (input.centralPostId && !(await getPost(deps.db, actor.instansiId, input.centralPostId)))
    problems.centralPostId = problem('agenda.central_post_not_found')
  // A media or post id that is not this instansi's is answered like any other instansi's id: not found (the form
  // offers only the instansi's own, so only a probe sends one).
  const unknown = Object.values(problems).find(
    (found) => found.key === 'agenda.media_not_found' || found.key === 'agenda.central_post_not_found',
  )
  if (unknown) throw new AppError('not_found', unknown.key, undefined, problems)
  if (Object.keys(problems).length > 0)
    throw new AppError('invalid_input', 'agenda.invalid', { count: Object.keys(problems).length }, problems)
  return {
    unitId: unit.id,
    title,
    keyMessages,
    mediaIds,
    source: input.source.trim(),
    centralPostId: input.centralPostId,
    deadline,
  }
}

function itemSnapshot(fields: AgendaItemFields): Record<string, unknown> {
  return { ...fields, deadline: fields.deadline.toISOString() }
}

export async function createAgendaItem(
  deps: AgendaDeps,
  actor: Actor,
  input: AgendaItemInput & { targets: AgendaTargets },
  meta: ChangeMeta,
): Promise<AgendaBoardView & { assigned: AssignResult }> {
  if (unitScope(actor, MANAGE).pathPrefixes.length === 0) throw forbidden(MANAGE)
  const fields = await checkItemInput(deps, actor, input, {})
  const id = randomUUID()
  const now = deps.clock.now()
  const assigned = await deps.db.transaction(async (tx) => {
    await insertAgendaItem(tx, {
      ...fields,
      id,
      instansiId: actor.instansiId,
      createdBy: actor.userId || null,
      now,
    })
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'agenda_item.create', objectType: 'agenda_item', objectId: id, after: itemSnapshot(fields) },
      now,
    )
    const item = (await lockAgendaItem(tx, actor.instansiId, id))!
    return assignTasksInTransaction(tx, deps, actor, item, input.targets, meta, now)
  })
  return { ...(await getAgendaBoard(deps, actor, id)), assigned }
}

export async function updateAgendaItemFields(
  deps: AgendaDeps,
  actor: Actor,
  id: string,
  input: AgendaItemInput,
  meta: ChangeMeta,
): Promise<AgendaBoardView> {
  const record = await loadItem(deps.db, actor, id)
  requireAgendaManager(actor, record)
  const fields = await checkItemInput(deps, actor, input, { current: record })
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = await lockAgendaItem(tx, actor.instansiId, id)
    if (!row) throw new AppError('not_found', 'agenda.not_found')
    await updateAgendaItem(tx, actor.instansiId, id, { ...fields, now })
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'agenda_item.update',
        objectType: 'agenda_item',
        objectId: id,
        before: itemSnapshot(row),
        after: itemSnapshot(fields),
      },
      now,
    )
  })
  return getAgendaBoard(deps, actor, id)
}

/** Close (no new posts are started for it; the board stays) or reopen. */
export async function setAgendaItemClosed(
  deps: AgendaDeps,
  actor: Actor,
  id: string,
  closed: boolean,
  meta: ChangeMeta,
): Promise<AgendaBoardView> {
  const record = await loadItem(deps.db, actor, id)
  requireAgendaManager(actor, record)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = await lockAgendaItem(tx, actor.instansiId, id)
    if (!row) throw new AppError('not_found', 'agenda.not_found')
    const target: AgendaItemStatus = closed ? 'closed' : 'open'
    if (row.status === target)
      throw new AppError('conflict', closed ? 'agenda.already_closed' : 'agenda.not_closed')
    await updateAgendaItem(tx, actor.instansiId, id, { status: target, closedAt: closed ? now : null, now })
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: closed ? 'agenda_item.close' : 'agenda_item.reopen',
        objectType: 'agenda_item',
        objectId: id,
        before: { title: row.title, status: row.status },
        after: { title: row.title, status: target },
      },
      now,
    )
  })
  return getAgendaBoard(deps, actor, id)
}

/** The item if the caller may see it at all (its owning unit, or a task of theirs). */
export async function loadItem(db: Db, actor: Actor, id: string): Promise<AgendaItemRecord> {
  const record = await getAgendaItem(db, actor.instansiId, id)
  if (!record) throw new AppError('not_found', 'agenda.not_found')
  return record
}

async function centralPostOf(
  db: Db,
  actor: Actor,
  postId: string | null,
): Promise<AgendaItemView['centralPost']> {
  if (!postId) return null
  const post = await getPost(db, actor.instansiId, postId)
  if (!post) return null
  const variants = await variantsOf(db, actor.instansiId, [postId])
  const published = variants.find((variant) => variant.status === 'published' && variant.platformPostUrl)
  return { id: post.id, title: post.title, url: published?.platformPostUrl ?? null }
}

async function boardRowsOf(
  deps: AgendaDeps,
  actor: Actor,
  items: readonly AgendaItemRecord[],
): Promise<Map<string, Array<AgendaBoardRow & { unitPath: string }>>> {
  const tasks = await listAgendaTasks(
    deps.db,
    actor.instansiId,
    items.map((item) => item.id),
  )
  const links = await listAgendaTaskPosts(
    deps.db,
    actor.instansiId,
    tasks.map((task) => task.id),
  )
  const variants = await variantsOf(
    deps.db,
    actor.instansiId,
    links.map((link) => link.postId),
  )
  const now = deps.clock.now()
  const byItem = new Map<string, Array<AgendaBoardRow & { unitPath: string }>>()
  const itemsById = new Map(items.map((item) => [item.id, item]))
  for (const task of tasks) {
    const item = itemsById.get(task.agendaItemId)!
    const taskLinks = links.filter((link) => link.taskId === task.id)
    const progress = taskProgressOf(
      taskLinks.map((link) => ({
        status: link.postStatus,
        variants: variants.filter((variant) => variant.postId === link.postId),
      })),
    )
    const row = {
      taskId: task.id,
      unitPath: task.unitPath,
      unit: { id: task.unitId, code: task.unitCode, name: task.unitName },
      account:
        task.accountId && task.accountPlatform && task.accountHandle
          ? { id: task.accountId, platform: task.accountPlatform, handle: task.accountHandle }
          : null,
      state: progress.state,
      boardStatus: boardStatusOf(progress, item.deadline, now),
      completedAt: progress.completedAt?.toISOString() ?? null,
      reach: progress.reach,
      posts: taskLinks.map((link) => ({
        id: link.postId,
        title: link.postTitle,
        status: link.postStatus,
        mode: link.mode,
      })),
      canWork: item.status === 'open' && progress.state === 'not_started' && mayWorkTask(actor, task),
    }
    byItem.set(item.id, [...(byItem.get(item.id) ?? []), row])
  }
  return byItem
}

export function mayWorkTask(actor: Actor, task: Pick<AgendaTaskRecord, 'unitPath'>): boolean {
  return can(actor, 'post.create', { instansiId: actor.instansiId, unitPath: task.unitPath })
}

async function toViews(
  deps: AgendaDeps,
  actor: Actor,
  items: readonly AgendaItemRecord[],
): Promise<AgendaBoardView[]> {
  const scopes = scopesOf(actor)
  const rows = await boardRowsOf(deps, actor, items)
  const media = new Map(
    (
      await getMediaByIds(
        deps.db,
        actor.instansiId,
        items.flatMap((item) => item.mediaIds),
      )
    ).map((row) => [row.id, row]),
  )
  const views: AgendaBoardView[] = []
  for (const item of items) {
    const all = rows.get(item.id) ?? []
    // Units with a task see their own rows; whoever sees the owning unit sees the whole board.
    const visible = (
      within(item.unitPath, scopes.owner) ? all : all.filter((row) => within(row.unitPath, scopes.task))
    ).map(({ unitPath: _unitPath, ...row }) => row)
    views.push({
      id: item.id,
      unit: { id: item.unitId, code: item.unitCode, name: item.unitName },
      title: item.title,
      keyMessages: item.keyMessages,
      media: item.mediaIds.flatMap((mediaId) => {
        const row = media.get(mediaId)
        if (!row) return []
        return [
          {
            mediaId,
            kind: row.kind as 'image' | 'video',
            url: mediaUrl(mediaId),
            thumbnailUrl: row.thumbnailKey ? `${mediaUrl(mediaId)}/thumbnail` : null,
          },
        ]
      }),
      source: item.source,
      centralPost: await centralPostOf(deps.db, actor, item.centralPostId),
      deadline: item.deadline.toISOString(),
      status: item.status,
      createdBy: item.createdByName,
      createdAt: item.createdAt.toISOString(),
      updatedAt: item.updatedAt.toISOString(),
      closedAt: item.closedAt?.toISOString() ?? null,
      canManage: mayManageAgenda(actor, item.unitPath),
      totals: boardTotalsOf(visible),
      rows: visible,
    })
  }
  return views
}

export async function getAgendaBoard(deps: AgendaDeps, actor: Actor, id: string): Promise<AgendaBoardView> {
  const item = await loadItem(deps.db, actor, id)
  const [view] = await toViews(deps, actor, [item])
  const scopes = scopesOf(actor)
  if (!within(item.unitPath, scopes.owner) && view!.rows.length === 0) throw forbidden(READ)
  return view!
}

export async function listAgendaViews(
  deps: AgendaDeps,
  actor: Actor,
  filter: { status?: AgendaItemStatus | undefined },
): Promise<{ items: AgendaItemView[]; canCreate: boolean }> {
  const scopes = scopesOf(actor)
  const items = await listAgendaItems(
    deps.db,
    {
      instansiId: actor.instansiId,
      ownerPrefixes: scopes.owner,
      taskPrefixes: scopes.task,
      status: filter.status,
    },
    200,
  )
  const views = await toViews(deps, actor, items)
  return {
    items: views.map(({ rows: _rows, ...view }) => view),
    canCreate: unitScope(actor, 'agenda.manage').pathPrefixes.length > 0,
  }
}
