// Submission of a draft for review (draft | changes_requested → in_review) and the penanggung jawab's compliance
// override. At submission the post must be complete (title, 5W+1H for a berita, targets, every variant within its
// platform's rules) and the compliance check is run again on the stored text: a blocking finding stops it unless a
// penanggung jawab over the post's unit recorded an override with a written reason (audited). All findings,
// warnings included, are stored with the submission for the approver.
import { getPost, setPostOverride, setSubmitted, lockPost } from '../../db/posts-repository.ts'
import type { StoredFinding } from '../../db/schema/index.ts'
import { FIVE_W_ONE_H, EDITABLE_POST_STATUSES, type PostStatus } from '../../shared/statuses.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { isInTrainingMode, trainingTargetProblems } from '../sandbox/training-mode.ts'
import { AppError, problem, type Problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { checkPostContent, type PostCheck } from './check-post.ts'
import { announceSubmission } from './decide-post.ts'
import { claimsOf, getPostView, requireEditable, type PostDeps, type PostView } from './manage-posts.ts'

export const OVERRIDE_REASON_MIN = 10

/** Holds the penanggung_jawab role on the post's unit or a unit above it. */
export function isPenanggungJawabOver(actor: Actor, unitPath: string): boolean {
  return actor.grants.some(
    (grant) => grant.role === 'penanggung_jawab' && unitPath.startsWith(grant.unitPath),
  )
}

export async function checkStored(deps: PostDeps, actor: Actor, view: PostView): Promise<PostCheck> {
  const claims = await claimsOf(deps)(actor.instansiId)
  return checkPostContent(
    {
      baseText: view.baseText,
      variants: view.variants.map((variant) => ({
        key: variant.accountId,
        platform: variant.platform,
        text: variant.text,
        media: variant.media,
      })),
    },
    claims,
  )
}

export function storedFindings(check: PostCheck): StoredFinding[] {
  return [
    ...check.base.map((finding) => ({ scope: 'base', ...finding })),
    ...check.variants.flatMap((variant) =>
      variant.findings.map((finding) => ({ scope: variant.key, ...finding })),
    ),
  ]
}

/** What a post still lacks before it can be submitted (title, 5W+1H of a berita, targets). */
export function completenessProblems(
  view: Pick<PostView, 'title' | 'kind' | 'fiveWOneH' | 'variants'>,
): Record<string, Problem> {
  const problems: Record<string, Problem> = {}
  if (!view.title.trim()) problems.title = problem('posts.title_required')
  if (view.kind === 'berita') {
    for (const key of FIVE_W_ONE_H) {
      if (!(view.fiveWOneH[key] ?? '').trim())
        problems[`fiveWOneH.${key}`] = problem('posts.five_w_required', { question: key })
    }
  }
  if (view.variants.length === 0) problems.targets = problem('posts.targets_required')
  return problems
}

export async function submitPost(
  deps: PostDeps,
  actor: Actor,
  id: string,
  input: { version: number; overrideReason?: string | undefined },
  meta: ChangeMeta,
): Promise<PostView> {
  const post = await requireEditable(deps, actor, id)
  const view = await getPostView(deps, actor, id)
  const problems = completenessProblems(view)
  if (Object.keys(problems).length > 0)
    throw new AppError('invalid_input', 'posts.invalid', { count: Object.keys(problems).length }, problems)
  // Mode Latihan may have been switched on since the draft was saved: a trainee's post goes only to the sandbox.
  if (await isInTrainingMode(deps.db, actor.instansiId, actor.userId)) {
    const outside = trainingTargetProblems(view.variants, (index) => `variants.${index}.accountId`)
    if (Object.keys(outside).length > 0)
      throw new AppError('invalid_input', 'posts.training_sandbox_only', undefined, outside)
  }
  const variantProblems: Record<string, Problem> = {}
  view.variants.forEach((variant, index) => {
    for (const found of variant.validation.problems)
      variantProblems[`variants.${index}.${found.field}`] = { key: found.key, params: found.params }
  })
  if (Object.keys(variantProblems).length > 0) {
    const invalid = view.variants.filter((variant) => variant.validation.problems.length > 0).length
    throw new AppError('invalid_input', 'posts.variants_invalid', { count: invalid }, variantProblems)
  }
  if (post.scheduledAt && post.scheduledAt.getTime() <= deps.clock.now().getTime())
    throw new AppError(
      'invalid_input',
      'posts.invalid',
      { count: 1 },
      { scheduledAt: problem('posts.scheduled_in_past') },
    )

  const check = await checkStored(deps, actor, view)
  const overrideNow = input.overrideReason !== undefined && check.blocking > 0
  if (overrideNow) assertMayOverride(actor, post.unitPath, input.overrideReason!)
  if (check.blocking > 0 && !overrideNow && !post.overrideReason) {
    throw new AppError(
      'invalid_input',
      'posts.blocked_by_findings',
      { count: check.blocking },
      blockingDetails(check),
    )
  }

  const findings = storedFindings(check)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const locked = await lockPost(tx, actor.instansiId, id)
    if (!locked || locked.version !== input.version) throw new AppError('conflict', 'posts.version_conflict')
    if (overrideNow) {
      await setPostOverride(tx, actor.instansiId, id, {
        reason: input.overrideReason!.trim(),
        by: actor.userId,
        at: now,
      })
      await recordOverride(tx, actor, meta, id, input.overrideReason!.trim(), findings, now)
    }
    await setSubmitted(tx, actor.instansiId, id, findings, now)
    // The first step's approvers are told in the same transaction (their mails go out once it commits).
    await announceSubmission(deps, tx, post, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'post.submit',
        objectType: 'post',
        objectId: id,
        before: { status: post.status },
        after: {
          status: 'in_review',
          blocking: check.blocking,
          warnings: check.warnings,
          overridden: check.blocking > 0,
        },
      },
      now,
    )
  })
  return getPostView(deps, actor, id)
}

export function blockingDetails(check: PostCheck): Record<string, Problem> {
  const details: Record<string, Problem> = {}
  check.base
    .filter((finding) => finding.severity === 'block')
    .forEach((finding, index) => {
      details[`baseText.${index}`] = problem('posts.finding', { message: finding.message })
    })
  check.variants.forEach((variant, variantIndex) =>
    variant.findings
      .filter((finding) => finding.severity === 'block')
      .forEach((finding, index) => {
        details[`variants.${variantIndex}.text.${index}`] = problem('posts.finding', {
          message: finding.message,
        })
      }),
  )
  return details
}

export function assertMayOverride(actor: Actor, unitPath: string, reason: string): void {
  if (!isPenanggungJawabOver(actor, unitPath)) throw new AppError('forbidden', 'posts.override_not_allowed')
  if (reason.trim().length < OVERRIDE_REASON_MIN) {
    throw new AppError(
      'invalid_input',
      'posts.override_reason_required',
      {},
      {
        overrideReason: problem('posts.override_reason_required'),
      },
    )
  }
}

export async function recordOverride(
  tx: PostDeps['db'],
  actor: Actor,
  meta: ChangeMeta,
  id: string,
  reason: string,
  findings: StoredFinding[],
  now: Date,
): Promise<void> {
  await recordChange(
    tx,
    actor,
    meta,
    {
      action: 'post.compliance_override',
      objectType: 'post',
      objectId: id,
      after: {
        reason,
        findings: findings
          .filter((finding) => finding.severity === 'block')
          .map(({ scope, code, start, end }) => ({ scope, code, start, end })),
      },
    },
    now,
  )
}

/**
 * A penanggung jawab over the post's unit lets its blocking findings through, with a written reason, so its
 * author can submit it. Changing the text afterwards clears the override (manage-posts.ts).
 */
export async function overridePost(
  deps: PostDeps,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
  meta: ChangeMeta,
): Promise<PostView> {
  const post = await getPost(deps.db, actor.instansiId, id)
  if (!post) throw new AppError('not_found', 'posts.not_found')
  authorize(actor, 'post.read', { instansiId: post.instansiId, unitPath: post.unitPath })
  if (!EDITABLE_POST_STATUSES.includes(post.status as PostStatus))
    throw new AppError('conflict', 'posts.not_editable', { status: post.status })
  assertMayOverride(actor, post.unitPath, input.reason)
  const view = await getPostView(deps, actor, id)
  const check = await checkStored(deps, actor, view)
  if (check.blocking === 0) throw new AppError('conflict', 'posts.override_nothing')
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const locked = await lockPost(tx, actor.instansiId, id)
    if (!locked || locked.version !== input.version) throw new AppError('conflict', 'posts.version_conflict')
    await setPostOverride(tx, actor.instansiId, id, {
      reason: input.reason.trim(),
      by: actor.userId,
      at: now,
    })
    await recordOverride(tx, actor, meta, id, input.reason.trim(), storedFindings(check), now)
  })
  return getPostView(deps, actor, id)
}
