// The accounts table (the official account registry of one instansi) with its child table account_pengelola.
// Every query filters on instansi_id; list queries are narrowed to the unit subtrees the caller may see
// (policy.unitScope) through the units' materialised paths.
import { and, asc, count, eq, ilike, inArray, like, or, sql, type Placeholder, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from './client.ts'
import { accountPengelola, accounts, units, users } from './schema/index.ts'
import { escapeLike, inReadingOrder, pathWithin, rowsOf } from './sql-helpers.ts'

export interface PengelolaRecord {
  userId: string
  email: string
  name: string
  /** Both null while the surat tugas is still on its way. */
  suratTugasNumber: string | null
  suratTugasDate: string | null
}

export interface AccountRecord {
  id: string
  instansiId: string
  unitId: string
  unitPath: string
  unitCode: string
  unitName: string
  platform: string
  /** The normalised handle (lower case; E.164 for WhatsApp), unique per platform in an instansi. */
  handle: string
  /** The handle as it was typed (casing kept), for display; null for accounts registered before it was kept. */
  handleDisplay: string | null
  displayName: string | null
  url: string
  penanggungJawab: { userId: string; email: string; name: string }
  pengelola: PengelolaRecord[]
  verificationStatus: string
  platformTwoFactor: boolean
  credentialRotatedOn: string | null
  status: string
  notes: string
  createdAt: Date
  updatedAt: Date
}

export interface AccountFields {
  unitId: string
  platform: string
  handle: string
  handleDisplay: string | null
  displayName: string | null
  url: string
  penanggungJawabUserId: string
  verificationStatus: string
  platformTwoFactor: boolean
  credentialRotatedOn: string | null
  status: string
  notes: string
}

export interface PengelolaAssignment {
  userId: string
  suratTugasNumber: string | null
  suratTugasDate: string | null
}

const pj = alias(users, 'pj')

const accountColumns = {
  id: accounts.id,
  instansiId: accounts.instansiId,
  unitId: accounts.unitId,
  unitPath: units.path,
  unitCode: units.code,
  unitName: units.name,
  platform: accounts.platform,
  handle: accounts.handle,
  handleDisplay: accounts.handleDisplay,
  displayName: accounts.displayName,
  url: accounts.url,
  pjUserId: accounts.penanggungJawabUserId,
  pjEmail: pj.email,
  pjName: pj.name,
  verificationStatus: accounts.verificationStatus,
  platformTwoFactor: accounts.platformTwoFactor,
  credentialRotatedOn: accounts.credentialRotatedOn,
  status: accounts.status,
  notes: accounts.notes,
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
}

export interface AccountFilter {
  instansiId: string
  pathPrefixes: readonly string[]
  /** Only this unit and the units below it. */
  unitPath?: string | undefined
  platform?: string | undefined
  status?: string | undefined
  /** Substring of the handle or display name. */
  query?: string | undefined
  ids?: readonly string[] | undefined
  /** Exact (normalised) handles, on any platform. */
  handles?: readonly string[] | undefined
}

function conditionsOf(filter: AccountFilter): SQL[] {
  const conditions: SQL[] = [
    eq(accounts.instansiId, filter.instansiId),
    pathWithin(units.path, filter.pathPrefixes),
  ]
  if (filter.unitPath) conditions.push(sql`${units.path} like ${`${escapeLike(filter.unitPath)}%`}`)
  if (filter.platform) conditions.push(eq(accounts.platform, filter.platform))
  if (filter.status) conditions.push(eq(accounts.status, filter.status))
  if (filter.query) {
    const pattern = `%${escapeLike(filter.query)}%`
    conditions.push(or(ilike(accounts.handle, pattern), ilike(accounts.displayName, pattern))!)
  }
  if (filter.ids)
    conditions.push(filter.ids.length === 0 ? sql`false` : inArray(accounts.id, [...filter.ids]))
  if (filter.handles)
    conditions.push(filter.handles.length === 0 ? sql`false` : inArray(accounts.handle, [...filter.handles]))
  return conditions
}

export async function listAccounts(
  db: Db,
  filter: AccountFilter,
  page: { limit: number; offset: number } | undefined,
): Promise<{ items: AccountRecord[]; total: number }> {
  if (page) return listAccountPage(db, filter, page)
  const rows = await db
    .select(accountColumns)
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .innerJoin(pj, eq(pj.id, accounts.penanggungJawabUserId))
    .where(and(...conditionsOf(filter)))
    .orderBy(asc(accounts.platform), asc(inReadingOrder(accounts.handle)))
  const pengelola = await pengelolaOf(
    db,
    filter.instansiId,
    rows.map((row) => row.id),
  )
  return { items: rows.map((row) => toRecord(row, pengelola.get(row.id) ?? [])), total: rows.length }
}

/**
 * One page in one statement, the busiest query of the API. The inner query sorts only narrow rows (id by
 * platform, handle) and the total is counted alongside, so the wide columns, the penanggung jawab and the pengelola
 * (as JSON) are read for the page alone. Sorting the full joined rows instead cost PostgreSQL ~3x more on a fresh
 * database without statistics, where the planner cannot walk the (instansi, platform, handle) index.
 * The statement is prepared once per filter shape (which filters are set, how many unit prefixes): building it
 * through Drizzle cost ~1 ms of CPU per request, and a named statement also saves PostgreSQL the planning.
 */
async function listAccountPage(
  db: Db,
  filter: AccountFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AccountRecord[]; total: number }> {
  if (filter.ids || filter.handles) return listAccountPageUnprepared(db, filter, page)
  const shape = [
    filter.pathPrefixes.length,
    filter.unitPath ? 'u' : '',
    filter.platform ? 'p' : '',
    filter.status ? 's' : '',
    filter.query ? 'q' : '',
  ].join('')
  let plans = pagePlans.get(db)
  if (!plans) pagePlans.set(db, (plans = new Map<string, PagePlan>()))
  let plan = plans.get(shape)
  if (!plan) plans.set(shape, (plan = preparePage(db, filter, `account_page_${shape}`)))
  const values: Record<string, unknown> = {
    instansiId: filter.instansiId,
    limit: page.limit,
    offset: page.offset,
  }
  filter.pathPrefixes.forEach((prefix, index) => (values[`prefix${index}`] = `${escapeLike(prefix)}%`))
  if (filter.unitPath) values.unitPath = `${escapeLike(filter.unitPath)}%`
  if (filter.platform) values.platform = filter.platform
  if (filter.status) values.status = filter.status
  if (filter.query) values.query = `%${escapeLike(filter.query)}%`
  const rows = await plan.execute(values)
  return pageResult(db, filter, page, rows)
}

/** Prepared page statements per database handle and filter shape (a handful per process). */
type PagePlan = ReturnType<typeof preparePage>
const pagePlans = new WeakMap<Db, Map<string, PagePlan>>()

/** The page statement with placeholders in place of the filter values; see listAccountPage. */
function preparePage(db: Db, filter: AccountFilter, name: string) {
  const conditions: SQL[] = [
    eq(accounts.instansiId, sql.placeholder('instansiId')),
    filter.pathPrefixes.length === 0
      ? sql`false`
      : or(
          ...filter.pathPrefixes.map((_prefix, index) => like(units.path, sql.placeholder(`prefix${index}`))),
        )!,
  ]
  if (filter.unitPath) conditions.push(like(units.path, sql.placeholder('unitPath')))
  if (filter.platform) conditions.push(eq(accounts.platform, sql.placeholder('platform')))
  if (filter.status) conditions.push(eq(accounts.status, sql.placeholder('status')))
  if (filter.query)
    conditions.push(
      or(
        ilike(accounts.handle, sql.placeholder('query')),
        ilike(accounts.displayName, sql.placeholder('query')),
      )!,
    )
  return pageQuery(db, and(...conditions), sql.placeholder('limit'), sql.placeholder('offset')).prepare(name)
}

function pageQuery(
  db: Db,
  where: SQL | undefined,
  limit: number | Placeholder,
  offset: number | Placeholder,
) {
  const ordered = db
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(where)
    .orderBy(asc(accounts.platform), asc(inReadingOrder(accounts.handle)))
    .limit(limit)
    .offset(offset)
    .as('page')
  // The total as an uncorrelated subquery (evaluated once): cheaper than a window count, which buffers every
  // matching row before the sort can keep the first page.
  const total = sql<number>`(select count(*)::int from ${accounts} inner join ${units} on ${units.id} = ${accounts.unitId} where ${where})`
  return db
    .select({ ...accountColumns, total, pengelola: pengelolaJsonOf(accounts.id, accounts.instansiId) })
    .from(ordered)
    .innerJoin(accounts, eq(accounts.id, ordered.id))
    .innerJoin(units, eq(units.id, accounts.unitId))
    .innerJoin(pj, eq(pj.id, accounts.penanggungJawabUserId))
    .orderBy(asc(accounts.platform), asc(inReadingOrder(accounts.handle)))
}

type PageRow = Awaited<ReturnType<typeof pageQuery>>[number]

async function listAccountPageUnprepared(
  db: Db,
  filter: AccountFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AccountRecord[]; total: number }> {
  return pageResult(
    db,
    filter,
    page,
    await pageQuery(db, and(...conditionsOf(filter)), page.limit, page.offset),
  )
}

async function pageResult(
  db: Db,
  filter: AccountFilter,
  page: { offset: number },
  rows: PageRow[],
): Promise<{ items: AccountRecord[]; total: number }> {
  let total = rows[0]?.total ?? 0
  // Past the last page the window count has no row to ride on.
  if (rows.length === 0 && page.offset > 0) {
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(accounts)
      .innerJoin(units, eq(units.id, accounts.unitId))
      .where(and(...conditionsOf(filter)))
    total = count?.n ?? 0
  }
  return { items: rows.map((row) => toRecord(row, row.pengelola ?? [])), total }
}

/** The pengelola of one account as a JSON array, ordered like pengelolaOf (by e-mail). */
function pengelolaJsonOf(accountId: typeof accounts.id, instansiId: typeof accounts.instansiId) {
  return sql<PengelolaRecord[] | null>`(select json_agg(json_build_object(
      'userId', ap.user_id, 'email', pu.email, 'name', pu.name,
      'suratTugasNumber', ap.surat_tugas_number, 'suratTugasDate', ap.surat_tugas_date) order by pu.email)
    from ${accountPengelola} ap join ${users} pu on pu.id = ap.user_id
    where ap.instansi_id = ${instansiId} and ap.account_id = ${accountId})`
}

type AccountRow = Awaited<ReturnType<typeof selectOne>>[number]

function selectOne(db: Db, instansiId: string, condition: SQL) {
  return db
    .select(accountColumns)
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .innerJoin(pj, eq(pj.id, accounts.penanggungJawabUserId))
    .where(and(eq(accounts.instansiId, instansiId), condition))
}

// Field by field rather than by rest and spread: V8 copies a rest object through a slow runtime call, which cost a
// page of 50 accounts ~0.15 ms of CPU (`npm run bench:api`).
function toRecord(row: AccountRow, pengelola: PengelolaRecord[]): AccountRecord {
  return {
    id: row.id,
    instansiId: row.instansiId,
    unitId: row.unitId,
    unitPath: row.unitPath,
    unitCode: row.unitCode,
    unitName: row.unitName,
    platform: row.platform,
    handle: row.handle,
    handleDisplay: row.handleDisplay,
    displayName: row.displayName,
    url: row.url,
    penanggungJawab: { userId: row.pjUserId, email: row.pjEmail, name: row.pjName },
    pengelola,
    verificationStatus: row.verificationStatus,
    platformTwoFactor: row.platformTwoFactor,
    credentialRotatedOn: row.credentialRotatedOn,
    status: row.status,
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

async function pengelolaOf(
  db: Db,
  instansiId: string,
  accountIds: readonly string[],
): Promise<Map<string, PengelolaRecord[]>> {
  const byAccount = new Map<string, PengelolaRecord[]>()
  if (accountIds.length === 0) return byAccount
  // In chunks: a whole-instansi report can name tens of thousands of accounts, beyond one statement's parameters.
  const rows = []
  for (let start = 0; start < accountIds.length; start += 5000) {
    const chunk = accountIds.slice(start, start + 5000)
    rows.push(
      ...(await db
        .select({
          accountId: accountPengelola.accountId,
          userId: accountPengelola.userId,
          email: users.email,
          name: users.name,
          suratTugasNumber: accountPengelola.suratTugasNumber,
          suratTugasDate: accountPengelola.suratTugasDate,
        })
        .from(accountPengelola)
        .innerJoin(users, eq(users.id, accountPengelola.userId))
        .where(and(eq(accountPengelola.instansiId, instansiId), inArray(accountPengelola.accountId, chunk)))
        .orderBy(asc(users.email))),
    )
  }
  for (const { accountId, ...record } of rows) {
    const list = byAccount.get(accountId) ?? []
    list.push(record)
    byAccount.set(accountId, list)
  }
  return byAccount
}

export async function getAccount(db: Db, instansiId: string, id: string): Promise<AccountRecord | undefined> {
  const [row] = await selectOne(db, instansiId, eq(accounts.id, id))
  if (!row) return undefined
  const pengelola = await pengelolaOf(db, instansiId, [row.id])
  return toRecord(row, pengelola.get(row.id) ?? [])
}

export async function findAccountByHandle(
  db: Db,
  instansiId: string,
  platform: string,
  handle: string,
): Promise<AccountRecord | undefined> {
  const [row] = await selectOne(
    db,
    instansiId,
    and(eq(accounts.platform, platform), eq(accounts.handle, handle))!,
  )
  if (!row) return undefined
  const pengelola = await pengelolaOf(db, instansiId, [row.id])
  return toRecord(row, pengelola.get(row.id) ?? [])
}

export async function insertAccount(
  db: Db,
  instansiId: string,
  fields: AccountFields,
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(accounts)
    .values({ ...fields, instansiId, createdAt: now, updatedAt: now })
    .returning({ id: accounts.id })
  return row!.id
}

/**
 * Inserts many accounts (the CSV import) in one statement with the rows as one JSON parameter: building a
 * statement with a parameter per cell cost more than running it. Returns the new ids in input order.
 */
export async function insertAccounts(
  db: Db,
  instansiId: string,
  rows: readonly AccountFields[],
  now: Date,
): Promise<string[]> {
  if (rows.length === 0) return []
  const at = now.toISOString()
  const json = JSON.stringify(
    rows.map((fields) => ({
      instansi_id: instansiId,
      unit_id: fields.unitId,
      platform: fields.platform,
      handle: fields.handle,
      handle_display: fields.handleDisplay,
      display_name: fields.displayName,
      url: fields.url,
      penanggung_jawab_user_id: fields.penanggungJawabUserId,
      verification_status: fields.verificationStatus,
      platform_two_factor: fields.platformTwoFactor,
      credential_rotated_on: fields.credentialRotatedOn,
      status: fields.status,
      notes: fields.notes,
      created_at: at,
      updated_at: at,
    })),
  )
  const inserted = rowsOf<{ id: string; platform: string; handle: string }>(
    await db.execute(sql`insert into accounts (instansi_id, unit_id, platform, handle, handle_display, display_name,
        url, penanggung_jawab_user_id, verification_status, platform_two_factor, credential_rotated_on, status,
        notes, created_at, updated_at)
      select instansi_id, unit_id, platform, handle, handle_display, display_name, url, penanggung_jawab_user_id,
        verification_status, platform_two_factor, credential_rotated_on, status, notes, created_at, updated_at
      from json_populate_recordset(null::accounts, ${json}::json)
      returning id, platform, handle`),
  )
  const byKey = new Map(inserted.map((row) => [`${row.platform}:${row.handle}`, row.id]))
  return rows.map((fields) => byKey.get(`${fields.platform}:${fields.handle}`)!)
}

/**
 * Replaces the pengelola of many accounts at once (the CSV import); `fresh` accounts (just inserted) have none
 * to delete.
 */
export async function replacePengelolaOfMany(
  db: Db,
  instansiId: string,
  byAccount: ReadonlyMap<string, readonly PengelolaAssignment[]>,
  fresh: ReadonlySet<string> = new Set(),
): Promise<void> {
  const accountIds = [...byAccount.keys()].filter((id) => !fresh.has(id))
  for (let start = 0; start < accountIds.length; start += 1000) {
    const chunk = accountIds.slice(start, start + 1000)
    await db
      .delete(accountPengelola)
      .where(and(eq(accountPengelola.instansiId, instansiId), inArray(accountPengelola.accountId, chunk)))
  }
  const rows = [...byAccount.entries()].flatMap(([accountId, list]) =>
    list.map((assignment) => ({ ...assignment, accountId, instansiId })),
  )
  for (let start = 0; start < rows.length; start += 1000)
    await db.insert(accountPengelola).values(rows.slice(start, start + 1000))
}

export async function updateAccountFields(
  db: Db,
  instansiId: string,
  id: string,
  fields: AccountFields,
  now: Date,
): Promise<void> {
  await db
    .update(accounts)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(accounts.instansiId, instansiId), eq(accounts.id, id)))
}

export async function deleteAccountRow(db: Db, instansiId: string, id: string): Promise<void> {
  await db.delete(accounts).where(and(eq(accounts.instansiId, instansiId), eq(accounts.id, id)))
}

export async function replacePengelola(
  db: Db,
  instansiId: string,
  accountId: string,
  assignments: readonly PengelolaAssignment[],
): Promise<void> {
  await db
    .delete(accountPengelola)
    .where(and(eq(accountPengelola.instansiId, instansiId), eq(accountPengelola.accountId, accountId)))
  if (assignments.length === 0) return
  await db
    .insert(accountPengelola)
    .values(assignments.map((assignment) => ({ ...assignment, accountId, instansiId })))
}

/** Active accounts of the units in the subtree at `path` (the unit itself included). */
export async function countActiveAccountsInSubtree(
  db: Db,
  instansiId: string,
  path: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(
      and(eq(accounts.instansiId, instansiId), eq(accounts.status, 'active'), pathWithin(units.path, [path])),
    )
  return row?.n ?? 0
}
