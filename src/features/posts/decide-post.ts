// The approval flow on a submitted post (issue #7 item 4, post side): approve, reject with a comment or request
// changes, as the pure rules of features/approvals allow; the approval queue; the decision history; and the
// contract with the publishing engine. When a post's chain completes the post becomes `approved` and at once
// `scheduled`, with every unpublished variant `scheduled` and `next_attempt_at` = the post's scheduled time — or
// now when it has none (or it has passed): an approved post without a time is published as soon as possible. The
// engine's sweeper picks due scheduled variants up; nothing more happens here.
//
// A rejection ends the post (`cancelled`, variants `cancelled`); requested changes send it back to its author
// (`changes_requested`) and the next submission opens a new round. Compliance is checked again at approval: a
// blocking finding that appeared since stops the approval unless a penanggung jawab overrides it, as at submission.
// The crisis fast track (a designated approver approves alone) applies to a post marked crisis by its author:
// the post's `crisis` flag is the rules' crisisMode.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import {
  decisionsOfPosts,
  decisionsOfRound,
  insertPostApprovalDecision,
  setPostStatus,
  setUnpublishedVariants,
  type DecisionWithName,
} from '../../db/post-approval-decisions-repository.ts'
import { getPost, listPosts, lockPost, variantsOf, type PostRecord } from '../../db/posts-repository.ts'
import type { StoredFinding } from '../../db/schema/index.ts'
import { findInstansiUsers } from '../../db/users-repository.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import type { ChangeMeta } from '../audit/record-change.ts'
import type { ApprovalChain } from '../approvals/approval-chain.ts'
import {
  evaluateApproval,
  whyCannotDecide,
  type ApprovalDecision,
  type ApprovalOutcome,
  type Verdict,
} from '../approvals/approval-rules.ts'
import { decideApproval, startApproval, type PostUnderApproval } from '../approvals/decide-approval.ts'
import { loadStepCandidates, resolveApprovalChain } from '../approvals/resolve-approval-chain.ts'
import { viewOfPost, type PostDeps, type PostView } from './manage-posts.ts'
import {
  assertMayOverride,
  blockingDetails,
  checkStored,
  recordOverride,
  storedFindings,
} from './submit-post.ts'

export interface DecideInput {
  version?: number | undefined
  comment?: string | null | undefined
  /** A penanggung jawab lets a blocking finding that appeared since submission through (approve only). */
  overrideReason?: string | undefined
}

function mailEnabled(deps: PostDeps): boolean {
  return deps.mailEnabled === true
}

/** The post as the approval feature needs it: author, unit, the account whose chain applies, its link. */
export async function postUnderApproval(db: Db, post: PostRecord): Promise<PostUnderApproval> {
  const variants = await variantsOf(db, post.instansiId, [post.id])
  const [author] = await findInstansiUsers(db, post.instansiId, { ids: [post.authorId] })
  // One target account: its own chain may apply; several: the unit's chain (one decision covers every variant).
  const accountId = variants.length === 1 ? variants[0]!.accountId : null
  return {
    id: post.id,
    instansiId: post.instansiId,
    title: post.title,
    authorId: post.authorId,
    authorName: author?.name ?? '',
    unitPath: post.unitPath,
    accountId,
    accountLabel: variants.map((variant) => variant.handle).join(', '),
    scheduledAt: post.scheduledAt,
    link: `/posts/${post.id}`,
  }
}

export function asRuleDecision(row: {
  userId: string
  step: number
  verdict: string
  comment: string | null
  crisis: boolean
}): ApprovalDecision {
  return {
    userId: row.userId,
    step: row.step,
    verdict: row.verdict as Verdict,
    comment: row.comment,
    ...(row.crisis ? { crisis: true } : {}),
  }
}

/** The time the engine should publish an approved post: its scheduled time, or now when none or past. */
export function publishAt(scheduledAt: Date | null, now: Date): Date {
  return scheduledAt && scheduledAt.getTime() > now.getTime() ? scheduledAt : now
}

/** Moves the post (inside the decision's transaction) to the state the outcome says. */
async function applyOutcome(tx: Db, post: PostRecord, outcome: ApprovalOutcome, now: Date): Promise<void> {
  switch (outcome.state) {
    case 'approved':
      // `approved` is passed through at once: the contract with the engine is a `scheduled` post and variants.
      await setPostStatus(tx, post.instansiId, post.id, { status: 'scheduled' }, now)
      await setUnpublishedVariants(
        tx,
        post.instansiId,
        post.id,
        { status: 'scheduled', nextAttemptAt: publishAt(post.scheduledAt, now) },
        now,
      )
      break
    case 'rejected':
      await setPostStatus(tx, post.instansiId, post.id, { status: 'cancelled' }, now)
      await setUnpublishedVariants(
        tx,
        post.instansiId,
        post.id,
        { status: 'cancelled', nextAttemptAt: null },
        now,
      )
      break
    case 'changes_requested':
      await setPostStatus(tx, post.instansiId, post.id, { status: 'changes_requested' }, now)
      break
    case 'pending':
    case 'blocked':
      await setPostStatus(tx, post.instansiId, post.id, { status: 'in_review' }, now)
      break
  }
}

export async function decidePost(
  deps: PostDeps,
  actor: Actor,
  id: string,
  verdict: Verdict,
  input: DecideInput,
  meta: ChangeMeta,
): Promise<PostView> {
  const post = await getPost(deps.db, actor.instansiId, id)
  if (!post) throw new AppError('not_found', 'posts.not_found')
  if (post.status !== 'in_review') throw new AppError('conflict', 'approvals.refused.not_pending')
  // Compliance again at approval: the knowledge base may have learned a new hoax since the submission.
  let findings: StoredFinding[] | null = null
  let overrideNow = false
  if (verdict === 'approve') {
    const view = await viewOfPost(deps.db, actor, post)
    {
      const check = await checkStored(deps, actor, view)
      findings = storedFindings(check)
      const known = new Set(
        (post.submittedFindings ?? [])
          .filter((finding) => finding.severity === 'block')
          .map((finding) => `${finding.scope}:${finding.code}:${finding.start}`),
      )
      const appeared = findings.filter(
        (finding) =>
          finding.severity === 'block' && !known.has(`${finding.scope}:${finding.code}:${finding.start}`),
      )
      const overridden = post.overrideReason !== null && appeared.length === 0
      if (check.blocking > 0 && !overridden) {
        if (input.overrideReason === undefined)
          throw new AppError(
            'invalid_input',
            'posts.blocked_by_findings',
            { count: check.blocking },
            blockingDetails(check),
          )
        assertMayOverride(actor, post.unitPath, input.overrideReason)
        overrideNow = true
      }
    }
  }
  const subject = await postUnderApproval(deps.db, post)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const locked = await lockPost(tx, actor.instansiId, id)
    if (!locked || locked.status !== 'in_review')
      throw new AppError('conflict', 'approvals.refused.not_pending')
    if (input.version !== undefined && locked.version !== input.version)
      throw new AppError('conflict', 'posts.version_conflict')
    const rows = await decisionsOfRound(tx, actor.instansiId, id, locked.approvalRound)
    const { decision, outcome } = await decideApproval(
      tx,
      actor,
      meta,
      subject,
      rows.map(asRuleDecision),
      { verdict, comment: input.comment },
      { mailEnabled: mailEnabled(deps), crisisMode: post.crisis, now },
    )
    if (overrideNow)
      await recordOverride(tx, actor, meta, id, input.overrideReason!.trim(), findings ?? [], now)
    await insertPostApprovalDecision(tx, {
      id: randomUUID(),
      instansiId: actor.instansiId,
      postId: id,
      round: locked.approvalRound,
      step: decision.step,
      userId: actor.userId,
      verdict: decision.verdict,
      comment: decision.comment ?? null,
      crisis: decision.crisis === true,
      decidedAt: now,
    })
    await applyOutcome(tx, post, outcome, now)
  })
  // An approver named in the chain may not hold post.read over the unit: they still get the post back.
  const after = await getPost(deps.db, actor.instansiId, id)
  return viewOfPost(deps.db, actor, after!)
}

/** Called by submitPost inside its transaction: tells the first step's approvers the post waits for them. */
export async function announceSubmission(
  deps: PostDeps,
  tx: Db,
  post: PostRecord,
  now: Date,
): Promise<ApprovalOutcome> {
  const subject = await postUnderApproval(tx, post)
  return startApproval(tx, subject, { mailEnabled: mailEnabled(deps), crisisMode: post.crisis, now })
}

export interface QueueItem {
  post: PostView
  step: number
  chain: ApprovalChain
  /** Who each step waits for or was decided by in this round. */
  waitingFor: string[]
  decisions: DecisionWithName[]
  userNames: Record<string, string>
  /** The decider may approve alone (crisis fast track). */
  crisisFastTrack: boolean
}

/** Posts in review that wait for the actor now (the rules say they may decide), oldest submission first. */
export async function approvalQueue(deps: PostDeps, actor: Actor): Promise<QueueItem[]> {
  const inReview = await listPosts(
    deps.db,
    { instansiId: actor.instansiId, pathPrefixes: ['/'], statuses: ['in_review'] },
    500,
  )
  const items: QueueItem[] = []
  const history = await decisionsOfPosts(
    deps.db,
    actor.instansiId,
    inReview.map((post) => post.id),
  )
  for (const post of inReview) {
    const subject = await postUnderApproval(deps.db, post)
    const { chain } = await resolveApprovalChain(deps.db, post.instansiId, subject)
    const candidates = await loadStepCandidates(deps.db, post.instansiId, chain, post.unitPath)
    const round = history.filter((row) => row.postId === post.id && row.round === post.approvalRound)
    const decisions = round.map(asRuleDecision)
    const decider = { userId: actor.userId, grants: actor.grants }
    if (whyCannotDecide(chain, subject, decisions, candidates, decider, { crisisMode: post.crisis }) !== null)
      continue
    const outcome = evaluateApproval(chain, subject, decisions, candidates)
    const step = outcome.state === 'pending' || outcome.state === 'blocked' ? outcome.step : 0
    const waitingFor = outcome.state === 'pending' ? outcome.waitingFor : []
    const ids = [
      ...new Set([...waitingFor, ...chain.steps.flatMap((s) => (s.kind === 'users' ? s.userIds : []))]),
    ]
    const users = await findInstansiUsers(deps.db, post.instansiId, { ids })
    items.push({
      post: await viewOfPost(deps.db, actor, post),
      step,
      chain,
      waitingFor,
      decisions: round,
      userNames: Object.fromEntries(users.map((user) => [user.id, user.name])),
      crisisFastTrack: post.crisis && chain.crisisApproverIds.includes(actor.userId),
    })
  }
  return items.sort((a, b) => (a.post.submittedAt ?? '').localeCompare(b.post.submittedAt ?? ''))
}

/** Every decision on the post, every round, with who made it. Readable by whoever may read the post. */
export async function postDecisions(deps: PostDeps, actor: Actor, id: string): Promise<DecisionWithName[]> {
  const post = await getPost(deps.db, actor.instansiId, id)
  if (!post) throw new AppError('not_found', 'posts.not_found')
  const rows = await decisionsOfPosts(deps.db, actor.instansiId, [id])
  if (post.authorId !== actor.userId && !rows.some((row) => row.userId === actor.userId))
    authorize(actor, 'post.read', { instansiId: post.instansiId, unitPath: post.unitPath })
  return rows
}
