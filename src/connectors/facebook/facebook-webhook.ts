// Facebook Page webhooks (object `page`): field `feed` with `item: comment` (verb add / edited / remove) becomes
// an inbox interaction; everything else (reactions, the Page's own posts, `mention` without its text) is counted
// and ignored. Payload: developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed.
import type { WebhookEvent } from '../webhook.ts'
import { createMetaWebhookVerifier, str, timeOf, type MetaChange } from '../meta/meta-webhook.ts'

export function readFacebookChange(pageId: string, change: MetaChange, entryTime: Date | null): WebhookEvent {
  const value = change.value
  if (change.field !== 'feed' || str(value, 'item') !== 'comment')
    return { kind: 'ignored', accountExternalId: pageId, type: `${change.field}:${str(value, 'item') ?? ''}` }
  const commentId = str(value, 'comment_id')
  const postId = str(value, 'post_id')
  const verb = str(value, 'verb')
  const from = (value.from ?? {}) as Record<string, unknown>
  if (!commentId || !postId)
    return { kind: 'ignored', accountExternalId: pageId, type: 'feed:comment:malformed' }
  if (verb === 'remove')
    return { kind: 'interaction_deleted', accountExternalId: pageId, externalId: commentId }
  if (verb === 'edited')
    return {
      kind: 'interaction_edited',
      accountExternalId: pageId,
      externalId: commentId,
      text: str(value, 'message') ?? '',
    }
  if (verb !== 'add' || str(from, 'id') === pageId)
    return { kind: 'ignored', accountExternalId: pageId, type: `feed:comment:${verb ?? ''}` }
  const parent = str(value, 'parent_id')
  return {
    kind: 'interaction',
    accountExternalId: pageId,
    interaction: {
      externalId: commentId,
      kind: parent && parent !== postId ? 'reply' : 'comment',
      author: {
        externalId: str(from, 'id') ?? '',
        handle: str(from, 'name') ?? str(from, 'id') ?? '',
        displayName: str(from, 'name') ?? null,
      },
      text: str(value, 'message') ?? '',
      createdAt: timeOf(value, 'created_time', entryTime ?? new Date(0)),
      url: `https://www.facebook.com/${commentId}`,
      parentExternalId: parent ?? postId,
      rootExternalId: postId,
    },
  }
}

export const facebookWebhook = createMetaWebhookVerifier('facebook', 'page', readFacebookChange)
