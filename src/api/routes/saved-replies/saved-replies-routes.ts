// Saved replies (jawaban baku): list, one, add, change, delete, render for an inbox item; and the one-click hoax
// clarification text for an item matched to a claim. Reading needs inbox.read where the reply applies; changing
// needs saved_reply.manage at its unit (features/saved-replies/manage-saved-replies.ts).
import type { AppContext } from '../../../context.ts'
import {
  clarificationForItem,
  createSavedReply,
  getSavedReplyView,
  listSavedReplyViews,
  removeSavedReply,
  renderSavedReplyForItem,
  updateSavedReplyFields,
} from '../../../features/saved-replies/manage-saved-replies.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import {
  clarificationView,
  createBody,
  deletedView,
  listQuery,
  META,
  metaView,
  renderBody,
  renderedView,
  savedReplyList,
  savedReplyView,
  updateBody,
} from './saved-replies-schemas.ts'

export function registerSavedRepliesRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/saved-replies/meta',
    {
      schema: {
        tags: ['saved-replies'],
        summary: 'The variables a saved reply may use and the intents it may fit',
        response: { 200: metaView },
      },
    },
    async (request) => {
      requireActor(request)
      return META
    },
  )

  app.get(
    '/saved-replies',
    {
      schema: {
        tags: ['saved-replies'],
        summary:
          "The saved replies of the caller's units and the instansi's, by title; filters q, unitId, itemId",
        querystring: listQuery,
        response: { 200: savedReplyList },
      },
    },
    async (request) => {
      const { q, ...filter } = request.query
      return listSavedReplyViews(context, requireActor(request), { ...filter, query: q })
    },
  )

  app.get(
    '/saved-replies/:id',
    {
      schema: {
        tags: ['saved-replies'],
        summary: 'One saved reply',
        params: idParams,
        response: { 200: savedReplyView },
      },
    },
    async (request) => getSavedReplyView(context, requireActor(request), request.params.id),
  )

  app.post(
    '/saved-replies',
    {
      schema: {
        tags: ['saved-replies'],
        summary: 'Add a saved reply (saved_reply.manage at its unit; instansi-wide from a top-level unit)',
        body: createBody,
        response: { 200: savedReplyView },
      },
    },
    async (request) => createSavedReply(context, requireActor(request), request.body, requestMeta(request)),
  )

  app.patch(
    '/saved-replies/:id',
    {
      schema: {
        tags: ['saved-replies'],
        summary: 'Change a saved reply: only the fields given change',
        params: idParams,
        body: updateBody,
        response: { 200: savedReplyView },
      },
    },
    async (request) =>
      updateSavedReplyFields(
        context,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  )

  app.delete(
    '/saved-replies/:id',
    {
      schema: {
        tags: ['saved-replies'],
        summary: 'Delete a saved reply (audited with its text)',
        params: idParams,
        response: { 200: deletedView },
      },
    },
    async (request) => {
      await removeSavedReply(context, requireActor(request), request.params.id, requestMeta(request))
      return { id: request.params.id, deleted: true as const }
    },
  )

  app.post(
    '/saved-replies/:id/render',
    {
      schema: {
        tags: ['saved-replies'],
        summary:
          'The saved reply filled in for an inbox item: the text, and the variables left as [[placeholders]] to fill',
        params: idParams,
        body: renderBody,
        response: { 200: renderedView },
      },
    },
    async (request) =>
      renderSavedReplyForItem(context, requireActor(request), request.params.id, request.body.itemId),
  )

  app.post(
    '/inbox/items/:id/clarification',
    {
      schema: {
        tags: ['saved-replies'],
        summary:
          "The clarification reply for an item matched to a hoax claim: the claim's facts and first source, within the platform's reply limit",
        params: idParams,
        response: { 200: clarificationView },
      },
    },
    async (request) => clarificationForItem(context, requireActor(request), request.params.id),
  )
}
