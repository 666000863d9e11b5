// Drafts: the accounts you may post to, create / change / read / list / delete a draft, the live compliance check
// the composer calls as the author types, submission for review, the penanggung jawab's override, and the
// content calendar's posts in a range.
import type { AppContext } from '../../../context.ts'
import { checkPostContent } from '../../../features/posts/check-post.ts'
import {
  claimsOf,
  createDraft,
  deleteDraft,
  getPostView,
  listPostViews,
  postTargets,
  updateDraft,
  type PostDeps,
  type PostView,
} from '../../../features/posts/manage-posts.ts'
import { listCalendarPosts } from '../../../features/posts/list-calendar-posts.ts'
import { overridePost, submitPost } from '../../../features/posts/submit-post.ts'
import type { Locale } from '../../../shared/dates.ts'
import type { PostingPlatform } from '../../../shared/platforms.ts'
import type { VariantVerdict } from '../../../shared/validate-variant.ts'
import { requestLocale } from '../../error-handler.ts'
import { renderProblem } from '../../render-problem.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import {
  calendarQuery,
  calendarView,
  checkBody,
  checkView,
  deletedView,
  draftBody,
  listQuery,
  overrideBody,
  postList,
  postView,
  submitBody,
  targetsView,
  updateBody,
} from './posts-schemas.ts'

function renderValidation(verdict: VariantVerdict, locale: Locale) {
  return {
    ...verdict,
    problems: verdict.problems.map((found) => ({ ...found, ...renderProblem(found, locale) })),
  }
}

export function renderPost(view: PostView, locale: Locale) {
  return {
    ...view,
    variants: view.variants.map((variant) => ({
      ...variant,
      validation: renderValidation(variant.validation, locale),
    })),
  }
}

export function registerPostsRoutes(
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
    '/posts/targets',
    {
      schema: {
        tags: ['posts'],
        summary:
          'The official accounts you may post to: active accounts on posting platforms in your post.create units',
        response: { 200: targetsView },
      },
    },
    async (request) => {
      const accounts = await postTargets(postDeps, requireActor(request))
      return {
        items: accounts.map((account) => ({
          id: account.id,
          platform: account.platform as PostingPlatform,
          handle: account.handleDisplay ?? account.handle,
          displayName: account.displayName,
          unit: { id: account.unitId, name: account.unitName },
        })),
      }
    },
  )

  app.post(
    '/posts/check',
    {
      schema: {
        tags: ['posts'],
        summary: 'The compliance check and platform rules of a text being written (nothing is stored)',
        body: checkBody,
        response: { 200: checkView },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      const claims = await claimsOf(postDeps)(actor.instansiId)
      const check = checkPostContent(request.body, claims)
      const locale = requestLocale(request)
      return {
        ...check,
        variants: check.variants.map((variant) => ({
          ...variant,
          validation: renderValidation(variant.validation, locale),
        })),
      }
    },
  )

  app.get(
    '/posts',
    {
      schema: {
        tags: ['posts'],
        summary:
          'Your posts (mine=true, default) or the posts of the units you may read, newest change first',
        querystring: listQuery,
        response: { 200: postList },
      },
    },
    async (request) => {
      const { mine, status, unitId } = request.query
      const items = await listPostViews(postDeps, requireActor(request), {
        mine: mine === 'true',
        statuses: status ? [status] : undefined,
        unitId,
      })
      const locale = requestLocale(request)
      return { items: items.map((item) => renderPost(item, locale)) }
    },
  )

  app.get(
    '/posts/calendar',
    {
      schema: {
        tags: ['posts'],
        summary:
          'The content calendar: posts of the units you may read scheduled or published within a range of at most 62 days',
        querystring: calendarQuery,
        response: { 200: calendarView },
      },
    },
    async (request) => listCalendarPosts(postDeps, requireActor(request), request.query),
  )

  app.post(
    '/posts',
    {
      schema: { tags: ['posts'], summary: 'Create a draft', body: draftBody, response: { 200: postView } },
    },
    async (request) =>
      renderPost(
        await createDraft(postDeps, requireActor(request), request.body, requestMeta(request)),
        requestLocale(request),
      ),
  )

  app.get(
    '/posts/:id',
    {
      schema: {
        tags: ['posts'],
        summary: 'One post with its variants',
        params: idParams,
        response: { 200: postView },
      },
    },
    async (request) =>
      renderPost(
        await getPostView(postDeps, requireActor(request), request.params.id),
        requestLocale(request),
      ),
  )

  app.put(
    '/posts/:id',
    {
      schema: {
        tags: ['posts'],
        summary: 'Change your draft (the whole form, with the version you read)',
        params: idParams,
        body: updateBody,
        response: { 200: postView },
      },
    },
    async (request) => {
      const { version, ...input } = request.body
      return renderPost(
        await updateDraft(
          postDeps,
          requireActor(request),
          request.params.id,
          version,
          input,
          requestMeta(request),
        ),
        requestLocale(request),
      )
    },
  )

  app.delete(
    '/posts/:id',
    {
      schema: {
        tags: ['posts'],
        summary: 'Delete your draft',
        params: idParams,
        response: { 200: deletedView },
      },
    },
    async (request) => {
      await deleteDraft(postDeps, requireActor(request), request.params.id, requestMeta(request))
      return { id: request.params.id, deleted: true }
    },
  )

  app.post(
    '/posts/:id/submit',
    {
      schema: {
        tags: ['posts'],
        summary:
          'Submit your draft for review: refused while a blocking compliance finding stands, unless overridden by a penanggung jawab',
        params: idParams,
        body: submitBody,
        response: { 200: postView },
      },
    },
    async (request) =>
      renderPost(
        await submitPost(
          postDeps,
          requireActor(request),
          request.params.id,
          request.body,
          requestMeta(request),
        ),
        requestLocale(request),
      ),
  )

  app.post(
    '/posts/:id/override',
    {
      schema: {
        tags: ['posts'],
        summary:
          "A penanggung jawab over the post's unit lets its blocking findings through, with a written reason",
        params: idParams,
        body: overrideBody,
        response: { 200: postView },
      },
    },
    async (request) =>
      renderPost(
        await overridePost(
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
