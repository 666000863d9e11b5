// The approval step of the post flow, ready for the posts feature to call inside its own transaction: it resolves
// the post's chain, applies the pure rules, audits the decision (a crisis fast-track approval under its own,
// flagged action) and tells the next approvers or the author. The caller stores the returned decision with the
// post and moves the post's status from the returned outcome.
import type { Db } from '../../db/client.ts'
import type { Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { notifyUsers } from '../notifications/notify-users.ts'
import { activeUsersHoldingRoleOver } from '../../db/role-grants-repository.ts'
import type { Role } from '../../shared/roles.ts'
import { approvalBlockedNotice, approvalRequestedNotice, decisionNotice } from './approval-notices.ts'
import {
  decide,
  evaluateApproval,
  waitingApprovers,
  type ApprovalDecision,
  type ApprovalOutcome,
  type Verdict,
} from './approval-rules.ts'
import { loadStepCandidates, resolveApprovalChain } from './resolve-approval-chain.ts'

export interface PostUnderApproval {
  id: string
  instansiId: string
  title: string
  authorId: string
  authorName: string
  unitPath: string
  accountId: string | null
  accountLabel: string
  scheduledAt: Date | null
  /** The web page of the post, e.g. '/posts/<id>'. */
  link: string
}

/** The roles that may change an approval chain (policy: approval.manage). */
const CHAIN_MANAGER_ROLES: Role[] = ['admin', 'penanggung_jawab']

export interface ApprovalFlowOptions {
  mailEnabled: boolean
  crisisMode: boolean
  now: Date
}

/** Tells the approvers of the current step that the post waits for them (on submission and after each step). */
export async function notifyWaitingApprovers(
  tx: Db,
  post: PostUnderApproval,
  outcome: ApprovalOutcome,
  options: ApprovalFlowOptions,
): Promise<string[]> {
  const notifyOptions = { mailEnabled: options.mailEnabled, now: options.now }
  if (outcome.state === 'blocked') {
    // Nobody could approve this step: the post would wait unseen until it expires. Tell the author and whoever
    // may change the chain over the post's unit, so someone can assign an approver before the scheduled time.
    const managers = await activeUsersHoldingRoleOver(tx, post.instansiId, post.unitPath, CHAIN_MANAGER_ROLES)
    const recipients = [...new Set([post.authorId, ...managers.map((holder) => holder.userId)])]
    return notifyUsers(
      tx,
      post.instansiId,
      recipients,
      approvalBlockedNotice(post, outcome.step),
      notifyOptions,
    )
  }
  const waiting = waitingApprovers(outcome)
  if (waiting.length === 0) return []
  return notifyUsers(tx, post.instansiId, waiting, approvalRequestedNotice(post), {
    mailEnabled: options.mailEnabled,
    now: options.now,
  })
}

export async function startApproval(
  tx: Db,
  post: PostUnderApproval,
  options: ApprovalFlowOptions,
): Promise<ApprovalOutcome> {
  const { chain } = await resolveApprovalChain(tx, post.instansiId, post)
  const candidates = await loadStepCandidates(tx, post.instansiId, chain, post.unitPath)
  const outcome = evaluateApproval(chain, post, [], candidates)
  await notifyWaitingApprovers(tx, post, outcome, options)
  return outcome
}

export async function decideApproval(
  tx: Db,
  actor: Actor,
  meta: ChangeMeta,
  post: PostUnderApproval,
  decisions: readonly ApprovalDecision[],
  input: { verdict: Verdict; comment?: string | null | undefined },
  options: ApprovalFlowOptions,
): Promise<{ decision: ApprovalDecision; outcome: ApprovalOutcome }> {
  if (actor.instansiId !== post.instansiId) throw new AppError('not_found', 'common.not_found')
  const { chain, source } = await resolveApprovalChain(tx, post.instansiId, post)
  const candidates = await loadStepCandidates(tx, post.instansiId, chain, post.unitPath)
  const result = decide(
    chain,
    post,
    decisions,
    candidates,
    { userId: actor.userId, grants: actor.grants },
    input,
    { crisisMode: options.crisisMode },
  )
  if (!result.ok) {
    if (result.reason === 'comment_required')
      throw new AppError(
        'invalid_input',
        'approvals.refused.comment_required',
        {},
        {
          comment: problem('approvals.refused.comment_required'),
        },
      )
    throw new AppError('forbidden', `approvals.refused.${result.reason}`)
  }
  const { decision, outcome } = result
  await recordChange(
    tx,
    actor,
    meta,
    {
      action: decision.crisis ? 'approval.crisis_fast_track' : 'approval.decide',
      objectType: 'post',
      objectId: post.id,
      after: { ...decision, crisis: decision.crisis === true, outcome: outcome.state, chain: source },
    },
    options.now,
  )
  const notice = decisionNotice(post, outcome, actor.label)
  if (notice) await notifyUsers(tx, post.instansiId, [post.authorId], notice, options)
  else {
    // Only a step that just opened is announced; the rest of an all-of step were told when it opened.
    const before = evaluateApproval(chain, post, decisions, candidates)
    const stepOf = (o: ApprovalOutcome) => (o.state === 'pending' || o.state === 'blocked' ? o.step : -1)
    const opened = before.state !== outcome.state || stepOf(before) !== stepOf(outcome)
    if ((outcome.state === 'pending' || outcome.state === 'blocked') && opened)
      await notifyWaitingApprovers(tx, post, outcome, options)
  }
  return { decision, outcome }
}
