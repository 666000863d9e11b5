// The approval rules, pure: plain data in, an answer out, no database and no clock. They decide who may approve a
// post now and what the decisions so far add up to — the guard behind "never publish a post that was not
// approved". The post flow loads the chain (resolve-approval-chain.ts), the decisions of the current round and
// the candidates of each step, then asks these functions.
//
// Rounds: "request changes" sends the post back to its author; when it is submitted again a new round starts and
// the caller passes only that round's decisions.
import type { Role } from '../../shared/roles.ts'
import type { ApprovalChain, ApprovalStep } from './approval-chain.ts'

export const VERDICTS = ['approve', 'reject', 'request_changes'] as const
export type Verdict = (typeof VERDICTS)[number]

export interface ApprovalDecision {
  userId: string
  /** Index of the step (0-based) the decision was made at. */
  step: number
  verdict: Verdict
  comment?: string | null | undefined
  /** An approval through the crisis fast track: it approves the whole chain at once. */
  crisis?: boolean | undefined
}

export interface ApprovalSubject {
  authorId: string
  /** Materialised path of the post's unit, '/<root>/…/<unit>/'. */
  unitPath: string
}

export interface Decider {
  userId: string
  grants: ReadonlyArray<{ role: Role; unitPath: string }>
}

/**
 * The users each step would wait for, by step: named users as configured, or the active holders of the step's
 * role over the post's unit. The rules remove the author themselves.
 */
export type StepCandidates = ReadonlyArray<readonly string[]>

export type ApprovalOutcome =
  | { state: 'pending'; step: number; waitingFor: string[] }
  /** Nobody but the author could decide this step: the chain must be changed (or a role granted). */
  | { state: 'blocked'; step: number }
  | { state: 'approved'; viaCrisis: boolean }
  | { state: 'rejected'; step: number; by: string; comment: string | null }
  | { state: 'changes_requested'; step: number; by: string; comment: string | null }

export type DecideRefusal =
  'own_post' | 'not_pending' | 'not_an_approver' | 'not_current_step' | 'already_decided' | 'comment_required'

export interface DecideOptions {
  /** Crisis mode is on for the post's instansi (product.md §9). */
  crisisMode: boolean
}

function holdsRoleOver(decider: Decider, role: Role, unitPath: string): boolean {
  return decider.grants.some((grant) => grant.role === role && unitPath.startsWith(grant.unitPath))
}

function isEligibleAt(step: ApprovalStep, subject: ApprovalSubject, decider: Decider): boolean {
  if (decider.userId === subject.authorId) return false
  return step.kind === 'users'
    ? step.userIds.includes(decider.userId)
    : holdsRoleOver(decider, step.role, subject.unitPath)
}

/** Who this step still needs, the author never among them. */
function requiredAt(
  chain: ApprovalChain,
  subject: ApprovalSubject,
  candidates: StepCandidates,
  index: number,
): string[] {
  const step = chain.steps[index]!
  const listed = step.kind === 'users' ? step.userIds : (candidates[index] ?? [])
  return [...new Set(listed)].filter((userId) => userId !== subject.authorId)
}

/** What the decisions of the current round add up to. */
export function evaluateApproval(
  chain: ApprovalChain,
  subject: ApprovalSubject,
  decisions: readonly ApprovalDecision[],
  candidates: StepCandidates,
): ApprovalOutcome {
  // Decisions by the author never count, whatever the caller stored.
  const valid = decisions.filter((decision) => decision.userId !== subject.authorId)
  const crisis = valid.find((d) => d.crisis === true && d.verdict === 'approve')
  if (crisis && chain.crisisApproverIds.includes(crisis.userId)) return { state: 'approved', viaCrisis: true }
  for (let index = 0; index < chain.steps.length; index++) {
    const step = chain.steps[index]!
    const atStep = valid.filter((d) => d.step === index && d.crisis !== true)
    const ending = atStep.find((d) => d.verdict !== 'approve')
    if (ending) {
      const state = ending.verdict === 'reject' ? 'rejected' : 'changes_requested'
      return { state, step: index, by: ending.userId, comment: ending.comment ?? null }
    }
    const approvedBy = new Set(atStep.map((d) => d.userId))
    const required = requiredAt(chain, subject, candidates, index)
    const done =
      step.mode === 'any'
        ? approvedBy.size > 0
        : required.length > 0 && required.every((userId) => approvedBy.has(userId))
    if (done) continue
    if (required.length === 0 && approvedBy.size === 0) return { state: 'blocked', step: index }
    return { state: 'pending', step: index, waitingFor: required.filter((userId) => !approvedBy.has(userId)) }
  }
  return { state: 'approved', viaCrisis: false }
}

/** Whether the decider may decide now, and how: null with `crisis` when allowed, else the reason. */
export function whyCannotDecide(
  chain: ApprovalChain,
  subject: ApprovalSubject,
  decisions: readonly ApprovalDecision[],
  candidates: StepCandidates,
  decider: Decider,
  options: DecideOptions,
): DecideRefusal | null {
  // The author never decides on their own post, whatever role or crisis designation they hold.
  if (decider.userId === subject.authorId) return 'own_post'
  const outcome = evaluateApproval(chain, subject, decisions, candidates)
  if (outcome.state !== 'pending' && outcome.state !== 'blocked') return 'not_pending'
  if (usesCrisisFastTrack(chain, decider, options)) return null
  const current = chain.steps[outcome.step]!
  if (!isEligibleAt(current, subject, decider)) {
    const later = chain.steps.some(
      (step, index) => index > outcome.step && isEligibleAt(step, subject, decider),
    )
    return later ? 'not_current_step' : 'not_an_approver'
  }
  if (decisions.some((d) => d.step === outcome.step && d.userId === decider.userId)) return 'already_decided'
  return null
}

/** A designated crisis approver deciding while crisis mode is on: their approval alone approves the post. */
export function usesCrisisFastTrack(chain: ApprovalChain, decider: Decider, options: DecideOptions): boolean {
  return options.crisisMode && chain.crisisApproverIds.includes(decider.userId)
}

export type DecideResult =
  { ok: false; reason: DecideRefusal } | { ok: true; decision: ApprovalDecision; outcome: ApprovalOutcome }

/**
 * Records one decision if the rules allow it: the decision to store (at the current step, flagged when it used the
 * crisis fast track, which the caller must write to the audit log) and the outcome after it. Rejecting and
 * requesting changes need a comment so the author knows what to fix.
 */
export function decide(
  chain: ApprovalChain,
  subject: ApprovalSubject,
  decisions: readonly ApprovalDecision[],
  candidates: StepCandidates,
  decider: Decider,
  input: { verdict: Verdict; comment?: string | null | undefined },
  options: DecideOptions,
): DecideResult {
  const refusal = whyCannotDecide(chain, subject, decisions, candidates, decider, options)
  if (refusal) return { ok: false, reason: refusal }
  const comment = input.comment?.trim() ? input.comment.trim() : null
  if (input.verdict !== 'approve' && comment === null) return { ok: false, reason: 'comment_required' }
  const before = evaluateApproval(chain, subject, decisions, candidates)
  const step = before.state === 'pending' || before.state === 'blocked' ? before.step : 0
  const crisis = input.verdict === 'approve' && usesCrisisFastTrack(chain, decider, options)
  const decision: ApprovalDecision = {
    userId: decider.userId,
    step,
    verdict: input.verdict,
    comment,
    ...(crisis ? { crisis: true } : {}),
  }
  return {
    ok: true,
    decision,
    outcome: evaluateApproval(chain, subject, [...decisions, decision], candidates),
  }
}

/** Who should be told a post waits for them: the current step's remaining approvers (nobody once it is decided). */
export function waitingApprovers(outcome: ApprovalOutcome): string[] {
  return outcome.state === 'pending' ? outcome.waitingFor : []
}

/**
 * A post still waiting for approval when its scheduled time comes is expired: it is never published late and
 * never published unapproved. A post with no scheduled time never expires.
 */
export function isApprovalExpired(
  outcome: ApprovalOutcome,
  scheduledAt: Date | null | undefined,
  now: Date,
): boolean {
  if (!scheduledAt) return false
  if (outcome.state !== 'pending' && outcome.state !== 'blocked') return false
  return now.getTime() >= scheduledAt.getTime()
}

/** Whether moving an approved post to another time sends it back for approval (a chain setting). */
export function rescheduleNeedsApproval(
  chain: ApprovalChain,
  previous: Date | null,
  next: Date | null,
): boolean {
  if (!chain.rescheduleRequiresApproval) return false
  return (previous?.getTime() ?? null) !== (next?.getTime() ?? null)
}
