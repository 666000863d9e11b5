// The approval_chains table: one chain per unit or per account of an instansi. Every query filters on
// instansi_id; lists are narrowed to the unit subtrees the caller may see through the units' materialised paths.
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { accounts, approvalChains, units, type StoredApprovalStep } from './schema/index.ts'
import { pathWithin } from './sql-helpers.ts'

export interface ApprovalChainRow {
  id: string
  instansiId: string
  unitId: string | null
  accountId: string | null
  steps: StoredApprovalStep[]
  rescheduleRequiresApproval: boolean
  crisisApproverIds: string[]
  updatedBy: string | null
  createdAt: Date
  updatedAt: Date
}

export interface ApprovalChainListRow extends ApprovalChainRow {
  /** The unit the chain concerns: its own unit, or the account's unit. */
  ownerUnitId: string
  ownerUnitPath: string
  ownerUnitName: string
  accountHandle: string | null
  accountPlatform: string | null
}

export async function listApprovalChains(
  db: Db,
  instansiId: string,
  pathPrefixes: readonly string[],
): Promise<ApprovalChainListRow[]> {
  return db
    .select({
      id: approvalChains.id,
      instansiId: approvalChains.instansiId,
      unitId: approvalChains.unitId,
      accountId: approvalChains.accountId,
      steps: approvalChains.steps,
      rescheduleRequiresApproval: approvalChains.rescheduleRequiresApproval,
      crisisApproverIds: approvalChains.crisisApproverIds,
      updatedBy: approvalChains.updatedBy,
      createdAt: approvalChains.createdAt,
      updatedAt: approvalChains.updatedAt,
      ownerUnitId: units.id,
      ownerUnitPath: units.path,
      ownerUnitName: units.name,
      accountHandle: accounts.handle,
      accountPlatform: accounts.platform,
    })
    .from(approvalChains)
    .leftJoin(
      accounts,
      and(eq(accounts.id, approvalChains.accountId), eq(accounts.instansiId, approvalChains.instansiId)),
    )
    .innerJoin(
      units,
      and(
        eq(units.instansiId, approvalChains.instansiId),
        sql`${units.id} = coalesce(${approvalChains.unitId}, ${accounts.unitId})`,
      ),
    )
    .where(and(eq(approvalChains.instansiId, instansiId), pathWithin(units.path, pathPrefixes)))
    .orderBy(asc(units.path), sql`${approvalChains.accountId} nulls first`, asc(accounts.handle))
}

export async function findChainOfAccount(
  db: Db,
  instansiId: string,
  accountId: string,
): Promise<ApprovalChainRow | undefined> {
  const [row] = await db
    .select()
    .from(approvalChains)
    .where(and(eq(approvalChains.instansiId, instansiId), eq(approvalChains.accountId, accountId)))
  return row
}

/** The chains set on any of these units (a unit and its ancestors, when resolving inheritance). */
export async function findChainsOfUnits(
  db: Db,
  instansiId: string,
  unitIds: readonly string[],
): Promise<ApprovalChainRow[]> {
  if (unitIds.length === 0) return []
  return db
    .select()
    .from(approvalChains)
    .where(and(eq(approvalChains.instansiId, instansiId), inArray(approvalChains.unitId, [...unitIds])))
}

export interface ApprovalChainValues {
  id: string
  instansiId: string
  owner: { unitId: string } | { accountId: string }
  steps: StoredApprovalStep[]
  rescheduleRequiresApproval: boolean
  crisisApproverIds: string[]
  updatedBy: string | null
}

/** Creates or replaces the owner's chain (one per unit or account); returns the stored row. */
export async function upsertApprovalChain(
  db: Db,
  values: ApprovalChainValues,
  now: Date,
): Promise<ApprovalChainRow> {
  const owner =
    'unitId' in values.owner
      ? { unitId: values.owner.unitId, accountId: null }
      : { unitId: null, accountId: values.owner.accountId }
  const fields = {
    steps: values.steps,
    rescheduleRequiresApproval: values.rescheduleRequiresApproval,
    crisisApproverIds: values.crisisApproverIds,
    updatedBy: values.updatedBy,
    updatedAt: now,
  }
  const existing =
    owner.unitId !== null
      ? (await findChainsOfUnits(db, values.instansiId, [owner.unitId]))[0]
      : await findChainOfAccount(db, values.instansiId, owner.accountId)
  if (existing) {
    const [row] = await db
      .update(approvalChains)
      .set(fields)
      .where(and(eq(approvalChains.instansiId, values.instansiId), eq(approvalChains.id, existing.id)))
      .returning()
    return row!
  }
  const [row] = await db
    .insert(approvalChains)
    .values({ id: values.id, instansiId: values.instansiId, ...owner, ...fields, createdAt: now })
    .returning()
  return row!
}

export async function deleteApprovalChain(db: Db, instansiId: string, id: string): Promise<void> {
  await db
    .delete(approvalChains)
    .where(and(eq(approvalChains.instansiId, instansiId), eq(approvalChains.id, id)))
}
