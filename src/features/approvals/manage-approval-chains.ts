// Configuring approval chains: per unit (inherited by the units below) or per account (wins over its unit's).
// Who may: holders of approval.manage over the unit — the admin and the penanggung jawab (shared/permissions.ts
// says why). Every change is audited; a user newly made a crisis approver is told so.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import {
  deleteApprovalChain,
  findChainOfAccount,
  findChainsOfUnits,
  listApprovalChains,
  upsertApprovalChain,
  type ApprovalChainRow,
} from '../../db/approval-chains-repository.ts'
import { getAccount } from '../../db/accounts-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import { findInstansiUsers } from '../../db/users-repository.ts'
import { authorize, unitScope, type Action, type Actor } from '../access/policy.ts'
import { AppError, problem, type Problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { notifyUsers } from '../notifications/notify-users.ts'
import { APPROVER_ROLES, type ApprovalChain, type ApprovalStep } from './approval-chain.ts'
import { crisisApproverNotice } from './approval-notices.ts'
import { chainOfRow, resolveApprovalChain, type ChainSource } from './resolve-approval-chain.ts'

export interface ApprovalChainDeps {
  db: Db
  clock: Clock
  config: Pick<Config, 'mail'>
}

const MANAGE: Action = 'approval.manage'

export type ChainTarget = { unitId: string } | { accountId: string }

interface Owner {
  instansiId: string
  unitId: string
  unitPath: string
  label: string
  accountId: string | null
}

export interface ChainPerson {
  id: string
  name: string
  disabled: boolean
}

export interface ApprovalChainView extends ApprovalChain {
  id: string
  unitId: string | null
  accountId: string | null
  updatedAt: string
}

export interface ApprovalChainListItem extends ApprovalChainView {
  ownerUnitId: string
  ownerUnitName: string
  accountHandle: string | null
  accountPlatform: string | null
}

function viewOf(row: ApprovalChainRow): ApprovalChainView {
  return {
    id: row.id,
    unitId: row.unitId,
    accountId: row.accountId,
    updatedAt: row.updatedAt.toISOString(),
    ...chainOfRow(row),
  }
}

function referencedUsers(chains: readonly ApprovalChain[]): string[] {
  const ids = new Set<string>()
  for (const chain of chains) {
    for (const step of chain.steps) if (step.kind === 'users') step.userIds.forEach((id) => ids.add(id))
    chain.crisisApproverIds.forEach((id) => ids.add(id))
  }
  return [...ids]
}

async function peopleOf(
  db: Db,
  instansiId: string,
  chains: readonly ApprovalChain[],
): Promise<ChainPerson[]> {
  const found = await findInstansiUsers(db, instansiId, { ids: referencedUsers(chains) })
  return found.map((user) => ({ id: user.id, name: user.name, disabled: user.disabled }))
}

async function loadOwner(db: Db, actor: Actor, target: ChainTarget): Promise<Owner> {
  if ('unitId' in target) {
    const unit = await getUnit(db, actor.instansiId, target.unitId)
    if (!unit) throw new AppError('not_found', 'common.not_found')
    return {
      instansiId: unit.instansiId,
      unitId: unit.id,
      unitPath: unit.path,
      label: unit.name,
      accountId: null,
    }
  }
  const account = await getAccount(db, actor.instansiId, target.accountId)
  if (!account) throw new AppError('not_found', 'common.not_found')
  return {
    instansiId: account.instansiId,
    unitId: account.unitId,
    unitPath: account.unitPath,
    label: `${account.platform}: ${account.handleDisplay ?? account.handle}`,
    accountId: account.id,
  }
}

async function ownChain(db: Db, owner: Owner): Promise<ApprovalChainRow | undefined> {
  return owner.accountId
    ? findChainOfAccount(db, owner.instansiId, owner.accountId)
    : (await findChainsOfUnits(db, owner.instansiId, [owner.unitId]))[0]
}

export async function listChains(
  deps: Pick<ApprovalChainDeps, 'db'>,
  actor: Actor,
): Promise<{ chains: ApprovalChainListItem[]; people: ChainPerson[] }> {
  const scope = unitScope(actor, 'approval.manage')
  if (scope.pathPrefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action: MANAGE })
  const rows = await listApprovalChains(deps.db, actor.instansiId, scope.pathPrefixes)
  const chains = rows.map((row) => ({
    ...viewOf(row),
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: row.ownerUnitName,
    accountHandle: row.accountHandle,
    accountPlatform: row.accountPlatform,
  }))
  return { chains, people: await peopleOf(deps.db, actor.instansiId, chains) }
}

export interface ChainReading {
  /** The chain set on this unit or account itself; null when it inherits. */
  own: ApprovalChainView | null
  /** The chain its posts go through, and where it comes from. */
  effective: ApprovalChain & { source: ChainSource }
  people: ChainPerson[]
  /** Whether the reader may change it. */
  canManage: boolean
}

export async function readChain(
  deps: Pick<ApprovalChainDeps, 'db'>,
  actor: Actor,
  target: ChainTarget,
): Promise<ChainReading> {
  const owner = await loadOwner(deps.db, actor, target)
  authorize(actor, 'unit.read', { instansiId: owner.instansiId, unitPath: owner.unitPath })
  const own = await ownChain(deps.db, owner)
  const resolved = await resolveApprovalChain(deps.db, owner.instansiId, {
    unitPath: owner.unitPath,
    accountId: owner.accountId,
  })
  const canManage = unitScope(actor, 'approval.manage').pathPrefixes.some((prefix) =>
    owner.unitPath.startsWith(prefix),
  )
  return {
    own: own ? viewOf(own) : null,
    effective: { ...resolved.chain, source: resolved.source },
    people: await peopleOf(deps.db, owner.instansiId, [resolved.chain]),
    canManage,
  }
}

export interface ChainInput {
  steps: ApprovalStep[]
  rescheduleRequiresApproval: boolean
  crisisApproverIds: string[]
}

/** Checks what zod cannot: roles that may approve, and named users who are active in this instansi. */
async function checkChain(db: Db, instansiId: string, input: ChainInput): Promise<void> {
  const problems: Record<string, Problem> = {}
  const ids = referencedUsers([input])
  const active = new Set(
    (await findInstansiUsers(db, instansiId, { ids }))
      .filter((user) => !user.disabled)
      .map((user) => user.id),
  )
  input.steps.forEach((step, index) => {
    if (step.kind === 'role' && !(APPROVER_ROLES as readonly string[]).includes(step.role))
      problems[`steps.${index}.role`] = problem('approvals.role_cannot_approve', { role: step.role })
    if (step.kind === 'users') {
      const unknown = step.userIds.findIndex((id) => !active.has(id))
      if (unknown >= 0) problems[`steps.${index}.userIds.${unknown}`] = problem('approvals.unknown_approver')
    }
  })
  const unknownCrisis = input.crisisApproverIds.findIndex((id) => !active.has(id))
  if (unknownCrisis >= 0)
    problems[`crisisApproverIds.${unknownCrisis}`] = problem('approvals.unknown_approver')
  if (Object.keys(problems).length > 0)
    throw new AppError('invalid_input', 'approvals.chain_invalid', undefined, problems)
}

export async function setChain(
  deps: ApprovalChainDeps,
  actor: Actor,
  target: ChainTarget,
  input: ChainInput,
  meta: ChangeMeta,
): Promise<ApprovalChainView> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const owner = await loadOwner(tx, actor, target)
    authorize(actor, 'approval.manage', { instansiId: owner.instansiId, unitPath: owner.unitPath })
    const chain: ChainInput = {
      steps: input.steps,
      rescheduleRequiresApproval: input.rescheduleRequiresApproval,
      crisisApproverIds: [...new Set(input.crisisApproverIds)],
    }
    await checkChain(tx, owner.instansiId, chain)
    const before = await ownChain(tx, owner)
    const row = await upsertApprovalChain(
      tx,
      {
        id: randomUUID(),
        instansiId: owner.instansiId,
        owner: owner.accountId ? { accountId: owner.accountId } : { unitId: owner.unitId },
        steps: chain.steps,
        rescheduleRequiresApproval: chain.rescheduleRequiresApproval,
        crisisApproverIds: chain.crisisApproverIds,
        updatedBy: actor.userId || null,
      },
      now,
    )
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'approval_chain.set',
        objectType: 'approval_chain',
        objectId: row.id,
        before: before ? chainOfRow(before) : null,
        after: { owner: owner.label, unitId: owner.unitId, accountId: owner.accountId, ...chainOfRow(row) },
      },
      now,
    )
    const newCrisisApprovers = chain.crisisApproverIds.filter(
      (id) => !(before?.crisisApproverIds ?? []).includes(id),
    )
    if (newCrisisApprovers.length > 0)
      await notifyUsers(
        tx,
        owner.instansiId,
        newCrisisApprovers,
        crisisApproverNotice(actor.label, owner.label),
        {
          mailEnabled: deps.config.mail !== undefined,
          now,
        },
      )
    return viewOf(row)
  })
}

/** Removes the unit's or account's own chain: it inherits again. */
export async function removeChain(
  deps: Pick<ApprovalChainDeps, 'db' | 'clock'>,
  actor: Actor,
  target: ChainTarget,
  meta: ChangeMeta,
): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const owner = await loadOwner(tx, actor, target)
    authorize(actor, 'approval.manage', { instansiId: owner.instansiId, unitPath: owner.unitPath })
    const before = await ownChain(tx, owner)
    if (!before) throw new AppError('not_found', 'approvals.no_chain')
    await deleteApprovalChain(tx, owner.instansiId, before.id)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'approval_chain.remove',
        objectType: 'approval_chain',
        objectId: before.id,
        before: {
          owner: owner.label,
          unitId: owner.unitId,
          accountId: owner.accountId,
          ...chainOfRow(before),
        },
      },
      now,
    )
  })
}
