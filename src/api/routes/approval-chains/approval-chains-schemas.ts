// Approval chains per unit and per account.
import { z } from 'zod'
import {
  approvalStepSchema,
  MAX_CHAIN_STEPS,
  MAX_CRISIS_APPROVERS,
} from '../../../features/approvals/approval-chain.ts'

export const step = approvalStepSchema.meta({ id: 'ApprovalStep' })

const chainFields = {
  steps: z.array(step).min(1).max(MAX_CHAIN_STEPS),
  rescheduleRequiresApproval: z
    .boolean()
    .describe('Moving an approved post to another time sends it back for approval'),
  crisisApproverIds: z
    .array(z.uuid())
    .max(MAX_CRISIS_APPROVERS)
    .describe('Users who may approve a post alone while crisis mode is on (flagged in the audit log)'),
}

export const chainBody = z.object({
  ...chainFields,
  rescheduleRequiresApproval: chainFields.rescheduleRequiresApproval.default(true),
  crisisApproverIds: chainFields.crisisApproverIds.default([]),
})

/** In answers the lists are read-only (the features hand out the stored chain). */
const viewFields = {
  ...chainFields,
  steps: chainFields.steps.readonly(),
  crisisApproverIds: chainFields.crisisApproverIds.readonly(),
}

export const chainView = z
  .object({
    id: z.string(),
    unitId: z.string().nullable(),
    accountId: z.string().nullable(),
    updatedAt: z.string(),
    ...viewFields,
  })
  .meta({ id: 'ApprovalChain' })

const person = z.object({ id: z.string(), name: z.string(), disabled: z.boolean() })

export const chainList = z.object({
  chains: z.array(
    chainView.extend({
      ownerUnitId: z.string(),
      ownerUnitName: z.string(),
      accountHandle: z.string().nullable(),
      accountPlatform: z.string().nullable(),
    }),
  ),
  people: z.array(person).describe('The named users and crisis approvers the chains mention'),
})

const source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), chainId: z.string(), accountId: z.string() }),
  z.object({ kind: z.literal('unit'), chainId: z.string(), unitId: z.string(), inherited: z.boolean() }),
  z.object({ kind: z.literal('default') }),
])

export const chainReading = z.object({
  own: chainView.nullable().describe('The chain set on this unit or account itself; null when it inherits'),
  effective: z
    .object({ ...viewFields, source })
    .describe('The chain its posts go through: own, inherited from a unit above, or the default'),
  people: z.array(person),
  canManage: z.boolean(),
})

export const unitParams = z.object({ unitId: z.uuid() })
export const accountParams = z.object({ accountId: z.uuid() })
export const removedView = z.object({ removed: z.boolean() })
