// The routing_rules table (an instansi's ordered routing rules) and the writes routing makes on inbox items.
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from './client.ts'
import { accounts, routingRules, users } from './schema/index.ts'
import { rowsOf } from './sql-helpers.ts'
import { listActiveUnitSummaries } from './units-repository.ts'

export type RoutingRuleRow = typeof routingRules.$inferSelect

export interface RoutingRuleRecord extends RoutingRuleRow {
  createdByName: string | null
  updatedByName: string | null
}

export interface RoutingRuleValues {
  name: string
  enabled: boolean
  conditions: Record<string, unknown>
  action: Record<string, unknown>
}

const creator = alias(users, 'creator')
const updater = alias(users, 'updater')

/** The instansi's rules in the order they are tried. */
export async function listRoutingRules(db: Db, instansiId: string): Promise<RoutingRuleRecord[]> {
  const rows = await db
    .select({ row: routingRules, createdByName: creator.name, updatedByName: updater.name })
    .from(routingRules)
    .leftJoin(creator, eq(creator.id, routingRules.createdBy))
    .leftJoin(updater, eq(updater.id, routingRules.updatedBy))
    .where(eq(routingRules.instansiId, instansiId))
    .orderBy(asc(routingRules.position), asc(routingRules.createdAt), asc(routingRules.id))
  return rows.map(({ row, ...names }) => ({ ...row, ...names }))
}

/** Every rule of the instansi locked, in order: a change of one rule or of the order is applied one at a time. */
export async function lockRoutingRules(db: Db, instansiId: string): Promise<RoutingRuleRow[]> {
  return db
    .select()
    .from(routingRules)
    .where(eq(routingRules.instansiId, instansiId))
    .orderBy(asc(routingRules.position), asc(routingRules.createdAt), asc(routingRules.id))
    .for('update')
}

export async function insertRoutingRule(
  db: Db,
  row: RoutingRuleValues & {
    id: string
    instansiId: string
    position: number
    userId: string | null
    now: Date
  },
): Promise<void> {
  const { userId, now, ...values } = row
  await db
    .insert(routingRules)
    .values({ ...values, createdBy: userId, updatedBy: userId, createdAt: now, updatedAt: now })
}

export async function updateRoutingRule(
  db: Db,
  instansiId: string,
  id: string,
  change: Partial<RoutingRuleValues> & { position?: number; userId: string | null; now: Date },
): Promise<void> {
  const { userId, now, ...values } = change
  await db
    .update(routingRules)
    .set({ ...values, updatedBy: userId, updatedAt: now })
    .where(and(eq(routingRules.instansiId, instansiId), eq(routingRules.id, id)))
}

export async function deleteRoutingRule(db: Db, instansiId: string, id: string): Promise<void> {
  await db.delete(routingRules).where(and(eq(routingRules.instansiId, instansiId), eq(routingRules.id, id)))
}

/**
 * What changes whenever the instansi's rules change (count, latest update): a cached compiled list is rebuilt only
 * when this differs. Every write sets updated_at, a deletion lowers the count.
 */
export async function routingRulesFingerprint(db: Db, instansiId: string): Promise<string> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      latest: sql<string | null>`max(${routingRules.updatedAt})::text`,
    })
    .from(routingRules)
    .where(eq(routingRules.instansiId, instansiId))
  return `${row?.count ?? 0}|${row?.latest ?? ''}`
}

/** Active people holding one of `roles` somewhere (on an active unit): who an item may be assigned to. */
function holdsRole(instansiId: string, roles: readonly string[]) {
  return sql`exists (select 1 from role_grants g join units u on u.id = g.unit_id
    where g.user_id = ${users.id} and g.instansi_id = ${instansiId} and u.archived_at is null
      and g.role in (${sql.join(
        roles.map((role) => sql`${role}`),
        sql`, `,
      )}))`
}

export async function activeUserIds(
  db: Db,
  instansiId: string,
  roles: readonly string[],
): Promise<Set<string>> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.instansiId, instansiId), isNull(users.disabledAt), holdsRole(instansiId, roles)))
  return new Set(rows.map((row) => row.id))
}

export async function accountIdsOf(db: Db, instansiId: string): Promise<Set<string>> {
  const rows = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.instansiId, instansiId))
  return new Set(rows.map((row) => row.id))
}

/** The unit paths where each (active) user holds one of `roles`: whether an item there is theirs to see. */
export async function grantPathsOfUsers(
  db: Db,
  instansiId: string,
  userIds: readonly string[],
  roles: readonly string[],
): Promise<Map<string, string[]>> {
  if (userIds.length === 0) return new Map()
  const rows = rowsOf<{ user_id: string; path: string }>(
    await db.execute(sql`
      select g.user_id, u.path from role_grants g
        join units u on u.id = g.unit_id and u.instansi_id = g.instansi_id
        join users p on p.id = g.user_id
      where g.instansi_id = ${instansiId} and u.archived_at is null and p.disabled_at is null
        and g.user_id in (${sql.join(
          userIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        and g.role in (${sql.join(
          roles.map((role) => sql`${role}`),
          sql`, `,
        )})`),
  )
  const paths = new Map<string, string[]>()
  for (const row of rows) paths.set(row.user_id, [...(paths.get(row.user_id) ?? []), row.path])
  return paths
}

export interface RoutedItemChange {
  id: string
  unitId: string
  unitPath: string
  assignedUserId: string | null
  labels: string[]
  priority: number
}

/** Writes what routing decided for many items in one statement. */
export async function applyRoutedChanges(
  db: Db,
  instansiId: string,
  changes: readonly RoutedItemChange[],
  now: Date,
): Promise<void> {
  if (changes.length === 0) return
  const json = JSON.stringify(
    changes.map((change) => ({
      id: change.id,
      unit_id: change.unitId,
      unit_path: change.unitPath,
      assigned_user_id: change.assignedUserId,
      labels: change.labels,
      priority: change.priority,
    })),
  )
  await db.execute(sql`
    update inbox_items i set unit_id = v.unit_id, unit_path = v.unit_path,
      assigned_user_id = v.assigned_user_id, labels = v.labels, priority = v.priority,
      updated_at = ${now.toISOString()}::timestamptz
    from json_populate_recordset(null::inbox_items, ${json}::json) v
    where i.id = v.id and i.instansi_id = ${instansiId}`)
}

export interface RoutingReferenceRows {
  units: Array<{ id: string; code: string; name: string; path: string }>
  users: Array<{ id: string; name: string; email: string }>
  accounts: Array<{ id: string; platform: string; handle: string }>
}

/** What the rules page offers to pick: the active units, the active people with `roles`, the registered accounts. */
export async function routingReferences(
  db: Db,
  instansiId: string,
  roles: readonly string[],
): Promise<RoutingReferenceRows> {
  const [unitRows, userRows, accountRows] = await Promise.all([
    listActiveUnitSummaries(db, instansiId),
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.instansiId, instansiId), isNull(users.disabledAt), holdsRole(instansiId, roles)))
      .orderBy(asc(users.name)),
    db
      .select({ id: accounts.id, platform: accounts.platform, handle: accounts.handle })
      .from(accounts)
      .where(eq(accounts.instansiId, instansiId))
      .orderBy(asc(accounts.platform), asc(accounts.handle)),
  ])
  return { units: unitRows, users: userRows, accounts: accountRows }
}
