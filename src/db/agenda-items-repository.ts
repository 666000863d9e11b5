// The agenda_items table with its child tables agenda_tasks (an item's amplification tasks) and agenda_task_posts
// (the posts a task produced): neither exists without its parent. Every query filters on instansi_id; lists are
// narrowed to the unit subtrees the caller may see through the units' materialised paths.
import { and, asc, desc, eq, exists, inArray, or, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from './client.ts'
import { accounts, agendaItems, agendaTaskPosts, agendaTasks, posts, units, users } from './schema/index.ts'
import { pathWithin } from './sql-helpers.ts'

export type AgendaItemRow = typeof agendaItems.$inferSelect
export type AgendaTaskRow = typeof agendaTasks.$inferSelect

export interface AgendaItemRecord extends AgendaItemRow {
  unitPath: string
  unitCode: string
  unitName: string
  createdByName: string | null
}

/** The fields a person sets; the rest (ids, who, when) the feature fills in. */
export interface AgendaItemFields {
  unitId: string
  title: string
  keyMessages: string[]
  mediaIds: string[]
  source: string
  centralPostId: string | null
  deadline: Date
}

export interface AgendaTaskRecord extends AgendaTaskRow {
  unitPath: string
  unitCode: string
  unitName: string
  accountPlatform: string | null
  accountHandle: string | null
}

export interface AgendaTaskPostRecord {
  taskId: string
  postId: string
  mode: 'adapt' | 'repost'
  postStatus: string
  postTitle: string
  createdAt: Date
}

const taskUnit = alias(units, 'task_unit')

function selectItems(db: Db) {
  return db
    .select({
      item: agendaItems,
      unitPath: units.path,
      unitCode: units.code,
      unitName: units.name,
      createdByName: users.name,
    })
    .from(agendaItems)
    .innerJoin(units, eq(units.id, agendaItems.unitId))
    .leftJoin(users, eq(users.id, agendaItems.createdBy))
}

type ItemSelection = Awaited<ReturnType<ReturnType<typeof selectItems>['where']>>[number]

const toItemRecord = (row: ItemSelection): AgendaItemRecord => ({
  ...row.item,
  unitPath: row.unitPath,
  unitCode: row.unitCode,
  unitName: row.unitName,
  createdByName: row.createdByName,
})

export async function insertAgendaItem(
  db: Db,
  row: AgendaItemFields & { id: string; instansiId: string; createdBy: string | null; now: Date },
): Promise<void> {
  const { now, ...fields } = row
  await db.insert(agendaItems).values({ ...fields, createdAt: now, updatedAt: now })
}

export async function updateAgendaItem(
  db: Db,
  instansiId: string,
  id: string,
  change: Partial<AgendaItemFields> & { status?: 'open' | 'closed'; closedAt?: Date | null; now: Date },
): Promise<void> {
  const { now, ...fields } = change
  await db
    .update(agendaItems)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(agendaItems.instansiId, instansiId), eq(agendaItems.id, id)))
}

export async function getAgendaItem(
  db: Db,
  instansiId: string,
  id: string,
): Promise<AgendaItemRecord | undefined> {
  const [row] = await selectItems(db).where(
    and(eq(agendaItems.instansiId, instansiId), eq(agendaItems.id, id)),
  )
  return row && toItemRecord(row)
}

/** The row locked for a change, so two changes of one item are applied one after the other. */
export async function lockAgendaItem(
  db: Db,
  instansiId: string,
  id: string,
): Promise<AgendaItemRow | undefined> {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.instansiId, instansiId), eq(agendaItems.id, id)))
    .for('update')
  return row
}

export interface AgendaItemFilter {
  instansiId: string
  /** Items owned by units in these subtrees are listed. */
  ownerPrefixes: readonly string[]
  /** Items with a task for a unit in these subtrees are listed too. */
  taskPrefixes: readonly string[]
  status?: 'open' | 'closed' | undefined
}

/** Nearest deadline first among open items; the most recent first once closed. */
export async function listAgendaItems(
  db: Db,
  filter: AgendaItemFilter,
  limit: number,
): Promise<AgendaItemRecord[]> {
  const hasTaskInScope = exists(
    db
      .select({ id: agendaTasks.id })
      .from(agendaTasks)
      .innerJoin(taskUnit, eq(taskUnit.id, agendaTasks.unitId))
      .where(
        and(
          eq(agendaTasks.instansiId, filter.instansiId),
          eq(agendaTasks.agendaItemId, agendaItems.id),
          pathWithin(taskUnit.path, filter.taskPrefixes),
        ),
      ),
  )
  const conditions: SQL[] = [
    eq(agendaItems.instansiId, filter.instansiId),
    or(pathWithin(units.path, filter.ownerPrefixes), hasTaskInScope)!,
  ]
  if (filter.status) conditions.push(eq(agendaItems.status, filter.status))
  const rows = await selectItems(db)
    .where(and(...conditions))
    .orderBy(desc(agendaItems.status), asc(agendaItems.deadline), asc(agendaItems.id))
    .limit(limit)
  return rows.map(toItemRecord)
}

/** Adds the tasks an item does not have yet (one per unit, one per account); returns the ids added. */
export async function insertAgendaTasks(
  db: Db,
  rows: ReadonlyArray<{
    id: string
    instansiId: string
    agendaItemId: string
    unitId: string
    accountId: string | null
    createdBy: string | null
    now: Date
  }>,
): Promise<string[]> {
  if (rows.length === 0) return []
  const inserted = await db
    .insert(agendaTasks)
    .values(rows.map(({ now, ...row }) => ({ ...row, createdAt: now })))
    .onConflictDoNothing()
    .returning({ id: agendaTasks.id })
  return inserted.map((row) => row.id)
}

function selectTasks(db: Db) {
  return db
    .select({
      task: agendaTasks,
      unitPath: units.path,
      unitCode: units.code,
      unitName: units.name,
      accountPlatform: accounts.platform,
      accountHandle: accounts.handle,
      accountHandleDisplay: accounts.handleDisplay,
    })
    .from(agendaTasks)
    .innerJoin(units, eq(units.id, agendaTasks.unitId))
    .leftJoin(accounts, eq(accounts.id, agendaTasks.accountId))
}

type TaskSelection = Awaited<ReturnType<ReturnType<typeof selectTasks>['where']>>[number]

const toTaskRecord = (row: TaskSelection): AgendaTaskRecord => ({
  ...row.task,
  unitPath: row.unitPath,
  unitCode: row.unitCode,
  unitName: row.unitName,
  accountPlatform: row.accountPlatform,
  accountHandle: row.accountHandleDisplay ?? row.accountHandle,
})

/** The tasks of these items, by unit path (the tree's order), a unit's own task before its accounts'. */
export async function listAgendaTasks(
  db: Db,
  instansiId: string,
  itemIds: readonly string[],
): Promise<AgendaTaskRecord[]> {
  if (itemIds.length === 0) return []
  const rows = await selectTasks(db)
    .where(and(eq(agendaTasks.instansiId, instansiId), inArray(agendaTasks.agendaItemId, [...itemIds])))
    .orderBy(asc(units.path), asc(accounts.handle), asc(agendaTasks.id))
  return rows.map(toTaskRecord)
}

export async function getAgendaTask(
  db: Db,
  instansiId: string,
  id: string,
): Promise<AgendaTaskRecord | undefined> {
  const [row] = await selectTasks(db).where(
    and(eq(agendaTasks.instansiId, instansiId), eq(agendaTasks.id, id)),
  )
  return row && toTaskRecord(row)
}

/** The task row locked while a post is made for it, so two clicks cannot make two drafts. */
export async function lockAgendaTask(
  db: Db,
  instansiId: string,
  id: string,
): Promise<AgendaTaskRow | undefined> {
  const [row] = await db
    .select()
    .from(agendaTasks)
    .where(and(eq(agendaTasks.instansiId, instansiId), eq(agendaTasks.id, id)))
    .for('update')
  return row
}

export async function insertAgendaTaskPost(
  db: Db,
  row: { postId: string; instansiId: string; taskId: string; mode: 'adapt' | 'repost'; now: Date },
): Promise<void> {
  const { now, ...fields } = row
  await db.insert(agendaTaskPosts).values({ ...fields, createdAt: now })
}

/** The posts these tasks produced with their status, oldest first. */
export async function listAgendaTaskPosts(
  db: Db,
  instansiId: string,
  taskIds: readonly string[],
): Promise<AgendaTaskPostRecord[]> {
  if (taskIds.length === 0) return []
  const rows = await db
    .select({
      taskId: agendaTaskPosts.taskId,
      postId: agendaTaskPosts.postId,
      mode: agendaTaskPosts.mode,
      postStatus: posts.status,
      postTitle: posts.title,
      createdAt: agendaTaskPosts.createdAt,
    })
    .from(agendaTaskPosts)
    .innerJoin(posts, eq(posts.id, agendaTaskPosts.postId))
    .where(and(eq(agendaTaskPosts.instansiId, instansiId), inArray(agendaTaskPosts.taskId, [...taskIds])))
    .orderBy(asc(agendaTaskPosts.createdAt), asc(agendaTaskPosts.postId))
  return rows
}
