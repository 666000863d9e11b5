// Instagram webhooks (object `instagram`): field `comments` (and `live_comments`) becomes an inbox interaction;
// `mentions` (ids only), `story_insights` and the rest are counted and ignored. Payload:
// developers.facebook.com/docs/instagram-platform/webhooks/examples (comments: value.from, value.media, value.id,
// value.parent_id, value.text; no time of its own, so the entry's `time`).
import type { WebhookEvent } from '../webhook.ts'
import { createMetaWebhookVerifier, str, type MetaChange } from '../meta/meta-webhook.ts'

export function readInstagramChange(
  igUserId: string,
  change: MetaChange,
  entryTime: Date | null,
): WebhookEvent {
  const value = change.value
  if (change.field !== 'comments' && change.field !== 'live_comments')
    return { kind: 'ignored', accountExternalId: igUserId, type: change.field }
  const from = (value.from ?? {}) as Record<string, unknown>
  const media = (value.media ?? {}) as Record<string, unknown>
  const commentId = str(value, 'id')
  const mediaId = str(media, 'id')
  if (!commentId || !mediaId)
    return { kind: 'ignored', accountExternalId: igUserId, type: 'comments:malformed' }
  if (str(from, 'id') === igUserId)
    return { kind: 'ignored', accountExternalId: igUserId, type: 'comments:own' }
  const parent = str(value, 'parent_id')
  return {
    kind: 'interaction',
    accountExternalId: igUserId,
    interaction: {
      externalId: commentId,
      kind: parent ? 'reply' : 'comment',
      author: { externalId: str(from, 'id') ?? '', handle: str(from, 'username') ?? '', displayName: null },
      text: str(value, 'text') ?? '',
      createdAt: entryTime ?? new Date(0),
      url: null,
      parentExternalId: parent ?? mediaId,
      rootExternalId: mediaId,
    },
  }
}

export const instagramWebhook = createMetaWebhookVerifier('instagram', 'instagram', readInstagramChange)
