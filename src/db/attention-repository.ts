// Read-only aggregates for the home page's "what needs attention": counts over accounts, their pengelola,
// units, users and role grants in one statement each, whatever the number of accounts. Not a table's repository:
// it only reads, so the table repositories (accounts-, units-, users-) stay the one place that writes each table.
// Every query filters on instansi_id; account queries are narrowed to the caller's unit subtrees (policy.unitScope).
import { and, asc, count, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { accountPengelola, accounts, roleGrants, units, users } from './schema/index.ts'
import { pathWithin } from './sql-helpers.ts'

export interface AccountScope {
  instansiId: string
  /** Unit path prefixes the caller may see (policy.unitScope); empty means nothing. */
  pathPrefixes: readonly string[]
}

function inScope(scope: AccountScope): SQL {
  return and(eq(accounts.instansiId, scope.instansiId), pathWithin(units.path, scope.pathPrefixes))!
}

/** Accounts whose credentials were never rotated, or last rotated before `cutoff` (YYYY-MM-DD). */
function rotationOverdue(cutoff: string): SQL {
  return or(isNull(accounts.credentialRotatedOn), lt(accounts.credentialRotatedOn, cutoff))!
}

/**
 * A pengelola assignment without its surat tugas: no number (or only spaces) or no date. Written so it holds
 * whether or not the columns allow NULL.
 */
const withoutSuratTugas = sql`(coalesce(btrim(${accountPengelola.suratTugasNumber}), '') = '' or ${accountPengelola.suratTugasDate} is null)`

export interface AccountAttentionCounts {
  accounts: number
  withoutPlatformTwoFactor: number
  rotationOverdue: number
  pengelolaWithoutSuratTugas: number
}

export async function countAccountAttention(
  db: Db,
  scope: AccountScope,
  rotationCutoff: string,
): Promise<AccountAttentionCounts> {
  const pengelola = db
    .select({ n: count() })
    .from(accountPengelola)
    .innerJoin(accounts, eq(accounts.id, accountPengelola.accountId))
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(and(eq(accountPengelola.instansiId, scope.instansiId), inScope(scope), withoutSuratTugas))
  const [row] = await db
    .select({
      accounts: count(),
      withoutPlatformTwoFactor:
        sql<number>`count(*) filter (where not ${accounts.platformTwoFactor})`.mapWith(Number),
      rotationOverdue: sql<number>`count(*) filter (where ${rotationOverdue(rotationCutoff)})`.mapWith(
        Number,
      ),
      pengelolaWithoutSuratTugas: sql<number>`(${pengelola})`.mapWith(Number),
    })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(inScope(scope))
  return {
    accounts: row?.accounts ?? 0,
    withoutPlatformTwoFactor: row?.withoutPlatformTwoFactor ?? 0,
    rotationOverdue: row?.rotationOverdue ?? 0,
    pengelolaWithoutSuratTugas: row?.pengelolaWithoutSuratTugas ?? 0,
  }
}

/** An account as the attention lists show it. */
export interface AttentionAccountRow {
  accountId: string
  platform: string
  handle: string
  status: string
  unitId: string
  unitCode: string
  unitName: string
  unitPath: string
  platformTwoFactor: boolean
  credentialRotatedOn: string | null
}

const accountRowColumns = {
  accountId: accounts.id,
  platform: accounts.platform,
  handle: accounts.handle,
  status: accounts.status,
  unitId: units.id,
  unitCode: units.code,
  unitName: units.name,
  unitPath: units.path,
  platformTwoFactor: accounts.platformTwoFactor,
  credentialRotatedOn: accounts.credentialRotatedOn,
}

export interface Page {
  limit: number
  offset: number
}

async function accountPage(
  db: Db,
  scope: AccountScope,
  condition: SQL,
  order: SQL[],
  page: Page,
): Promise<{ items: AttentionAccountRow[]; total: number }> {
  const where = and(inScope(scope), condition)
  const [items, [total]] = await Promise.all([
    db
      .select(accountRowColumns)
      .from(accounts)
      .innerJoin(units, eq(units.id, accounts.unitId))
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(accounts).innerJoin(units, eq(units.id, accounts.unitId)).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function listAccountsWithoutPlatformTwoFactor(
  db: Db,
  scope: AccountScope,
  page: Page,
): Promise<{ items: AttentionAccountRow[]; total: number }> {
  return accountPage(
    db,
    scope,
    eq(accounts.platformTwoFactor, false),
    [asc(accounts.platform), asc(accounts.handle)],
    page,
  )
}

export async function listAccountsWithRotationOverdue(
  db: Db,
  scope: AccountScope,
  rotationCutoff: string,
  page: Page,
): Promise<{ items: AttentionAccountRow[]; total: number }> {
  // Never rotated first, then the longest overdue.
  return accountPage(
    db,
    scope,
    rotationOverdue(rotationCutoff),
    [sql`${accounts.credentialRotatedOn} asc nulls first`, asc(accounts.platform), asc(accounts.handle)],
    page,
  )
}

/** Every account in scope on the given platforms, narrow rows for checking names against the patterns. */
export async function listAccountsOnPlatforms(
  db: Db,
  scope: AccountScope,
  platforms: readonly string[],
): Promise<AttentionAccountRow[]> {
  if (platforms.length === 0) return []
  return db
    .select(accountRowColumns)
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(and(inScope(scope), inArray(accounts.platform, [...platforms])))
    .orderBy(asc(accounts.platform), asc(accounts.handle))
}

export interface PengelolaAttentionRow extends AttentionAccountRow {
  userId: string
  userName: string
  suratTugasNumber: string | null
  suratTugasDate: string | null
}

export async function listPengelolaWithoutSuratTugas(
  db: Db,
  scope: AccountScope,
  page: Page,
): Promise<{ items: PengelolaAttentionRow[]; total: number }> {
  const where = and(eq(accountPengelola.instansiId, scope.instansiId), inScope(scope), withoutSuratTugas)
  const [items, [total]] = await Promise.all([
    db
      .select({
        ...accountRowColumns,
        userId: users.id,
        userName: users.name,
        suratTugasNumber: accountPengelola.suratTugasNumber,
        suratTugasDate: accountPengelola.suratTugasDate,
      })
      .from(accountPengelola)
      .innerJoin(accounts, eq(accounts.id, accountPengelola.accountId))
      .innerJoin(units, eq(units.id, accounts.unitId))
      .innerJoin(users, eq(users.id, accountPengelola.userId))
      .where(where)
      .orderBy(asc(accounts.platform), asc(accounts.handle), asc(users.name))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(accountPengelola)
      .innerJoin(accounts, eq(accounts.id, accountPengelola.accountId))
      .innerJoin(units, eq(units.id, accounts.unitId))
      .where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

export interface SetupProgress {
  /** Active units besides the top unit. */
  unitsBelowTop: number
  accounts: number
  activeUsers: number
  /** Active users holding an approving role (admin, penanggung_jawab) without two-factor authentication. */
  approversWithoutTwoFactor: number
}

/** How far a new instansi has come in setting itself up, in one statement. */
export async function readSetupProgress(
  db: Db,
  instansiId: string,
  approverRoles: readonly string[],
): Promise<SetupProgress> {
  const approvers = db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.instansiId, instansiId), inArray(roleGrants.role, [...approverRoles])))
  const [row] = await db
    .select({
      unitsBelowTop:
        sql<number>`(select count(*) from ${units} where ${units.instansiId} = ${instansiId} and ${units.parentId} is not null and ${units.archivedAt} is null)`.mapWith(
          Number,
        ),
      accounts:
        sql<number>`(select count(*) from ${accounts} where ${accounts.instansiId} = ${instansiId})`.mapWith(
          Number,
        ),
      activeUsers: sql<number>`count(*)`.mapWith(Number),
      approversWithoutTwoFactor:
        sql<number>`count(*) filter (where ${users.totpEnabledAt} is null and ${users.id} in (${approvers}))`.mapWith(
          Number,
        ),
    })
    .from(users)
    .where(and(eq(users.instansiId, instansiId), isNull(users.disabledAt)))
  return {
    unitsBelowTop: row?.unitsBelowTop ?? 0,
    accounts: row?.accounts ?? 0,
    activeUsers: row?.activeUsers ?? 0,
    approversWithoutTwoFactor: row?.approversWithoutTwoFactor ?? 0,
  }
}
