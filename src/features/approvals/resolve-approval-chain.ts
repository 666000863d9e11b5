// Which approval chain applies to a post: the account's own chain wins over its unit's; a unit without one inherits
// its nearest ancestor's; with none anywhere, DEFAULT_APPROVAL_CHAIN (any penanggung jawab over the unit). The top
// unit's chain is therefore the instansi's own default. Also the candidates of each step, for the pure rules.
import type { Db } from '../../db/client.ts'
import {
  findChainOfAccount,
  findChainsOfUnits,
  type ApprovalChainRow,
} from '../../db/approval-chains-repository.ts'
import { activeUsersHoldingRoleOver } from '../../db/role-grants-repository.ts'
import { findInstansiUsers } from '../../db/users-repository.ts'
import { approvalStepSchema, DEFAULT_APPROVAL_CHAIN, type ApprovalChain } from './approval-chain.ts'
import type { StepCandidates } from './approval-rules.ts'

export type ChainSource =
  | { kind: 'account'; chainId: string; accountId: string }
  | { kind: 'unit'; chainId: string; unitId: string; inherited: boolean }
  | { kind: 'default' }

export interface ResolvedChain {
  chain: ApprovalChain
  source: ChainSource
}

export function chainOfRow(row: ApprovalChainRow): ApprovalChain {
  return {
    steps: row.steps.map((step) => approvalStepSchema.parse(step)),
    rescheduleRequiresApproval: row.rescheduleRequiresApproval,
    crisisApproverIds: row.crisisApproverIds,
  }
}

/** The unit ids of a materialised path, from the top unit down: '/a/b/c/' → ['a', 'b', 'c']. */
export function unitIdsOfPath(path: string): string[] {
  return path.split('/').filter(Boolean)
}

export async function resolveApprovalChain(
  db: Db,
  instansiId: string,
  target: { unitPath: string; accountId?: string | null | undefined },
): Promise<ResolvedChain> {
  if (target.accountId) {
    const own = await findChainOfAccount(db, instansiId, target.accountId)
    if (own)
      return {
        chain: chainOfRow(own),
        source: { kind: 'account', chainId: own.id, accountId: own.accountId! },
      }
  }
  const lineage = unitIdsOfPath(target.unitPath)
  const chains = await findChainsOfUnits(db, instansiId, lineage)
  const byUnit = new Map(chains.map((row) => [row.unitId!, row]))
  for (let index = lineage.length - 1; index >= 0; index--) {
    const row = byUnit.get(lineage[index]!)
    if (row)
      return {
        chain: chainOfRow(row),
        source: {
          kind: 'unit',
          chainId: row.id,
          unitId: row.unitId!,
          // An account always inherits its unit's chain; a unit inherits one set on a unit above it.
          inherited: index !== lineage.length - 1 || Boolean(target.accountId),
        },
      }
  }
  return { chain: DEFAULT_APPROVAL_CHAIN, source: { kind: 'default' } }
}

/** Each step's candidates: the active holders of its role over the unit, or its named users who are active. */
export async function loadStepCandidates(
  db: Db,
  instansiId: string,
  chain: ApprovalChain,
  unitPath: string,
): Promise<StepCandidates> {
  return Promise.all(
    chain.steps.map(async (step) => {
      if (step.kind === 'role') {
        const holders = await activeUsersHoldingRoleOver(db, instansiId, unitPath, [step.role])
        return [...new Set(holders.map((holder) => holder.userId))]
      }
      const found = await findInstansiUsers(db, instansiId, { ids: step.userIds })
      return found.filter((user) => !user.disabled).map((user) => user.id)
    }),
  )
}
