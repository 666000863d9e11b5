// The approval flow on posts: the queue of posts waiting for me, the decisions (approve, reject, request changes),
// the decision history and rescheduling an approved post.
import { z } from 'zod'
import { VERDICTS } from '../../../features/approvals/approval-rules.ts'
import { step } from '../approval-chains/approval-chains-schemas.ts'
import { postView } from '../posts/posts-schemas.ts'

export const decisionView = z
  .object({
    id: z.string(),
    round: z
      .number()
      .describe('1 for the first submission; each submission or reschedule back to review adds one'),
    step: z.number().describe('0-based index of the chain step'),
    userId: z.string(),
    userName: z.string(),
    verdict: z.enum(VERDICTS),
    comment: z.string().nullable(),
    crisis: z.boolean().describe('Approved alone through the crisis fast track'),
    decidedAt: z.string(),
  })
  .meta({ id: 'ApprovalDecision' })
export const decisionList = z.object({ items: z.array(decisionView) })

export const queueView = z.object({
  items: z.array(
    z.object({
      post: postView,
      step: z.number().describe('The step (0-based) that waits for you'),
      steps: z.array(step),
      waitingFor: z.array(z.object({ id: z.string(), name: z.string() })),
      decisions: z.array(decisionView).describe('This round’s decisions so far'),
      crisisFastTrack: z
        .boolean()
        .describe('You may approve alone: a crisis post and you are a crisis approver'),
    }),
  ),
})

const comment = z.string().max(4000).nullable().optional()
export const approveBody = z.object({
  version: z.number().int().min(1).optional().describe('The version you read; a changed post is a conflict'),
  comment,
  overrideReason: z
    .string()
    .max(2000)
    .optional()
    .describe('A penanggung jawab approves through a blocking finding that appeared since submission'),
})
export const commentBody = z.object({
  version: z.number().int().min(1).optional(),
  comment: z.string().max(4000).describe('Required: what is wrong, or what to change'),
})
export const rescheduleBody = z.object({
  version: z.number().int().min(1),
  scheduledAt: z.iso.datetime({ offset: true }).nullable(),
})
