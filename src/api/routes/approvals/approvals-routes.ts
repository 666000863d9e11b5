// The approval flow on posts: my approval queue, approve / reject / request changes on a submitted post, its
// decision history, and rescheduling an approved post (which may send it back for review).
import type { AppContext } from '../../../context.ts'
import type { Verdict } from '../../../features/approvals/approval-rules.ts'
import { approvalQueue, decidePost, postDecisions } from '../../../features/posts/decide-post.ts'
import type { PostDeps } from '../../../features/posts/manage-posts.ts'
import { reschedulePost } from '../../../features/posts/reschedule-post.ts'
import type { DecisionWithName } from '../../../db/post-approval-decisions-repository.ts'
import { requestLocale } from '../../error-handler.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { postView } from '../posts/posts-schemas.ts'
import { renderPost } from '../posts/posts-routes.ts'
import { idParams } from '../shared-schemas.ts'
import { approveBody, commentBody, decisionList, queueView, rescheduleBody } from './approvals-schemas.ts'

function decisionOut(row: DecisionWithName) {
  return {
    id: row.id,
    round: row.round,
    step: row.step,
    userId: row.userId,
    userName: row.userName,
    verdict: row.verdict as Verdict,
    comment: row.comment,
    crisis: row.crisis,
    decidedAt: row.decidedAt.toISOString(),
  }
}

const DECISIONS: ReadonlyArray<{ path: string; verdict: Verdict; summary: string }> = [
  {
    path: 'approve',
    verdict: 'approve',
    summary:
      'Approve a post waiting for you (never your own); compliance is checked again. A crisis post approved by a crisis approver is approved alone',
  },
  {
    path: 'reject',
    verdict: 'reject',
    summary: 'Reject a post waiting for you, with a comment: it is cancelled',
  },
  {
    path: 'request-changes',
    verdict: 'request_changes',
    summary: 'Send a post waiting for you back to its author with the changes to make (a comment)',
  },
]

export function registerApprovalsRoutes(
  app: ApiInstance,
  context: AppContext,
  deps: Partial<PostDeps> = {},
): void {
  const postDeps: PostDeps = {
    db: context.db,
    clock: context.clock,
    mailEnabled: context.config.mail !== undefined,
    ...deps,
  }

  app.get(
    '/approvals/queue',
    {
      schema: {
        tags: ['approvals'],
        summary:
          'Posts waiting for my decision now, with the step, the chain and the findings of the submission',
        response: { 200: queueView },
      },
    },
    async (request) => {
      const items = await approvalQueue(postDeps, requireActor(request))
      const locale = requestLocale(request)
      return {
        items: items.map((item) => ({
          post: renderPost(item.post, locale),
          step: item.step,
          steps: [...item.chain.steps],
          waitingFor: item.waitingFor.map((id) => ({ id, name: item.userNames[id] ?? '' })),
          decisions: item.decisions.map(decisionOut),
          crisisFastTrack: item.crisisFastTrack,
        })),
      }
    },
  )

  for (const { path, verdict, summary } of DECISIONS) {
    app.post(
      `/posts/:id/${path}`,
      {
        schema: {
          tags: ['approvals'],
          summary,
          params: idParams,
          body: verdict === 'approve' ? approveBody : commentBody,
          response: { 200: postView },
        },
      },
      async (request) =>
        renderPost(
          await decidePost(
            postDeps,
            requireActor(request),
            request.params.id,
            verdict,
            request.body,
            requestMeta(request),
          ),
          requestLocale(request),
        ),
    )
  }

  app.get(
    '/posts/:id/decisions',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Every approval decision on the post, every round, oldest first',
        params: idParams,
        response: { 200: decisionList },
      },
    },
    async (request) => ({
      items: (await postDecisions(postDeps, requireActor(request), request.params.id)).map(decisionOut),
    }),
  )

  app.post(
    '/posts/:id/reschedule',
    {
      schema: {
        tags: ['approvals'],
        summary:
          "Move an approved post to another time; the chain's reschedule rule may send it back for review",
        params: idParams,
        body: rescheduleBody,
        response: { 200: postView },
      },
    },
    async (request) =>
      renderPost(
        await reschedulePost(
          postDeps,
          requireActor(request),
          request.params.id,
          request.body,
          requestMeta(request),
        ),
        requestLocale(request),
      ),
  )
}
