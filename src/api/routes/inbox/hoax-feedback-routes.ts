// An operator's verdict on an inbox item's hoax match (training data for the matcher's verifier), and "Jadikan
// varian": the judged wording kept as one more variant of the claim (features/inbox/hoax-feedback.ts).
import type { AppContext } from '../../../context.ts'
import {
  addVariantFromItem,
  getItemHoaxFeedback,
  judgeHoaxMatch,
  type ItemHoaxFeedback,
} from '../../../features/inbox/hoax-feedback.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { hoaxClaimView } from '../hoax-claims/hoax-claims-schemas.ts'
import { idParams } from '../shared-schemas.ts'
import { hoaxFeedbackBody, hoaxFeedbackView, variantBody } from './hoax-feedback-schemas.ts'

function render(view: ItemHoaxFeedback) {
  return {
    ...view,
    feedback: view.feedback && { ...view.feedback, judgedAt: view.feedback.judgedAt.toISOString() },
  }
}

export function registerHoaxFeedbackRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/inbox/items/:id/hoax-feedback',
    {
      schema: {
        tags: ['inbox'],
        summary: "The operators' verdict on the item's hoax match, and what the caller may do with it",
        params: idParams,
        response: { 200: hoaxFeedbackView },
      },
    },
    async (request) => render(await getItemHoaxFeedback(context, requireActor(request), request.params.id)),
  )

  app.put(
    '/inbox/items/:id/hoax-feedback',
    {
      schema: {
        tags: ['inbox'],
        summary:
          "Judge the item's hoax match (replaces an earlier verdict): sets or clears the match and its priority",
        params: idParams,
        body: hoaxFeedbackBody,
        response: { 200: hoaxFeedbackView },
      },
    },
    async (request) =>
      render(
        await judgeHoaxMatch(
          context,
          requireActor(request),
          request.params.id,
          request.body,
          requestMeta(request),
        ),
      ),
  )

  app.post(
    '/inbox/items/:id/hoax-feedback/variant',
    {
      schema: {
        tags: ['inbox'],
        summary:
          'Keep the judged wording (or an edit of it) as a variant of the claim; refused while it holds an NIK, phone or e-mail',
        params: idParams,
        body: variantBody,
        response: { 200: hoaxClaimView },
      },
    },
    async (request) =>
      addVariantFromItem(
        context,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  )
}
