// An operator's verdict on an inbox item's hoax match, and a judged wording kept as a claim's variant.
import { z } from 'zod'
import { HOAX_LIMITS } from '../../../features/hoax/hoax-claim-input.ts'

const verdict = z
  .enum(['confirmed', 'rejected', 'other_claim'])
  .describe(
    'confirmed: the matched claim is right; rejected: the text is not that claim; other_claim: it restates the claim named (or one the matcher missed)',
  )

export const hoaxFeedbackBody = z
  .discriminatedUnion('verdict', [
    z.object({ verdict: z.enum(['confirmed', 'rejected']) }),
    z.object({
      verdict: z.literal('other_claim'),
      claimId: z.uuid().describe('The active claim of the knowledge base the text restates'),
    }),
  ])
  .meta({ id: 'HoaxFeedbackRequest' })

export const hoaxFeedbackView = z
  .object({
    itemId: z.string(),
    hoaxClaimId: z.string().nullable().describe("The item's match now"),
    priority: z.number().int(),
    feedback: z
      .object({
        verdict,
        claimId: z.string().describe('The right claim (confirmed, other_claim) or the wrongly matched one'),
        claim: z.string(),
        matchedClaimId: z.string().nullable().describe('What the matcher said before anyone judged the item'),
        matchedClaim: z.string().nullable(),
        matchedScore: z.number().nullable(),
        text: z.string().describe("The item's text as it was judged"),
        judgedBy: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
        judgedAt: z.string(),
      })
      .nullable(),
    canJudge: z.boolean().describe('Whether the caller may judge the item (inbox.reply on its unit)'),
    canAddVariant: z
      .boolean()
      .describe(
        'Whether the caller may add the judged wording to the claim (hoax.manage, a positive verdict)',
      ),
  })
  .meta({ id: 'HoaxFeedback' })

export const variantBody = z.object({
  text: z
    .string()
    .max(HOAX_LIMITS.variant)
    .optional()
    .describe('The wording to keep (the judged text when absent); refused while it holds personal data'),
})
