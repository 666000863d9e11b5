// Stores and reads the audit log. It does not hash: the chain's recipe (seq, prev_hash, hash) lives in
// src/features/audit, which computes each entry under the chain lock this file provides (lockAuditChain) and hands
// the finished row to insertAuditRow. Rows are append-only (triggers refuse UPDATE, DELETE and TRUNCATE).
import { and, asc, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { rowsOf } from './sql-helpers.ts'
import { auditLog } from './schema/index.ts'

/** One stored row, every column. */
export interface AuditRow {
  id: number
  /** '<instansi id>' or 'system' for deployment-level events. */
  chain: string
  instansiId: string | null
  seq: number
  occurredAt: Date
  actorUserId: string | null
  /** Human-readable actor as recorded: the user's e-mail, 'system', 'cli', … */
  actorLabel: string
  action: string
  objectType: string
  objectId: string | null
  before: unknown
  after: unknown
  ip: string | null
  userAgent: string | null
  prevHash: string
  hash: string
  /** The recipe the hash was computed with (see features/audit/audit-hash.ts). */
  hashVersion: number
}

/** The last entry of a chain: what the next entry links to. */
export interface AuditHead {
  seq: number
  hash: string
  hashVersion: number
}

export function chainOf(instansiId: string | null): string {
  return instansiId ?? 'system'
}

/**
 * Takes the chain's transaction-scoped advisory lock and returns its head (null for an empty chain). Call inside
 * a transaction: the lock holds until it ends, so no other process appends to this chain in between.
 */
export async function lockAuditChain(tx: Db, chain: string): Promise<AuditHead | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`)
  return readAuditHead(tx, chain)
}

/** The chain's last entry as it stands now (no lock). */
export async function readAuditHead(db: Db, chain: string): Promise<AuditHead | null> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash, hashVersion: auditLog.hashVersion })
    .from(auditLog)
    .where(eq(auditLog.chain, chain))
    .orderBy(desc(auditLog.seq))
    .limit(1)
  return last ?? null
}

/** Reserves the id the next row will have, so the hash can cover it. */
export async function reserveAuditId(tx: Db): Promise<number> {
  const [row] = rowsOf<{ id: number | string }>(
    await tx.execute(sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id`),
  )
  return Number(row!.id)
}

/** Reserves `count` ids at once, in increasing order (appendAuditBatch). */
export async function reserveAuditIds(tx: Db, count: number): Promise<number[]> {
  const rows = rowsOf<{ id: number | string }>(
    await tx.execute(
      sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id from generate_series(1, ${count})`,
    ),
  )
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b)
}

export async function insertAuditRow(tx: Db, row: AuditRow): Promise<void> {
  await tx.insert(auditLog).values(row)
}

/**
 * Inserts finished rows of one chain with one statement and one parameter (the rows as JSON): a multi-row insert
 * with a parameter per cell spends more time building the statement than running it, and on the embedded
 * database that time stalls every other request.
 */
export async function insertAuditRows(tx: Db, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return
  const json = JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      chain: row.chain,
      instansi_id: row.instansiId,
      seq: row.seq,
      occurred_at: row.occurredAt.toISOString(),
      actor_user_id: row.actorUserId,
      actor_label: row.actorLabel,
      action: row.action,
      object_type: row.objectType,
      object_id: row.objectId,
      before: row.before,
      after: row.after,
      ip: row.ip,
      user_agent: row.userAgent,
      prev_hash: row.prevHash,
      hash: row.hash,
      hash_version: row.hashVersion,
    })),
  )
  await tx.execute(sql`insert into audit_log (id, chain, instansi_id, seq, occurred_at, actor_user_id, actor_label,
      action, object_type, object_id, before, after, ip, user_agent, prev_hash, hash, hash_version)
    select id, chain, instansi_id, seq, occurred_at, actor_user_id, actor_label, action, object_type, object_id,
      before, after, ip, user_agent, prev_hash, hash, hash_version
    from json_populate_recordset(null::audit_log, ${json}::json) order by seq`)
}

export async function listAuditChains(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ chain: auditLog.chain }).from(auditLog).orderBy(asc(auditLog.chain))
  return rows.map((row) => row.chain)
}

/**
 * Streams one chain in seq order, in pages, so verification never loads the whole log into memory. `afterSeq`
 * starts after that entry; `throughSeq` stops at that one.
 */
export async function* readAuditChain(
  db: Db,
  chain: string,
  options: { afterSeq?: number; throughSeq?: number; pageSize?: number } = {},
): AsyncGenerator<AuditRow> {
  const pageSize = options.pageSize ?? 2000
  let afterSeq = options.afterSeq ?? 0
  for (;;) {
    const conditions: SQL[] = [eq(auditLog.chain, chain), gt(auditLog.seq, afterSeq)]
    if (options.throughSeq !== undefined) conditions.push(lte(auditLog.seq, options.throughSeq))
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize)
    for (const row of rows) yield toRow(row)
    if (rows.length < pageSize) return
    afterSeq = rows[rows.length - 1]!.seq
  }
}

/** The entry at one position of a chain, if it is there. */
export async function readAuditEntryAt(db: Db, chain: string, seq: number): Promise<AuditRow | null> {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chain, chain), eq(auditLog.seq, seq)))
  return row ? toRow(row) : null
}

function toRow(row: typeof auditLog.$inferSelect): AuditRow {
  return { ...row, before: row.before ?? null, after: row.after ?? null }
}

export interface AuditFilter {
  instansiId: string
  from?: Date | undefined
  to?: Date | undefined
  action?: string | undefined
  objectType?: string | undefined
  actorUserId?: string | undefined
  /** Entries of an actor without a user (cli, system), by the recorded label. */
  actorLabel?: string | undefined
  limit?: number | undefined
  beforeId?: number | undefined
}

function filterConditions(filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [eq(auditLog.instansiId, filter.instansiId)]
  if (filter.from) conditions.push(gte(auditLog.occurredAt, filter.from))
  if (filter.to) conditions.push(lte(auditLog.occurredAt, filter.to))
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType))
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId))
  if (filter.actorLabel)
    conditions.push(and(eq(auditLog.actorLabel, filter.actorLabel), sql`${auditLog.actorUserId} is null`)!)
  if (filter.beforeId) conditions.push(sql`${auditLog.id} < ${filter.beforeId}`)
  return conditions
}

/** Whole entries of one instansi, newest first. */
export async function searchAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...filterConditions(filter)))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 100, 10_000))
  return rows.map(toRow)
}

export async function getAuditEntry(db: Db, instansiId: string, id: number): Promise<AuditRow | null> {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.instansiId, instansiId), eq(auditLog.id, id)))
  return row ? toRow(row) : null
}

/** A viewer row: before/after in full when small, otherwise only their small top-level fields. */
export interface AuditPageRow extends AuditRow {
  /** True when before/after were too big to load whole; `omitted…` name the top-level fields left out. */
  beforeCut: boolean
  afterCut: boolean
  omittedBefore: string[]
  omittedAfter: string[]
}

export interface PageLimits {
  /** A before/after whose stored size is above this is not loaded whole. */
  maxJsonBytes: number
  /** …and of such a one, only top-level fields up to this size are loaded. */
  maxFieldBytes: number
}

/**
 * Entries for the viewer, newest first, without ever loading a huge before/after: a 23 MB import entry comes back
 * as its small top-level fields plus the names of the ones left out (pg_column_size needs no decompression).
 */
export async function searchAuditPage(
  db: Db,
  filter: AuditFilter,
  limits: PageLimits,
): Promise<AuditPageRow[]> {
  const cut = (column: SQL): SQL =>
    sql`case when pg_column_size(${column}) <= ${limits.maxJsonBytes} then ${column}
      when jsonb_typeof(${column}) = 'object' then (select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
        from jsonb_each(${column}) e where pg_column_size(e.value) <= ${limits.maxFieldBytes})
      else null end`
  const omittedOf = (column: SQL): SQL =>
    sql`case when pg_column_size(${column}) > ${limits.maxJsonBytes} and jsonb_typeof(${column}) = 'object'
      then (select coalesce(jsonb_agg(e.key), '[]'::jsonb) from jsonb_each(${column}) e
        where pg_column_size(e.value) > ${limits.maxFieldBytes}) else '[]'::jsonb end`
  const before = sql`${auditLog.before}`
  const after = sql`${auditLog.after}`
  const rows = await db
    .select({
      id: auditLog.id,
      chain: auditLog.chain,
      instansiId: auditLog.instansiId,
      seq: auditLog.seq,
      occurredAt: auditLog.occurredAt,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      before: sql<unknown>`${cut(before)}`,
      after: sql<unknown>`${cut(after)}`,
      beforeCut: sql<boolean>`coalesce(pg_column_size(${before}) > ${limits.maxJsonBytes}, false)`,
      afterCut: sql<boolean>`coalesce(pg_column_size(${after}) > ${limits.maxJsonBytes}, false)`,
      omittedBefore: sql<string[]>`${omittedOf(before)}`,
      omittedAfter: sql<string[]>`${omittedOf(after)}`,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      prevHash: auditLog.prevHash,
      hash: auditLog.hash,
      hashVersion: auditLog.hashVersion,
    })
    .from(auditLog)
    .where(and(...filterConditions(filter)))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 100, 10_000))
  return rows.map(({ omittedBefore, omittedAfter, ...row }) => ({
    ...row,
    before: parseJsonb(row.before),
    after: parseJsonb(row.after),
    omittedBefore: parseStrings(omittedBefore),
    omittedAfter: parseStrings(omittedAfter),
  }))
}

// A computed jsonb column arrives parsed from both drivers; guard against a driver that hands back text.
function parseJsonb(value: unknown): unknown {
  if (value === undefined || value === null) return null
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value
}

function parseStrings(value: unknown): string[] {
  const parsed = parseJsonb(value)
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : []
}

/** What the instansi's log contains, for the viewer's drop-downs. */
export interface AuditFacets {
  actions: string[]
  objectTypes: string[]
  /** Users who acted, with the label of their latest entry. */
  actorUsers: { userId: string; label: string }[]
  /** Actors without a user account (cli, system, a failed login's e-mail). */
  actorLabels: string[]
}

/**
 * Distinct values by a skip scan (one index probe per distinct value), so a log of millions of rows answers as
 * fast as one of hundreds.
 */
export async function listAuditFacets(db: Db, instansiId: string): Promise<AuditFacets> {
  const distinct = async (column: string, extra: SQL = sql``): Promise<string[]> => {
    const col = sql.identifier(column)
    const rows = rowsOf<{ v: string | null }>(
      await db.execute(sql`
        with recursive t(v) as (
          (select ${col}::text from audit_log where instansi_id = ${instansiId} and ${col} is not null ${extra}
            order by ${col} limit 1)
          union all
          select (select a.${col}::text from audit_log a
                  where a.instansi_id = ${instansiId} and a.${col} > t.v::${sql.raw(column === 'actor_user_id' ? 'uuid' : 'text')} ${extra}
                  order by a.${col} limit 1)
          from t where t.v is not null
        )
        select v from t where v is not null`),
    )
    return rows.map((row) => row.v!).filter(Boolean)
  }
  const actions = await distinct('action')
  const objectTypes = await distinct('object_type')
  const userIds = await distinct('actor_user_id')
  const actorLabels = await distinct('actor_label', sql`and actor_user_id is null`)
  let actorUsers: { userId: string; label: string }[] = []
  if (userIds.length > 0) {
    actorUsers = rowsOf<{ userId: string; label: string }>(
      await db.execute(sql`
        select v.id as "userId",
               (select a.actor_label from audit_log a where a.instansi_id = ${instansiId} and a.actor_user_id = v.id::uuid
                order by a.id desc limit 1) as label
        from (values ${sql.join(
          userIds.map((id) => sql`(${id})`),
          sql`, `,
        )}) v(id)`),
    )
  }
  return { actions, objectTypes, actorUsers, actorLabels }
}

/** Ids whose current names the viewer wants, by kind. Every lookup stays within the instansi. */
export interface AuditNameRefs {
  units: string[]
  users: string[]
  accounts: string[]
  roleGrants: string[]
  sessions: string[]
  apiTokens: string[]
  instansi: string[]
}

export type AuditNameKind = 'unit' | 'user' | 'account' | 'role_grant' | 'session' | 'api_token' | 'instansi'

/** A current row's naming columns: `name` always, the rest by kind (see resolveAuditNames). */
export interface AuditName {
  kind: AuditNameKind
  id: string
  name: string
  /** unit: code · user: e-mail · account: platform · role_grant: unit name · session: user e-mail · instansi: slug */
  detail: string | null
  /** role_grant: the user's name */
  extra: string | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The current names of everything a page of entries mentions, in one query (no query per entry). */
export async function resolveAuditNames(
  db: Db,
  instansiId: string,
  refs: AuditNameRefs,
): Promise<AuditName[]> {
  const ids = (list: string[]): SQL | null => {
    const valid = [...new Set(list.filter((id) => UUID.test(id)))]
    return valid.length === 0
      ? null
      : sql.join(
          valid.map((id) => sql`${id}::uuid`),
          sql`, `,
        )
  }
  const parts: SQL[] = []
  const add = (list: string[], make: (idList: SQL) => SQL): void => {
    const idList = ids(list)
    if (idList) parts.push(make(idList))
  }
  add(
    refs.units,
    (l) =>
      sql`select 'unit' as kind, id::text as id, name, code as detail, null::text as extra from units where instansi_id = ${instansiId} and id in (${l})`,
  )
  add(
    refs.users,
    (l) =>
      sql`select 'user' as kind, id::text as id, name, email as detail, null::text as extra from users where instansi_id = ${instansiId} and id in (${l})`,
  )
  add(
    refs.accounts,
    (l) =>
      sql`select 'account' as kind, id::text as id, handle as name, platform as detail, null::text as extra from accounts where instansi_id = ${instansiId} and id in (${l})`,
  )
  add(
    refs.roleGrants,
    (l) =>
      sql`select 'role_grant' as kind, g.id::text as id, g.role as name, un.name as detail, us.name as extra from role_grants g
          join units un on un.id = g.unit_id join users us on us.id = g.user_id
          where g.instansi_id = ${instansiId} and g.id in (${l})`,
  )
  add(
    refs.sessions,
    (l) =>
      sql`select 'session' as kind, s.id::text as id, us.name as name, us.email as detail, null::text as extra from sessions s join users us on us.id = s.user_id
          where s.instansi_id = ${instansiId} and s.id in (${l})`,
  )
  add(
    refs.apiTokens,
    (l) =>
      sql`select 'api_token' as kind, id::text as id, name, null::text as detail, null::text as extra from api_tokens where instansi_id = ${instansiId} and id in (${l})`,
  )
  add(
    refs.instansi,
    (l) =>
      sql`select 'instansi' as kind, id::text as id, name, slug as detail, null::text as extra from instansi where id = ${instansiId} and id in (${l})`,
  )
  // Every part names its columns: the first part present decides the names of the union's columns.
  if (parts.length === 0) return []
  return rowsOf<AuditName>(await db.execute(sql.join(parts, sql` union all `)))
}
