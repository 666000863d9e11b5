// The shape of an approval chain: 1–3 steps, each a role (its holders over the post's unit) or named users,
// decided by any one of them or by all of them; whether rescheduling an approved post sends it back for approval;
// and the crisis approvers who may approve alone while crisis mode is on. Plain data, shared by the pure rules
// (approval-rules.ts), the repository (stored as JSON) and the API schemas.
import { z } from 'zod'
import { ROLES, type Role } from '../../shared/roles.ts'

export const STEP_MODES = ['any', 'all'] as const
export type StepMode = (typeof STEP_MODES)[number]

/** Roles that may be asked to approve: those whose holders may approve posts or run the instansi. */
export const APPROVER_ROLES = ['penanggung_jawab', 'admin', 'pimpinan'] as const satisfies readonly Role[]

export const MAX_CHAIN_STEPS = 3
export const MAX_NAMED_USERS = 20
export const MAX_CRISIS_APPROVERS = 10

export const approvalStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: z.enum(ROLES), mode: z.enum(STEP_MODES) }),
  z.object({
    kind: z.literal('users'),
    userIds: z.array(z.uuid()).min(1).max(MAX_NAMED_USERS),
    mode: z.enum(STEP_MODES),
  }),
])
export type ApprovalStep = z.infer<typeof approvalStepSchema>

export interface ApprovalChain {
  steps: readonly ApprovalStep[]
  rescheduleRequiresApproval: boolean
  /** Users who may approve a post alone, skipping every step, while crisis mode is on. */
  crisisApproverIds: readonly string[]
}

/**
 * The chain when neither the account, its unit nor any unit above it has one: one step, any penanggung jawab over
 * the post's unit; rescheduling an approved post sends it back (the safe choice: the approver saw one time); no
 * crisis approvers (a fast track has to be granted on purpose).
 */
export const DEFAULT_APPROVAL_CHAIN: ApprovalChain = {
  steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }],
  rescheduleRequiresApproval: true,
  crisisApproverIds: [],
}
